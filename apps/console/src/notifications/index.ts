// What the notifications feature offers the others: the queue's rows for notifications other
// centres sent here.
export { NotificationRows } from './NotificationRows.js';
