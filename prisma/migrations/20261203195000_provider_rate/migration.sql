-- CreateTable
CREATE TABLE "provider_rates" (
    "key" VARCHAR(100) NOT NULL,
    "paused_until" TIMESTAMPTZ(3),

    CONSTRAINT "provider_rates_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "provider_requests" (
    "id" BIGSERIAL NOT NULL,
    "key" VARCHAR(100) NOT NULL,
    "holder" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "provider_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "provider_requests_key_idx" ON "provider_requests"("key");
