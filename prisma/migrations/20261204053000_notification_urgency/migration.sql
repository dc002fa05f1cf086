-- The urgency the sending centre had given its call when it notified another centre, so the
-- receiving centre's queue shows it beside the notification (issue 14: the queue at a glance).
ALTER TABLE "Notification" ADD COLUMN "urgency" "Urgency";
