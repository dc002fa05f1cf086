// Unit positions travel as a stream beside the event log: 2,000 units reporting every second
// would otherwise be 7 million event rows a hour, and a position is only worth its latest value.
// Each report updates the unit's row (ignored when older than what is there) and is sent with
// pg_notify; every instance LISTENs, and emits to its consoles in batches every FLUSH_MS per room.
import pg from 'pg';
import type { UnitMoved } from '@amk/contracts';
import type { IoServer } from '../../realtime/socket-server.js';

export const POSITION_CHANNEL = 'amk_positions';
const FLUSH_MS = 100;

interface Notice {
  rooms: string[];
  moved: UnitMoved;
}

export class PositionStream {
  private listener: pg.Client | null = null;
  private buffers = new Map<string, Map<string, UnitMoved>>(); // room → unitId → latest
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly io: IoServer,
    private readonly log?: { warn(obj: unknown, msg?: string): void },
  ) {}

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

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', (msg) => {
      if (!msg.payload) return;
      try {
        this.accept(JSON.parse(msg.payload) as Notice);
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

  private accept(notice: Notice): void {
    for (const room of notice.rooms) {
      let buffer = this.buffers.get(room);
      if (!buffer) {
        buffer = new Map();
        this.buffers.set(room, buffer);
      }
      buffer.set(notice.moved.id, notice.moved);
    }
  }

  private flush(): void {
    for (const [room, buffer] of this.buffers) {
      if (buffer.size) this.io.to(room).emit('positions', [...buffer.values()]);
    }
    this.buffers.clear();
  }
}
