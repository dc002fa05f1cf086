-- Issue 11: the § 11 crew rule is enforced, and missions release their units.
--
-- Per person on a crew: the authorisations § 11 names that were missing (other health personnel
-- with licence, boat driver), the driving licence for the vehicle class and the emergency-driving
-- certificate (both held unless said otherwise: rows from before kept their meaning), and a
-- temporary post (vikariat) for the two-month exemption of § 11 sixth paragraph.
ALTER TYPE "Authorisation" ADD VALUE IF NOT EXISTS 'HEALTH_PERSONNEL';
ALTER TYPE "Authorisation" ADD VALUE IF NOT EXISTS 'BOAT_DRIVER';

ALTER TABLE "CrewAssignment"
  ADD COLUMN "drivingLicence" BOOLEAN NOT NULL DEFAULT true,
  ADD COLUMN "emergencyDrivingCertificate" BOOLEAN NOT NULL DEFAULT true,
  ADD COLUMN "temporaryPostFrom" DATE,
  ADD COLUMN "temporaryPostTo" DATE;

-- An operator's override of the § 11 refusal, with its reason: on the unit (until its crew
-- changes) and on the mission the unit was sent to anyway.
ALTER TABLE "Unit"
  ADD COLUMN "crewOverrideReason" TEXT,
  ADD COLUMN "crewOverrideAt" TIMESTAMPTZ(3),
  ADD COLUMN "crewOverrideBy" TEXT;

ALTER TABLE "MissionUnit" ADD COLUMN "crewOverrideReason" TEXT;

-- Why a status changed when the system changed it (a mission closed released its unit).
ALTER TABLE "UnitStatusChange" ADD COLUMN "reason" TEXT;
