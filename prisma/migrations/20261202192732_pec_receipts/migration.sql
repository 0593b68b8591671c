-- CreateEnum
CREATE TYPE "PecReceiptKind" AS ENUM ('ACCETTAZIONE', 'NON_ACCETTAZIONE', 'PRESA_IN_CARICO', 'AVVENUTA_CONSEGNA', 'ERRORE_CONSEGNA', 'PREAVVISO_ERRORE_CONSEGNA', 'RILEVAZIONE_VIRUS');

-- CreateTable
CREATE TABLE "PecReceipt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "emailMessageId" UUID,
    "kind" "PecReceiptKind" NOT NULL,
    "recipient" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "receiptMessageId" TEXT NOT NULL,
    "referenceMessageId" TEXT,
    "identifier" TEXT,
    "error" TEXT,
    "eml" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PecReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PecReceipt_receiptMessageId_key" ON "PecReceipt"("receiptMessageId");

-- CreateIndex
CREATE INDEX "PecReceipt_emailMessageId_at_idx" ON "PecReceipt"("emailMessageId", "at");

-- AddForeignKey
ALTER TABLE "PecReceipt" ADD CONSTRAINT "PecReceipt_emailMessageId_fkey" FOREIGN KEY ("emailMessageId") REFERENCES "EmailMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;
