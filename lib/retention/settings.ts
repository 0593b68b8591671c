// How long each kind of record is kept: settings of the deployment, read from
// the environment by the daily run, the dashboard's dry run and the privacy
// notice alike, so what the notice promises is what the run does.

export type RetentionSettings = {
  /** Registrations, attendance and nominations: years after 31 December of the meeting's year (or of the project's closure, if later). */
  reportingYears: number;
  /** The project's closure for reporting (last payment), "YYYY-MM-DD": until this year's end plus reportingYears nothing of the reporting is touched. */
  reportingClosedOn: string | null;
  /** Revoked referents: months after the revocation. */
  revokedReferentMonths: number;
  /** Rejected schede, and approved ones a later scheda replaced: months after the review. */
  sheetMonths: number;
  /** Invitations nobody answered: days after their link expired. */
  expiredInvitationDays: number;
  /** The email log: months after the email was queued. */
  emailLogMonths: number;
  /** The activity log: months after the entry. */
  auditLogMonths: number;
  /** Rate-limit counters: hours after they expired. */
  rateLimitHours: number;
  /** Dashboard sessions and sign-in codes: days after they expired. */
  sessionDays: number;
};

type NumberSetting = { [K in keyof RetentionSettings]: RetentionSettings[K] extends number ? K : never }[keyof RetentionSettings];

/** Each number setting: its variable, default and the smallest value allowed. */
export const RETENTION_VARIABLES: Record<NumberSetting, { variable: string; fallback: number; min: number; max: number }> = {
  reportingYears: { variable: "RETENTION_REPORTING_YEARS", fallback: 5, min: 1, max: 30 },
  revokedReferentMonths: { variable: "RETENTION_REVOKED_REFERENT_MONTHS", fallback: 12, min: 1, max: 360 },
  sheetMonths: { variable: "RETENTION_SHEET_MONTHS", fallback: 12, min: 1, max: 360 },
  expiredInvitationDays: { variable: "RETENTION_EXPIRED_INVITATION_DAYS", fallback: 90, min: 1, max: 3650 },
  emailLogMonths: { variable: "RETENTION_EMAIL_LOG_MONTHS", fallback: 12, min: 1, max: 360 },
  auditLogMonths: { variable: "RETENTION_AUDIT_LOG_MONTHS", fallback: 24, min: 1, max: 360 },
  rateLimitHours: { variable: "RETENTION_RATE_LIMIT_HOURS", fallback: 24, min: 1, max: 8760 },
  sessionDays: { variable: "RETENTION_SESSION_DAYS", fallback: 7, min: 0, max: 3650 },
};

export const REPORTING_CLOSED_ON_VARIABLE = "RETENTION_REPORTING_CLOSED_ON";

export type RetentionSettingsResult = { ok: true; settings: RetentionSettings } | { ok: false; problems: string[] };

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * The settings from the environment. A value that is set but wrong is a
 * problem, never silently replaced by the default: a typo must not shorten
 * (or lengthen) what the notice promises.
 */
export function readRetentionSettings(env: Record<string, string | undefined> = process.env): RetentionSettingsResult {
  const problems: string[] = [];
  const settings = {} as RetentionSettings;
  for (const [key, { variable, fallback, min, max }] of Object.entries(RETENTION_VARIABLES) as [NumberSetting, (typeof RETENTION_VARIABLES)[NumberSetting]][]) {
    const raw = env[variable]?.trim();
    if (!raw) {
      settings[key] = fallback;
      continue;
    }
    const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${variable} deve essere un numero intero da ${min} a ${max} (ora è "${raw.slice(0, 40)}").`);
      continue;
    }
    settings[key] = value;
  }
  const closedOn = env[REPORTING_CLOSED_ON_VARIABLE]?.trim();
  if (closedOn && !isCalendarDate(closedOn)) {
    problems.push(`${REPORTING_CLOSED_ON_VARIABLE} deve essere una data nella forma AAAA-MM-GG (ora è "${closedOn.slice(0, 40)}").`);
  }
  settings.reportingClosedOn = closedOn || null;
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings };
}

/** The settings, or an error naming every wrong variable (the daily run stops on it; the tick logs it). */
export function retentionSettings(env: Record<string, string | undefined> = process.env): RetentionSettings {
  const result = readRetentionSettings(env);
  if (!result.ok) throw new Error(`Impostazioni di conservazione non valide: ${result.problems.join(" ")}`);
  return result.settings;
}
