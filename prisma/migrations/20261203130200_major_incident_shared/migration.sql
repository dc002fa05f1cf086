-- The neighbouring AMKs alerted on declaration follow the major incident live, read-only.
ALTER TABLE "MajorIncident" ADD COLUMN "sharedWithCentreIds" UUID[] DEFAULT '{}';
