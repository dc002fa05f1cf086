// The console's starting picture, asked for in one way by both that need it: the first screen,
// ahead of the console page (app/first-screen.ts), and the live connection, when it must start over
// (realtime/connection.ts). A module of its own so the first screen can have it without the socket.
import { client, ok } from './client.js';

export const fetchSnapshot = () => ok(client.GET('/api/v1/snapshot'));
export type SnapshotAnswer = Awaited<ReturnType<typeof fetchSnapshot>>;
