-- Backup centres and takeovers (forskrift om akuttmedisin § 15 p, § 12 d)
ALTER TABLE "Centre" ADD COLUMN "backupCentreIds" UUID[] DEFAULT ARRAY[]::UUID[];

CREATE TABLE "Takeover" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "backupCentreId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "startedById" UUID NOT NULL,
    "endsAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "endedById" UUID,
    "summary" JSONB,

    CONSTRAINT "Takeover_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Takeover_backupCentreId_endedAt_idx" ON "Takeover"("backupCentreId", "endedAt");
CREATE INDEX "Takeover_centreId_endedAt_idx" ON "Takeover"("centreId", "endedAt");
-- one open takeover per centre: two backups cannot both hold its lines
CREATE UNIQUE INDEX "Takeover_one_open_per_centre" ON "Takeover"("centreId") WHERE "endedAt" IS NULL;
