// The socket lives outside React. It connects after the snapshot is loaded, asks for every event
// after the store's lastSeq (on first connect and on every reconnect), and applies what arrives
// to the store. When the server says the gap is too large, it reloads the snapshot.
//
// The connection under it (the WebSocket and Socket.IO's handshake) may be opened earlier, while the
// snapshot is on its way after the login: the socket then joins with one message sent before the
// console's first render, and the server's catch-up is on its way back during that render, instead
// of a handshake that waits for the render to finish.
import type { ClientToServerEvents, ServerToClientEvents } from '@amk/contracts';
import { Manager, type ManagerOptions, type Socket } from 'socket.io-client';
import { fetchSnapshot, type SnapshotAnswer } from '../api/snapshot.js';
import { retryUntilDone } from '../lib/retry.js';
import { useConsole } from '../store/console-store.js';

let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
type Connection = Manager<ServerToClientEvents, ClientToServerEvents>;
const connectionOptions: Partial<ManagerOptions> = {
  path: '/socket.io',
  transports: ['websocket'],
  reconnectionDelay: 500,
  reconnectionDelayMax: 5_000,
};
let openedEarly: Connection | null = null;

/**
 * Opens the connection to the server now, for the console about to be shown (once; its socket takes
 * it). Not when a console is connected already: nothing would take this one.
 */
export function openConnectionEarly(): void {
  if (!socket) openedEarly ??= new Manager(connectionOptions);
}

/** Loads the snapshot into the store: the one given (already on its way since the login), else a new one. */
export async function loadSnapshot(onItsWay?: Promise<SnapshotAnswer>): Promise<void> {
  useConsole.getState().applySnapshot(await (onItsWay ?? fetchSnapshot()));
}

export function connectRealtime(): () => void {
  const store = useConsole;
  socket?.disconnect();
  // the connection opened early, taken once; a later console (a remount, the wall) opens its own
  const connection: Connection = openedEarly ?? new Manager(connectionOptions);
  openedEarly = null;
  const s = connection.socket('/', {
    // A function, so every reconnect asks from where the console is now.
    auth: (cb) => cb({ afterSeq: store.getState().lastSeq }),
  });
  socket = s;
  let reconnect: ReturnType<typeof setTimeout> | undefined;
  let cancelResync: (() => void) | undefined;
  store.getState().setConnection('connecting');
  // Events up to the notice's seq were replayed or were not for this console: skip them next time.
  s.on('live', (notice) => store.getState().markLive(notice.seq));
  s.on('event', (e) => store.getState().applyEvent(e));
  // several committed together (a burst of calls) or replayed: in seq order, each as if alone
  s.on('events', (list) => {
    for (const e of list) store.getState().applyEvent(e);
  });
  s.on('positions', (batch) => store.getState().applyPositions(batch));
  // The gap was too large to replay: reload the snapshot, and only then reconnect from its seq.
  // Reconnecting after a failed reload would only be told to resync again, in a tight loop, while
  // the console shows a stale picture; so the reload is retried with a growing pause instead.
  s.on('resync', () => {
    s.disconnect();
    store.getState().setConnection('connecting');
    cancelResync?.();
    cancelResync = retryUntilDone(async () => {
      await loadSnapshot();
      if (socket === s) s.connect();
    });
  });
  s.on('disconnect', (reason) => {
    store.getState().setConnection('offline');
    // The server closed this socket (its session ended, or catching up failed): Socket.IO does not
    // come back by itself then. Connect again: a live session resumes, an ended one goes to login.
    if (reason === 'io server disconnect') reconnect = setTimeout(() => socket === s && s.connect(), 500);
  });
  s.io.on('reconnect_attempt', () => store.getState().setConnection('connecting'));
  s.on('connect_error', (err) => {
    store.getState().setConnection('offline');
    if (err.message === 'unauthorized') window.location.assign('/login');
  });
  return () => {
    clearTimeout(reconnect);
    cancelResync?.();
    s.disconnect();
    if (socket === s) socket = null;
  };
}
