// Answer times through the API, against a hand-computed fixture. The centres and users are this
// file's own (support/factories.ts): no other file's calls are in their figures, whatever the day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createAnswerTimeService } from '../src/modules/stats/answer-times.service.js';
import { createCentre, createUser } from './support/factories.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';
import { cookieFor } from './support/integration.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
const T0 = Date.parse('2025-01-15T10:00:00Z');

/**
 * The file's centres, each with an operator: two AMK centres (one for the hand-computed January
 * period, today and the roll-up; one for the whole days in February) and a legevaktsentral.
 */
const centres = {} as Record<'amk' | 'amkDays' | 'lvs', { id: string; username: string }>;
async function centreWithOperator(kind: 'AMK' | 'LVS') {
  const centre = await createCentre(prisma, { kind });
  const user = await createUser(prisma, centre.id, { role: kind === 'LVS' ? 'lv_operator' : 'amk_operator' });
  return { id: centre.id, username: user.username };
}
const cookieOf = (centre: keyof typeof centres) => cookieFor(app, centres[centre].username);

function call(
  centre: keyof typeof centres,
  line: string,
  waitMs: number | null,
  state: 'ANSWERED' | 'ABANDONED' | 'RINGING',
  source: 'CTI' | 'EXERCISE' = 'CTI',
  i = 0,
) {
  const ringingAt = new Date(T0 + i * 60_000);
  return {
    id: crypto.randomUUID(),
    centreId: centres[centre].id,
    line,
    source,
    state,
    ringingAt,
    answeredAt: waitMs === null ? null : new Date(ringingAt.getTime() + waitMs),
    endedAt: state === 'ABANDONED' ? new Date(ringingAt.getTime() + 20_000) : null,
  };
}

// Three whole Norwegian days in February 2025 at the second AMK, 113, long over: a report reads them
// from the day roll-up. 10 Feb: 3 s, 12 s, one abandoned. 11 Feb: 9 s at 00:30 Norwegian time
// (still 10 Feb in UTC), 10 s at noon. 12 Feb: 20 s, one still ringing.
const ringingLate = crypto.randomUUID();
function on(ringingAt: string, waitMs: number | null, state: 'ANSWERED' | 'ABANDONED' | 'RINGING', id = crypto.randomUUID()) {
  const t = new Date(ringingAt);
  return {
    id,
    centreId: centres.amkDays.id,
    line: '113',
    source: 'CTI' as const,
    state,
    ringingAt: t,
    answeredAt: waitMs === null ? null : new Date(t.getTime() + waitMs),
  };
}
const rolledUpDays = () => [
  on('2025-02-10T08:00:00+01:00', 3_000, 'ANSWERED'),
  on('2025-02-10T09:00:00+01:00', 12_000, 'ANSWERED'),
  on('2025-02-10T10:00:00+01:00', null, 'ABANDONED'),
  on('2025-02-11T00:30:00+01:00', 9_000, 'ANSWERED'),
  on('2025-02-11T12:00:00+01:00', 10_000, 'ANSWERED'),
  on('2025-02-12T15:00:00+01:00', 20_000, 'ANSWERED'),
  on('2025-02-12T16:00:00+01:00', null, 'RINGING', ringingLate),
];

