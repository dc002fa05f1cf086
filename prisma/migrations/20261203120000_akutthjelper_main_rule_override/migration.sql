-- An akutthjelper alert for an event type outside the four, by an AMK doctor's or operator's override.
ALTER TABLE "AkutthjelperAlert" ADD COLUMN "mainRuleOverrideReason" TEXT;
ALTER TABLE "AkutthjelperAlert" ADD COLUMN "mainRuleOverrideBy" TEXT;
