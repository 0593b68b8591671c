import { spawn } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { seedMeeting } from "./support/database";
import { openSectionGroup, sectionsNav, signInAs } from "./support/dashboard";
import { tick } from "./support/registration";

// The security headers of lib/platform/security/headers.ts, read from the production
// build, and the pages still working under the policy.

function directives(policy: string | null): Map<string, string[]> {
  expect(policy, "a Content-Security-Policy").toBeTruthy();
  return new Map(
    policy!
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  const policy = directives(headers["content-security-policy"]);
  const scripts = policy.get("script-src") ?? policy.get("default-src")!;
  expect(scripts, `${what}: script-src`).toContain("'self'");
  expect(scripts, `${what}: script-src`).not.toContain("'unsafe-inline'");
  expect(scripts, `${what}: script-src`).not.toContain("'unsafe-eval'");
  expect(scripts.some((source) => source === "*" || source.endsWith(":")), `${what}: no scheme or wildcard in script-src`).toBe(false);
  expect(policy.get("default-src"), what).toEqual(["'self'"]);
  expect(policy.get("object-src"), what).toEqual(["'none'"]);
  expect(policy.get("base-uri"), what).toEqual(["'none'"]);
  expect(policy.get("form-action"), what).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors"), what).toEqual(["'none'"]);
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["x-frame-options"], what).toBe("DENY");
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
    expect(headers["permissions-policy"], what).toContain(`${feature}=()`);
  }
  // The e2e server's APP_URL is http://localhost: no HSTS (see lib/platform/security/headers.test.ts for https).
  expect(headers["strict-transport-security"], what).toBeUndefined();
  return policy;
}

async function headersOf(url: string, init?: RequestInit) {
  const response = await fetch(url, { redirect: "manual", ...init });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return { status: response.status, headers, body: await response.text() };
}

