-- The whole mission's tables: organisation, calls, units and missions, akutthjelpere,
-- recordings, audit and the event log. Written to match prisma/schema.prisma exactly
-- (names follow Prisma's conventions so that `prisma migrate diff` finds no drift).

-- CreateEnum
CREATE TYPE "CentreKind" AS ENUM ('AMK', 'LVS');
CREATE TYPE "SettlementClass" AS ENUM ('TOWN', 'RURAL');
CREATE TYPE "Role" AS ENUM ('amk_operator', 'amk_doctor', 'lv_operator', 'supervisor', 'admin', 'responder', 'auditor');
CREATE TYPE "CallState" AS ENUM ('RINGING', 'ANSWERED', 'ENDED', 'ABANDONED');
CREATE TYPE "CallSource" AS ENUM ('CTI', 'MANUAL', 'EXERCISE');
CREATE TYPE "Urgency" AS ENUM ('A', 'H', 'V');
CREATE TYPE "Sex" AS ENUM ('FEMALE', 'MALE', 'UNKNOWN');
CREATE TYPE "TransferState" AS ENUM ('REQUESTED', 'ACCEPTED', 'DECLINED');
CREATE TYPE "NotificationRecipient" AS ENUM ('POLICE', 'FIRE', 'HRS', 'AMK', 'LVS');
CREATE TYPE "DeliveryState" AS ENUM ('PENDING', 'SENT', 'DELIVERED', 'FAILED', 'ACKNOWLEDGED');
CREATE TYPE "UnitKind" AS ENUM ('AMBULANCE_CAR', 'AMBULANCE_BOAT', 'HELICOPTER', 'PLANE', 'LEGEVAKT_CAR');
CREATE TYPE "UnitStatus" AS ENUM ('AVAILABLE_AT_STATION', 'AVAILABLE_ON_THE_MOVE', 'ALERTED', 'EN_ROUTE', 'ON_SCENE', 'TRANSPORTING', 'AT_HOSPITAL', 'UNAVAILABLE', 'OUT_OF_SERVICE');
CREATE TYPE "Authorisation" AS ENUM ('AMBULANCE_WORKER', 'PARAMEDIC', 'NURSE', 'DOCTOR', 'RESCUE_CREW', 'PILOT', 'OTHER');
CREATE TYPE "MissionKind" AS ENUM ('AMBULANCE', 'HOME_VISIT');
CREATE TYPE "AkutthjelperKind" AS ENUM ('BRANN', 'FORF');
CREATE TYPE "AlertState" AS ENUM ('PENDING', 'DELIVERED', 'SEEN', 'ACCEPTED', 'DECLINED', 'ARRIVED', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "Centre" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CentreKind" NOT NULL,
    "owner" TEXT NOT NULL,
    "kommuner" TEXT[],
    "neighbourCentreIds" UUID[],
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Centre_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Fylke" (
    "nummer" TEXT NOT NULL,
    "navn" TEXT NOT NULL,
    CONSTRAINT "Fylke_pkey" PRIMARY KEY ("nummer")
);

CREATE TABLE "Kommune" (
    "nummer" TEXT NOT NULL,
    "navn" TEXT NOT NULL,
    "fylkesnummer" TEXT NOT NULL,
    "settlementClass" "SettlementClass" NOT NULL DEFAULT 'RURAL',
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    CONSTRAINT "Kommune_pkey" PRIMARY KEY ("nummer")
);

CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "centreId" UUID NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'nb',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Session" (
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_pkey" PRIMARY KEY ("tokenHash")
);

