-- Operator competence (forskrift om akuttmedisin § 8, § 13 f, § 15 l)
CREATE TYPE "Education" AS ENUM ('NURSE', 'AMBULANCE_WORKER', 'OTHER_HEALTH_BACHELOR', 'NONE');

ALTER TABLE "User"
  ADD COLUMN "education" "Education" NOT NULL DEFAULT 'NONE',
  ADD COLUMN "operatorTrainingOn" DATE,
  ADD COLUMN "clinicalPracticeConfirmed" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "emergencyCourseOn" DATE,
  ADD COLUMN "violenceCourseOn" DATE,
  ADD COLUMN "hprNumber" TEXT;

-- The seeded demo users meet the paragraphs (as a fresh seed makes them), so an existing demo
-- database keeps taking calls. Real users start at NONE: their admin must record their competence.
UPDATE "User"
SET "education" = 'NURSE',
    "operatorTrainingOn" = DATE '2021-09-01',
    "clinicalPracticeConfirmed" = true,
    "emergencyCourseOn" = DATE '2021-10-01',
    "violenceCourseOn" = DATE '2021-11-01'
WHERE "isDemo";
