/*
  Warnings:

  - A unique constraint covering the columns `[dedupeKey]` on the table `EmailMessage` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "JoinLinkSendKind" AS ENUM ('SCHEDULED', 'MANUAL', 'UPDATED');

-- CreateEnum
CREATE TYPE "MessageAnchor" AS ENUM ('BEFORE_START', 'AFTER_END');

-- CreateEnum
CREATE TYPE "MessageAudience" AS ENUM ('CONFIRMED', 'WAITLISTED', 'PRESENT', 'ABSENT');

-- CreateEnum
CREATE TYPE "AttendancePlatform" AS ENUM ('ZOOM', 'TEAMS', 'MEET');

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "batchId" UUID,
ADD COLUMN     "dedupeKey" TEXT,
ADD COLUMN     "joinLinkSendId" UUID;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "certificateMinMinutes" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "joinLinkOffsetsMinutes" INTEGER[] DEFAULT ARRAY[1440, 60]::INTEGER[];

-- CreateTable
CREATE TABLE "EmailBatch" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EmailBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JoinLinkSend" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "meetingId" UUID NOT NULL,
    "kind" "JoinLinkSendKind" NOT NULL,
    "slot" TEXT NOT NULL,
    "joinUrlVersion" INTEGER NOT NULL,
    "scheduledFor" TIMESTAMPTZ(3),
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JoinLinkSend_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingMessageRule" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "meetingId" UUID NOT NULL,
    "anchor" "MessageAnchor" NOT NULL,
    "offsetMinutes" INTEGER NOT NULL,
    "audience" "MessageAudience" NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sentAt" TIMESTAMPTZ(3),
    "recipients" INTEGER,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MeetingMessageRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttendanceImport" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "meetingId" UUID NOT NULL,
    "platform" "AttendancePlatform" NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" CHAR(64) NOT NULL,
    "rows" JSONB NOT NULL,
    "createdById" UUID,
    "appliedAt" TIMESTAMPTZ(3),
    "appliedById" UUID,
    "summary" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttendanceImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "registrationId" UUID NOT NULL,
    "codeHash" CHAR(64) NOT NULL,
    "minutes" INTEGER NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "issuedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "JoinLinkSend_meetingId_slot_joinUrlVersion_key" ON "JoinLinkSend"("meetingId", "slot", "joinUrlVersion");

-- CreateIndex
CREATE INDEX "MeetingMessageRule_meetingId_idx" ON "MeetingMessageRule"("meetingId");

-- CreateIndex
CREATE INDEX "AttendanceImport_meetingId_createdAt_idx" ON "AttendanceImport"("meetingId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_registrationId_key" ON "Certificate"("registrationId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_codeHash_key" ON "Certificate"("codeHash");

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_dedupeKey_key" ON "EmailMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "EmailMessage_joinLinkSendId_status_idx" ON "EmailMessage"("joinLinkSendId", "status");

-- CreateIndex
CREATE INDEX "EmailMessage_batchId_idx" ON "EmailMessage"("batchId");

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_joinLinkSendId_fkey" FOREIGN KEY ("joinLinkSendId") REFERENCES "JoinLinkSend"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "EmailBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinLinkSend" ADD CONSTRAINT "JoinLinkSend_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinLinkSend" ADD CONSTRAINT "JoinLinkSend_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingMessageRule" ADD CONSTRAINT "MeetingMessageRule_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingMessageRule" ADD CONSTRAINT "MeetingMessageRule_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceImport" ADD CONSTRAINT "AttendanceImport_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceImport" ADD CONSTRAINT "AttendanceImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceImport" ADD CONSTRAINT "AttendanceImport_appliedById_fkey" FOREIGN KEY ("appliedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