CREATE TABLE "IntegrationKey" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "centreId" UUID NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),
    CONSTRAINT "IntegrationKey_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Call" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "externalId" TEXT,
    "line" TEXT NOT NULL,
    "source" "CallSource" NOT NULL,
    "state" "CallState" NOT NULL,
    "callerNumber" TEXT,
    "callerName" TEXT,
    "ringingAt" TIMESTAMPTZ(3) NOT NULL,
    "answeredAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "operatorId" UUID,
    "urgency" "Urgency",
    "criterionCode" TEXT,
    "urgencyReason" TEXT,
    "patientName" TEXT,
    "nationalId" TEXT,
    "birthDate" TEXT,
    "ageYears" INTEGER,
    "sex" "Sex",
    "addressText" TEXT,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "positionRadiusM" DOUBLE PRECISION,
    "positionAt" TIMESTAMPTZ(3),
    "positionMethod" TEXT,
    "kommunenummer" TEXT,
    "language" TEXT,
    "interpreterUsed" BOOLEAN NOT NULL DEFAULT false,
    "incidentId" UUID,
    "summary" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    CONSTRAINT "Call_pkey" PRIMARY KEY ("id"),
    -- Not expressible in the Prisma schema; the contracts check the same values.
    CONSTRAINT "Call_line_check" CHECK ("line" IN ('113', '116117', 'LEGEVAKT'))
);

CREATE TABLE "CallJournalEntry" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "authorId" UUID,
    "author" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'NOTE',
    "text" TEXT NOT NULL,
    CONSTRAINT "CallJournalEntry_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Incident" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "major" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CallerPosition" (
    "id" UUID NOT NULL,
    "callId" UUID,
    "msisdn" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "radiusM" DOUBLE PRECISION NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "method" TEXT NOT NULL,
    "kommunenummer" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "raw" TEXT NOT NULL,
    CONSTRAINT "CallerPosition_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "TriageCriterion" (
    "code" TEXT NOT NULL,
    "urgency" "Urgency" NOT NULL,
    "chapter" INTEGER NOT NULL,
    "chapterTitle" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "isSample" BOOLEAN NOT NULL DEFAULT false,
    "importedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TriageCriterion_pkey" PRIMARY KEY ("code")
);

CREATE TABLE "Transfer" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "fromCentreId" UUID NOT NULL,
    "toCentreId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "state" "TransferState" NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "requestedById" UUID NOT NULL,
    "answeredAt" TIMESTAMPTZ(3),
    "answeredById" UUID,
    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "groupId" UUID,
    "recipient" "NotificationRecipient" NOT NULL,
    "recipientCentreId" UUID,
    "channel" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "state" "DeliveryState" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedBy" TEXT,
    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Station" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "kommunenummer" TEXT NOT NULL,
    CONSTRAINT "Station_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Unit" (
    "id" UUID NOT NULL,
    "callSign" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "centreId" UUID NOT NULL,
    "stationId" UUID,
    "status" "UnitStatus" NOT NULL,
    "statusAt" TIMESTAMPTZ(3) NOT NULL,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "positionAt" TIMESTAMPTZ(3),
    "speedKmh" DOUBLE PRECISION,
    "headingDeg" DOUBLE PRECISION,
    "crewOk" BOOLEAN NOT NULL DEFAULT false,
    "crewProblem" TEXT,
    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CrewAssignment" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "personName" TEXT NOT NULL,
    "authorisation" "Authorisation" NOT NULL,
    "fromAt" TIMESTAMPTZ(3) NOT NULL,
    "toAt" TIMESTAMPTZ(3),
    CONSTRAINT "CrewAssignment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "UnitStatusChange" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "status" "UnitStatus" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "missionId" UUID,
    "source" TEXT NOT NULL,
    "byUserId" UUID,
    CONSTRAINT "UnitStatusChange_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Mission" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "callId" UUID,
    "incidentId" UUID,
    "kind" "MissionKind" NOT NULL,
    "urgency" "Urgency",
    "eventType" TEXT,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "kommunenummer" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    "outcome" TEXT,
    CONSTRAINT "Mission_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "MissionUnit" (
    "missionId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "assignedAt" TIMESTAMPTZ(3) NOT NULL,
    "releasedAt" TIMESTAMPTZ(3),
    CONSTRAINT "MissionUnit_pkey" PRIMARY KEY ("missionId","unitId")
);

