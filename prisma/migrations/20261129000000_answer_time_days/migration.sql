-- Answer times belong to the centre whose line rang: a transfer hands the call (centreId) to
-- another centre, but the wait was the first centre's. Every new call gets it from centreId (a
-- trigger, so every way of writing a call agrees); calls already handed over get the centre that
-- handed them over.
ALTER TABLE "Call" ADD COLUMN "answeringCentreId" UUID;
UPDATE "Call" c SET "answeringCentreId" = first."fromCentreId"
FROM (SELECT DISTINCT ON ("callId") "callId", "fromCentreId" FROM "Transfer" WHERE "state" = 'ACCEPTED' ORDER BY "callId", "requestedAt") first
WHERE first."callId" = c."id";
UPDATE "Call" SET "answeringCentreId" = "centreId" WHERE "answeringCentreId" IS NULL;
CREATE INDEX "Call_answeringCentreId_ringingAt_idx" ON "Call"("answeringCentreId", "ringingAt");

CREATE FUNCTION call_answering_centre_default() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."answeringCentreId" := COALESCE(NEW."answeringCentreId", NEW."centreId");
  RETURN NEW;
END $$;
CREATE TRIGGER "Call_answering_centre" BEFORE INSERT ON "Call" FOR EACH ROW EXECUTE FUNCTION call_answering_centre_default();

-- A roll-up of answer times per answering centre and Norwegian calendar day, so a month of a busy centre is
-- summarised from ~30 small groups of counts instead of a million calls. Only days that are over
-- (before yesterday in Norway) are rolled up; the service builds a day the first time a report
-- needs it, and the trigger below drops a day as soon as one of its calls changes, so a late
-- "answered" or a call moved to another centre is never hidden by a stale roll-up.

CREATE TABLE "AnswerTimeDay" (
    "centreId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "builtAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AnswerTimeDay_pkey" PRIMARY KEY ("centreId","day")
);

CREATE TABLE "AnswerTimeDayCount" (
    "centreId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "line" TEXT NOT NULL,
    "waitS" INTEGER NOT NULL,
    "within" BOOLEAN NOT NULL,
    "abandoned" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL,
    CONSTRAINT "AnswerTimeDayCount_pkey" PRIMARY KEY ("centreId","day","line","waitS","within","abandoned")
);

ALTER TABLE "AnswerTimeDayCount" ADD CONSTRAINT "AnswerTimeDayCount_centreId_day_fkey"
    FOREIGN KEY ("centreId", "day") REFERENCES "AnswerTimeDay"("centreId", "day") ON DELETE CASCADE ON UPDATE CASCADE;

-- Drops the roll-up of every past day (and centre) that the changed calls belong to. The advisory
-- lock per (centre, day) is the one the service takes while it builds a day, so a build and a
-- change of the same day never interleave. Today's calls (most writes) take no lock at all.
CREATE FUNCTION answer_time_day_invalidate() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  today date := (clock_timestamp() AT TIME ZONE 'Europe/Oslo')::date;
  keys text[] := '{}';
  k text;
BEGIN
  -- each branch reads only the transition table its operation has
  IF TG_OP <> 'DELETE' THEN
    keys := keys || ARRAY(SELECT "answeringCentreId"::text || ' ' || (("ringingAt" AT TIME ZONE 'Europe/Oslo')::date)::text
                          FROM changed_new WHERE ("ringingAt" AT TIME ZONE 'Europe/Oslo')::date < today);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    keys := keys || ARRAY(SELECT "answeringCentreId"::text || ' ' || (("ringingAt" AT TIME ZONE 'Europe/Oslo')::date)::text
                          FROM changed_old WHERE ("ringingAt" AT TIME ZONE 'Europe/Oslo')::date < today);
  END IF;
  -- in a fixed order, so two transactions touching the same days cannot deadlock
  FOR k IN SELECT DISTINCT x FROM unnest(keys) x ORDER BY x LOOP
    PERFORM pg_advisory_xact_lock(hashtext('answer-time-day'), hashtext(k));
    DELETE FROM "AnswerTimeDay" WHERE "centreId" = split_part(k, ' ', 1)::uuid AND "day" = split_part(k, ' ', 2)::date;
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER "Call_answer_time_day_insert" AFTER INSERT ON "Call"
    REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION answer_time_day_invalidate();
CREATE TRIGGER "Call_answer_time_day_update" AFTER UPDATE ON "Call"
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION answer_time_day_invalidate();
CREATE TRIGGER "Call_answer_time_day_delete" AFTER DELETE ON "Call"
    REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION answer_time_day_invalidate();
