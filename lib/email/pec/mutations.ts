// Storing PEC receipts read from the PEC mailbox, and the minute tick's
// reading of it. Each receipt is stored whole, once (its own Message-ID is
// unique), matched to the message it refers to by the Message-ID the PEC
// transport gave it (`<EmailMessage id@domain>`), and its meaning recorded
// as the message's delivery state in the same transaction. A receipt that
// matches no message of ours is kept all the same, without a message: it is
// evidence, and a log line says so.
import type { DeliveryState, PecReceiptKind } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/platform/database/prisma";
import { describeError } from "@/lib/platform/logging/log";
import { parsePecImapUrl, readPecMailbox } from "@/lib/platform/pec-transport/mailbox";
import { parsePecReceipt, type PecReceipt } from "@/lib/platform/pec-transport/receipt";
import { emailMessageIdOf } from "@/lib/platform/pec-transport/transport";
import { recordDeliveryState } from "../mutations";

/** What each receipt says of the message; a presa in carico (between providers) says nothing new. */
const STATE_OF: Record<PecReceiptKind, DeliveryState | null> = {
  ACCETTAZIONE: "ACCEPTED",
  NON_ACCETTAZIONE: "FAILED",
  PRESA_IN_CARICO: null,
  AVVENUTA_CONSEGNA: "DELIVERED",
  ERRORE_CONSEGNA: "FAILED",
  PREAVVISO_ERRORE_CONSEGNA: "DELAYED",
  RILEVAZIONE_VIRUS: "FAILED",
};

function kindOf(receipt: PecReceipt): PecReceiptKind {
  return receipt.kind.toUpperCase().replace(/-/g, "_") as PecReceiptKind;
}

export type StoredPecReceipt =
  | { outcome: "stored"; receiptId: string; emailMessageId: string | null; kind: PecReceiptKind }
  | { outcome: "duplicate"; kind: PecReceiptKind }
  | { outcome: "not-a-receipt" };

/**
 * Stores one message of the PEC mailbox if it is a receipt. Idempotent: the
 * same receipt again is "duplicate" and changes nothing.
 */
export async function storePecReceipt(db: Db, { eml, now = new Date() }: { eml: Buffer; now?: Date }): Promise<StoredPecReceipt> {
  const receipt = await parsePecReceipt(eml);
  if (!receipt) return { outcome: "not-a-receipt" };
  const kind = kindOf(receipt);
  const candidate = emailMessageIdOf(receipt.referenceMessageId);
  const message = candidate ? await db.emailMessage.findUnique({ where: { id: candidate }, select: { id: true } }) : null;
  const at = receipt.at ?? now;
  return db.$transaction(async (tx) => {
    const existing = await tx.pecReceipt.findUnique({ where: { receiptMessageId: receipt.receiptMessageId }, select: { id: true } });
    if (existing) return { outcome: "duplicate", kind } as const;
    const rows = await tx.pecReceipt.createManyAndReturn({
      data: [
        {
          emailMessageId: message?.id ?? null,
          kind,
          recipient: receipt.recipient,
          at,
          receiptMessageId: receipt.receiptMessageId,
          referenceMessageId: receipt.referenceMessageId,
          identifier: receipt.identifier,
          error: receipt.error?.slice(0, 2000) ?? null,
          eml: new Uint8Array(eml),
        },
      ],
      // Two readers at once: the second insert is no row, not an error.
      skipDuplicates: true,
      select: { id: true },
    });
    if (rows.length === 0) return { outcome: "duplicate", kind } as const;
    const state = STATE_OF[kind];
    if (message && state) await recordDeliveryState(tx, { messageId: message.id, state, at });
    return { outcome: "stored", receiptId: rows[0].id, emailMessageId: message?.id ?? null, kind } as const;
  });
}

export type PecReceiptsReading =
  | { read: "off" }
  | { read: "unreachable"; error: string }
  | { read: "done"; seen: number; stored: number; duplicates: number; unmatched: number; failed: number };

/**
 * The minute tick's reading of the PEC mailbox (PEC_IMAP_URL; nothing without
 * it). A mailbox that cannot be reached is logged and reported, never thrown:
 * the tick's other work goes on, and the next minute tries again.
 */
export async function readPecReceipts(
  db: Db,
  {
    now = new Date(),
    imapUrl = process.env.PEC_IMAP_URL,
    timeoutMs,
    log = console.log,
  }: { now?: Date; imapUrl?: string | null; timeoutMs?: number; log?: (line: string) => void } = {},
): Promise<PecReceiptsReading> {
  const url = imapUrl?.trim();
  if (!url) return { read: "off" };
  let stored = 0;
  let duplicates = 0;
  let unmatched = 0;
  let failed = 0;
  try {
    const { seen } = await readPecMailbox(
      parsePecImapUrl(url),
      async (eml) => {
        const result = await storePecReceipt(db, { eml, now });
        if (result.outcome === "stored") {
          stored++;
          if (!result.emailMessageId) {
            unmatched++;
            log(`[pec] receipt ${result.kind} ${result.receiptId} refers to no message of ours; kept without one`);
          }
        } else if (result.outcome === "duplicate") {
          duplicates++;
        } else {
          log("[pec] a message with X-Ricevuta of no known kind; flagged seen, not stored");
        }
        return true;
      },
      {
        timeoutMs,
        onError: (error) => {
          failed++;
          log(`[pec] a receipt could not be stored, left unseen for the next reading: ${describeError(error)}`);
        },
      },
    );
    return { read: "done", seen, stored, duplicates, unmatched, failed };
  } catch (error) {
    const description = describeError(error);
    log(`[pec] the PEC mailbox cannot be read now (${description}); trying again next minute`);
    return { read: "unreachable", error: description };
  }
}
