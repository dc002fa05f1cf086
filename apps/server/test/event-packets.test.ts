// Committed events on the way to consoles (realtime/socket-server.ts broadcast, event-pump.ts):
// a run of events for the same rooms goes as one packet, so a burst of calls costs each console
// one write, not one per call; and every console still gets its events in seq order, since the
// console skips an event older than the last it applied. Real Socket.IO server and clients.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventEnvelope } from '@amk/contracts';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../src/realtime/event-log.js';
import { EventPump } from '../src/realtime/event-pump.js';
import { broadcast, type IoServer } from '../src/realtime/socket-server.js';

let http: HttpServer;
let io: IoServer;
let url: string;
const clients: Socket[] = [];

beforeAll(async () => {
  http = createServer();
  io = new Server(http) as IoServer;
  // each test client names the rooms it may hear
  io.on('connection', (socket) => socket.join((socket.handshake.auth as { rooms: string[] }).rooms));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await io.close();
});

/** A console in `rooms`; `packets` lists what it was sent, packet by packet, as seqs. */
async function consoleIn(rooms: string[]) {
  const socket = connect(url, { transports: ['websocket'], auth: { rooms }, forceNew: true, reconnection: false });
  clients.push(socket);
  const packets: { name: string; seqs: number[] }[] = [];
  socket.on('event', (e: EventEnvelope) => packets.push({ name: 'event', seqs: [e.seq] }));
  socket.on('events', (list: EventEnvelope[]) => packets.push({ name: 'events', seqs: list.map((e) => e.seq) }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  // joined once the server has answered something after the connection
  await new Promise<void>((resolve) => setTimeout(resolve, 50));
  return packets;
}

const event = (seq: number, audience: string[]): StoredEvent => ({
  envelope: {
    seq,
    type: 'call.upserted',
    centreId: null,
    at: new Date(0).toISOString(),
    data: { id: `call ${seq}` },
  } as unknown as EventEnvelope,
  audience,
});

/** Resolves once `packets` holds `n` packets (or after a second). */
async function receive(packets: unknown[], n: number): Promise<void> {
  for (let waited = 0; packets.length < n && waited < 1_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
}

describe('committed events to consoles', () => {
  it('sends a run of events for the same rooms as one packet, and each console its events in seq order', async () => {
    const [a, both, b] = await Promise.all([consoleIn(['centre:a']), consoleIn(['centre:a', 'centre:b']), consoleIn(['centre:b'])]);
    broadcast(io, [event(1, ['centre:a']), event(2, ['centre:a']), event(3, ['centre:a']), event(4, ['centre:b']), event(5, ['centre:a'])]);
    await Promise.all([receive(a, 2), receive(both, 3), receive(b, 1)]);
    expect(a).toEqual([
      { name: 'events', seqs: [1, 2, 3] },
      { name: 'event', seqs: [5] },
    ]);
    // in both rooms: not 1, 2, 3, 5 and then 4, which the console would skip as older than 5
    expect(both).toEqual([
      { name: 'events', seqs: [1, 2, 3] },
      { name: 'event', seqs: [4] },
      { name: 'event', seqs: [5] },
    ]);
    expect(b).toEqual([{ name: 'event', seqs: [4] }]);
  });

  it('the pump hands each commit’s events on together', () => {
    const delivered: number[][] = [];
    // delivering needs no database while the events follow on from what was delivered (telling
    // other instances does, and its failure here is only logged)
    const pump = new EventPump({
      prisma: null as never,
      databaseUrl: '',
      deliver: (events) => delivered.push(events.map((e) => e.envelope.seq)),
    });
    pump.offer([event(1, ['centre:a']), event(2, ['centre:a']), event(3, ['centre:a'])]);
    pump.offer([event(4, ['centre:a']), event(5, ['centre:a'])]);
    expect(delivered).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(pump.cursor).toBe(5);
  });
});
