-- The organisation's leader may send a test alert (ØVELSE/TEST) to the members' phones; kept apart
-- from real alerts so it is never counted.
ALTER TABLE "AkutthjelperMember" ADD COLUMN "isLeader" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "AkutthjelperTestAlert" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "sentById" UUID NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "AkutthjelperTestAlert_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AkutthjelperTestAlert_organisationId_sentAt_idx" ON "AkutthjelperTestAlert"("organisationId", "sentAt");
ALTER TABLE "AkutthjelperTestAlert" ADD CONSTRAINT "AkutthjelperTestAlert_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "AkutthjelperMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "AkutthjelperTestRecipient" (
    "id" UUID NOT NULL,
    "testAlertId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "deliveredAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "repliedAt" TIMESTAMPTZ(3),
    "reply" TEXT,
    CONSTRAINT "AkutthjelperTestRecipient_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AkutthjelperTestRecipient_testAlertId_memberId_key" ON "AkutthjelperTestRecipient"("testAlertId", "memberId");
CREATE INDEX "AkutthjelperTestRecipient_memberId_idx" ON "AkutthjelperTestRecipient"("memberId");
ALTER TABLE "AkutthjelperTestRecipient" ADD CONSTRAINT "AkutthjelperTestRecipient_testAlertId_fkey" FOREIGN KEY ("testAlertId") REFERENCES "AkutthjelperTestAlert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AkutthjelperTestRecipient" ADD CONSTRAINT "AkutthjelperTestRecipient_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "AkutthjelperMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
