// Position reports are written in batches, off the call path. A report that finds the writer idle
// is written at once; otherwise it waits for the batch in flight and at least BATCH_MS since that
// one began, coalesced per unit (the newest report wins; an older one is answered as not applied,
// as it would have been had it arrived second). So a quiet night costs one round trip a report,
// and a flood one UPDATE … FROM unnest(…) per BATCH_MS, however many reports it carries; one
// statement NOTIFYs every instance of what moved. All of it goes through a database connection of
// its own, so a flood of positions never takes a connection a call transaction is waiting for.
// A report is answered once its batch has committed: "applied" still means "stored"; a big
// batch's answers go out one per turn of the event loop, as the reports came in.
import type { UnitMoved, UnitPositionReport } from '@amk/contracts';
import { createPrisma, type Db, type Unit } from '@amk/db';
import { rooms as roomNames } from '../../auth/actor.js';
import { forbidden, notFound } from '../../lib/http-error.js';
import { OneEachTurn } from '../../realtime/one-each-turn.js';
import type { UnitAudience } from './unit-audience.js';

const BATCH_MS = 50;
/**
 * A batch of up to this many answers goes out in one turn (an ordinary night: a few dozen every
 * BATCH_MS, at no more CPU than before); beyond it, one a turn, so no turn runs long.
 */
const ANSWER_AT_ONCE_UP_TO = 32;
/** pg_notify refuses payloads of 8,000 bytes or more; a notice stays well below. */
const NOTICE_BYTES = 7_000;

export interface WrittenReport {
  unit: Unit;
  applied: boolean;
}

/** What one NOTIFY carries: a part of one batch, grouped by the rooms that may see the units. */
export interface PositionNotice {
  /** The instance that wrote the batch (it has already delivered to its own consoles). */
  origin: string;
  groups: { rooms: string[]; moved: UnitMoved[] }[];
}

interface Waiter {
  at: number;
  resolve(written: WrittenReport): void;
  reject(err: unknown): void;
}

interface Pending {
  callSign: string;
  centreId: string;
  centreCode: string;
  report: UnitPositionReport;
  at: number;
  /** When the newest report reached this instance (PriorityGate.stamp). */
  arrivedAt: number;
  waiters: Waiter[];
}

export interface PositionWriterDeps {
  databaseUrl: string;
  channel: string;
  origin: string;
  /** Who may see a centre's units, read through the writer's own connection. */
  audience(db: Db): Pick<UnitAudience, 'roomsFor'>;
  /** This instance's own consoles hear the batch at once, stamped with each report's arrival. */
  deliver(rooms: string[], moved: UnitMoved, arrivedAt: number): void;
  log?: { warn(obj: unknown, msg?: string): void };
}

const toMoved = (u: Unit): UnitMoved => ({
  id: u.id,
  lat: u.lat!,
  lon: u.lon!,
  at: u.positionAt!.toISOString(),
  speedKmh: u.speedKmh,
  headingDeg: u.headingDeg,
});

export class PositionWriter {
  private readonly db: Db;
  private readonly audience: Pick<UnitAudience, 'roomsFor'>;
  private pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private lastStarted = Number.NEGATIVE_INFINITY;
  /**
   * A big batch's answers go out one per turn of the event loop (realtime/one-each-turn.ts), not
   * all in the turn its write returned: answering 200 reports at once was a 30 ms turn, and a
   * call's query that returned meanwhile waited for all of them, at each of its round trips.
   */
  private readonly answers = new OneEachTurn<() => void>((answer) => answer(), ANSWER_AT_ONCE_UP_TO);

  constructor(private readonly deps: PositionWriterDeps) {
    // One connection: batches are written one after another, and this is the only pool they use.
    this.db = createPrisma(deps.databaseUrl, 1);
    this.audience = deps.audience(this.db);
  }

  /** Resolves when the batch holding this report has committed (or rejects with why it was not). */
  submit(centre: { id: string; code: string }, callSign: string, report: UnitPositionReport, arrivedAt: number): Promise<WrittenReport> {
    const at = Date.parse(report.at);
    return new Promise((resolve, reject) => {
      const key = `${centre.id} ${callSign}`;
      const waiter = { at, resolve, reject };
      const entry = this.pending.get(key);
      if (!entry) {
        this.pending.set(key, { callSign, centreId: centre.id, centreCode: centre.code, report, at, arrivedAt, waiters: [waiter] });
      } else {
        entry.waiters.push(waiter);
        if (at > entry.at) Object.assign(entry, { report, at, arrivedAt });
      }
      this.schedule();
    });
  }

