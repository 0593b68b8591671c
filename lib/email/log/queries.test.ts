import { describe, expect, test } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { SAMPLE_DATA } from "@/lib/test/email-fixtures";
import { createMeeting } from "@/lib/test/factories";
import type { EmailStatus } from "@/lib/generated/prisma/enums";
import type { EmailTemplateName } from "../schema";
import { parseEmailLogFilters, type EmailLogFilters } from "./filters";
import { listEmailLog } from "./queries";

const { db } = await createTestDatabase();
const meeting = await createMeeting(db, { title: "Tavolo tecnico di marzo" });

type Seed = { toEmail: string; toName?: string; template: EmailTemplateName; status: EmailStatus; minutesAgo: number; meeting?: boolean };

const SEEDS: Seed[] = [
  { toEmail: "maria.rossi@comune.example.it", toName: "Maria Rossi", template: "registration-confirmed", status: "SENT", minutesAgo: 50, meeting: true },
  { toEmail: "giuseppe.verdi@coop.example.it", template: "invitation", status: "FAILED", minutesAgo: 40, meeting: true },
  { toEmail: "anna.bianchi@comune.example.it", toName: "Anna Bianchi", template: "registration-cancelled", status: "PENDING", minutesAgo: 30 },
  { toEmail: "coordinatore@anci.example.it", template: "sign-in-link", status: "FAILED", minutesAgo: 20 },
  { toEmail: "MARIA.ROSSI@comune.example.it", template: "personal-link", status: "SENT", minutesAgo: 10, meeting: true },
];

for (const seed of SEEDS) {
  await db.emailMessage.create({
    data: {
      template: seed.template,
      toEmail: seed.toEmail,
      toName: seed.toName ?? null,
      data: SAMPLE_DATA[seed.template],
      status: seed.status,
      attempts: seed.status === "PENDING" ? 0 : 1,
      lastError: seed.status === "FAILED" ? "Resend 422 validation_error" : null,
      createdAt: new Date(Date.now() - seed.minutesAgo * 60_000),
      meetingId: seed.meeting ? meeting.id : null,
    },
  });
}

async function recipients(filters: Partial<EmailLogFilters>) {
  const { messages } = await listEmailLog(db, { page: 1, ...filters });
  return messages.map((message) => message.toEmail);
}

describe("listEmailLog", () => {
  test("lists newest first with status, attempts, error and meeting, never the message data", async () => {
    const { messages, total } = await listEmailLog(db, { page: 1 });
    expect(total).toBe(5);
    expect(messages.map((message) => message.template)).toEqual([
      "personal-link",
      "sign-in-link",
      "registration-cancelled",
      "invitation",
      "registration-confirmed",
    ]);
    expect(messages[3]).toMatchObject({ status: "FAILED", attempts: 1, lastError: "Resend 422 validation_error", meeting: { title: "Tavolo tecnico di marzo" } });
    for (const message of messages) expect(message).not.toHaveProperty("data");
    expect(JSON.stringify(messages)).not.toContain("Tok3n");
  });

  test("filters by status", async () => {
    expect(await recipients({ status: "FAILED" })).toEqual(["coordinatore@anci.example.it", "giuseppe.verdi@coop.example.it"]);
    expect(await recipients({ status: "SENDING" })).toEqual([]);
  });

  test("filters by template", async () => {
    expect(await recipients({ template: "invitation" })).toEqual(["giuseppe.verdi@coop.example.it"]);
  });

  test("filters by part of the recipient's address or name, any case", async () => {
    expect(await recipients({ recipient: "maria.rossi" })).toEqual(["MARIA.ROSSI@comune.example.it", "maria.rossi@comune.example.it"]);
    expect(await recipients({ recipient: "BIANCHI" })).toEqual(["anna.bianchi@comune.example.it"]);
    expect(await recipients({ recipient: "maria", status: "SENT", template: "personal-link" })).toEqual(["MARIA.ROSSI@comune.example.it"]);
  });

  test("pages through the messages", async () => {
    const second = await listEmailLog(db, { page: 2, pageSize: 2 });
    expect(second).toMatchObject({ total: 5, page: 2, pageCount: 3 });
    expect(second.messages.map((message) => message.template)).toEqual(["registration-cancelled", "invitation"]);
  });
});

describe("parseEmailLogFilters", () => {
  test("keeps known statuses and templates, drops the rest", () => {
    expect(parseEmailLogFilters({ stato: "FAILED", modello: "invitation", destinatario: " rossi ", pagina: "3" })).toEqual({
      status: "FAILED",
      template: "invitation",
      recipient: "rossi",
      page: 3,
    });
    expect(parseEmailLogFilters({ stato: "failed", modello: "data", destinatario: "", pagina: "abc" })).toEqual({ page: 1 });
  });
});
