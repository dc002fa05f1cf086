-- The ingest is idempotent on (centre, callExternalId, recordedAt, sha256): a retry of the same
-- upload is the same recording. That was a find-then-create, so two deliveries at the same moment
-- could both create a row (and a file). A unique index now decides; it replaces the
-- (centreId, callExternalId) index, which is its prefix (linking a recording to its call uses it).
--
-- Rows that such a race already doubled are merged first: the earliest stays, a later copy's holds
-- move to it, and the copy is removed leaving a tombstone whose file is still to be deleted
-- (fileDeletedAt NULL), so the next purge run deletes that file as it finishes interrupted ones.
-- The copies have the same checksum: no sound is lost.
WITH dup AS (
  SELECT "id", first_value("id") OVER (PARTITION BY "centreId", "callExternalId", "recordedAt", "sha256" ORDER BY "createdAt", "id") AS "keep"
  FROM "Recording"
)
UPDATE "RecordingHold" h SET "recordingId" = dup."keep" FROM dup WHERE h."recordingId" = dup."id" AND dup."id" <> dup."keep";

WITH dup AS (
  SELECT "id", first_value("id") OVER (PARTITION BY "centreId", "callExternalId", "recordedAt", "sha256" ORDER BY "createdAt", "id") AS "keep"
  FROM "Recording"
), gone AS (
  DELETE FROM "Recording" r USING dup WHERE r."id" = dup."id" AND dup."id" <> dup."keep"
  RETURNING r."id", r."centreId", r."callId", r."recordedAt", r."sha256", r."blobKey", dup."keep"
)
INSERT INTO "RecordingTombstone" ("recordingId", "centreId", "callId", "recordedAt", "deletedAt", "sha256", "rule", "blobKey", "fileDeletedAt")
SELECT "id", "centreId", "callId", "recordedAt", now(), "sha256", 'duplikat: samme opptak levert to ganger, beholdt som ' || "keep", "blobKey", NULL FROM gone;

DROP INDEX "Recording_centreId_callExternalId_idx";
CREATE UNIQUE INDEX "Recording_centreId_callExternalId_recordedAt_sha256_key" ON "Recording"("centreId", "callExternalId", "recordedAt", "sha256");
