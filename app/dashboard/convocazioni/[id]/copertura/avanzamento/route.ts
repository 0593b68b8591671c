// How the coverage reminders' delivery is going, polled by the coverage page.
import { guardRoute } from "@/lib/auth/guard";
import { getReminderProgress } from "@/lib/coverage/queries";
import { meetingIdSchema } from "@/lib/coverage/schema";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const guard = await guardRoute("read");
  if (!guard.ok) return guard.response;
  const id = meetingIdSchema.safeParse((await params).id);
  if (!id.success) return Response.json({ ok: false, formError: "Convocazione non trovata." }, { status: 404 });
  const progress = await getReminderProgress(db(), { meetingId: id.data, now: new Date() });
  return Response.json(progress, { headers: { "cache-control": "no-store" } });
}
