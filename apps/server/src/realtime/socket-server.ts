// Socket.IO: authenticates consoles by their session cookie, catches a reconnecting console up
// from its last seq, then lets it hear live events in the rooms it may see.
//
// The catch-up is exact: replayed events come from the database (old ones) and then from the
// pump's in-memory ring, and the socket joins its rooms in the same synchronous step as the last
// ring read. So no event falls between replay and live, and none arrives twice.
import type { Server as HttpServer } from 'node:http';
import { fastifyCookie } from '@fastify/cookie';
import type { ClientToServerEvents, ServerToClientEvents } from '@amk/contracts';
import { Server, type Socket } from 'socket.io';
import { rooms as roomNames, roomsFor, type UserActor } from '../auth/actor.js';
import { coveredCentres } from '../auth/centre-cover.js';
import { SESSION_COOKIE, type SessionService } from '../auth/sessions.service.js';
import { sha256 } from '../auth/tokens.js';
import type { Db } from '@amk/db';
import { toStoredEvent, type EventRowFields, type StoredEvent } from './event-log.js';
import type { EventPump } from './event-pump.js';
import type { OriginPolicy } from '../plugins/origin.js';

/** More missed events than this: the console reloads a snapshot instead of a replay. */
const MAX_REPLAY = 50_000;
/** How often open sockets' sessions are checked (logged out elsewhere, expired, user disabled). */
const SESSION_CHECK_MS = 30_000;
const DB_BATCH = 5_000;

interface SocketData {
  user: UserActor;
  rooms: string[];
  /** sha256 of the session token: a socket lives only as long as its session. */
  tokenHash: string;
}

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The most events one packet carries: a replay of thousands goes as several. */
const EVENTS_PER_PACKET = 500;

const sameRooms = (a: string[], b: string[]) => a.length === b.length && a.every((room, i) => room === b[i]);

/**
 * Sends events, in order, to `target` (some rooms' sockets, or one socket): one alone as 'event',
 * more as 'events' packets of up to EVENTS_PER_PACKET.
 */
function emitTo(target: { emit: IoServer['emit'] }, events: StoredEvent[]): void {
  if (events.length === 1) target.emit('event', events[0]!.envelope);
  else
    for (let i = 0; i < events.length; i += EVENTS_PER_PACKET)
      target.emit(
        'events',
        events.slice(i, i + EVENTS_PER_PACKET).map((e) => e.envelope),
      );
}

/**
 * Sends committed events, in seq order, to the rooms that may see each. A run of consecutive
 * events for the same rooms (a burst of calls registered in one write, one centre's room) goes as
 * one packet: a write per console instead of one per event per console, so 200 consoles cost 200
 * writes for the burst, not 200 for each call. Only consecutive ones are joined, so every socket
 * still gets its events in seq order (the console skips an event older than its last).
 */
export function broadcast(io: IoServer, events: StoredEvent[]): void {
  let run: StoredEvent[] = [];
  const send = () => {
    if (run[0]?.audience.length) emitTo(io.to(run[0].audience), run);
    run = [];
  };
  for (const event of events) {
    if (run.length && !sameRooms(run[0]!.audience, event.audience)) send();
    run.push(event);
    if (event.envelope.type === 'takeover.upserted') {
      // Sent before the backup centre's consoles are told to reload, as when it came alone.
      send();
      takeoverChanged(io, event.envelope.data, event.envelope.seq);
    }
  }
  send();
}

/**
 * A takeover began or ended (§ 15 p): the backup centre's consoles must now see more, or less.
 * On an end their sockets stop hearing the centre at once; either way they reload the snapshot
 * (which lists what they may see) and reconnect, when their rooms are worked out afresh.
 */
function takeoverChanged(
  io: IoServer,
  t: { centre: { id: string }; backupCentre: { id: string }; endedAt: string | null },
  seq: number,
): void {
  const room = roomNames.centre(t.centre.id);
  for (const socket of io.of('/').sockets.values()) {
    if (socket.data.user.centre.id !== t.backupCentre.id || socket.data.user.role === 'responder') continue;
    if (t.endedAt) {
      socket.leave(room);
      socket.data.rooms = socket.data.rooms.filter((r) => r !== room);
    }
    socket.emit('resync', { reason: 'access_changed', latestSeq: seq });
  }
}