beforeAll(async () => {
  app = await buildTestApp(prisma);
  [centres.amk, centres.amkDays, centres.lvs] = await Promise.all([
    centreWithOperator('AMK'),
    centreWithOperator('AMK'),
    centreWithOperator('LVS'),
  ]);
  // The AMK, 113: answered after 2, 5, 8, 10.0, 10.5, 15 and 30 s; one abandoned; one still
  // ringing; one exercise call (left out).
  const amk = [2_000, 5_000, 8_000, 10_000, 10_500, 15_000, 30_000].map((w, i) => call('amk', '113', w, 'ANSWERED', 'CTI', i));
  amk.push(call('amk', '113', null, 'ABANDONED', 'CTI', 10), call('amk', '113', null, 'RINGING', 'CTI', 11));
  amk.push(call('amk', '113', 90_000, 'ANSWERED', 'EXERCISE', 12));
  // The LVS, 116117: answered after 30, 60, 119, 120, 121 and 300 s.
  const lvs = [30_000, 60_000, 119_000, 120_000, 121_000, 300_000].map((w, i) => call('lvs', '116117', w, 'ANSWERED', 'CTI', i));
  await prisma.call.createMany({ data: [...amk, ...lvs] });
  await prisma.call.createMany({ data: rolledUpDays() });
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

const period = 'from=2025-01-15T00:00:00Z&to=2025-01-16T00:00:00Z';

describe('answer times', () => {
  it('113 at AMK: share within 10 s counts abandoned calls against it; exactly 10 s is within', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/stats/answer-times?${period}`,
      headers: { cookie: await cookieOf('amk') },
    });
    expect(res.statusCode).toBe(200);
    const l = res.json().lines['113'];
    // within: 2, 5, 8, 10.0 → 4 of 8 judged (7 answered + 1 abandoned)
    expect(l).toMatchObject({
      total: 9,
      answered: 7,
      abandoned: 1,
      ringing: 1,
      withinTarget: 4,
      shareWithinTarget: 0.5,
      medianSeconds: 10,
      meetsTarget: false,
    });
    expect(l.target).toEqual({ withinSeconds: 10, targetShare: 0.9 });
  });

  it('116117 at LVS: within 2 minutes, median of an even count is the mean of the middle two', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/stats/answer-times?${period}`,
      headers: { cookie: await cookieOf('lvs') },
    });
    const l = res.json().lines['116117'];
    expect(l).toMatchObject({ total: 6, answered: 6, abandoned: 0, withinTarget: 4, medianSeconds: 119.5, meetsTarget: false });
    expect(l.shareWithinTarget).toBeCloseTo(4 / 6, 10);
    expect(res.json().lines['113'].total).toBe(0); // the other centre's calls are not here
  });

  it('names a malformed period', async () => {
    const cookie = await cookieOf('amk');
    const half = await app.inject({ method: 'GET', url: '/api/v1/stats/answer-times?from=2025-01-15T00:00:00Z', headers: { cookie } });
    expect(half.statusCode).toBe(400);
    expect(half.json().message).toMatch(/from and to come together/);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/stats/answer-times?period=year', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/period/);
  });

  it('summarises today for the live console: a call answered now counts at once', async () => {
    // The centre's calls are all in January: today starts empty, and the call answered now is in at once.
    const cookie = await cookieOf('amk');
    const today = async () => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/stats/answer-times?period=today', headers: { cookie } });
      expect(res.statusCode).toBe(200);
      expect(new Date(res.json().from).getTime()).toBeLessThanOrEqual(Date.now());
      return res.json().lines['113'] as { total: number; answered: number };
    };
    const before = await today();
    expect(before).toMatchObject({ total: 0, answered: 0 });
    const ringingAt = new Date(Date.now() - 60_000);
    await prisma.call.create({
      data: {
        id: crypto.randomUUID(),
        centreId: centres.amk.id,
        line: '113',
        source: 'CTI',
        state: 'ANSWERED',
        ringingAt,
        answeredAt: new Date(ringingAt.getTime() + 4_000),
      },
    });
    const after = await today();
    expect(after.total).toBe(before.total + 1);
    expect(after.answered).toBe(before.answered + 1);
  });
});

