// The file name of a downloaded receipt: "ricevuta-avvenuta-consegna-palermo.eml".
import type { PecReceiptKind } from "@/lib/generated/prisma/enums";
import { PEC_RECEIPT_KIND_SLUGS } from "./labels";

export function receiptFileName({ kind, recipientName }: { kind: PecReceiptKind; recipientName: string }): string {
  const name = recipientName
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/@/g, "-at-")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `ricevuta-${PEC_RECEIPT_KIND_SLUGS[kind]}-${name || "destinatario"}.eml`;
}
