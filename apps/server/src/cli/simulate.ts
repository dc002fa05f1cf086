// `pnpm simulate`: exercise traffic for a centre, so a team can train on a live-looking console and
// the wall display can be shown. It talks to a running server through the same integration API the
// real telephony, AML gateway and unit terminals use, and as an operator for triage and dispatch
// (see exercise-scenario.ts for one call's life). Every call is marked as an exercise and kept out
// of the quality indicators. The centre's own ambulances drive the exercise missions: run it on a
// training installation, not on a centre in service.
//
//   pnpm simulate [--url http://localhost:3000] [--centre AMK-BERGEN] [--calls-per-minute 6]
//                 [--mix A:20,H:40,V:40] [--minutes 10] [--speed 1]
//                 [--operator amk.bergen --password demo] [--key INTEGRATION_KEY]
//                 [--scenario calls|major] [--neighbour-key INTEGRATION_KEY]
//                 [--neighbour-operator amk.forde]
// --scenario major plays a bus crash with 25 injured instead of single calls (major-scenario.ts),
// with the neighbouring centre's ambulances through mutual aid (§ 10 d: asked for by the operator,
// lent by the neighbour's operator, whose terminals then report with the neighbour's key, made
// from the database like --key or given with --neighbour-key), and prints patients by category
// and hospital at the end; --minutes is then its upper bound.
// --speed 10 plays every wait ten times faster (calls still arrive at --calls-per-minute). When the
// time is up, the calls still going are played to their end at once: no call is left open, no
// unit busy.
import { parseArgs } from 'node:util';
import { createIntegrationKeyService } from '../auth/integration-keys.service.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '@amk/db';
import { playCall, type ExerciseContext } from './exercise-scenario.js';
import { playMajorIncident } from './major-scenario.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: `http://localhost:${process.env.PORT ?? 3000}` },
    centre: { type: 'string', default: 'AMK-BERGEN' },
    'calls-per-minute': { type: 'string', default: '6' },
    mix: { type: 'string', default: 'A:20,H:40,V:40' },
    minutes: { type: 'string', default: '10' },
    speed: { type: 'string', default: '1' },
    key: { type: 'string' },
    operator: { type: 'string', default: 'amk.bergen' },
    password: { type: 'string', default: 'demo' },
    scenario: { type: 'string', default: 'calls' },
    'neighbour-key': { type: 'string' },
    'neighbour-operator': { type: 'string', default: 'amk.forde' },
  },
});
if (values.scenario !== 'calls' && values.scenario !== 'major') {
  console.error(`[simulate] --scenario is 'calls' or 'major', not '${values.scenario}'`);
  process.exit(2);
}

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`[simulate] --${name} must be a positive number, not '${value}'`);
    process.exit(2);
  }
  return n;
}

const base = values.url!.replace(/\/$/, '');
const centre = values.centre!;
const perMinute = positive('calls-per-minute', values['calls-per-minute']);
const minutes = positive('minutes', values.minutes);
const speed = positive('speed', values.speed);
const mix = values
  .mix!.split(',')
  .map((p) => p.split(':') as [string, string])
  .map(([u, w]) => ({ urgency: u, weight: Number(w) }));
if (mix.some((m) => !['A', 'H', 'V'].includes(m.urgency) || !(m.weight >= 0))) {
  console.error(`[simulate] --mix is urgency:weight pairs of A, H and V, like A:20,H:40,V:40; not '${values.mix}'`);
  process.exit(2);
}

/** What to do when the server is not this machine's: make a key there and pass it. */
const KEY_HINT = `pass --key with an integration key of that server for ${centre} (made on the server with \`pnpm cli integration-key create --name simulate --centre ${centre}\`)`;

/**
 * The terminals' and telephony's key: --key, or one made in this machine's database — which is
 * only the server's database when the server runs here. Either way the server is asked whether it
 * knows the key (an empty call it refuses as 400, or an unknown key as 401) before anything is sent.
 */
