import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { signOutAction } from "@/lib/auth/actions";
import { guardPage } from "@/lib/auth/guard";

export const metadata: Metadata = {
  title: { default: "Area riservata", template: "%s | Area riservata Convoca" },
  robots: { index: false, follow: false },
};

/**
 * The dashboard's frame. It checks the session to show who is signed in, but
 * it is not the check: a layout is not re-run on every navigation, so each
 * page, action and route handler calls the guard itself.
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await guardPage("read");
  return (
    <>
      <DashboardHeader user={user} signOut={signOutAction} />
      <main id="main" className="container my-4" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
