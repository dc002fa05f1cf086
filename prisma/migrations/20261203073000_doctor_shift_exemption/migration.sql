-- § 7 third paragraph: the statsforvalter's exemption is kept with the shift (it used to be dropped).
ALTER TABLE "DoctorShift"
  ADD COLUMN "exemptionRef" TEXT,
  ADD COLUMN "exemptionFrom" DATE,
  ADD COLUMN "exemptionTo" DATE;
