-- Columns whose allowed values lived in a comment become enum types, one per vocabulary in
-- packages/domain/src/vocabulary.ts (the schema test checks that they hold the same values).
CREATE TYPE "JournalKind" AS ENUM ('NOTE', 'TRIAGE', 'URGENCY_CHANGE', 'TRANSFER', 'NOTIFICATION', 'SYSTEM');
CREATE TYPE "NotificationChannel" AS ENUM ('webhook', 'manual', 'internal');
CREATE TYPE "StatusChangeSource" AS ENUM ('TERMINAL', 'OPERATOR', 'SYSTEM');
CREATE TYPE "AlertChannel" AS ENUM ('PAGE', 'SMS');
CREATE TYPE "BistandKind" AS ENUM ('HELSE', 'KOMMUNE');
CREATE TYPE "HoldReason" AS ENUM ('tilsyn', 'klage', 'erstatning', 'annen_saksbehandling', 'dokumentasjonsverdi');
CREATE TYPE "AuditActorKind" AS ENUM ('USER', 'INTEGRATION', 'SYSTEM');
CREATE TYPE "MajorIncidentLogKind" AS ENUM ('DECLARED', 'PATIENT_REGISTERED', 'CATEGORY_CHANGED', 'TRANSPORT_ASSIGNED', 'LEFT_SCENE', 'ARRIVED', 'SCENE_UPDATED', 'CLOSED');

ALTER TABLE "CallJournalEntry"
  ALTER COLUMN "kind" DROP DEFAULT,
  ALTER COLUMN "kind" TYPE "JournalKind" USING "kind"::"JournalKind",
  ALTER COLUMN "kind" SET DEFAULT 'NOTE';
ALTER TABLE "Notification" ALTER COLUMN "channel" TYPE "NotificationChannel" USING "channel"::"NotificationChannel";
ALTER TABLE "UnitStatusChange" ALTER COLUMN "source" TYPE "StatusChangeSource" USING "source"::"StatusChangeSource";
ALTER TABLE "AkutthjelperAlert" ALTER COLUMN "channel" TYPE "AlertChannel" USING "channel"::"AlertChannel";
ALTER TABLE "BistandRequest" ALTER COLUMN "kind" TYPE "BistandKind" USING "kind"::"BistandKind";
ALTER TABLE "RecordingHold" ALTER COLUMN "reason" TYPE "HoldReason" USING "reason"::"HoldReason";
ALTER TABLE "AuditLog" ALTER COLUMN "actorKind" TYPE "AuditActorKind" USING "actorKind"::"AuditActorKind";
ALTER TABLE "MajorIncidentLogEntry" ALTER COLUMN "kind" TYPE "MajorIncidentLogKind" USING "kind"::"MajorIncidentLogKind";

-- The line stays text (its values are numbers, which an enum cannot name) with a check, as on "Call".
ALTER TABLE "AnswerTimeDayCount" ADD CONSTRAINT "AnswerTimeDayCount_line_check" CHECK ("line" IN ('113', '116117', 'LEGEVAKT'));
