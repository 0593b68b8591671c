import type { Metadata } from "next";
import { guardPage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Panoramica" };

export default async function DashboardOverviewPage() {
  const user = await guardPage("read");
  return (
    <>
      <h1>Panoramica</h1>
      <p className="lead">Benvenuto/a, {user.name ?? user.email}.</p>
    </>
  );
}
