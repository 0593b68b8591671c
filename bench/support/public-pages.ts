// What the front-end benchmarks (first load, Lighthouse) share: the
// production server (scripts/serve.ts start, with its own embedded
// PostgreSQL, see ./stack.ts), a published meeting open for registration of
// the benchmark's own, and the three public pages they measure.
import { createPrismaClient } from "../../lib/platform/database/client";
import { createMeeting } from "../../lib/test/factories";
import { routes } from "../../lib/routes";
import { startStack, type Resources, type Stack } from "./stack";

/** The seeded reference convocation (prisma/seed/reference-meeting.ts). */
export const REFERENCE_SLUG = "tavolo-tecnico-2022-03-24";

export type PublicPage = { name: "home" | "convocation" | "form"; label: string; path: string };

export async function startPublicPages(resources: Resources, log: (line: string) => void): Promise<{ stack: Stack; pages: PublicPage[] }> {
  const stack = await startStack(resources, { worker: false, rateLimit: 1_000_000, log });
  const db = createPrismaClient(stack.databaseUrl, 1);
  try {
    const open = await createMeeting(db, { title: "Tavolo tecnico aperto (benchmark)" });
    return {
      stack,
      pages: [
        { name: "home", label: "home", path: routes.home() },
        { name: "convocation", label: "convocation", path: routes.public.meeting(REFERENCE_SLUG).page() },
        { name: "form", label: "form page", path: routes.public.meeting(open.slug).registration() },
      ],
    };
  } finally {
    await db.$disconnect();
  }
}
