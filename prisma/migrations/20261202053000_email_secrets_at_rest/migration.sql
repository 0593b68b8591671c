-- Emailed secrets at rest. A final message (SENT or CANCELLED) keeps no personal link, invitation link, sign-in link
-- or attestato code in its data: each is replaced by the marker, as lib/email/secrets.ts lists them per template
-- (the list below is that list when this migration was written). Messages still to be delivered keep theirs.
UPDATE "EmailMessage" AS m
SET data = m.data || (
    SELECT jsonb_object_agg(secret.key, to_jsonb('[rimosso dopo l''invio]'::text))
    FROM jsonb_each(m.data) AS secret(key, value)
    WHERE secret.value <> 'null'::jsonb AND secret.key IN (SELECT jsonb_array_elements_text(keys.list -> m.template))
  ),
  "updatedAt" = now()
FROM (
  SELECT '{"registration-confirmed":["personalUrl","ics"],"registration-waitlisted":["personalUrl","ics"],"registration-promoted":["personalUrl","ics"],"personal-link":["personalUrl"],"invitation":["invitationUrl"],"sign-in-link":["signInUrl"],"certificate":["code","downloadUrl","verifyUrl"]}'::jsonb AS list
) AS keys
WHERE m.status IN ('SENT', 'CANCELLED')
  AND jsonb_typeof(m.data) = 'object'
  AND EXISTS (
    SELECT 1 FROM jsonb_each(m.data) AS secret(key, value)
    WHERE secret.value <> 'null'::jsonb
      AND secret.value <> to_jsonb('[rimosso dopo l''invio]'::text)
      AND secret.key IN (SELECT jsonb_array_elements_text(keys.list -> m.template))
  );

-- Auth.js sessions are now stored by the SHA-256 hash of their token (lib/auth/session-tokens.ts): a session stored by
-- its raw token can no longer be found, so every existing session goes and dashboard users sign in again.
DELETE FROM "Session";