export function createSocketServer(
  httpServer: HttpServer,
  deps: { sessions: SessionService; prisma: Db; pump: () => EventPump; sameSite: OriginPolicy },
): IoServer {
  const io: IoServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // Consoles are served from this origin; no cross-origin socket is needed. WebSockets are not
    // covered by CORS, so a page on another site could otherwise open one with the operator's
    // cookie and read every event (cross-site WebSocket hijacking): its Origin is checked here.
    cors: undefined,
    allowRequest: (req, callback) => callback(null, deps.sameSite(req.headers)),
    pingInterval: 10_000,
    pingTimeout: 8_000,
  });

  io.use(async (socket, next) => {
    try {
      const cookies = fastifyCookie.parse(socket.handshake.headers.cookie ?? '');
      const user = await deps.sessions.authenticate(cookies[SESSION_COOKIE]);
      if (!user) return next(new Error('unauthorized'));
      socket.data.user = user;
      const covered = await coveredCentres(deps.prisma, user.centre.id);
      socket.data.rooms = roomsFor(
        user,
        covered.map((c) => c.id),
      );
      socket.data.tokenHash = sha256(cookies[SESSION_COOKIE]!);
      next();
    } catch {
      next(new Error('unavailable'));
    }
  });

  io.on('connection', (socket) => {
    const raw = (socket.handshake.auth as { afterSeq?: unknown } | undefined)?.afterSeq;
    const afterSeq = typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 ? raw : null;
    catchUp(socket, afterSeq, deps.prisma, deps.pump()).catch(() => socket.disconnect(true));
  });

  // A session that ends ends its sockets too: at once when logged out here, and within
  // SESSION_CHECK_MS when logged out on another instance, expired or its user disabled.
  const endSessions = (valid: (tokenHash: string) => boolean) => {
    for (const socket of io.of('/').sockets.values()) if (!valid(socket.data.tokenHash)) socket.disconnect(true);
  };
  deps.sessions.onLoggedOut((ended) => endSessions((h) => h !== ended));
  const check = setInterval(() => {
    const hashes = [...new Set([...io.of('/').sockets.values()].map((s) => s.data.tokenHash))];
    deps.sessions.keepAlive(hashes).then(
      (alive) => endSessions((h) => alive.has(h)),
      () => {},
    ); // database away: check again later
  }, SESSION_CHECK_MS);
  check.unref();
  httpServer.on('close', () => clearInterval(check));

  return io;
}

async function catchUp(socket: IoSocket, afterSeq: number | null, prisma: Db, pump: EventPump): Promise<void> {
  const rooms = socket.data.rooms;
  if (afterSeq === null) {
    // No position given: the console loads a snapshot over HTTP; from now on it hears live events.
    socket.join(rooms);
    socket.emit('live', { replayed: 0, seq: pump.cursor });
    return;
  }
  // The console may have seen events from another instance that this one has not pumped yet.
  if (afterSeq > pump.cursor && !(await pump.waitFor(afterSeq))) {
    socket.emit('resync', { reason: 'gap_too_old', latestSeq: pump.cursor });
    return;
  }
  if (pump.cursor - afterSeq > MAX_REPLAY) {
    socket.emit('resync', { reason: 'gap_too_large', latestSeq: pump.cursor });
    return;
  }
  let cursor = afterSeq;
  let replayed = 0;
  while (!pump.covers(cursor)) {
    const upTo = pump.cursor;
    const rows = await prisma.$queryRaw<EventRowFields[]>`
      SELECT "seq", "type", "centreId", "at", "data", "audience" FROM "Event"
      WHERE "seq" > ${BigInt(cursor)} AND "seq" <= ${BigInt(upTo)} AND "audience" && ${rooms}::text[]
      ORDER BY "seq" LIMIT ${DB_BATCH}`;
    if (!socket.connected) return;
    const missed = rows.flatMap((row) => toStoredEvent(row) ?? []); // none: a row the pump passed over too
    emitTo(socket, missed);
    replayed += missed.length;
    cursor = rows.length === DB_BATCH ? Number(rows[rows.length - 1]!.seq) : upTo;
  }
  // From here to join() nothing awaits: the pump cannot deliver in between.
  const recent = pump.since(cursor).filter((event) => event.audience.some((room) => rooms.includes(room)));
  emitTo(socket, recent);
  replayed += recent.length;
  socket.join(rooms);
  socket.emit('live', { replayed, seq: pump.cursor });
}
