-- § 14 e: the health region of an AMK, and the one AMK per region that coordinates the others.
ALTER TABLE "Centre" ADD COLUMN "region" TEXT, ADD COLUMN "coordinatesRegion" BOOLEAN NOT NULL DEFAULT false;