async function integrationKey(): Promise<string> {
  let key = values.key;
  if (!key) {
    try {
      const db = await openDatabase(loadConfig(), () => {});
      try {
        key = (await createIntegrationKeyService(db.prisma).create(`simulate ${new Date().toISOString()}`, centre)).key;
      } finally {
        await db.close();
      }
    } catch (e) {
      console.error(`[simulate] could not make an integration key in this machine's database (${(e as Error).message}); ${KEY_HINT}`);
      process.exit(2);
    }
  }
  const probe = await fetch(`${base}/api/v1/integrations/calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: '{}',
  }).catch((e: Error) => e);
  if (probe instanceof Error) {
    console.error(`[simulate] no server answers at ${base} (${probe.message}); start it or give --url`);
    process.exit(2);
  }
  if (probe.status === 401 || probe.status === 403) {
    const whose = values.key ? 'the --key given' : "a key made in this machine's database";
    console.error(`[simulate] the server at ${base} does not accept ${whose} (its database is elsewhere?); ${KEY_HINT}`);
    process.exit(2);
  }
  return key;
}

/** A key for the first neighbouring AMK's unit terminals (mutual aid in the major scenario); null if none can be had. */
async function neighbourKey(): Promise<string | null> {
  if (values['neighbour-key']) return values['neighbour-key'];
  if (values.key) return null; // a server elsewhere: its database is not ours to make keys in
  const db = await openDatabase(loadConfig(), () => {});
  try {
    const own = await db.prisma.centre.findUnique({ where: { code: centre } });
    const neighbour = own && (await db.prisma.centre.findFirst({ where: { id: { in: own.neighbourCentreIds }, kind: 'AMK' } }));
    if (!neighbour) return null;
    return (await createIntegrationKeyService(db.prisma).create(`simulate mutual aid ${new Date().toISOString()}`, neighbour.code)).key;
  } finally {
    await db.close();
  }
}

/** A session cookie for a user, or null when the login is refused (demo logins in production). */
async function sessionOf(username: string | undefined): Promise<string | null> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: values.password }),
  }).catch(() => null);
  return res?.ok ? (res.headers.get('set-cookie') ?? '').split(';')[0]! : null;
}

/** An operator session for triage and dispatch, and a criterion per urgency from the catalogue. */
async function operatorSession(): Promise<ExerciseContext['operator']> {
  const cookie = await sessionOf(values.operator);
  if (!cookie) return null;
  const list = (await (await fetch(`${base}/api/v1/triage/criteria`, { headers: { cookie } })).json()) as {
    criteria: { code: string; urgency: string }[];
  };
  const criteria: Record<string, string> = {};
  for (const c of list.criteria) criteria[c.urgency] ??= c.code;
  return { cookie, criteria };
}

const pick = () => {
  let r = Math.random() * mix.reduce((a, m) => a + m.weight, 0);
  for (const m of mix) {
    r -= m.weight;
    if (r <= 0) return m.urgency;
  }
  return 'V';
};

// A few places in and around the centre's area, and the hospital its ambulances drive to.
const AREA =
  centre === 'AMK-FORDE'
    ? {
        places: [
          [61.452, 5.857],
          [61.6, 5.033],
          [61.23, 7.1],
        ],
        hospital: { lat: 61.4517, lon: 5.8569 },
      } // Førde sentralsjukehus
    : {
        places: [
          [60.392, 5.324],
          [60.41, 5.22],
          [60.19, 5.47],
          [60.55, 5.29],
          [60.63, 6.41],
        ],
        hospital: { lat: 60.3735, lon: 5.3584 },
      }; // Haukeland

let stop!: () => void;
let stopped = false;
const ctx: ExerciseContext = {
  base,
  centre,
  key: await integrationKey(),
  operator: await operatorSession(),
  speed,
  hospital: AREA.hospital,
  busy: new Set(),
  stopped: new Promise<void>((resolve) => {
    stop = () => {
      stopped = true;
      resolve();
    };
  }),
  isStopped: () => stopped,
  log: (line) => console.log(line),
};
if (!ctx.operator)
  console.log('[simulate] no operator session (demo logins are refused in production): calls stay untriaged and nothing is dispatched');

if (values.scenario === 'major') {
  const neighbourCookie = await sessionOf(values['neighbour-operator']);
  const key = neighbourCookie ? await neighbourKey() : null;
  console.log(
    `[simulate] major incident exercise for ${centre} at ${base} at ${speed}×${key ? ', with the neighbour’s ambulances' : ', own units only'}`,
  );
  const timer = setTimeout(() => {
    console.log('[simulate] time is up: playing the rest to its end');
    stop();
  }, minutes * 60_000);
  const summary = await playMajorIncident(ctx, { neighbour: key && neighbourCookie ? { key, cookie: neighbourCookie } : null });
  clearTimeout(timer);
  if (!summary) {
    console.log('[simulate] the major incident could not be played');
    process.exit(1);
  }
  const row = (c: Record<string, number>) => `rød ${c.RED ?? 0}, gul ${c.YELLOW ?? 0}, grønn ${c.GREEN ?? 0}, død ${c.DEAD ?? 0}`;
  console.log(`[simulate] patients by category: ${row(summary.byCategory)}`);
  for (const h of summary.byHospital) console.log(`[simulate]   ${h.name}: ${row(h.byCategory)}`);
  console.log(`[simulate] done: ${summary.trips} transports (${summary.neighbourTrips} by the neighbour's units), major incident closed`);
  process.exit(0);
}

console.log(
  `[simulate] exercise traffic for ${centre} at ${base}: ${perMinute} calls/min for ${minutes} min at ${speed}× (exercise calls are kept out of the quality indicators)`,
);
const running = new Set<Promise<void>>();
let n = 0;
const next = () => {
  n++;
  const [lat, lon] = AREA.places[n % AREA.places.length]!;
  const call = playCall(ctx, n, { lat: lat!, lon: lon! }, pick()).catch((e) =>
    console.log(`[simulate] call ${n} broke off: ${(e as Error).message}`),
  );
  running.add(call);
  void call.finally(() => running.delete(call));
};
const callTimer = setInterval(next, 60_000 / perMinute);
next();

setTimeout(async () => {
  clearInterval(callTimer);
  console.log(`[simulate] time is up: playing ${running.size} calls still going to their end`);
  stop();
  await Promise.all(running);
  console.log(`[simulate] done: ${n} exercise calls`);
  process.exit(0);
}, minutes * 60_000);
