-- A fire-service unit may be alerted as a unit through the 110-centre, where its agreement says so.
CREATE TYPE "AkutthjelperAlertVia" AS ENUM ('MEMBERS', 'FIRE_CENTRE');
ALTER TABLE "AkutthjelperAgreement" ADD COLUMN "alertVia" "AkutthjelperAlertVia" NOT NULL DEFAULT 'MEMBERS';

CREATE TABLE "AkutthjelperUnitAlert" (
    "id" UUID NOT NULL,
    "missionId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "notificationId" UUID NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "distanceM" DOUBLE PRECISION,
    "alertedAt" TIMESTAMPTZ(3) NOT NULL,
    "mainRuleOverrideReason" TEXT,
    "mainRuleOverrideBy" TEXT,
    CONSTRAINT "AkutthjelperUnitAlert_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AkutthjelperUnitAlert_notificationId_key" ON "AkutthjelperUnitAlert"("notificationId");
CREATE UNIQUE INDEX "AkutthjelperUnitAlert_missionId_unitId_key" ON "AkutthjelperUnitAlert"("missionId", "unitId");
ALTER TABLE "AkutthjelperUnitAlert" ADD CONSTRAINT "AkutthjelperUnitAlert_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AkutthjelperUnitAlert" ADD CONSTRAINT "AkutthjelperUnitAlert_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AkutthjelperUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AkutthjelperUnitAlert" ADD CONSTRAINT "AkutthjelperUnitAlert_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
