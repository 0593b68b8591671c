-- CreateTable
CREATE TABLE "PecImport" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "fileName" TEXT NOT NULL,
    "fileHash" CHAR(64) NOT NULL,
    "rows" JSONB NOT NULL,
    "skipped" JSONB NOT NULL,
    "createdById" UUID,
    "appliedAt" TIMESTAMPTZ(3),
    "appliedById" UUID,
    "summary" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PecImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PecImport_createdAt_idx" ON "PecImport"("createdAt");

-- AddForeignKey
ALTER TABLE "PecImport" ADD CONSTRAINT "PecImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PecImport" ADD CONSTRAINT "PecImport_appliedById_fkey" FOREIGN KEY ("appliedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
