-- One advisory lock per centre instead of one per (centre, day). The per-day lock made a report
-- over a long period take one lock per day (a report from year 1 took ~740,000) and exhaust
-- PostgreSQL's shared lock table, so unrelated writes of every centre failed. A report now takes
-- the centre's lock once, and a change of a past day takes the same lock, so a build and a change
-- of the same centre's days still never interleave.
CREATE OR REPLACE FUNCTION answer_time_day_invalidate() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  today date := (clock_timestamp() AT TIME ZONE 'Europe/Oslo')::date;
  keys text[] := '{}';
  centre text;
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
  -- centres in a fixed order, so two transactions touching the same centres cannot deadlock
  FOR centre IN SELECT DISTINCT split_part(x, ' ', 1) FROM unnest(keys) x ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtext('answer-time-centre'), hashtext(centre));
  END LOOP;
  DELETE FROM "AnswerTimeDay" a
  USING (SELECT DISTINCT split_part(x, ' ', 1)::uuid AS centre_id, split_part(x, ' ', 2)::date AS day FROM unnest(keys) x) k
  WHERE a."centreId" = k.centre_id AND a."day" = k.day;
  RETURN NULL;
END $$;
