-- § 11 second paragraph: an ambulance car is manned on site (tilstedevakt); on call from home only
-- with the low-volume exception decided for the car.
CREATE TYPE "CrewManning" AS ENUM ('ON_SITE', 'ON_CALL');
ALTER TABLE "Unit"
  ADD COLUMN "manning" "CrewManning" NOT NULL DEFAULT 'ON_SITE',
  ADD COLUMN "onCallExemptionRef" TEXT;
