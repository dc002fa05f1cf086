// Backpressure per console. A console whose connection has not yet sent what it was given (a slow
// network, a busy browser) gets no new positions packet until it has drained; meanwhile only the
// newest position of each unit is kept for it, and when it has drained it gets those in one packet.
// So a slow console never has a queue of stale positions ahead of the next call event, and events
// (emitted elsewhere, never through here) are neither dropped nor held. Consoles that keep up —
// nearly all of them — get each room's batch as one packet, encoded once for each few of them.
//
// Calls first on the way out: a packet is a write (a system call) per console, and writing one
// flush to 200 consoles in one turn of the event loop was a turn of tens of milliseconds that a
// call's database answer waited behind. The packets go out SEND_AT_ONCE consoles per turn
// (realtime/one-each-turn.ts), so a call's work waits behind at most that few.
import type { UnitMoved } from '@amk/contracts';
import { OneEachTurn } from '../../realtime/one-each-turn.js';
import type { IoServer } from '../../realtime/socket-server.js';

/** Consoles written to in one turn of the event loop. */
export const SEND_AT_ONCE = 25;

/** The consoles as this module needs them; socketIoConsoles is the real one, tests pass their own. */
export interface Consoles {
  /** Ids of the sockets connected now. */
  connected(): Iterable<string>;
  /** The socket still has unsent data. */
  busy(id: string): boolean;
  members(room: string): Iterable<string>;
  /** One packet (encoded once) to each of these sockets; those gone meanwhile are skipped. */
  send(ids: string[], batch: UnitMoved[]): void;
}

export class PositionFanout {
  /** socket id → unit id → the newest position it has not been sent */
  private readonly missed = new Map<string, Map<string, UnitMoved>>();
  private readonly lane: OneEachTurn<{ ids: string[]; batch: UnitMoved[] }>;

  constructor(private readonly consoles: Consoles) {
    this.lane = new OneEachTurn(({ ids, batch }) => consoles.send(ids, batch));
  }

  /** Packets not yet written (each to up to SEND_AT_ONCE consoles). */
  get waiting(): number {
    return this.lane.length;
  }

  private sendSoon(ids: string[], batch: UnitMoved[]): void {
    for (let i = 0; i < ids.length; i += SEND_AT_ONCE) this.lane.push({ ids: ids.slice(i, i + SEND_AT_ONCE), batch });
  }

  /** Hands one flush's batches (room → positions) to the consoles. Called every flush, batches or not. */
  flush(batches: Map<string, UnitMoved[]>): void {
    const live = new Set<string>();
    const held = new Set<string>();
    for (const id of this.consoles.connected()) {
      live.add(id);
      if (this.missed.has(id) || this.consoles.busy(id)) held.add(id);
    }
    for (const id of this.missed.keys()) if (!live.has(id)) this.missed.delete(id);

    for (const [room, batch] of batches) {
      if (!batch.length) continue;
      const to: string[] = [];
      for (const id of this.consoles.members(room)) {
        if (!held.has(id)) {
          to.push(id);
          continue;
        }
        const missed = this.missed.get(id) ?? new Map<string, UnitMoved>();
        for (const m of batch) missed.set(m.id, m);
        this.missed.set(id, missed);
      }
      this.sendSoon(to, batch);
    }
    // Held consoles that have drained get everything they missed, the newest of each unit.
    for (const [id, missed] of this.missed) {
      if (this.consoles.busy(id)) continue;
      this.missed.delete(id);
      this.sendSoon([id], [...missed.values()]);
    }
  }
}

/** Engine.IO's own view of a connection: its transport is writable and nothing waits in its buffer. */
interface EngineConnection {
  transport: { writable: boolean };
  readyState: string;
}

export function socketIoConsoles(io: IoServer): Consoles {
  const sockets = io.of('/').sockets;
  return {
    connected: () => sockets.keys(),
    busy(id) {
      const conn = sockets.get(id)?.conn as unknown as (EngineConnection & { writeBuffer?: unknown[] }) | undefined;
      if (conn?.readyState !== 'open') return true;
      // writable is false from a send until the socket has handed its bytes to the kernel (ws), or
      // until the client polls again (long-polling); writeBuffer holds what waits behind that.
      return !conn?.transport.writable || (conn.writeBuffer?.length ?? 0) > 0;
    },
    members: (room) => io.of('/').adapter.rooms.get(room) ?? [],
    // each socket is in a room of its own id
    send: (ids, batch) => io.to(ids).emit('positions', batch),
  };
}
