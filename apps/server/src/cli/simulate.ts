// `pnpm simulate`: exercise traffic for a centre, so a team can train on a live-looking console and
// the wall display can be shown. It talks to a running server through the same integration API the
// real telephony, AML gateway and unit terminals use. Every call is marked as an exercise and kept
// out of the quality indicators.
//
//   pnpm simulate [--url http://localhost:3000] [--centre AMK-BERGEN] [--calls-per-minute 6]
//                 [--mix A:20,H:40,V:40] [--minutes 10] [--operator amk.bergen --password demo]
// The urgency mix is applied by triaging each answered call (as the operator given) with a
// criterion of that urgency from the index catalogue.
import { parseArgs } from 'node:util';
import { createIntegrationKeyService } from '../auth/integration-keys.service.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: `http://localhost:${process.env.PORT ?? 3000}` },
    centre: { type: 'string', default: 'AMK-BERGEN' },
    'calls-per-minute': { type: 'string', default: '6' },
    mix: { type: 'string', default: 'A:20,H:40,V:40' },
    minutes: { type: 'string', default: '10' },
    key: { type: 'string' },
    operator: { type: 'string', default: 'amk.bergen' },
    password: { type: 'string', default: 'demo' },
  },
});
const base = values.url!.replace(/\/$/, '');
const perMinute = Number(values['calls-per-minute']);
const until = Date.now() + Number(values.minutes) * 60_000;
const mix = values.mix!.split(',').map((p) => p.split(':') as [string, string]).map(([u, w]) => ({ urgency: u, weight: Number(w) }));

async function integrationKey(): Promise<string> {
  if (values.key) return values.key;
  const db = await openDatabase(loadConfig(), () => {});
  try {
    return (await createIntegrationKeyService(db.prisma).create(`simulate ${new Date().toISOString()}`, values.centre!)).key;
  } finally {
    await db.close();
  }
}

const key = await integrationKey();

/** An operator session for triage, and a criterion per urgency from the catalogue. */
async function operatorSession(): Promise<{ cookie: string; criteria: Record<string, string> } | null> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: values.operator, password: values.password }) }).catch(() => null);
  if (!res?.ok) return null;
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const list = (await (await fetch(`${base}/api/v1/triage/criteria`, { headers: { cookie } })).json()) as { criteria: { code: string; urgency: string }[] };
  const criteria: Record<string, string> = {};
  for (const c of list.criteria) criteria[c.urgency] ??= c.code;
  return { cookie, criteria };
}
const operator = await operatorSession();
if (!operator) console.log('[simulate] no operator session (demo logins are refused in production): calls stay untriaged');
const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
const post = (path: string, body: unknown, method = 'POST') => fetch(`${base}/api/v1${path}`, { method, headers, body: JSON.stringify(body) }).catch(() => null);
const pick = () => {
  let r = Math.random() * mix.reduce((a, m) => a + m.weight, 0);
  for (const m of mix) if ((r -= m.weight) <= 0) return m.urgency;
  return 'V';
};

// Around the centre's area: a few places in and around Bergen / Førde.
const PLACES = values.centre === 'AMK-FORDE' ? [[61.452, 5.857], [61.6, 5.033], [61.23, 7.1]] : [[60.392, 5.324], [60.41, 5.22], [60.19, 5.47], [60.55, 5.29], [60.63, 6.41]];
let n = 0;

async function oneCall(): Promise<void> {
  n++;
  const externalId = `sim-${Date.now()}-${n}`;
  const callerNumber = `+479${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const [lat, lon] = PLACES[n % PLACES.length]!;
  await post('/integrations/calls', { externalId, centre: values.centre, line: values.centre!.startsWith('LVS') ? '116117' : '113', callerNumber, ringingAt: new Date().toISOString(), exercise: true });
  // The handset sends its position a few seconds in; an operator answers within seconds.
  setTimeout(() => {
    const fields = new URLSearchParams({ v: '3', device_number: callerNumber.slice(1), location_latitude: String(lat! + (Math.random() - 0.5) * 0.02), location_longitude: String(lon! + (Math.random() - 0.5) * 0.04), location_accuracy: String(10 + Math.floor(Math.random() * 50)), location_time: String(Date.now()), location_source: 'gps' });
    void fetch(`${base}/api/v1/integrations/aml`, { method: 'POST', headers: { authorization: headers.authorization, 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() }).catch(() => null);
  }, 3_000);
  const urgency = pick();
  setTimeout(async () => {
    const answered = await post(`/integrations/calls/${externalId}/answered`, { answeredAt: new Date().toISOString() });
    const call = answered?.ok ? ((await answered.json()) as { id: string }) : null;
    const code = operator?.criteria[urgency];
    if (call && operator && code) {
      await fetch(`${base}/api/v1/calls/${call.id}/triage`, { method: 'POST', headers: { cookie: operator.cookie, 'content-type': 'application/json' }, body: JSON.stringify({ criterionCode: code }) }).catch(() => null);
    }
  }, 2_000 + Math.random() * 12_000);
  setTimeout(() => void post(`/integrations/calls/${externalId}/ended`, { endedAt: new Date().toISOString() }), 60_000 + Math.random() * 120_000);
  console.log(`[simulate] call ${externalId} (will be triaged ${urgency})`);
}

/** Units of the centre drift around their stations and report their positions every few seconds. */
async function moveUnits(): Promise<void> {
  const callSigns = values.centre === 'AMK-FORDE' ? ['FRD-A11', 'FRD-A12', 'FLO-A21', 'SGN-A31'] : ['BGN-A12', 'BGN-A13', 'ASK-A21', 'OS-A41', 'KNV-A31'];
  for (const [i, callSign] of callSigns.entries()) {
    const [lat, lon] = PLACES[i % PLACES.length]!;
    const t = Date.now() / 60_000;
    void post(`/integrations/units/${callSign}/position`, { lat: lat! + Math.sin(t + i) * 0.03, lon: lon! + Math.cos(t + i) * 0.05, at: new Date().toISOString(), speedKmh: 50 + i * 5, headingDeg: (t * 30 + i * 40) % 360 }, 'PUT');
  }
}

console.log(`[simulate] exercise traffic for ${values.centre} at ${base}: ${perMinute} calls/min for ${values.minutes} min (exercise calls are kept out of the quality indicators)`);
const callTimer = setInterval(() => void oneCall(), 60_000 / perMinute);
const unitTimer = setInterval(() => void moveUnits(), 3_000);
void oneCall();
const done = setInterval(() => {
  if (Date.now() < until) return;
  clearInterval(callTimer);
  clearInterval(unitTimer);
  clearInterval(done);
  console.log(`[simulate] done: ${n} exercise calls`);
  setTimeout(() => process.exit(0), 1_000);
}, 1_000);
