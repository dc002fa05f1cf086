-- A caller position belongs to the centre whose integration key delivered it. Without it, a
-- position sent to one centre could be attached to another centre's call from the same number,
-- and the duplicate check could hand a second centre the first centre's call. Positions already
-- matched take their call's answering centre; unmatched old ones (waiting at most an hour) get
-- none and are never matched again.
ALTER TABLE "CallerPosition" ADD COLUMN "centreId" UUID;
UPDATE "CallerPosition" p SET "centreId" = COALESCE(c."answeringCentreId", c."centreId") FROM "Call" c WHERE c."id" = p."callId";
CREATE INDEX "CallerPosition_centreId_msisdn_receivedAt_idx" ON "CallerPosition"("centreId", "msisdn", "receivedAt");
