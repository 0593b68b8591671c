import "server-only";
// Auth.js v5: a magic link by email (sent through our own email pipeline, so
// it is written as an EmailMessage and delivered by the worker with retries),
// database sessions through the Prisma adapter, and no self-signup: only an
// existing, active User gets a link. An unknown address sees the same "check
// your email" page, so the form does not reveal who has an account.
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { formatDateTime } from "@/lib/platform/format/dates";
import { signInLinkAllowed, signInLinkUsed } from "@/lib/platform/rate-limit/sign-in";
import { onAppOrigin } from "@/lib/site";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { CHECK_EMAIL_PATH, SIGN_IN_LINK_MINUTES, SIGN_IN_PATH } from "./paths";
import { mayUseDashboard } from "./queries";
import { withHashedSessionTokens } from "./session-tokens";

declare module "next-auth" {
  interface User {
    role?: UserRole;
    active?: boolean;
  }
  interface Session {
    user: { id: string; email: string; name: string | null; role: UserRole; active: boolean };
  }
}

const magicLink: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  maxAge: SIGN_IN_LINK_MINUTES * 60,
  async sendVerificationRequest({ identifier, url, expires }) {
    await enqueueEmail(db(), {
      template: "sign-in-link",
      toEmail: identifier,
      // Auth.js builds `url` from the request's host, which the caller chooses.
      data: { signInUrl: onAppOrigin(url), expiresAt: formatDateTime(expires) },
    });
  },
};

// Where Auth.js sends the browser once it has sent a link (its basePath's
// verify-request, which redirects to our CHECK_EMAIL_PATH), with the same
// query: a refusal answers with exactly this location.
const LINK_SENT = "/api/auth/verify-request?provider=email&type=email";

// Lazy: the configuration, and with it the database client, is made on the
// first request, not when a build imports this module.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  // The adapter is typed for @prisma/client's default output; ours is generated elsewhere, same models.
  // Sessions are stored by the hash of their token (./session-tokens).
  adapter: withHashedSessionTokens(PrismaAdapter(db() as unknown as Parameters<typeof PrismaAdapter>[0])),
  session: { strategy: "database", maxAge: 12 * 60 * 60, updateAge: 60 * 60 },
  providers: [magicLink],
  pages: { signIn: SIGN_IN_PATH, verifyRequest: CHECK_EMAIL_PATH, error: SIGN_IN_PATH },
  events: {
    async signIn({ user }) {
      if (user.email) await signInLinkUsed(user.email);
    },
  },
  callbacks: {
    async signIn({ user, email }) {
      // Asking for a link over the sign-in limits (lib/platform/rate-limit/sign-in.ts) gets the same answer
      // as a sent link, and nothing is sent. Following a link (no verificationRequest) is never limited.
      if (email?.verificationRequest && !(user.email && (await signInLinkAllowed(user.email)))) return LINK_SENT;
      if (user.email && (await mayUseDashboard(db(), user.email))) return true;
      // Same answer as a sent link: no email is sent and nothing tells the caller why.
      return email?.verificationRequest ? LINK_SENT : CHECK_EMAIL_PATH;
    },
    session({ session, user }) {
      return {
        ...session,
        user: {
          id: user.id,
          email: user.email,
          name: user.name ?? null,
          role: user.role ?? "OBSERVER",
          active: user.active === true,
        },
      };
    },
  },
}));