CREATE TABLE "DoctorShift" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "district" TEXT NOT NULL,
    "doctorName" TEXT NOT NULL,
    "fromAt" TIMESTAMPTZ(3) NOT NULL,
    "toAt" TIMESTAMPTZ(3) NOT NULL,
    "isBackup" BOOLEAN NOT NULL DEFAULT false,
    "specialistGeneralPractice" BOOLEAN NOT NULL DEFAULT false,
    "approvedGp" BOOLEAN NOT NULL DEFAULT false,
    "watchesDone" INTEGER NOT NULL DEFAULT 0,
    "monthsInMunicipalService" INTEGER NOT NULL DEFAULT 0,
    "requiredCoursesDone" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "DoctorShift_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AkutthjelperOrganisation" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AkutthjelperKind" NOT NULL,
    CONSTRAINT "AkutthjelperOrganisation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AkutthjelperUnit" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    CONSTRAINT "AkutthjelperUnit_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AkutthjelperMember" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "userId" UUID,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "trainingValidUntil" DATE,
    "onDuty" BOOLEAN NOT NULL DEFAULT false,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "positionAt" TIMESTAMPTZ(3),
    CONSTRAINT "AkutthjelperMember_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AkutthjelperAgreement" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "kommuner" TEXT[],
    "eventTypes" TEXT[],
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "documentRef" TEXT,
    CONSTRAINT "AkutthjelperAgreement_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AkutthjelperAlert" (
    "id" UUID NOT NULL,
    "missionId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "distanceM" DOUBLE PRECISION,
    "state" "AlertState" NOT NULL,
    "alertedAt" TIMESTAMPTZ(3) NOT NULL,
    "deliveredAt" TIMESTAMPTZ(3),
    "seenAt" TIMESTAMPTZ(3),
    "acceptedAt" TIMESTAMPTZ(3),
    "declinedAt" TIMESTAMPTZ(3),
    "arrivedAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    CONSTRAINT "AkutthjelperAlert_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "BistandRequest" (
    "id" UUID NOT NULL,
    "missionId" UUID,
    "callId" UUID,
    "centreId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "organisationId" UUID,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID NOT NULL,
    CONSTRAINT "BistandRequest_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Recording" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "callExternalId" TEXT NOT NULL,
    "callId" UUID,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "deleteAfter" DATE NOT NULL,
    "blobKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "contentType" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Recording_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RecordingHold" (
    "id" UUID NOT NULL,
    "recordingId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "caseRef" TEXT NOT NULL,
    "placedById" UUID NOT NULL,
    "placedAt" TIMESTAMPTZ(3) NOT NULL,
    "releasedAt" TIMESTAMPTZ(3),
    "releasedById" UUID,
    "releaseReason" TEXT,
    CONSTRAINT "RecordingHold_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RecordingTombstone" (
    "recordingId" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "callId" UUID,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3) NOT NULL,
    "sha256" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    CONSTRAINT "RecordingTombstone_pkey" PRIMARY KEY ("recordingId")
);

CREATE TABLE "PurgeRun" (
    "id" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "asOfDate" DATE NOT NULL,
    "deletedCount" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    CONSTRAINT "PurgeRun_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorKind" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "centreId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "detail" JSONB,
    "ip" TEXT,
    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Event" (
    "seq" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "centreId" UUID,
    "audience" TEXT[],
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "data" JSONB NOT NULL,
    CONSTRAINT "Event_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "Centre_code_key" ON "Centre"("code");
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");
CREATE INDEX "Session_userId_idx" ON "Session"("userId");
CREATE UNIQUE INDEX "IntegrationKey_keyHash_key" ON "IntegrationKey"("keyHash");
CREATE INDEX "Call_centreId_closedAt_idx" ON "Call"("centreId", "closedAt");
CREATE INDEX "Call_centreId_ringingAt_idx" ON "Call"("centreId", "ringingAt");
CREATE INDEX "Call_callerNumber_ringingAt_idx" ON "Call"("callerNumber", "ringingAt");
CREATE UNIQUE INDEX "Call_centreId_externalId_key" ON "Call"("centreId", "externalId");
CREATE INDEX "CallJournalEntry_callId_at_idx" ON "CallJournalEntry"("callId", "at");
CREATE INDEX "CallerPosition_msisdn_receivedAt_idx" ON "CallerPosition"("msisdn", "receivedAt");
CREATE INDEX "CallerPosition_callId_idx" ON "CallerPosition"("callId");
CREATE INDEX "Transfer_toCentreId_state_idx" ON "Transfer"("toCentreId", "state");
CREATE INDEX "Notification_state_nextAttemptAt_idx" ON "Notification"("state", "nextAttemptAt");
CREATE INDEX "Notification_callId_idx" ON "Notification"("callId");
CREATE UNIQUE INDEX "Unit_callSign_key" ON "Unit"("callSign");
CREATE INDEX "CrewAssignment_unitId_toAt_idx" ON "CrewAssignment"("unitId", "toAt");
CREATE INDEX "UnitStatusChange_unitId_at_idx" ON "UnitStatusChange"("unitId", "at");
CREATE INDEX "UnitStatusChange_missionId_idx" ON "UnitStatusChange"("missionId");
CREATE INDEX "Mission_centreId_closedAt_idx" ON "Mission"("centreId", "closedAt");
CREATE INDEX "DoctorShift_centreId_fromAt_idx" ON "DoctorShift"("centreId", "fromAt");
CREATE UNIQUE INDEX "AkutthjelperMember_userId_key" ON "AkutthjelperMember"("userId");
CREATE UNIQUE INDEX "AkutthjelperAlert_missionId_memberId_key" ON "AkutthjelperAlert"("missionId", "memberId");
CREATE UNIQUE INDEX "Recording_blobKey_key" ON "Recording"("blobKey");
CREATE INDEX "Recording_deleteAfter_idx" ON "Recording"("deleteAfter");
CREATE INDEX "Recording_centreId_callExternalId_idx" ON "Recording"("centreId", "callExternalId");
CREATE INDEX "RecordingHold_recordingId_releasedAt_idx" ON "RecordingHold"("recordingId", "releasedAt");
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");
CREATE INDEX "Event_at_idx" ON "Event"("at");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "IntegrationKey" ADD CONSTRAINT "IntegrationKey_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Call" ADD CONSTRAINT "Call_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Call" ADD CONSTRAINT "Call_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CallJournalEntry" ADD CONSTRAINT "CallJournalEntry_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CallerPosition" ADD CONSTRAINT "CallerPosition_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Station" ADD CONSTRAINT "Station_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CrewAssignment" ADD CONSTRAINT "CrewAssignment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "UnitStatusChange" ADD CONSTRAINT "UnitStatusChange_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Mission" ADD CONSTRAINT "Mission_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Mission" ADD CONSTRAINT "Mission_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Mission" ADD CONSTRAINT "Mission_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "MissionUnit" ADD CONSTRAINT "MissionUnit_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MissionUnit" ADD CONSTRAINT "MissionUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AkutthjelperUnit" ADD CONSTRAINT "AkutthjelperUnit_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "AkutthjelperOrganisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AkutthjelperMember" ADD CONSTRAINT "AkutthjelperMember_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AkutthjelperUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AkutthjelperMember" ADD CONSTRAINT "AkutthjelperMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AkutthjelperAgreement" ADD CONSTRAINT "AkutthjelperAgreement_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AkutthjelperUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AkutthjelperAlert" ADD CONSTRAINT "AkutthjelperAlert_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AkutthjelperAlert" ADD CONSTRAINT "AkutthjelperAlert_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "AkutthjelperMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BistandRequest" ADD CONSTRAINT "BistandRequest_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "RecordingHold" ADD CONSTRAINT "RecordingHold_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "Recording"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
