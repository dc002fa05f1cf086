-- A line the system writes in a call's journal also keeps its message key and values
-- ({ key, params }), so each console shows it in its own language; `text` stays the Norwegian
-- record as written. Null for what an operator typed, and for lines written before this.
ALTER TABLE "CallJournalEntry" ADD COLUMN "message" JSONB;

-- The same for a major incident's log (append-only: the column is added, no row is changed).
ALTER TABLE "MajorIncidentLogEntry" ADD COLUMN "message" JSONB;
