import { randomBytes } from "node:crypto";
import { isLocalHost, parseDatabaseUrl } from "../../lib/database/connection";
import { createPrismaClient } from "../../lib/database/client";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { E2E_DATABASE_URL } from "./environment";

/** The e2e suite writes test data: it refuses any database but a local one. */
export function assertLocalDatabase(url: string) {
  const { host } = parseDatabaseUrl(url);
  if (!isLocalHost(host)) {
    throw new Error(`End-to-end tests write test data and run only against a local database, not ${host}.`);
  }
}

let client: PrismaClient | undefined;

export function testDb(): PrismaClient {
  assertLocalDatabase(E2E_DATABASE_URL);
  client ??= createPrismaClient(E2E_DATABASE_URL, 3);
  return client;
}

export function uniqueSlug(prefix: string) {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

const HOUR = 3600_000;

/** A published meeting with its own slug, so specs can run in parallel. */
export async function seedMeeting(overrides: Partial<Prisma.MeetingCreateInput> = {}) {
  const startsAt = new Date(Date.now() + 10 * 24 * HOUR);
  return testDb().meeting.create({
    data: {
      slug: uniqueSlug("incontro"),
      kind: "WEBINAR",
      status: "PUBLISHED",
      title: "Webinar di prova sul SAI",
      subject: "CONVOCAZIONE WEBINAR di prova",
      protocolNumber: "0001/01/01/30",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      mode: "ONLINE",
      registrationOpensAt: new Date(Date.now() - 24 * HOUR),
      body: "Vi invito a partecipare al **webinar** di prova.",
      salutation: "Gentilissimi,",
      closing: "Cordiali saluti",
      signatoryName: "Firmatario di Prova",
      signatoryTitle: "Segretario Generale ANCI Sicilia",
      fundingFund: "Fondo Asilo, Migrazione e Integrazione 2014-2020",
      fundingLine: "Fondo Asilo, Migrazione e Integrazione 2014-2020 - Obiettivo Specifico 2",
      projectCode: "3031",
      projectName: "COOPERA - I Comuni migliorano PER Arginare le vulnerabilità",
      ...overrides,
    },
  });
}
