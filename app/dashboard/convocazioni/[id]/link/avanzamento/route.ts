// How the latest join-link send's delivery is going, polled by the Link page.
// Counts only: never an address, never the link.
import { guardRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { getJoinLinkProgress } from "@/lib/join-link/queries";
import { meetingIdSchema } from "@/lib/join-link/schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const guard = await guardRoute("read");
  if (!guard.ok) return guard.response;
  const id = meetingIdSchema.safeParse((await params).id);
  if (!id.success) return Response.json({ ok: false, formError: "Convocazione non trovata." }, { status: 404 });
  const progress = await getJoinLinkProgress(db(), id.data);
  return Response.json(progress, { headers: { "cache-control": "no-store" } });
}
