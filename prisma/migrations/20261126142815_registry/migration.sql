-- CreateEnum
CREATE TYPE "ReferentSheetStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "erasedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Referent" ADD COLUMN     "sheetId" UUID;

-- CreateTable
CREATE TABLE "ReferentSheet" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "status" "ReferentSheetStatus" NOT NULL DEFAULT 'PENDING',
    "pec" TEXT NOT NULL,
    "officerPersonId" UUID NOT NULL,
    "officerFirstName" TEXT NOT NULL,
    "officerLastName" TEXT NOT NULL,
    "officerEmail" TEXT NOT NULL,
    "officerRoleTitle" TEXT,
    "officerPhone" TEXT,
    "privacyNoticeVersion" TEXT NOT NULL,
    "privacyConsentAt" TIMESTAMPTZ(3) NOT NULL,
    "communicationsConsent" BOOLEAN NOT NULL DEFAULT false,
    "communicationsConsentAt" TIMESTAMPTZ(3),
    "firstSubmittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submissions" INTEGER NOT NULL DEFAULT 1,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedById" UUID,
    "rejectionReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReferentSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferentSheetEntry" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sheetId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "role" "ReferentRole" NOT NULL,
    "office" TEXT,
    "email" TEXT NOT NULL,
    "phone" TEXT,

    CONSTRAINT "ReferentSheetEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SaiProjectImport" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "fileName" TEXT NOT NULL,
    "fileHash" CHAR(64) NOT NULL,
    "rows" JSONB NOT NULL,
    "createdById" UUID,
    "appliedAt" TIMESTAMPTZ(3),
    "appliedById" UUID,
    "summary" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SaiProjectImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReferentSheet_status_submittedAt_idx" ON "ReferentSheet"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "ReferentSheet_municipalityId_idx" ON "ReferentSheet"("municipalityId");

-- CreateIndex
CREATE INDEX "ReferentSheetEntry_email_idx" ON "ReferentSheetEntry"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ReferentSheetEntry_sheetId_position_key" ON "ReferentSheetEntry"("sheetId", "position");

-- CreateIndex
CREATE INDEX "SaiProjectImport_createdAt_idx" ON "SaiProjectImport"("createdAt");

-- AddForeignKey
ALTER TABLE "Referent" ADD CONSTRAINT "Referent_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "ReferentSheet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferentSheet" ADD CONSTRAINT "ReferentSheet_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferentSheet" ADD CONSTRAINT "ReferentSheet_officerPersonId_fkey" FOREIGN KEY ("officerPersonId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferentSheet" ADD CONSTRAINT "ReferentSheet_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferentSheetEntry" ADD CONSTRAINT "ReferentSheetEntry_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "ReferentSheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SaiProjectImport" ADD CONSTRAINT "SaiProjectImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SaiProjectImport" ADD CONSTRAINT "SaiProjectImport_appliedById_fkey" FOREIGN KEY ("appliedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- At most one scheda waits per municipality: sending it again updates that one.
CREATE UNIQUE INDEX "ReferentSheet_one_pending_per_municipality" ON "ReferentSheet"("municipalityId") WHERE "status" = 'PENDING';
