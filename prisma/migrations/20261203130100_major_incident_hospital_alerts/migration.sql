-- § 16: the hospitals of the declaring AMK's HF are alerted of a major incident and answer with the
-- preparedness level they raise (gul / rød beredskap).
CREATE TABLE "MajorIncidentHospitalAlert" (
  "majorIncidentId" UUID NOT NULL,
  "hospitalId" UUID NOT NULL,
  "notifiedAt" TIMESTAMPTZ(3) NOT NULL,
  "level" "MajorIncidentLevel",
  "answeredAt" TIMESTAMPTZ(3),
  "answeredBy" TEXT,
  CONSTRAINT "MajorIncidentHospitalAlert_pkey" PRIMARY KEY ("majorIncidentId", "hospitalId"),
  CONSTRAINT "MajorIncidentHospitalAlert_majorIncidentId_fkey" FOREIGN KEY ("majorIncidentId") REFERENCES "MajorIncident"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "MajorIncidentHospitalAlert_hospitalId_fkey" FOREIGN KEY ("hospitalId") REFERENCES "Hospital"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "MajorIncidentHospitalAlert_hospitalId_idx" ON "MajorIncidentHospitalAlert"("hospitalId");
