-- Scene organisation of a major incident (issue 13, 2): the rendezvous point (oppmøteplass), the
-- ambulance holding area (venteplass), the casualty clearing point (samleplass for skadde), and
-- who leads on scene (operativ leder helse, fagleder helse, police's innsatsleder). The current
-- state lives here; every change, with its time and author, is a line in the incident's log.
ALTER TABLE "MajorIncident"
  ADD COLUMN "rendezvousLat" DOUBLE PRECISION,
  ADD COLUMN "rendezvousLon" DOUBLE PRECISION,
  ADD COLUMN "holdingAreaLat" DOUBLE PRECISION,
  ADD COLUMN "holdingAreaLon" DOUBLE PRECISION,
  ADD COLUMN "casualtyClearingLat" DOUBLE PRECISION,
  ADD COLUMN "casualtyClearingLon" DOUBLE PRECISION,
  ADD COLUMN "operativLederHelse" TEXT,
  ADD COLUMN "fagLederHelse" TEXT,
  ADD COLUMN "innsatsleder" TEXT,
  ADD COLUMN "sceneUpdatedAt" TIMESTAMPTZ(3);