test("every kind of response carries the security headers, with no inline or eval script source", async ({ baseURL }) => {
  const meeting = await seedMeeting();
  const home = await headersOf(`${baseURL}/`);
  expect(home.status).toBe(200);
  const asset = home.body.match(/\/_next\/static\/[^"]+\.js/)?.[0];
  expect(asset, "a script of the home page").toBeTruthy();

  const responses: [string, string, number, RequestInit?][] = [
    ["the home page (rendered on demand)", "/", 200],
    ["a convocation page (rendered on demand)", `/convocazioni/${meeting.slug}`, 200],
    ["a prerendered page", "/accessibilita", 200],
    ["another prerendered page", "/accedi/controlla-email", 200],
    ["an API route", `/api/convocazioni/${meeting.slug}/iscrizioni`, 400, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }],
    ["the health check", "/api/health", 200],
    ["a static script", asset!, 200],
    ["a public file", "/marchi/anci-sicilia.svg", 200],
    ["a path no route matches (404)", "/pagina-che-non-esiste", 404],
    ["an unknown convocation (404)", "/convocazioni/convocazione-che-non-esiste", 404],
    ["a dashboard page, signed out (redirect)", "/dashboard", 307],
  ];
  for (const [what, path, status, init] of responses) {
    const response = await headersOf(`${baseURL}${path}`, init);
    expect(response.status, what).toBe(status);
    expectSecurityHeaders(response.headers, what);
  }
});

test("a page rendered on demand gets a fresh nonce on every script; a prerendered page is served as built, its inline scripts allowed by hash", async ({
  baseURL,
}) => {
  const nonceOf = (policy: Map<string, string[]>) => policy.get("script-src")!.find((source) => source.startsWith("'nonce-"))?.slice(7, -1);
  const [first, second] = [await headersOf(`${baseURL}/`), await headersOf(`${baseURL}/`)];
  const nonces = [nonceOf(directives(first.headers["content-security-policy"])), nonceOf(directives(second.headers["content-security-policy"]))];
  expect(nonces[0]).toBeTruthy();
  expect(nonces[1]).toBeTruthy();
  expect(nonces[0]).not.toBe(nonces[1]);
  const scripts = [...first.body.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonces[0]}"`);

  const prerendered = await headersOf(`${baseURL}/accessibilita`);
  expect(prerendered.headers["x-nextjs-prerender"] ?? prerendered.headers["x-nextjs-cache"], "served as prerendered").toBeTruthy();
  const policy = directives(prerendered.headers["content-security-policy"]);
  const hashes = policy.get("script-src")!.filter((source) => source.startsWith("'sha256-"));
  const { createHash } = await import("node:crypto");
  const inline = [...prerendered.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((match) => !/\ssrc=/.test(match[1]));
  expect(inline.length).toBeGreaterThan(0);
  for (const [, , text] of inline) {
    expect(hashes).toContain(`'sha256-${createHash("sha256").update(text).digest("base64")}'`);
  }
  // Next's own script files carry Subresource Integrity.
  expect(prerendered.body).toMatch(/<script src="\/_next\/static\/[^"]+" async="" integrity="sha256-/);
});

/** Records every CSP violation and console error of a page, from before its first script runs. */
async function watchViolations(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content.Security.Policy|Permissions.Policy|integrity/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return async (where: string) => {
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
    expect([...violations, ...problems], `CSP violations on ${where}`).toEqual([]);
  };
}

/** React attached its fibers to the page's elements: the client bundle ran and hydrated. */
async function expectHydrated(page: Page) {
  await page.waitForFunction(() => Object.keys(document.querySelector("main") ?? {}).some((key) => key.startsWith("__reactFiber")));
}

test("the public pages, the registration form and the dashboard work with no CSP violation", async ({ page }) => {
  const meeting = await seedMeeting();
  const check = await watchViolations(page);

  for (const path of ["/", `/convocazioni/${meeting.slug}`, "/privacy", "/accessibilita", "/pagina-che-non-esiste", "/scheda-referenti"]) {
    await page.goto(path);
    await expectHydrated(page);
    await check(path);
  }

  // The registration form's client side: choosing "Comune" shows the nominees section.
  await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
  await expectHydrated(page);
  const organisation = page.getByRole("region", { name: "Ente di appartenenza" });
  await tick(organisation.getByRole("radio", { name: "Comune", exact: true }));
  await expect(page.getByRole("heading", { name: "Enti gestori da invitare" })).toBeVisible();
  await check("the registration form");

  // Sign-in (its form, the prerendered "check your email" page, the link), then the dashboard.
  await signInAs(page, "COORDINATOR");
  await expectHydrated(page);
  await check("the sign-in and the dashboard");
  await page.goto(`/dashboard/convocazioni/${meeting.id}`);
  await expectHydrated(page);
  // A dropdown of the dashboard's navbar, then a client-side navigation from it.
  await openSectionGroup(page, "Convocazioni");
  await sectionsNav(page).getByRole("link", { name: "Elenco delle convocazioni" }).click();
  await expect(page).toHaveURL(/\/dashboard\/convocazioni$/);
  await expectHydrated(page);
  await check("the dashboard");
});

test("HSTS is sent when APP_URL is https, read when the server starts, not when it was built", async () => {
  // The same build, served by a second `next start` whose APP_URL is https
  // (a prerendered page needs no database).
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const server = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env: { ...process.env, APP_URL: "https://convoca.example", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on("data", (chunk: Buffer) => /Ready in/.test(chunk.toString()) && resolve());
      server.on("exit", (code) => reject(new Error(`next start exited with ${code}`)));
    });
    for (const path of ["/privacy", "/marchi/anci-sicilia.svg"]) {
      const response = await headersOf(`http://localhost:${port}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
      expect(response.headers["content-security-policy"], path).toContain("upgrade-insecure-requests");
    }
  } finally {
    server.kill("SIGTERM");
  }
});
