// The dispatch page's two buttons: who may press them, what a bad form gets
// (an Italian message and nothing written, for any input: fast-check), and
// the message after a dispatch.
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { IDLE } from "@/lib/platform/forms/action-state";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createMunicipalityIn, createReferent, createUser } from "@/lib/test/factories";
import { anyString } from "@/lib/test/fuzz";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { sendConvocationAction, sendConvocationToPecAction } = await import("./actions");

const coordinator = { ...(await createUser(db, "COORDINATOR")), active: undefined } as unknown as DashboardUser;
const observer = { ...(await createUser(db, "OBSERVER")), active: undefined } as unknown as DashboardUser;
const monreale = await db.municipality.update({
  where: { id: (await createMunicipalityIn(db, { name: "Monreale" })).id },
  data: { pec: "protocollo@pec.comune.monreale.pa.it" },
});
await createReferent(db, monreale.id, { email: "rosa.rossi@comune.monreale.pa.it" });

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

async function written(meetingId: string) {
  return { dispatches: await db.dispatch.count({ where: { meetingId } }), messages: await db.emailMessage.count({ where: { meetingId } }) };
}

let meeting: Awaited<ReturnType<typeof createMeeting>>;
beforeAll(async () => {
  meeting = await createMeeting(db);
});

describe("sendConvocationAction", () => {
  it("refuses an observer and a signed-out caller, writing nothing", async () => {
    for (const user of [observer, null]) {
      session.user = user;
      const state = await sendConvocationAction(meeting.id, IDLE, form({ audiences: "SAI_PEC,REFERENTS", expected: "2" }));
      expect(state.status).toBe("error");
    }
    expect(await written(meeting.id)).toEqual({ dispatches: 0, messages: 0 });
  });

  it("gives any bad form an Italian message and writes nothing", async () => {
    session.user = coordinator;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ audiences: fc.oneof(anyString, fc.constantFrom("", "SAI", "sai_pec", ",,", "SAI_PEC;REFERENTS")), expected: anyString }),
        fc.oneof(fc.constant(meeting.id), anyString),
        async (values, meetingId) => {
          // A well-formed pair that would send is not a bad input.
          fc.pre(!(meetingId === meeting.id && /^\s*(SAI_PEC|ALL_PEC|REFERENTS|CONSENTED)/.test(values.audiences)));
          const state = await sendConvocationAction(meetingId, IDLE, form(values));
          expect(state.status).toBe("error");
          if (state.status === "error") expect(state.formError).toMatch(/[a-zà-ù]{3}/i);
        },
      ),
      { numRuns: 60 },
    );
    expect(await written(meeting.id)).toEqual({ dispatches: 0, messages: 0 });
  });

  it("refuses a count that no longer holds, then sends and says what went out", async () => {
    session.user = coordinator;
    expect(await sendConvocationAction(meeting.id, IDLE, form({ audiences: "SAI_PEC,REFERENTS", expected: "5" }))).toMatchObject({
      status: "error",
      formError: "I destinatari sono cambiati dall'anteprima: controlla il nuovo elenco e conferma di nuovo. Ora sono 2.",
    });
    expect(await sendConvocationAction(meeting.id, IDLE, form({ audiences: "SAI_PEC,REFERENTS", expected: "2" }))).toMatchObject({
      status: "success",
      message: "Convocazione in invio: 1 PEC ai Comuni e 1 email.",
    });
    expect(await written(meeting.id)).toEqual({ dispatches: 1, messages: 2 });
    expect(await sendConvocationAction(meeting.id, IDLE, form({ audiences: "SAI_PEC,REFERENTS", expected: "0" }))).toMatchObject({
      status: "success",
      message: "Nessun nuovo destinatario: la convocazione non è stata inviata di nuovo. 2 destinatari l'avevano già ricevuta e non la ricevono di nuovo.",
    });
  });
});

describe("sendConvocationToPecAction", () => {
  it("refuses a malformed Comune and one already reached, in Italian", async () => {
    session.user = coordinator;
    await fc.assert(
      fc.asyncProperty(anyString, async (municipalityId) => {
        const state = await sendConvocationToPecAction(meeting.id, IDLE, form({ municipalityId }));
        expect(state).toMatchObject({ status: "error", formError: "Comune non trovato." });
      }),
      { numRuns: 30 },
    );
    expect(await sendConvocationToPecAction(meeting.id, IDLE, form({ municipalityId: monreale.id }))).toMatchObject({
      status: "error",
      formError: "La convocazione è già stata inviata alla PEC di questo Comune.",
    });
    session.user = observer;
    expect((await sendConvocationToPecAction(meeting.id, IDLE, form({ municipalityId: monreale.id }))).status).toBe("error");
    expect(await written(meeting.id)).toEqual({ dispatches: 1, messages: 2 });
  });
});
