-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "datesPending" BOOLEAN NOT NULL DEFAULT false;
