// A console that knows more than one server address: when its server goes away it connects to the
// next one, asking for every event after the last seq it received. It records every event exactly
// as received (no client-side de-duplication), so a test can see doubles if there were any.
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, EventEnvelope, ServerToClientEvents } from '@amk/contracts';

export class FailoverConsole {
  received: EventEnvelope[] = [];
  switches: { from: string; to: string; ms: number }[] = [];
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private index: number;
  private closed = false;
  private lostAt = 0;
  private lostFrom = '';
  ready: Promise<void>;

  constructor(
    private readonly urls: string[],
    private readonly cookies: Record<string, string>,
    start = 0,
    afterSeq = 0,
  ) {
    this.index = start;
    this.lastSeq = afterSeq;
    this.ready = new Promise((resolve) => this.open(resolve));
  }

  lastSeq: number;

  private open(onLive?: () => void): void {
    if (this.closed) return;
    const url = this.urls[this.index]!;
    const socket = connect(url, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { cookie: this.cookies[url]! },
      auth: { afterSeq: this.lastSeq },
      reconnection: false,
      forceNew: true,
      timeout: 2_000,
    });
    this.socket = socket;
    const take = (e: EventEnvelope) => {
      this.received.push(e);
      this.lastSeq = Math.max(this.lastSeq, e.seq);
    };
    socket.on('event', take);
    socket.on('events', (list) => list.forEach(take));
    socket.on('live', () => {
      if (this.lostAt) this.switches.push({ from: this.lostFrom, to: url, ms: Date.now() - this.lostAt });
      this.lostAt = 0;
      onLive?.();
    });
    const next = () => {
      socket.removeAllListeners();
      socket.close();
      if (this.closed) return;
      if (!this.lostAt) {
        this.lostAt = Date.now();
        this.lostFrom = url;
      }
      this.index = (this.index + 1) % this.urls.length;
      setTimeout(() => this.open(onLive), 100);
    };
    socket.on('disconnect', next);
    socket.on('connect_error', next);
  }

  close(): void {
    this.closed = true;
    this.socket?.removeAllListeners();
    this.socket?.close();
  }
}