  /** Writes what is waiting, then lets go of the connection. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.writing;
    if (this.pending.size) await this.write();
    await this.db.$disconnect();
  }

  private schedule(): void {
    if (this.timer || this.writing) return;
    this.timer = setTimeout(() => void this.write(), Math.max(0, this.lastStarted + BATCH_MS - performance.now()));
  }

  private write(): Promise<void> {
    this.timer = null;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.lastStarted = performance.now();
    this.writing = this.writeBatch(batch)
      .catch((err: unknown) => {
        for (const entry of batch) for (const w of entry.waiters) w.reject(err);
      })
      .finally(() => {
        this.writing = null;
        // Under a flood the next batch follows at once if this one took longer than BATCH_MS.
        if (this.pending.size) this.schedule();
      });
    return this.writing;
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    if (!batch.length) return;
    // One jsonb parameter rather than an array per column: pg writes each array as a literal with
    // every element escaped (about 5 % of all the server allocated under a flood of reports),
    // where JSON.stringify is one native pass.
    const rows = JSON.stringify(
      batch.map((p) => ({
        callSign: p.callSign,
        centreId: p.centreId,
        lat: p.report.lat,
        lon: p.report.lon,
        at: new Date(p.at).toISOString(),
        speed: p.report.speedKmh ?? null,
        heading: p.report.headingDeg ?? null,
      })),
    );
    const moved = await this.db.$queryRaw<Unit[]>`
      UPDATE "Unit" AS u
      SET "lat" = r.lat, "lon" = r.lon, "positionAt" = r.at, "speedKmh" = r.speed, "headingDeg" = r.heading
      FROM jsonb_to_recordset(${rows}::jsonb)
        AS r("callSign" text, "centreId" uuid, lat float8, lon float8, at timestamptz, speed float8, heading float8)
      WHERE u."callSign" = r."callSign" AND u."centreId" = r."centreId" AND (u."positionAt" IS NULL OR u."positionAt" < r.at)
      RETURNING u.*`;
    const byCallSign = new Map(moved.map((u) => [u.callSign, u]));
    // Only when a unit did not move do we ask why: unknown, another centre's, or simply older.
    const missing = batch.filter((p) => !byCallSign.has(p.callSign)).map((p) => p.callSign);
    const current = missing.length
      ? new Map(
          (await this.db.$queryRaw<Unit[]>`SELECT * FROM "Unit" WHERE "callSign" = ANY(${missing}::text[])`).map((u) => [u.callSign, u]),
        )
      : new Map<string, Unit>();

    for (const entry of batch) {
      const row = byCallSign.get(entry.callSign);
      if (row) {
        let applied = false;
        for (const w of entry.waiters) {
          const mine: boolean = !applied && w.at === entry.at;
          applied ||= mine;
          this.answers.push(() => w.resolve({ unit: row, applied: mine }));
        }
        continue;
      }
      const unit = current.get(entry.callSign);
      for (const w of entry.waiters) {
        if (!unit) this.answers.push(() => w.reject(notFound('unit.unknownCallSign', { callSign: entry.callSign })));
        else if (unit.centreId !== entry.centreId)
          this.answers.push(() => w.reject(forbidden('unit.otherCentreThanKey', { callSign: entry.callSign, centre: entry.centreCode })));
        else this.answers.push(() => w.resolve({ unit, applied: false }));
      }
    }
    if (moved.length) await this.publish(moved, new Map(batch.map((p) => [p.callSign, p.arrivedAt])));
  }

  /** Own consoles at once; every other instance through NOTIFY, in notices below pg's limit. */
  private async publish(moved: Unit[], arrivedAt: Map<string, number>): Promise<void> {
    const groups = new Map<string, { rooms: string[]; moved: UnitMoved[] }>();
    for (const unit of moved) {
      // a lent unit is heard by the centre it works for too (mutual aid, § 10 d)
      const own = await this.audience.roomsFor(unit.centreId);
      const rooms = unit.lentToCentreId ? [...new Set([...own, roomNames.centre(unit.lentToCentreId)])] : own;
      const m = toMoved(unit);
      this.deps.deliver(rooms, m, arrivedAt.get(unit.callSign) ?? 0);
      const key = rooms.join(' ');
      const group = groups.get(key) ?? { rooms, moved: [] };
      group.moved.push(m);
      groups.set(key, group);
    }
    const payloads: string[] = [];
    let notice: PositionNotice = { origin: this.deps.origin, groups: [] };
    let size = 0;
    const close = () => {
      if (notice.groups.length) payloads.push(JSON.stringify(notice));
      notice = { origin: this.deps.origin, groups: [] };
      size = 0;
    };
    for (const { rooms, moved: items } of groups.values()) {
      const roomsSize = JSON.stringify(rooms).length + 40;
      let part: UnitMoved[] = [];
      for (const m of items) {
        const bytes = JSON.stringify(m).length + 1;
        if (size + roomsSize + bytes > NOTICE_BYTES) {
          if (part.length) notice.groups.push({ rooms, moved: part });
          part = [];
          close();
        }
        part.push(m);
        size += bytes;
      }
      if (part.length) notice.groups.push({ rooms, moved: part });
      size += roomsSize;
    }
    close();
    await this.db.$executeRaw`SELECT pg_notify(${this.deps.channel}, p) FROM unnest(${payloads}::text[]) AS p`.catch((err: unknown) =>
      // The positions are stored; other instances' consoles get the unit's next report instead.
      this.deps.log?.warn({ err }, 'position writer: NOTIFY failed'),
    );
  }
}
