-- Data only: nominations made before they carried the inviter's Comune.
-- An invitation takes the Comune of the registration that nominated the gestore.
UPDATE "Invitation" AS i
SET "municipalityId" = r."municipalityId"
FROM "Registration" AS r
WHERE i."invitedByRegistrationId" = r.id
  AND i."municipalityId" IS NULL
  AND r."municipalityId" IS NOT NULL;

-- A registration that answered an invitation takes the invitation's Comune, where it had none.
UPDATE "Registration" AS r
SET "municipalityId" = i."municipalityId"
FROM "Invitation" AS i
WHERE i."acceptedRegistrationId" = r.id
  AND r."municipalityId" IS NULL
  AND i."municipalityId" IS NOT NULL;
