// Emailed secrets at rest: a message keeps its links while it may still be
// delivered, and loses them (to a marker) in the statement that makes it
// final: SENT one by one or in a provider batch, or CANCELLED. The migration
// does the same to the rows already final when it runs.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { EmailStatus } from "@/lib/generated/prisma/enums";
import { createTestDatabase } from "@/lib/test/database";
import { SAMPLE_DATA } from "@/lib/test/email-fixtures";
import { cancelQueuedEmails, enqueueEmail, markEmailFailed, markEmailSent, recordEmailRetry } from "./mutations";
import { markBatchSent } from "./batch/mutations";
import { buildPersonExport } from "@/lib/people/export";
import { getPersonRecords } from "@/lib/people/queries";
import { EMAIL_SECRET_KEYS, EMAIL_SECRET_MARKER, redactEmailSecrets } from "./secrets";
import { ensureEmailQueue } from "./queue";
import { emailTemplateSchemas, type EmailTemplateName } from "./schema";

const { url, db } = await createTestDatabase();
await ensureEmailQueue(url);

const TEMPLATES = Object.keys(emailTemplateSchemas) as EmailTemplateName[];

// What the fixtures' links and codes are made of: none may survive in a final message.
const FIXTURE_SECRETS = ["Tok3nPersonaleDiProva", "Tok3nInvitoDiProva", "Tok3nAccessoDiProva", "K7QF-2M9X-4HNC-8RTA-ZP3W", "Tok3nDisiscrizioneDiProva"];

/** Secrets of fields added after the migration ran: no row it found can hold them (coverage reminders had no unsubscribe link). */
const LATER_FIELDS: Partial<Record<EmailTemplateName, string[]>> = { "coverage-reminder": ["unsubscribeUrl"] };

function asOlderRelease(template: EmailTemplateName): Record<string, unknown> {
  const later = LATER_FIELDS[template] ?? [];
  return Object.fromEntries(Object.entries(SAMPLE_DATA[template] as Record<string, unknown>).filter(([key]) => !later.includes(key)));
}

async function queued(template: EmailTemplateName, toName = "prova") {
  const { id } = await enqueueEmail(db, { template, toEmail: `${template}@comune.example.it`, toName, data: SAMPLE_DATA[template] });
  return id;
}

const dataOf = async (id: string) => (await db.emailMessage.findUniqueOrThrow({ where: { id }, select: { data: true } })).data;

function expectRedacted(template: EmailTemplateName, data: unknown, original = SAMPLE_DATA[template] as Record<string, unknown>) {
  const stored = data as Record<string, unknown>;
  for (const key of Object.keys(original)) {
    const secret = (EMAIL_SECRET_KEYS[template] as readonly string[]).includes(key) && original[key] != null;
    expect(stored[key], `${template}.${key}`).toEqual(secret ? EMAIL_SECRET_MARKER : original[key]);
  }
  for (const secret of FIXTURE_SECRETS) expect(JSON.stringify(data), template).not.toContain(secret);
}

