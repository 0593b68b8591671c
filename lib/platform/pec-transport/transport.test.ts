// The PEC transport against a real SMTP peer (the smtp-server package on a
// free local port, with a login): what arrives, how failures are classed,
// the rate and the timeouts.
import net from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { EmailDeliveryError } from "@/lib/platform/email-transport/delivery-error";
import { createRateLimiter } from "@/lib/platform/rate-limit/request-rate";
import { freePort } from "@/lib/test/free-port";
import { createPecTransport, createSmtpPecTransport, emailMessageIdOf, isRetryableSmtpError, pecMessageId, pecRateFromEnv } from "./transport";

const FROM = "protocollo@pec.anci-sicilia.example.it";
const USER = "protocollo@pec.anci-sicilia.example.it";
const PASS = "p@ss:word/segreta";

type Captured = { raw: Buffer; from: string; to: string[]; at: number; user: string | undefined };

async function startSmtp(overrides: Partial<SMTPServerOptions> = {}) {
  const captured: Captured[] = [];
  const port = await freePort();
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASS) return callback(null, { user: auth.username });
      return callback(Object.assign(new Error("Credenziali non valide"), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        captured.push({
          raw: Buffer.concat(chunks),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          at: Date.now(),
          user: session.user as string | undefined,
        });
        callback();
      });
    },
    ...overrides,
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://${encodeURIComponent(USER)}:${encodeURIComponent(PASS)}@127.0.0.1:${port}`,
    port,
    captured,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const email = (id: string, extra: Partial<Parameters<ReturnType<typeof createPecTransport>["send"]>[0]> = {}) => ({
  id,
  to: "protocollo@pec.comune.palermo.example.it",
  toName: "Comune di Palermo",
  subject: "Convocazione Tavolo tecnico – 24 marzo 2022",
  html: "<p>Vi invito a partecipare…</p>",
  text: "Vi invito a partecipare…",
  channel: "PEC" as const,
  ...extra,
});

describe("choosing the PEC transport", () => {
  test("without PEC_SMTP_URL the outbox marked PEC; with it SMTP", () => {
    expect(createPecTransport({}).name).toBe("pec-outbox");
    expect(createPecTransport({ PEC_SMTP_URL: "  " }).name).toBe("pec-outbox");
    expect(createPecTransport({ PEC_SMTP_URL: "smtps://u%40x.it:p@smtps.pec.example.it:465", PEC_FROM: FROM }).name).toBe("pec");
    // The account is the sender when PEC_FROM is missing and it is an address.
    expect(createPecTransport({ PEC_SMTP_URL: "smtps://u%40x.it:p@smtps.pec.example.it:465" }).name).toBe("pec");
    expect(() => createPecTransport({ PEC_SMTP_URL: "smtps://utente:p@smtps.pec.example.it" })).toThrow(/PEC_FROM/);
    expect(() => createPecTransport({ PEC_SMTP_URL: "https://example.it", PEC_FROM: FROM })).toThrow(/smtp/);
  });

  test("PEC_RATE_PER_SECOND, 1 by default", () => {
    expect(pecRateFromEnv({})).toBe(1);
    expect(pecRateFromEnv({ PEC_RATE_PER_SECOND: "3" })).toBe(3);
    expect(pecRateFromEnv({ PEC_RATE_PER_SECOND: "0" })).toBe(1);
    expect(pecRateFromEnv({ PEC_RATE_PER_SECOND: "tanti" })).toBe(1);
  });

  test("the Message-ID carries the EmailMessage id, and gives it back", () => {
    const id = "0b7c1d1e-1111-4222-8333-444455556666";
    expect(pecMessageId(id, `"ANCI Sicilia" <${FROM}>`)).toBe(`<${id}@pec.anci-sicilia.example.it>`);
    expect(emailMessageIdOf(pecMessageId(id, FROM))).toBe(id);
    expect(emailMessageIdOf("<opec.123@pec.example.it>")).toBeNull();
    expect(emailMessageIdOf(null)).toBeNull();
  });

  test.each([
    ["5xx rejection", { responseCode: 550 }, false],
    ["5xx mailbox unknown", { code: "EENVELOPE", responseCode: 553 }, false],
    ["4xx try later", { responseCode: 451 }, true],
    ["4xx too many", { code: "EENVELOPE", responseCode: 421 }, true],
    ["login refused (operator fixes it)", { code: "EAUTH", responseCode: 535 }, true],
    ["connection refused", { code: "ECONNECTION" }, true],
    ["timeout", { code: "ETIMEDOUT" }, true],
    ["message refused by nodemailer", { code: "EMESSAGE" }, false],
  ] as const)("%s → retryable %s", (_, error, retryable) => {
    expect(isRetryableSmtpError(error)).toBe(retryable);
  });
});

