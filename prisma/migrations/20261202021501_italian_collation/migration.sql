-- Names sort as Italian readers expect ("Alì" before "Altofonte", "Érice"
-- with the E's), not byte by byte: the name columns that lists are ordered
-- by use PostgreSQL's ICU collation for Italian. It is deterministic, so
-- equality, unique indexes and LIKE/ILIKE searches behave as before.
CREATE COLLATION IF NOT EXISTS "it-x-icu" (provider = icu, locale = 'it');

ALTER TABLE "Municipality" ALTER COLUMN "name" TYPE TEXT COLLATE "it-x-icu";
ALTER TABLE "ManagingBody" ALTER COLUMN "name" TYPE TEXT COLLATE "it-x-icu";
ALTER TABLE "Person" ALTER COLUMN "firstName" TYPE TEXT COLLATE "it-x-icu";
ALTER TABLE "Person" ALTER COLUMN "lastName" TYPE TEXT COLLATE "it-x-icu";
