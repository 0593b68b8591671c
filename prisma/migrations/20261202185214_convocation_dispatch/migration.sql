-- CreateEnum
CREATE TYPE "EmailChannel" AS ENUM ('EMAIL', 'PEC');

-- CreateEnum
CREATE TYPE "DeliveryState" AS ENUM ('ACCEPTED', 'DELAYED', 'DELIVERED', 'BOUNCED', 'COMPLAINED', 'FAILED');

-- CreateEnum
CREATE TYPE "DispatchAudience" AS ENUM ('SAI_PEC', 'ALL_PEC', 'REFERENTS', 'CONSENTED');

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "channel" "EmailChannel" NOT NULL DEFAULT 'EMAIL',
ADD COLUMN     "deliveredAt" TIMESTAMPTZ(3),
ADD COLUMN     "deliveryState" "DeliveryState",
ADD COLUMN     "deliveryStateAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "communicationsConsent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "communicationsConsentAt" TIMESTAMPTZ(3),
ADD COLUMN     "communicationsConsentWithdrawnAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Dispatch" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "meetingId" UUID NOT NULL,
    "audiences" "DispatchAudience"[],
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "letterPdf" BYTEA NOT NULL,
    "sheetPdf" BYTEA NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Dispatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DispatchRecipient" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "dispatchId" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "channel" "EmailChannel" NOT NULL,
    "address" TEXT NOT NULL,
    "municipalityId" UUID,
    "personId" UUID,
    "emailMessageId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DispatchRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Dispatch_meetingId_createdAt_idx" ON "Dispatch"("meetingId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DispatchRecipient_emailMessageId_key" ON "DispatchRecipient"("emailMessageId");

-- CreateIndex
CREATE INDEX "DispatchRecipient_dispatchId_idx" ON "DispatchRecipient"("dispatchId");

-- CreateIndex
CREATE INDEX "DispatchRecipient_municipalityId_idx" ON "DispatchRecipient"("municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "DispatchRecipient_meetingId_address_key" ON "DispatchRecipient"("meetingId", "address");

-- AddForeignKey
ALTER TABLE "Dispatch" ADD CONSTRAINT "Dispatch_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispatch" ADD CONSTRAINT "Dispatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DispatchRecipient" ADD CONSTRAINT "DispatchRecipient_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "Dispatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DispatchRecipient" ADD CONSTRAINT "DispatchRecipient_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DispatchRecipient" ADD CONSTRAINT "DispatchRecipient_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DispatchRecipient" ADD CONSTRAINT "DispatchRecipient_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DispatchRecipient" ADD CONSTRAINT "DispatchRecipient_emailMessageId_fkey" FOREIGN KEY ("emailMessageId") REFERENCES "EmailMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Consent as people gave it so far, on their registrations and schede: the latest one holds.
UPDATE "Person" AS p
SET "communicationsConsent" = TRUE, "communicationsConsentAt" = given.at
FROM (
  SELECT "personId" AS id, max("communicationsConsentAt") AS at
  FROM (
    SELECT "personId", "communicationsConsentAt" FROM "Registration" WHERE "communicationsConsent" AND "communicationsConsentAt" IS NOT NULL
    UNION ALL
    SELECT "officerPersonId", "communicationsConsentAt" FROM "ReferentSheet" WHERE "communicationsConsent" AND "communicationsConsentAt" IS NOT NULL
  ) AS consents("personId", "communicationsConsentAt")
  GROUP BY "personId"
) AS given
WHERE p.id = given.id AND p."erasedAt" IS NULL;
