// When each kind of record falls due, from the settings and a clock: the
// instants before which a record of that kind is past its period.
import { romeIsoDate } from "@/lib/platform/format/dates";
import type { RetentionSettings } from "./settings";

/** A person the portal holds nothing else of is erased only once this old: a row just written is never caught half-way. */
export const PERSON_GRACE_DAYS = 30;

export type Cutoffs = {
  now: Date;
  /** Meetings that started before this are past their reporting period; null while none is (the project's closure not far enough behind). */
  meetingsBefore: Date | null;
  revokedBefore: Date;
  sheetsReviewedBefore: Date;
  invitationsExpiredBefore: Date;
  emailsBefore: Date;
  auditBefore: Date;
  rateLimitsExpiredBefore: Date;
  sessionsExpiredBefore: Date;
  peopleCreatedBefore: Date;
};

const DAY_MS = 24 * 60 * 60 * 1000;

function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  // 31 March minus one month is the last day of February, not 3 March.
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date;
}

/** 1 January of a year, midnight in Rome (always winter time: UTC+1). */
export function startOfRomeYear(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - 60 * 60 * 1000);
}

/**
 * The first instant a meeting's reporting records may go: `years` full years
 * after 31 December of the meeting's year, and never before the same after
 * the project's closure. Meetings starting before the returned instant are
 * due (null: none is yet).
 */
export function reportingCutoff(now: Date, years: number, closedOn: string | null): Date | null {
  const year = Number(romeIsoDate(now).slice(0, 4));
  // Kept through 31 December of (meeting's year + years): due from the next 1 January.
  const lastDueYear = year - years - 1;
  if (closedOn && Number(closedOn.slice(0, 4)) > lastDueYear) return null;
  return startOfRomeYear(lastDueYear + 1);
}

export function retentionCutoffs(settings: RetentionSettings, now: Date): Cutoffs {
  return {
    now,
    meetingsBefore: reportingCutoff(now, settings.reportingYears, settings.reportingClosedOn),
    revokedBefore: monthsBefore(now, settings.revokedReferentMonths),
    sheetsReviewedBefore: monthsBefore(now, settings.sheetMonths),
    invitationsExpiredBefore: new Date(now.getTime() - settings.expiredInvitationDays * DAY_MS),
    emailsBefore: monthsBefore(now, settings.emailLogMonths),
    auditBefore: monthsBefore(now, settings.auditLogMonths),
    rateLimitsExpiredBefore: new Date(now.getTime() - settings.rateLimitHours * 60 * 60 * 1000),
    sessionsExpiredBefore: new Date(now.getTime() - settings.sessionDays * DAY_MS),
    peopleCreatedBefore: new Date(now.getTime() - PERSON_GRACE_DAYS * DAY_MS),
  };
}
