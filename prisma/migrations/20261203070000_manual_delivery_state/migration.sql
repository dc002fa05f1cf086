-- A notification with no gateway behind it is not sent by anyone until an operator phones it in.
ALTER TYPE "DeliveryState" ADD VALUE 'MANUAL' AFTER 'PENDING';
