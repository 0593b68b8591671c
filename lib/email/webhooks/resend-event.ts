// A Resend webhook, read: the Svix signature checked on the raw body with
// the Resend SDK's own verifier (standardwebhooks: HMAC-SHA256 of
// "<svix-id>.<svix-timestamp>.<body>" under the base64 key after "whsec_",
// timestamps older or newer than five minutes refused), then the event
// parsed into what we record. Pure: no database, no clock of ours.
import { Resend } from "resend";
import { z } from "zod";
import type { DeliveryState } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/segments";

/** Bigger bodies are refused before they are verified: Resend's events are a few kilobytes. */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

/** The events we record, and the delivery state each one reports. */
export const RECORDED_EVENTS = {
  "email.delivered": "DELIVERED",
  "email.delivery_delayed": "DELAYED",
  "email.bounced": "BOUNCED",
  "email.complained": "COMPLAINED",
  "email.failed": "FAILED",
} as const satisfies Record<string, DeliveryState>;

export type RecordedEventType = keyof typeof RECORDED_EVENTS;

export type SvixHeaders = { id: string; timestamp: string; signature: string };

/**
 * The three headers Svix signs with (svix-id, svix-timestamp, svix-signature;
 * the Standard Webhooks names webhook-… are the same scheme), or null when
 * one is missing, empty or absurdly long.
 */
export function svixHeaders(headers: Headers): SvixHeaders | null {
  const read = (name: string) => (headers.get(`svix-${name}`) ?? headers.get(`webhook-${name}`))?.trim();
  const id = read("id");
  const timestamp = read("timestamp");
  const signature = read("signature");
  if (!id || !timestamp || !signature || id.length > 200 || timestamp.length > 20 || signature.length > 2000) return null;
  return { id, timestamp, signature };
}

export type Verification = { ok: true; payload: unknown } | { ok: false; reason: "SIGNATURE" | "JSON" };

// verify() makes no request: the key only satisfies the constructor.
const verifier = new Resend("re_webhook_verification_only").webhooks;

/**
 * Checks the signature on the raw body, then parses it. A wrong, missing or
 * stale signature, or a secret that is no Svix key, is SIGNATURE; a signed
 * body that is no JSON is JSON.
 */
export function verifyResendWebhook({ body, headers, secret }: { body: string; headers: SvixHeaders; secret: string }): Verification {
  try {
    return { ok: true, payload: verifier.verify({ payload: body, headers, webhookSecret: secret }) };
  } catch (error) {
    // standardwebhooks parses only after the signature matched.
    if (error instanceof SyntaxError) return { ok: false, reason: "JSON" };
    return { ok: false, reason: "SIGNATURE" };
  }
}

const tagsSchema = z.union([
  z.record(z.string(), z.unknown()),
  // Older payloads sent the tags as a list of { name, value }.
  z.array(z.object({ name: z.unknown(), value: z.unknown() }).partial()),
]);

const eventSchema = z.object({
  type: z.string().max(100),
  created_at: z.string().max(100).optional(),
  data: z
    .object({
      email_id: z.string().max(200).optional(),
      created_at: z.string().max(100).optional(),
      tags: tagsSchema.nullish(),
      bounce: z.object({ type: z.unknown(), subType: z.unknown(), message: z.unknown() }).partial().nullish(),
      failed: z.object({ reason: z.unknown() }).partial().nullish(),
    })
    .passthrough(),
});

export type ResendEvent =
  | { kind: "ignored"; type: string }
  | {
      kind: "recorded";
      type: RecordedEventType;
      state: DeliveryState;
      /** Resend's id of the email. */
      providerEmailId: string | null;
      /** Our EmailMessage id, from the "message" tag the transport sets. */
      messageTag: string | null;
      /** When it happened: the event's created_at, or null when it has none that reads as a date. */
      occurredAt: Date | null;
      /** A hard bounce ("Permanent"): the address goes on the suppression list. */
      permanent: boolean;
      /** "Permanent/General", a failure's reason; for the log. */
      detail: string | null;
    };

/** A string to keep: control characters (PostgreSQL refuses NUL) and lone surrogates dropped, cut to `max`. */
function text(value: unknown, max = 500): string | null {
  if (typeof value !== "string") return null;
  const clean = value
    .slice(0, max)
    .replace(/[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "")
    .trim();
  return clean === "" ? null : clean;
}

function tagValue(tags: z.infer<typeof tagsSchema> | null | undefined, name: string): string | null {
  if (!tags) return null;
  if (Array.isArray(tags)) return text(tags.find((tag) => tag.name === name)?.value);
  return text(tags[name]);
}

function dateOf(value: string | undefined): Date | null {
  if (!value) return null;
  // Resend writes "2024-11-22T23:41:12.126Z"; inside data, "2024-11-22 23:41:11.894719+00".
  const date = new Date(value.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00"));
  // A date no event of Resend's has (year 0, 275760) is no date the database keeps either.
  const year = date.getUTCFullYear();
  return Number.isNaN(date.getTime()) || year < 2000 || year > 2999 ? null : date;
}

/** What a verified payload says, or null when it is not an event we can read. */
export function parseResendEvent(payload: unknown): ResendEvent | null {
  const parsed = eventSchema.safeParse(payload);
  if (!parsed.success) {
    // An event we do not record need not have the data we read.
    const type = z.object({ type: z.string().max(100) }).safeParse(payload);
    return type.success && !(type.data.type in RECORDED_EVENTS) ? { kind: "ignored", type: type.data.type } : null;
  }
  const { type, created_at, data } = parsed.data;
  if (!(type in RECORDED_EVENTS)) return { kind: "ignored", type };
  const recorded = type as RecordedEventType;
  const tag = tagValue(data.tags, "message");
  const bounceType = text(data.bounce?.type, 100);
  const bounceSubType = text(data.bounce?.subType, 100);
  const detail =
    recorded === "email.bounced"
      ? [bounceType, bounceSubType].filter(Boolean).join("/") || null
      : recorded === "email.failed"
        ? text(data.failed?.reason)
        : null;
  return {
    kind: "recorded",
    type: recorded,
    state: RECORDED_EVENTS[recorded],
    providerEmailId: text(data.email_id, 200),
    messageTag: tag && isUuid(tag) ? tag.toLowerCase() : null,
    occurredAt: dateOf(created_at) ?? dateOf(data.created_at),
    permanent: recorded === "email.bounced" && bounceType?.toLowerCase() === "permanent",
    detail,
  };
}
