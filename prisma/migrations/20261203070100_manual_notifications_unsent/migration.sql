-- Notifications on the manual channel were marked SENT at a time when nothing was sent. Those not
-- yet confirmed become MANUAL again, without a send time; confirmed ones keep their record.
UPDATE "Notification" SET "state" = 'MANUAL', "sentAt" = NULL, "nextAttemptAt" = NULL
 WHERE "channel" = 'manual' AND "state" IN ('PENDING', 'SENT');