describe("the data of a message", () => {
  test("keeps every link while it may still be delivered: PENDING, SENDING, retried, FAILED (the log can send it again)", async () => {
    for (const template of TEMPLATES) {
      const pending = await queued(template);
      const failed = await queued(template);
      await db.emailMessage.update({ where: { id: failed }, data: { status: "SENDING" } });
      await recordEmailRetry(db, { id: failed, error: "Resend 503" });
      expect(await dataOf(failed)).toEqual(SAMPLE_DATA[template]);
      await db.emailMessage.update({ where: { id: failed }, data: { status: "SENDING" } });
      await markEmailFailed(db, { id: failed, error: "Resend 422" });
      expect(await dataOf(pending), template).toEqual(SAMPLE_DATA[template]);
      expect(await dataOf(failed), template).toEqual(SAMPLE_DATA[template]);
    }
  });

  test("loses each secret to the marker when it is SENT, and keeps everything else", async () => {
    for (const template of TEMPLATES) {
      const id = await queued(template);
      await db.emailMessage.update({ where: { id }, data: { status: "SENDING" } });
      await markEmailSent(db, { id, delivery: { transport: "resend", providerId: `re_${template}` } });
      const row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
      expect(row.status).toBe("SENT");
      expectRedacted(template, row.data);
      expect(row.data).toEqual(redactEmailSecrets(template, SAMPLE_DATA[template]));
    }
  });

  test("loses them when a provider batch is SENT", async () => {
    const batch = await db.emailBatch.create({ data: {} });
    const ids: string[] = [];
    for (const template of TEMPLATES) {
      const id = await queued(template);
      await db.emailMessage.update({ where: { id }, data: { status: "SENDING", batchId: batch.id } });
      ids.push(id);
    }
    await markBatchSent(db, { batchId: batch.id, delivered: ids.map((id, index) => ({ id, providerId: `re_batch_${index}` })), transport: "resend" });
    for (const [index, template] of TEMPLATES.entries()) expectRedacted(template, await dataOf(ids[index]));
  });

  test("loses them when it is CANCELLED, in the cancelling transaction; a message left alone keeps them", async () => {
    const cancelled = await Promise.all(TEMPLATES.map((template) => queued(template, "da ritirare")));
    const kept = await queued("personal-link", "da tenere");
    await expect(
      db.$transaction(async (tx) => {
        await cancelQueuedEmails(tx, { where: { toName: "da ritirare" }, reason: "Annullato: prova" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    for (const [index, template] of TEMPLATES.entries()) expect(await dataOf(cancelled[index])).toEqual(SAMPLE_DATA[template]);

    expect(await db.$transaction((tx) => cancelQueuedEmails(tx, { where: { toName: "da ritirare" }, reason: "Annullato: prova" }))).toBe(TEMPLATES.length);
    for (const [index, template] of TEMPLATES.entries()) expectRedacted(template, await dataOf(cancelled[index]));
    expect(await dataOf(kept)).toEqual(SAMPLE_DATA["personal-link"]);
  });
});

test("a person's export shows no secret of an email still waiting to be sent, an attestato's code included", async () => {
  const person = await db.person.create({ data: { email: "lucia.attesa@comune.example.it", firstName: "Lucia", lastName: "Attesa" } });
  for (const template of TEMPLATES) {
    await enqueueEmail(db, { template, toEmail: person.email, data: SAMPLE_DATA[template] });
  }
  const text = JSON.stringify(buildPersonExport((await getPersonRecords(db, { id: person.id, withEmailData: true }))!));
  expect(text).toContain("Tavolo tecnico del Coordinamento dei Comuni SAI");
  for (const secret of FIXTURE_SECRETS) expect(text).not.toContain(secret);
});

describe("the migration that scrubs the messages already final", () => {
  async function migrationStatements(): Promise<string[]> {
    const folder = path.join(process.cwd(), "prisma", "migrations", "20261202053000_email_secrets_at_rest");
    const sql = await readFile(path.join(folder, "migration.sql"), "utf8");
    // As the migration runner reads it: statements split on ";".
    return sql
      .split(";")
      .map((statement) => statement.replace(/^\s*--.*$/gm, "").trim())
      .filter(Boolean);
  }

  test("replaces the secrets of SENT and CANCELLED rows as the code does, leaves the others, and ends the stored sessions", async () => {
    await db.emailMessage.deleteMany({});
    const rows: { id: string; template: EmailTemplateName; status: EmailStatus }[] = [];
    for (const template of TEMPLATES) {
      for (const status of ["SENT", "CANCELLED", "PENDING", "SENDING", "FAILED"] as const) {
        // Written as an older release left them: final, with every link in the data.
        const row = await db.emailMessage.create({
          data: { template, toEmail: `${status.toLowerCase()}@comune.example.it`, data: asOlderRelease(template) as object, status },
          select: { id: true },
        });
        rows.push({ id: row.id, template, status });
      }
    }
    const user = await db.user.create({ data: { email: "sessione@convoca.test", role: "ADMIN" } });
    await db.session.create({ data: { sessionToken: "token-in-chiaro", userId: user.id, expires: new Date(Date.now() + 3_600_000) } });

    for (const statement of await migrationStatements()) await db.$executeRawUnsafe(statement);

    for (const row of rows) {
      const data = await dataOf(row.id);
      if (row.status === "SENT" || row.status === "CANCELLED") expectRedacted(row.template, data, asOlderRelease(row.template));
      else expect(data, `${row.template} ${row.status}`).toEqual(asOlderRelease(row.template));
    }
    expect(await db.session.count()).toBe(0);
  });
});
