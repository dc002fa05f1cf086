-- A tombstone remembers the file it still has to delete, so a purge interrupted between the
-- database and the file system completes on its next run.
ALTER TABLE "RecordingTombstone" ADD COLUMN "blobKey" TEXT NOT NULL;
ALTER TABLE "RecordingTombstone" ADD COLUMN "fileDeletedAt" TIMESTAMPTZ(3);
CREATE INDEX "RecordingTombstone_fileDeletedAt_idx" ON "RecordingTombstone"("fileDeletedAt");
