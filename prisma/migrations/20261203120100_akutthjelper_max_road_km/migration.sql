-- Akutthjelpere farther than this by road are not proposed: a setting per AMK centre, default 5 km.
ALTER TABLE "Centre" ADD COLUMN "akutthjelperMaxRoadKm" DOUBLE PRECISION NOT NULL DEFAULT 5;