describe("sending over SMTP", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.close();
  });

  test("the server receives the message with its Message-ID, headers and attachments, after logging in", async () => {
    const transport = createPecTransport({ PEC_SMTP_URL: smtp.url, PEC_FROM: `"ANCI Sicilia" <${FROM}>`, PEC_RATE_PER_SECOND: "5" });
    const id = "3f0e6a52-5c1b-4d0e-9b7a-0c2d4e6f8a10";
    const pdf = Buffer.from("%PDF-1.7\n\x00\x01\x02\xff binario\n%%EOF", "latin1");
    const result = await transport.send(
      email(id, {
        headers: { "X-Convoca-Prova": "prova-42", "List-Id": "Convocazioni <convocazioni.anci.example.it>" },
        attachments: [
          { filename: "lettera-convocazione.pdf", content: pdf.toString("base64"), contentType: "application/pdf", encoding: "base64" },
          { filename: "note.txt", content: "Testo àccentato", contentType: "text/plain" },
        ],
      }),
    );
    expect(result.providerId).toBe(`<${id}@pec.anci-sicilia.example.it>`);
    const [received] = smtp.captured.slice(-1);
    expect(received.user).toBe(USER);
    expect(received.from).toBe(FROM);
    expect(received.to).toEqual(["protocollo@pec.comune.palermo.example.it"]);
    const parsed = await simpleParser(received.raw);
    expect(parsed.messageId).toBe(`<${id}@pec.anci-sicilia.example.it>`);
    expect(parsed.subject).toBe("Convocazione Tavolo tecnico – 24 marzo 2022");
    expect(parsed.headers.get("x-convoca-prova")).toBe("prova-42");
    expect(parsed.text?.trim()).toBe("Vi invito a partecipare…");
    expect(parsed.attachments.map((attachment) => [attachment.filename, attachment.contentType])).toEqual([
      ["lettera-convocazione.pdf", "application/pdf"],
      ["note.txt", "text/plain"],
    ]);
    expect(Buffer.compare(parsed.attachments[0].content, pdf)).toBe(0);
    expect(parsed.attachments[1].content.toString("utf8")).toBe("Testo àccentato");
  });

  test("at most PEC_RATE_PER_SECOND sends a second: three at once at 1/s span two seconds", async () => {
    const transport = createSmtpPecTransport({ url: smtp.url, from: FROM, limiter: createRateLimiter(1) });
    const before = smtp.captured.length;
    const ids = ["00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000b", "00000000-0000-4000-8000-00000000000c"];
    await Promise.all(ids.map((id) => transport.send(email(id))));
    const times = smtp.captured.slice(before).map((entry) => entry.at);
    expect(times).toHaveLength(3);
    for (let index = 1; index < times.length; index++) expect(times[index] - times[index - 1]).toBeGreaterThanOrEqual(950);
  }, 30_000);

  test("a wrong password is a retryable delivery error", async () => {
    const url = smtp.url.replace(encodeURIComponent(PASS), "sbagliata");
    const transport = createSmtpPecTransport({ url, from: FROM, perSecond: 50 });
    const error = await transport.send(email("00000000-0000-4000-8000-0000000000a1")).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EmailDeliveryError);
    expect((error as EmailDeliveryError).retryable).toBe(true);
  });
});

describe("SMTP failures", () => {
  test("a 5xx on the recipient is final, a 4xx is retried", async () => {
    const smtp = await startSmtp({
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith("sconosciuto")) return callback(Object.assign(new Error("5.1.1 Casella inesistente"), { responseCode: 550 }));
        if (address.address.startsWith("occupato")) return callback(Object.assign(new Error("4.3.2 Riprovare più tardi"), { responseCode: 451 }));
        callback();
      },
    });
    try {
      const transport = createSmtpPecTransport({ url: smtp.url, from: FROM, perSecond: 50 });
      const final = await transport.send(email("00000000-0000-4000-8000-0000000000b1", { to: "sconosciuto@pec.example.it" })).catch((caught: unknown) => caught);
      expect(final).toBeInstanceOf(EmailDeliveryError);
      expect((final as EmailDeliveryError).retryable).toBe(false);
      expect((final as EmailDeliveryError).message).toContain("550");
      const later = await transport.send(email("00000000-0000-4000-8000-0000000000b2", { to: "occupato@pec.example.it" })).catch((caught: unknown) => caught);
      expect(later).toBeInstanceOf(EmailDeliveryError);
      expect((later as EmailDeliveryError).retryable).toBe(true);
      expect(smtp.captured).toHaveLength(0);
    } finally {
      await smtp.close();
    }
  });

  test("nobody listening: retryable", async () => {
    const port = await freePort();
    const transport = createSmtpPecTransport({ url: `smtp://u:p@127.0.0.1:${port}`, from: FROM, perSecond: 50, timeoutMs: 5_000 });
    const error = await transport.send(email("00000000-0000-4000-8000-0000000000c1")).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EmailDeliveryError);
    expect((error as EmailDeliveryError).retryable).toBe(true);
  });

  test("a server that never greets does not hold the sender past the timeout", async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, "127.0.0.1", resolve));
    try {
      const transport = createSmtpPecTransport({ url: `smtp://u:p@127.0.0.1:${port}`, from: FROM, perSecond: 50, timeoutMs: 1_000 });
      const started = Date.now();
      const error = await transport.send(email("00000000-0000-4000-8000-0000000000d1")).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(EmailDeliveryError);
      expect((error as EmailDeliveryError).retryable).toBe(true);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  }, 30_000);
});
