-- A bistand request reaches the organisation (its members' phones, marked as bistand) and is acknowledged.
ALTER TABLE "BistandRequest" ADD COLUMN "sentAt" TIMESTAMPTZ(3);
ALTER TABLE "BistandRequest" ADD COLUMN "acknowledgedAt" TIMESTAMPTZ(3);
ALTER TABLE "BistandRequest" ADD COLUMN "acknowledgedBy" TEXT;
ALTER TABLE "BistandRequest" ADD COLUMN "acknowledgedVia" TEXT;
CREATE INDEX "BistandRequest_missionId_idx" ON "BistandRequest"("missionId");

CREATE TABLE "BistandRecipient" (
    "id" UUID NOT NULL,
    "bistandRequestId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "deliveredAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "repliedAt" TIMESTAMPTZ(3),
    CONSTRAINT "BistandRecipient_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "BistandRecipient_bistandRequestId_memberId_key" ON "BistandRecipient"("bistandRequestId", "memberId");
CREATE INDEX "BistandRecipient_memberId_idx" ON "BistandRecipient"("memberId");
ALTER TABLE "BistandRecipient" ADD CONSTRAINT "BistandRecipient_bistandRequestId_fkey" FOREIGN KEY ("bistandRequestId") REFERENCES "BistandRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BistandRecipient" ADD CONSTRAINT "BistandRecipient_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "AkutthjelperMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
