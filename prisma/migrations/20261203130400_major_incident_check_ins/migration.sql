-- § 15 o: units sent to a major incident check in at the holding area; one that has not by the
-- time it should have is flagged (computed, not stored).
CREATE TABLE "MajorIncidentCheckIn" (
  "majorIncidentId" UUID NOT NULL,
  "unitId" UUID NOT NULL,
  "at" TIMESTAMPTZ(3) NOT NULL,
  "by" TEXT NOT NULL,
  CONSTRAINT "MajorIncidentCheckIn_pkey" PRIMARY KEY ("majorIncidentId", "unitId"),
  CONSTRAINT "MajorIncidentCheckIn_majorIncidentId_fkey" FOREIGN KEY ("majorIncidentId") REFERENCES "MajorIncident"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "MajorIncidentCheckIn_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "MajorIncidentCheckIn_unitId_idx" ON "MajorIncidentCheckIn"("unitId");
