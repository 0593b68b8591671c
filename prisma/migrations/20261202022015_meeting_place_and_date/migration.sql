-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "placeAndDate" TEXT;

-- The reference convocation seeded before this change gets the letter line
-- and the date of its Oggetto in bold, as the letter prints it. Edits by a coordinator are kept.
UPDATE "Meeting" SET "placeAndDate" = 'Palermo, 15 marzo 2022'
WHERE slug = 'tavolo-tecnico-2022-03-24' AND "placeAndDate" IS NULL;

UPDATE "Meeting"
SET subject = regexp_replace(subject, '(giovedì 24 marzo 2022 ore 15:00-17\.00)$', '**\1**')
WHERE slug = 'tavolo-tecnico-2022-03-24' AND subject NOT LIKE '%**%';
