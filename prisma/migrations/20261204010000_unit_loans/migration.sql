-- Mutual aid between centres (forskrift om akuttmedisin § 10 d, § 15 i)
ALTER TABLE "Unit" ADD COLUMN "lentToCentreId" UUID;

CREATE TYPE "UnitLoanState" AS ENUM ('REQUESTED', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'RETURNED');

CREATE TABLE "UnitLoan" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "ownerCentreId" UUID NOT NULL,
    "borrowerCentreId" UUID NOT NULL,
    "callId" UUID,
    "missionId" UUID,
    "note" TEXT,
    "state" "UnitLoanState" NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "requestedById" UUID NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedBy" TEXT,
    "declineReason" TEXT,
    "returnedAt" TIMESTAMPTZ(3),
    "returnReason" TEXT,

    CONSTRAINT "UnitLoan_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "UnitLoan_ownerCentreId_requestedAt_idx" ON "UnitLoan"("ownerCentreId", "requestedAt");
CREATE INDEX "UnitLoan_borrowerCentreId_requestedAt_idx" ON "UnitLoan"("borrowerCentreId", "requestedAt");
-- a unit is asked for, or lent, to one centre at a time
CREATE UNIQUE INDEX "UnitLoan_one_open_per_unit" ON "UnitLoan"("unitId") WHERE "state" IN ('REQUESTED', 'ACCEPTED');
