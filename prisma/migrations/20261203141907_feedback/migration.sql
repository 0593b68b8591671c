-- CreateTable
CREATE TABLE "Feedback" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "page" VARCHAR(80) NOT NULL,
    "slug" VARCHAR(80),
    "rating" SMALLINT NOT NULL,
    "reason" VARCHAR(40),
    "comment" VARCHAR(400),
    "day" DATE NOT NULL,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Feedback_day_idx" ON "Feedback"("day");

-- CreateIndex
CREATE INDEX "Feedback_page_slug_idx" ON "Feedback"("page", "slug");

-- Written by hand (Prisma does not model check constraints): a rating is 1 to 5 stars.
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_rating_check" CHECK ("rating" BETWEEN 1 AND 5);
