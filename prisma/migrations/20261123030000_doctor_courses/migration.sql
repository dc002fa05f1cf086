-- § 7 names two courses; keep them apart so the roster can say which one is missing.
ALTER TABLE "DoctorShift" DROP COLUMN "requiredCoursesDone";
ALTER TABLE "DoctorShift" ADD COLUMN "courseEmergencyMedicine" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "DoctorShift" ADD COLUMN "courseViolenceAndAbuse" BOOLEAN NOT NULL DEFAULT false;
