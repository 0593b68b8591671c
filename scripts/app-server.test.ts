// The http server in front of Next, with the real registration route behind
// it (in place of Next's router): 60 registrations, each claiming its own
// X-Forwarded-For, from one connection.
import net, { type AddressInfo } from "node:net";
import type { IncomingMessage, Server } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { parseTrustedProxies } from "@/lib/platform/rate-limit/client-address";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting } from "@/lib/test/factories";
import { createAppServer } from "./app-server";

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
delete process.env.RATE_LIMIT_PER_IP; // The production limit: 30 per 10 minutes.
delete process.env.RATE_LIMIT_PER_EMAIL;
const { POST } = await import("@/app/api/convocazioni/[slug]/iscrizioni/route");
const { PUBLIC_WRITE_LIMITS } = await import("@/lib/platform/rate-limit/limits");

/** What Next would do with the request: the route handler, with the headers the server left on it. */
async function registrationRoute(request: IncomingMessage): Promise<Response> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
  const slug = decodeURIComponent(request.url!.split("/")[3]);
  return POST(new Request(`http://localhost${request.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }), { params: Promise.resolve({ slug }) });
}

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

async function start(trustedProxies: string | undefined): Promise<string> {
  const server = createAppServer(parseTrustedProxies(trustedProxies), async (request, response) => {
    const answer = await registrationRoute(request);
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** 60 registrations from one connection, each with its own X-Forwarded-For (as a proxy appends: client first, then the proxy's view); the statuses. */
async function sixtyRegistrations(base: string, slug: string, tag: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 60; i++) {
    const response = await fetch(`${base}/api/convocazioni/${slug}/iscrizioni`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": `203.0.113.${i + 1}, 192.0.2.${i + 1}`,
        // Our own header, claimed by the client: always overwritten.
        "x-convoca-client-address": `198.51.100.${i + 1}`,
      },
      body: JSON.stringify({
        firstName: "Giuseppe",
        lastName: "Verdi",
        email: `xff.${tag}.${i}@example.it`,
        roleTitle: "Funzionario",
        organisationType: "ALTRO_ENTE",
        organisationName: "Ente di prova",
        privacyConsent: true,
      }),
    });
    statuses.push(response.status);
  }
  return statuses;
}

const count = (statuses: number[], status: number) => statuses.filter((value) => value === status).length;

describe("the per-IP limit behind our http server", () => {
  it("without TRUSTED_PROXIES counts the connection: 60 made-up X-Forwarded-For are one client", async () => {
    const meeting = await createMeeting(db, { capacity: 100 });
    const statuses = await sixtyRegistrations(await start(undefined), meeting.slug, "a");
    expect(count(statuses, 201)).toBe(PUBLIC_WRITE_LIMITS.perIp.points);
    expect(count(statuses, 429)).toBe(60 - PUBLIC_WRITE_LIMITS.perIp.points);
    expect(await db.registration.count({ where: { meetingId: meeting.id } })).toBe(PUBLIC_WRITE_LIMITS.perIp.points);
  });

  it("with TRUSTED_PROXIES takes the address our proxy appended: 60 clients behind it", async () => {
    for (const [trusted, tag] of [["1", "b"], ["127.0.0.1/8, ::1", "c"]]) {
      const meeting = await createMeeting(db, { capacity: 100 });
      const statuses = await sixtyRegistrations(await start(trusted), meeting.slug, tag);
      expect(count(statuses, 201), `TRUSTED_PROXIES=${trusted}`).toBe(60);
      expect(await db.registration.count({ where: { meetingId: meeting.id } })).toBe(60);
    }
  });
});

describe("a request line Next cannot route", () => {
  it("answers GET * with our 400 page, and never calls Next", async () => {
    let calls = 0;
    const server = createAppServer(parseTrustedProxies(undefined), async (_request, response) => {
      calls++;
      response.end("next");
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const answer = await new Promise<string>((resolve, reject) => {
      let text = "";
      const socket = net.connect(port, "127.0.0.1", () => socket.write("GET * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
      socket.on("data", (chunk) => (text += chunk.toString("utf8")));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 400 Bad Request");
    expect(answer).toContain("indirizzo richiesto non è valido");
    expect(calls).toBe(0);
  });
});
