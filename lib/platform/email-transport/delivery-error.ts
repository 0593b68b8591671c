/**
 * A delivery that did not happen. `retryable` says whether trying again later
 * can succeed (outage, rate limit) or never will (the provider rejected the message).
 */
export class EmailDeliveryError extends Error {
  override name = "EmailDeliveryError";
  constructor(
    message: string,
    readonly retryable: boolean,
    /** The provider said "too many requests" (429): slow down, then try again. */
    readonly rateLimited = false,
  ) {
    super(message);
  }
}
