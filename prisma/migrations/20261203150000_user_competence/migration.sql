-- Operator competence (forskrift om akuttmedisin § 8, § 13 f, § 15 l)
CREATE TYPE "Education" AS ENUM ('NURSE', 'AMBULANCE_WORKER', 'OTHER_HEALTH_BACHELOR', 'NONE');

ALTER TABLE "User"
  ADD COLUMN "education" "Education" NOT NULL DEFAULT 'NONE',
  ADD COLUMN "operatorTrainingOn" DATE,
  ADD COLUMN "clinicalPracticeConfirmed" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "emergencyCourseOn" DATE,
  ADD COLUMN "violenceCourseOn" DATE,
  ADD COLUMN "hprNumber" TEXT;
