-- The event log's high-water mark for readers (issue 17, intake bursts). Writers now append under
-- the event lock taken SHARED, so many transactions can commit (and flush their WAL) together; seq
-- order is then no longer commit order. A reader asks this function how far the log is settled: it
-- takes the same lock EXCLUSIVE, which waits for every transaction that has drawn a seq to commit
-- or roll back, and reads the highest committed seq. Every seq up to that number is final: either
-- its row is there or it never will be. The lock is released when the calling statement ends.
--
-- PL/pgSQL and VOLATILE on purpose: in READ COMMITTED each statement inside takes a fresh
-- snapshot, so the max below sees the commits the lock waited for. (A single SQL statement would
-- have taken its snapshot before waiting.) The lock key is EVENT_WRITE_LOCK in event-log.ts.
CREATE FUNCTION amk_settled_event_seq() RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(4241130113);
  RETURN COALESCE((SELECT max("seq") FROM "Event"), 0);
END
$$;
