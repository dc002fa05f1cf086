-- How many akutthjelpere should accept an alert before escalation stops.
ALTER TABLE "Mission" ADD COLUMN "requiredResponders" INTEGER;
