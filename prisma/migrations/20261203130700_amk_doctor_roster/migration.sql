-- § 15 m: the roster of the AMK's doctor with emergency-medicine competence, around the clock.
CREATE TABLE "AmkDoctorShift" (
  "id" UUID NOT NULL,
  "centreId" UUID NOT NULL,
  "doctorName" TEXT NOT NULL,
  "reachAt" TEXT,
  "fromAt" TIMESTAMPTZ(3) NOT NULL,
  "toAt" TIMESTAMPTZ(3) NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "createdBy" TEXT NOT NULL,
  CONSTRAINT "AmkDoctorShift_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AmkDoctorShift_centreId_fromAt_idx" ON "AmkDoctorShift"("centreId", "fromAt");
