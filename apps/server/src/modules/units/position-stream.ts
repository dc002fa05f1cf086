// Unit positions travel as a stream beside the event log: 2,000 units reporting every second
// would otherwise be 7 million event rows a hour, and a position is only worth its latest value.
// The PositionWriter stores reports in batches and hands this instance's consoles the batch at
// once; other instances hear it by NOTIFY (every instance LISTENs). Here positions wait per room,
// the newest of each unit, and go out every FLUSH_MS — but only those that reached this instance
// before the oldest write still in flight (PriorityGate), and only to consoles that have drained
// what they were sent before (PositionFanout). Calls first, on the server and on the socket.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { UnitMoved } from '@amk/contracts';
import type { PriorityGate } from '../../realtime/priority-gate.js';
import type { IoServer } from '../../realtime/socket-server.js';
import { PositionFanout, socketIoConsoles } from './position-fanout.js';
import type { PositionNotice } from './position-writer.js';

export const POSITION_CHANNEL = 'amk_positions';
/**
 * How often consoles get positions. Each packet is a write (a system call) per console: at 100
 * consoles a 100 ms beat was 1,000 packets a second, about 7 % of the server's busy time under 500
 * reports a second. A unit reports about once a second, so at 200 ms a console still gets every
 * report of every unit, at most 200 ms after it arrived.
 */
const FLUSH_MS = 200;

interface Waiting {
  moved: UnitMoved;
  /** When it reached this instance (PriorityGate.stamp). */
  arrivedAt: number;
}

export class PositionStream {
  /** Names this instance in its notices, so it does not deliver its own batches twice. */
  readonly origin = randomUUID();
  private listener: pg.Client | null = null;
  private readonly buffers = new Map<string, Map<string, Waiting>>(); // room → unitId → newest
  private readonly fanout: PositionFanout;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly databaseUrl: string,
    io: IoServer,
    private readonly gate: PriorityGate,
    private readonly log?: { warn(obj: unknown, msg?: string): void },
  ) {
    this.fanout = new PositionFanout(socketIoConsoles(io));
  }

  async start(): Promise<void> {
    await this.listen().catch((err) => this.log?.warn({ err }, 'position stream: LISTEN failed; retrying'));
    this.timer = setInterval(() => this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.listener?.end().catch(() => {});
  }

  /** A position for these rooms; the unit's newest wins (a batch is newer than what it replaces). */
  accept(rooms: string[], moved: UnitMoved, arrivedAt: number): void {
    for (const room of rooms) {
      let buffer = this.buffers.get(room);
      if (!buffer) {
        buffer = new Map();
        this.buffers.set(room, buffer);
      }
      const before = buffer.get(moved.id);
      if (!before || before.moved.at <= moved.at) buffer.set(moved.id, { moved, arrivedAt });
    }
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', (msg) => {
      if (!msg.payload) return;
      try {
        const notice = JSON.parse(msg.payload) as PositionNotice;
        if (notice.origin === this.origin) return;
        const arrivedAt = this.gate.stamp();
        for (const group of notice.groups) for (const m of group.moved) this.accept(group.rooms, m, arrivedAt);
      } catch {
        /* a malformed notice is dropped: the next report carries the position again */
      }
    });
    client.on('error', (err) => {
      this.log?.warn({ err }, 'position stream: connection lost; reconnecting');
      this.listener = null;
      client.end().catch(() => {});
      setTimeout(() => void this.listen().catch(() => {}), 1_000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${POSITION_CHANNEL}`);
    this.listener = client;
  }

  private flush(): void {
    const barrier = this.gate.barrier();
    const batches = new Map<string, UnitMoved[]>();
    for (const [room, buffer] of this.buffers) {
      const batch: UnitMoved[] = [];
      for (const [unitId, waiting] of buffer) {
        if (waiting.arrivedAt >= barrier) continue; // reached us after a write still in flight
        batch.push(waiting.moved);
        buffer.delete(unitId);
      }
      if (batch.length) batches.set(room, batch);
      if (!buffer.size) this.buffers.delete(room);
    }
    this.fanout.flush(batches);
  }
}
