// Retakes the screenshots publiccode.yml shows (docs/screenshots/*.png) from a
// running portal: the public pages, then two dashboard pages signed in through
// the emailed link, read from the development outbox folder. Each one is the
// 1280 × 800 viewport (the standard's suggested desktop size), palette PNG.
// The reference convocation of 2022 is closed, so the registration form is
// shown on an open copy of it, added once to the (local) database:
// /convocazioni/tavolo-tecnico-dimostrazione.
//
//   npm run build && EMAIL_OUTBOX_DIR=.data/outbox npm start      # in one shell
//   npx tsx scripts/screenshots.ts                                  # in another
//
// SCREENSHOTS_BASE_URL (default http://localhost:$PORT or :3000), EMAIL_OUTBOX_DIR
// (default .data/outbox), SCREENSHOTS_EMAIL (default the demo coordinator) and
// DATABASE_URL (default the embedded server on EMBEDDED_PG_PORT; local only).
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import sharp from "sharp";
import { CHROMIUM_FLAGS, systemChromium } from "../e2e/support/browser";
import { createPrismaClient } from "../lib/platform/database/client";
import { buildDatabaseUrl, DEFAULT_DATABASE, EMBEDDED_PASSWORD, EMBEDDED_USER, embeddedPort, isLocalHost, parseDatabaseUrl } from "../lib/platform/database/connection";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT_DIR = path.join(ROOT, "docs", "screenshots");
const BASE_URL = (process.env.SCREENSHOTS_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
const OUTBOX_DIR = path.resolve(ROOT, process.env.EMAIL_OUTBOX_DIR || ".data/outbox");
const EMAIL = process.env.SCREENSHOTS_EMAIL ?? "coordinatore@convoca.test";
const VIEWPORT = { width: 1280, height: 800 };
const SLUG = "tavolo-tecnico-2022-03-24";
const OPEN_SLUG = "tavolo-tecnico-dimostrazione";
const DAY = 24 * 60 * 60 * 1000;

type Shot = { name: string; path: string; scrollTo?: string };
const PUBLIC_PAGES: Shot[] = [
  { name: "home", path: "/" },
  { name: "convocazione", path: `/convocazioni/${SLUG}` },
  // The form itself, not the meeting summary above it.
  { name: "iscrizione", path: `/convocazioni/${OPEN_SLUG}/iscrizione`, scrollTo: "text=I campi contrassegnati con un asterisco" },
];
const DASHBOARD_PAGES: Shot[] = [
  { name: "cruscotto", path: "/dashboard" },
  { name: "cruscotto-convocazioni", path: "/dashboard/convocazioni" },
];

async function shoot(page: Page, { name, path: pagePath, scrollTo }: Shot): Promise<void> {
  const response = await page.goto(`${BASE_URL}${pagePath}`, { waitUntil: "networkidle" });
  if (!response?.ok()) throw new Error(`${pagePath} answered ${response?.status()}`);
  await page.evaluate(() => document.fonts.ready);
  if (scrollTo) {
    await page.locator(scrollTo).first().evaluate((element) => {
      // Instant: Bootstrap's smooth scrolling would still be moving when the picture is taken.
      element.scrollIntoView({ block: "start", behavior: "instant" });
      window.scrollBy({ top: -32, behavior: "instant" });
    });
  }
  const png = await page.screenshot({ fullPage: false });
  // A palette PNG: flat interface colours, text kept sharp, files of a few tens of KB.
  const compressed = await sharp(png).png({ palette: true, quality: 90, effort: 10, compressionLevel: 9 }).toBuffer();
  const file = path.join(OUT_DIR, `${name}.png`);
  await writeFile(file, compressed);
  console.log(`${path.relative(ROOT, file)}  ${Math.round(compressed.length / 1024)} KB  (${pagePath})`);
}

/** The sign-in link of the first email to EMAIL the outbox delivered after `since`. */
async function signInLink(since: number): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const names = await readdir(OUTBOX_DIR).catch(() => [] as string[]);
    for (const name of names.filter((entry) => entry.endsWith(".json"))) {
      const file = path.join(OUTBOX_DIR, name);
      if ((await stat(file)).mtimeMs < since) continue;
      const email = JSON.parse(await readFile(file, "utf8")) as { to: string; text: string };
      const link = email.to.toLowerCase() === EMAIL ? email.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0] : undefined;
      if (link) return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`No sign-in email to ${EMAIL} in ${OUTBOX_DIR}: start the server with EMAIL_OUTBOX_DIR set to it.`);
}

async function signIn(page: Page): Promise<void> {
  const since = Date.now() - 1000;
  await page.goto(`${BASE_URL}/accedi`);
  await page.getByRole("textbox", { name: "Indirizzo email" }).fill(EMAIL);
  await page.getByRole("button", { name: "Invia il link di accesso" }).click();
  await page.getByRole("heading", { level: 1, name: "Controlla la tua email" }).waitFor();
  const link = new URL(await signInLink(since));
  // The emailed link carries the server's APP_URL; follow it on the address we talk to.
  await page.goto(`${BASE_URL}${link.pathname}${link.search}`);
  await page.waitForURL(/\/dashboard/);
}

/** An open copy of the reference convocation, two weeks ahead (its private link left out), unless there is one. */
async function ensureOpenCopy(): Promise<void> {
  const url = process.env.DATABASE_URL?.trim() || buildDatabaseUrl({ host: "localhost", port: embeddedPort(), user: EMBEDDED_USER, password: EMBEDDED_PASSWORD, database: DEFAULT_DATABASE });
  if (!isLocalHost(parseDatabaseUrl(url).host)) throw new Error("scripts/screenshots.ts adds a demo convocation: it runs only against a local database.");
  const prisma = createPrismaClient(url, 1);
  try {
    if (await prisma.meeting.findUnique({ where: { slug: OPEN_SLUG }, select: { id: true } })) return;
    const reference = await prisma.meeting.findUniqueOrThrow({
      where: { slug: SLUG },
      omit: { id: true, slug: true, joinUrl: true, createdAt: true, updatedAt: true },
    });
    const day = new Date(Math.ceil((Date.now() + 14 * DAY) / DAY) * DAY);
    const startsAt = new Date(day.getTime() + 14 * 60 * 60 * 1000);
    await prisma.meeting.create({
      data: {
        ...reference,
        slug: OPEN_SLUG,
        protocolNumber: null,
        placeAndDate: null,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000),
        registrationOpensAt: new Date(Date.now() - DAY),
        registrationClosesAt: null,
        status: "PUBLISHED",
        publishedAt: new Date(),
        cancelledAt: null,
        cancellationReason: null,
      },
    });
    console.log(`Added the open demo convocation /convocazioni/${OPEN_SLUG}`);
  } finally {
    await prisma.$disconnect();
  }
}

await mkdir(OUT_DIR, { recursive: true });
await ensureOpenCopy();
const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_FLAGS });
try {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: "it-IT", timezoneId: "Europe/Rome", reducedMotion: "reduce" });
  const page = await context.newPage();
  for (const shot of PUBLIC_PAGES) await shoot(page, shot);
  await signIn(page);
  for (const shot of DASHBOARD_PAGES) await shoot(page, shot);
} finally {
  await browser.close();
}