describe('answer times over whole days that are over', () => {
  const days = `from=${encodeURIComponent('2025-02-10T00:00:00+01:00')}&to=${encodeURIComponent('2025-02-13T00:00:00+01:00')}`;
  const report = async (query: string) => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/stats/answer-times?${query}`,
      headers: { cookie: await cookieOf('amkDays') },
    });
    expect(res.statusCode).toBe(200);
    return res.json().lines['113'];
  };

  it('counts each call on its Norwegian calendar day', async () => {
    // judged: 5 answered + 1 abandoned; within 10 s: 3, 9, 10
    expect(await report(days)).toMatchObject({
      total: 7,
      answered: 5,
      abandoned: 1,
      ringing: 1,
      withinTarget: 3,
      shareWithinTarget: 0.5,
      medianSeconds: 10,
    });
    // from midnight on 11 February: the 00:30 call (23:30 UTC the day before) is in, 10 February is out
    const from11 = `from=${encodeURIComponent('2025-02-11T00:00:00+01:00')}&to=${encodeURIComponent('2025-02-13T00:00:00+01:00')}`;
    expect(await report(from11)).toMatchObject({ total: 4, answered: 3, abandoned: 0, ringing: 1, withinTarget: 2, medianSeconds: 10 });
    // a period starting mid-day counts that day's part from the calls: from 08:30 on 10 February
    const midDay = `from=${encodeURIComponent('2025-02-10T08:30:00+01:00')}&to=${encodeURIComponent('2025-02-13T00:00:00+01:00')}`;
    expect(await report(midDay)).toMatchObject({ total: 6, answered: 4, abandoned: 1, withinTarget: 2 });
  });

  it('a late change to a call on a past day shows in the next report', async () => {
    await report(days); // the days are rolled up by now
    await prisma.call.update({
      where: { id: ringingLate },
      data: { state: 'ANSWERED', answeredAt: new Date('2025-02-12T16:00:05+01:00') },
    });
    expect(await report(days)).toMatchObject({ total: 7, answered: 6, abandoned: 1, ringing: 0, withinTarget: 4, medianSeconds: 9.5 });
    await prisma.call.delete({ where: { id: ringingLate } });
    expect(await report(days)).toMatchObject({ total: 6, answered: 5, ringing: 0 });
  });
});

describe('answer times belong to the centre whose line rang', () => {
  const march = `from=${encodeURIComponent('2025-03-05T00:00:00+01:00')}&to=${encodeURIComponent('2025-03-06T00:00:00+01:00')}`;
  const report = async (centre: keyof typeof centres) =>
    (await app.inject({ method: 'GET', url: `/api/v1/stats/answer-times?${march}`, headers: { cookie: await cookieOf(centre) } })).json()
      .lines;

  it('a call handed to AMK stays in the legevaktsentral’s figures; calls registered by hand are not timed', async () => {
    const handedOver = { ...on('2025-03-05T10:00:00+01:00', 30_000, 'ANSWERED'), centreId: centres.lvs.id, line: '116117' };
    const byHand = {
      ...on('2025-03-05T11:00:00+01:00', 0, 'ANSWERED'),
      centreId: centres.lvs.id,
      line: '116117',
      source: 'MANUAL' as const,
    };
    await prisma.call.createMany({ data: [handedOver, byHand] });
    // the transfer is accepted: AMK owns the call now
    await prisma.call.update({ where: { id: handedOver.id }, data: { centreId: centres.amk.id } });

    expect((await report('lvs'))['116117']).toMatchObject({ total: 1, answered: 1, withinTarget: 1, medianSeconds: 30 });
    expect((await report('amk'))['116117']).toMatchObject({ total: 0 });
  });
});

describe('the background roll-up', () => {
  it('builds the recent days of every centre, and a report then agrees with the calls', async () => {
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
    const late = { ...on(threeDaysAgo.toISOString(), 4_000, 'ANSWERED'), centreId: centres.amk.id };
    await prisma.call.create({ data: late });
    await createAnswerTimeService(prisma).warm(5);
    const day = (daysAgo: number) =>
      new Date(
        `${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() - daysAgo * 86_400_000))}T00:00:00Z`,
      );
    const built = await prisma.answerTimeDay.findMany({
      where: { centreId: centres.amk.id, day: { gte: day(5) } },
      orderBy: { day: 'asc' },
    });
    // five days ago up to the day before yesterday: yesterday and today still change
    expect(built.map((b) => b.day.toISOString().slice(0, 10))).toEqual([5, 4, 3, 2].map((d) => day(d).toISOString().slice(0, 10)));
    // the whole Norwegian day of the call: read from the roll-up just built
    const [bounds] = await prisma.$queryRaw<{ from: Date; to: Date }[]>`
      SELECT (d::timestamp AT TIME ZONE 'Europe/Oslo') AS "from", ((d + 1)::timestamp AT TIME ZONE 'Europe/Oslo') AS "to"
      FROM (SELECT (${threeDaysAgo}::timestamptz AT TIME ZONE 'Europe/Oslo')::date AS d) x`;
    const query = `from=${bounds!.from.toISOString()}&to=${bounds!.to.toISOString()}`;
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/stats/answer-times?${query}`,
      headers: { cookie: await cookieOf('amk') },
    });
    expect(res.json().lines['113']).toMatchObject({ total: 1, answered: 1, withinTarget: 1 });
    // and the figures come from the roll-up: its counts are what the report shows
    const counted = await prisma.answerTimeDayCount.aggregate({
      _sum: { n: true },
      where: { centreId: centres.amk.id, day: day(3) },
    });
    expect(counted._sum.n).toBe(1);
  });
});
