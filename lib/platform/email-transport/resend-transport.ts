import { Resend, type ErrorResponse } from "resend";
import { formatAddress } from "./address";
import { EmailDeliveryError } from "./delivery-error";
import { attachmentBytes } from "./attachment";
import type { EmailTransport, OutgoingEmail } from "./transport";

type ResendTransportOptions = {
  apiKey: string;
  from: string;
  /** A hung request would hold a worker slot until the job expires. */
  timeoutMs?: number;
};

// Worth trying again: the provider is down, busy or over quota, or the key is
// wrong (an operator fixes it; failing now would lose the mail). The rest are
// rejections of this very message, which no retry can fix.
const RETRYABLE_NAMES = new Set<string>([
  "rate_limit_exceeded",
  "daily_quota_exceeded",
  "monthly_quota_exceeded",
  "concurrent_idempotent_requests",
  "application_error",
  "internal_server_error",
  "missing_api_key",
  "invalid_api_key",
  "restricted_api_key",
]);

export function isRetryableResendError(error: Pick<ErrorResponse, "name" | "statusCode">): boolean {
  const status = error.statusCode;
  // No status: the request never got an answer (network, DNS, timeout).
  if (status === null || status === undefined) return true;
  if (status === 429 || status >= 500) return true;
  return RETRYABLE_NAMES.has(error.name);
}

function deliveryError(error: ErrorResponse): EmailDeliveryError {
  return new EmailDeliveryError(
    `Resend ${error.name} (${error.statusCode ?? "no response"}): ${error.message}`.slice(0, 500),
    isRetryableResendError(error),
    error.statusCode === 429 || error.name === "rate_limit_exceeded",
  );
}

/** Tags the email with its EmailMessage id: Resend's webhooks and the test stub see which message it is. */
function messageTag(email: OutgoingEmail) {
  return [{ name: "message", value: email.id }];
}

export function createResendTransport({ apiKey, from, timeoutMs = 30_000 }: ResendTransportOptions): EmailTransport {
  // The SDK reads RESEND_BASE_URL, which is how tests point it at a local stub.
  const resend = new Resend(apiKey);
  return {
    name: "resend",
    async sendBatch(emails, { idempotencyKey }) {
      const { data, error } = await resend.batch.send(
        emails.map((email) => ({
          from,
          to: [formatAddress(email.to, email.toName)],
          subject: email.subject,
          html: email.html,
          text: email.text,
          ...(email.headers ? { headers: email.headers } : {}),
          tags: messageTag(email),
        })),
        // The EmailBatch id: a batch sent again after a crash is answered, not delivered again.
        { idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (error) throw deliveryError(error);
      const providerIds = data?.data?.map((item) => item.id) ?? [];
      if (providerIds.length !== emails.length || providerIds.some((id) => !id)) {
        throw new EmailDeliveryError(`Resend accepted the batch but returned ${providerIds.length} ids for ${emails.length} emails`, true);
      }
      return { providerIds };
    },
    async send(email) {
      const { data, error } = await resend.emails.send(
        {
          from,
          to: [formatAddress(email.to, email.toName)],
          subject: email.subject,
          html: email.html,
          text: email.text,
          ...(email.headers ? { headers: email.headers } : {}),
          tags: messageTag(email),
          attachments: email.attachments?.map((attachment) => ({
            filename: attachment.filename,
            content: attachmentBytes(attachment),
            contentType: attachment.contentType,
          })),
        },
        // Resend remembers the key for 24 hours: a retry after a crash that
        // followed an accepted send returns the first email instead of a second one.
        { idempotencyKey: email.id, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (error) throw deliveryError(error);
      if (!data?.id) throw new EmailDeliveryError("Resend accepted the request but returned no id", true);
      return { providerId: data.id };
    },
  };
}
