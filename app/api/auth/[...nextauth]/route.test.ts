// Sign-in requests against Auth.js's real route handler: their own limits,
// an answer that does not reveal them, and links that always work.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_ENV, CLIENT_ADDRESS_HEADER } from "@/lib/platform/rate-limit/client-address";
import { createTestDatabase } from "@/lib/test/database";
import { createUser } from "@/lib/test/factories";

const ORIGIN = "http://localhost:3000";
const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
process.env.APP_URL = ORIGIN;
process.env.AUTH_SECRET = "sign-in-limits-test-secret-0123456789abcdef";
process.env.AUTH_TRUST_HOST = "true";
process.env.RATE_LIMIT_PER_IP = "1000";
process.env.RATE_LIMIT_PER_EMAIL = "3";
// As the web server (scripts/web-server.ts) runs the app: the client's address is in our header.
process.env[CLIENT_ADDRESS_ENV] = "1";
const { GET, POST } = await import("./route");
const { limitPublicWrite, PUBLIC_WRITE_LIMITS, SIGN_IN_LIMITS } = await import("@/lib/platform/rate-limit/limits");

let networks = 0;
/** A client address nobody used before in this file. */
const freshIp = () => `198.51.${Math.floor(++networks / 250)}.${(networks % 250) + 1}`;

const cookieNames = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split("=")[0]);

async function askForLink(email: string, ip: string) {
  const headers = { [CLIENT_ADDRESS_HEADER]: ip };
  const csrf = await GET(new NextRequest(`${ORIGIN}/api/auth/csrf`, { headers }));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((entry) => entry.split(";")[0])
    .join("; ");
  const response = await POST(
    new NextRequest(`${ORIGIN}/api/auth/signin/email`, {
      method: "POST",
      headers: { ...headers, cookie, origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: "/dashboard" }),
    }),
  );
  return { status: response.status, location: response.headers.get("location"), body: await response.text(), cookies: cookieNames(response) };
}

const linksSent = (email: string) => db.emailMessage.count({ where: { toEmail: email, template: "sign-in-link" } });

async function latestLink(email: string): Promise<string> {
  const message = await db.emailMessage.findFirstOrThrow({ where: { toEmail: email, template: "sign-in-link" }, orderBy: { createdAt: "desc" } });
  return (message.data as { signInUrl: string }).signInUrl;
}

/** Follows a sign-in link; true when it opened a session. */
async function followLink(link: string, ip: string): Promise<boolean> {
  const response = await GET(new NextRequest(link, { headers: { [CLIENT_ADDRESS_HEADER]: ip } }));
  const opened = response.headers.getSetCookie().some((cookie) => /^authjs\.session-token=[^;]+/.test(cookie));
  if (opened) expect(response.headers.get("location")).toBe(`${ORIGIN}/dashboard`);
  return opened;
}

const perNetwork = SIGN_IN_LIMITS.perAddressFromNetwork.points;

describe("sign-in link requests", () => {
  it("have buckets of their own: registrations do not use up an address's sign-in, nor the other way round", async () => {
    const registrant = await createUser(db, "COORDINATOR");
    for (let i = 0; i < PUBLIC_WRITE_LIMITS.perEmail.points; i++) expect((await limitPublicWrite({ ip: freshIp(), email: registrant.email })).ok).toBe(true);
    expect((await limitPublicWrite({ ip: freshIp(), email: registrant.email })).ok).toBe(false);
    await askForLink(registrant.email, freshIp());
    expect(await linksSent(registrant.email)).toBe(1);

    const signer = await createUser(db, "COORDINATOR");
    const ip = freshIp();
    for (let i = 0; i < perNetwork + 2; i++) await askForLink(signer.email, ip);
    expect(await linksSent(signer.email)).toBe(perNetwork);
    expect((await limitPublicWrite({ ip: freshIp(), email: signer.email })).ok).toBe(true);
  });

  it("over the limit get exactly the answer of a sent link, and nothing is sent", async () => {
    const user = await createUser(db, "OBSERVER");
    const ip = freshIp();
    const sent = await askForLink(user.email, ip);
    for (let i = 1; i < perNetwork; i++) expect(await askForLink(user.email, ip)).toEqual(sent);
    expect(await linksSent(user.email)).toBe(perNetwork);
    const limited = await askForLink(user.email, ip);
    expect(limited).toEqual(sent);
    expect(sent).toMatchObject({ status: 302, location: `${ORIGIN}/api/auth/verify-request?provider=email&type=email` });
    expect(await linksSent(user.email)).toBe(perNetwork);
    // An unknown address too: nothing tells them apart.
    expect(await askForLink("nessuno@anci.example.it", freshIp())).toEqual(sent);
  });

  it("let a coordinator ask for and use a link while an attacker is limited", async () => {
    const coordinator = await createUser(db, "COORDINATOR");
    const attacker = freshIp();
    for (let i = 0; i < perNetwork + 5; i++) await askForLink(coordinator.email, attacker);
    expect(await linksSent(coordinator.email)).toBe(perNetwork);

    // From their own network the coordinator is not limited by the attacker's requests.
    const desk = freshIp();
    await askForLink(coordinator.email, desk);
    expect(await linksSent(coordinator.email)).toBe(perNetwork + 1);
    expect(await followLink(await latestLink(coordinator.email), desk)).toBe(true);

    // An attacker spread over many networks fills the address's overall cap…
    while ((await linksSent(coordinator.email)) < SIGN_IN_LIMITS.perAddress.points) await askForLink(coordinator.email, freshIp());
    const capped = await linksSent(coordinator.email);
    await askForLink(coordinator.email, freshIp());
    expect(await linksSent(coordinator.email)).toBe(capped);
    // …which does not apply from the network the coordinator signed in from.
    await askForLink(coordinator.email, desk);
    expect(await linksSent(coordinator.email)).toBe(capped + 1);
    // Following a valid link is never limited, whoever's address it comes from.
    expect(await followLink(await latestLink(coordinator.email), attacker)).toBe(true);
  });
});
