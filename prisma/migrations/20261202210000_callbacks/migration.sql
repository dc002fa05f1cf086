-- Tilbakeringing: every call that rang out unanswered waits on the centre's callback list until an
-- operator says how calling back went (or links it to a later call from the same number).
CREATE TYPE "CallbackOutcome" AS ENUM ('REACHED', 'NO_ANSWER', 'WRONG_NUMBER', 'LINKED', 'ANSWERED');

CREATE TABLE "Callback" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    "outcome" "CallbackOutcome",
    "linkedCallId" UUID,
    "resolvedById" UUID,
    "resolvedBy" TEXT,
    "note" TEXT,
    CONSTRAINT "Callback_pkey" PRIMARY KEY ("id"),
    -- resolved means: with an outcome; only a LINKED callback names the later call
    CONSTRAINT "Callback_resolved_check" CHECK (("resolvedAt" IS NULL) = ("outcome" IS NULL)),
    CONSTRAINT "Callback_linked_check" CHECK ("linkedCallId" IS NULL OR "outcome" = 'LINKED')
);

CREATE UNIQUE INDEX "Callback_callId_key" ON "Callback"("callId");
CREATE INDEX "Callback_centreId_resolvedAt_idx" ON "Callback"("centreId", "resolvedAt");
ALTER TABLE "Callback" ADD CONSTRAINT "Callback_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Callback" ADD CONSTRAINT "Callback_linkedCallId_fkey" FOREIGN KEY ("linkedCallId") REFERENCES "Call"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Callers lost in the last day before this list existed are put on it: they may still be waiting.
-- Exercise calls are not: nobody rang.
INSERT INTO "Callback" ("id", "callId", "centreId", "createdAt", "updatedAt")
SELECT gen_random_uuid(), c."id", c."centreId", COALESCE(c."endedAt", c."ringingAt"), COALESCE(c."endedAt", c."ringingAt")
FROM "Call" c
WHERE c."state" = 'ABANDONED' AND c."source" <> 'EXERCISE' AND c."ringingAt" > now() - interval '24 hours';
