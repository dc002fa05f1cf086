-- Major incidents (§ 15 o) and hospitals with acute functions (§ 16): declared incidents, their
-- patients by triage card, the hospitals' capacity per category, and an append-only timeline.
CREATE TYPE "TriageCategory" AS ENUM ('RED', 'YELLOW', 'GREEN', 'DEAD');
CREATE TYPE "MajorIncidentLevel" AS ENUM ('YELLOW', 'RED');

CREATE TABLE "Hospital" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "centreId" UUID NOT NULL REFERENCES "Centre"("id"),
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "capacityRed" INTEGER NOT NULL DEFAULT 0 CHECK ("capacityRed" >= 0),
    "capacityYellow" INTEGER NOT NULL DEFAULT 0 CHECK ("capacityYellow" >= 0),
    "capacityGreen" INTEGER NOT NULL DEFAULT 0 CHECK ("capacityGreen" >= 0),
    "capacityUpdatedAt" TIMESTAMPTZ(3),
    "capacityUpdatedBy" TEXT,
    CONSTRAINT "Hospital_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Hospital_code_key" ON "Hospital"("code");

CREATE TABLE "MajorIncident" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL REFERENCES "Centre"("id"),
    "incidentId" UUID NOT NULL REFERENCES "Incident"("id"),
    "callId" UUID REFERENCES "Call"("id"),
    "level" "MajorIncidentLevel" NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "description" TEXT NOT NULL,
    "declaredAt" TIMESTAMPTZ(3) NOT NULL,
    "declaredById" UUID NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "MajorIncident_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "MajorIncident_incidentId_key" ON "MajorIncident"("incidentId");
CREATE INDEX "MajorIncident_centreId_closedAt_idx" ON "MajorIncident"("centreId", "closedAt");

CREATE TABLE "MajorIncidentPatient" (
    "id" UUID NOT NULL,
    "majorIncidentId" UUID NOT NULL REFERENCES "MajorIncident"("id"),
    "cardNumber" TEXT NOT NULL,
    "category" "TriageCategory" NOT NULL,
    "categoryAt" TIMESTAMPTZ(3) NOT NULL,
    "registeredAt" TIMESTAMPTZ(3) NOT NULL,
    "hospitalId" UUID REFERENCES "Hospital"("id"),
    "unitId" UUID REFERENCES "Unit"("id"),
    "transportAssignedAt" TIMESTAMPTZ(3),
    "capacityOverrideReason" TEXT,
    "leftSceneAt" TIMESTAMPTZ(3),
    "arrivedAt" TIMESTAMPTZ(3),
    CONSTRAINT "MajorIncidentPatient_pkey" PRIMARY KEY ("id")
);
-- One triage card number once per incident: a second registration of the same card is refused.
CREATE UNIQUE INDEX "MajorIncidentPatient_majorIncidentId_cardNumber_key" ON "MajorIncidentPatient"("majorIncidentId", "cardNumber");
CREATE INDEX "MajorIncidentPatient_hospitalId_idx" ON "MajorIncidentPatient"("hospitalId");

CREATE TABLE "MajorIncidentLogEntry" (
    "id" BIGSERIAL NOT NULL,
    "majorIncidentId" UUID NOT NULL REFERENCES "MajorIncident"("id"),
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "authorId" UUID,
    "author" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "patientId" UUID,
    "text" TEXT NOT NULL,
    CONSTRAINT "MajorIncidentLogEntry_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "MajorIncidentLogEntry_majorIncidentId_id_idx" ON "MajorIncidentLogEntry"("majorIncidentId", "id");

-- The timeline is the record for the evaluation afterwards: nothing in it is changed or removed.
CREATE FUNCTION major_incident_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'the major incident log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "MajorIncidentLogEntry_append_only" BEFORE UPDATE OR DELETE ON "MajorIncidentLogEntry"
  FOR EACH ROW EXECUTE FUNCTION major_incident_log_append_only();
