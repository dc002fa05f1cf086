// One exercise call's life, played against a running server through the same APIs the real
// telephony, AML gateway, unit terminals and an operator use:
//   ring → the handset's AML position → answered → triaged (urgency from the chosen mix)
//   → for acute and urgent calls: the recommended ambulance is dispatched, reports en route,
//     drives to the patient (positions every few seconds), on scene, transports to hospital,
//     at hospital, free again; the mission is closed with an outcome and the ambulance drives
//     back to its station
//   → the caller hangs up and the operator closes the record.
// Every wait is divided by `speed`, and all of them end at once when the exercise is stopped,
// so a stopped exercise leaves no call open and no unit busy.
import type { Recommendation } from '@amk/contracts';
import { haversineKm } from '@amk/domain';

export interface ExerciseContext {
  base: string;
  centre: string;
  key: string;
  operator: { cookie: string; criteria: Record<string, string> } | null;
  speed: number;
  hospital: { lat: number; lon: number };
  /** Units busy with an exercise mission, so two calls do not take the same one. */
  busy: Set<string>;
  /** Resolves when the exercise is stopped: every remaining wait ends then. */
  stopped: Promise<void>;
  isStopped(): boolean;
  log: (line: string) => void;
}

const POSITION_EVERY_MS = 3_000;

export function wait(ctx: ExerciseContext, ms: number): Promise<void> {
  return Promise.race([new Promise<void>((r) => setTimeout(r, ms / ctx.speed).unref()), ctx.stopped]);
}

export async function send(
  ctx: ExerciseContext,
  path: string,
  body: unknown,
  { method = 'POST', as = 'integration', key = ctx.key }: { method?: string; as?: 'integration' | 'operator'; key?: string } = {},
) {
  const headers: Record<string, string> = as === 'operator' ? { cookie: ctx.operator?.cookie ?? '' } : { authorization: `Bearer ${key}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${ctx.base}/api/v1${path}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) }).catch(
    () => null,
  );
}

export const unitStatus = (ctx: ExerciseContext, callSign: string, status: string, key = ctx.key) =>
  send(ctx, `/integrations/units/${callSign}/status`, { status, at: new Date().toISOString() }, { key });

/** Drives a unit in a straight line at a road-like pace, reporting its position every `everyMs` as it goes. */
export async function drive(
  ctx: ExerciseContext,
  callSign: string,
  from: { lat: number; lon: number },
  to: { lat: number; lon: number },
  { everyMs = POSITION_EVERY_MS, key = ctx.key }: { everyMs?: number; key?: string } = {},
): Promise<void> {
  const minutes = Math.max(2, (haversineKm(from, to) * 1.3 * 60) / 70);
  const steps = Math.max(1, Math.round((minutes * 60_000) / everyMs));
  for (let i = 1; i <= steps; i++) {
    await wait(ctx, everyMs);
    if (ctx.isStopped()) i = steps; // the exercise is over: straight to the destination
    const f = i / steps;
    const at = { lat: from.lat + (to.lat - from.lat) * f, lon: from.lon + (to.lon - from.lon) * f };
    await send(
      ctx,
      `/integrations/units/${callSign}/position`,
      { ...at, at: new Date().toISOString(), speedKmh: 70, headingDeg: 0 },
      { method: 'PUT', key },
    );
  }
}

async function dispatch(ctx: ExerciseContext, callId: string, place: { lat: number; lon: number }): Promise<void> {
  const res = await send(ctx, `/calls/${callId}/recommendations`, undefined, { method: 'GET', as: 'operator' });
  if (!res?.ok) return;
  const { units } = (await res.json()) as { units: Recommendation[] };
  const unit = units.find((u) => u.own && u.kind === 'AMBULANCE_CAR' && !ctx.busy.has(u.unitId));
  if (!unit) return ctx.log(`[simulate] no free ambulance for call ${callId}`);
  ctx.busy.add(unit.unitId);
  try {
    const missionId = crypto.randomUUID();
    const created = await send(ctx, '/missions', { id: missionId, callId, unitIds: [unit.unitId] }, { as: 'operator' });
    if (!created?.ok) return;
    ctx.log(`[simulate] ${unit.callSign} dispatched, about ${unit.etaMinutes} min away`);
    await wait(ctx, 45_000);
    await unitStatus(ctx, unit.callSign, 'EN_ROUTE');
    const origin = await unitPosition(ctx, unit.unitId, place);
    await drive(ctx, unit.callSign, origin, place);
    await unitStatus(ctx, unit.callSign, 'ON_SCENE');
    await wait(ctx, 8 * 60_000);
    await unitStatus(ctx, unit.callSign, 'TRANSPORTING');
    await drive(ctx, unit.callSign, place, ctx.hospital);
    await unitStatus(ctx, unit.callSign, 'AT_HOSPITAL');
    await wait(ctx, 5 * 60_000);
    await unitStatus(ctx, unit.callSign, 'AVAILABLE_ON_THE_MOVE');
    await send(ctx, `/missions/${missionId}/close`, { outcome: 'Øvelse: pasient levert sykehus' }, { as: 'operator' });
    // home to where it was alerted (its station), so the exercise leaves the fleet as it found it
    await drive(ctx, unit.callSign, ctx.hospital, origin);
    await unitStatus(ctx, unit.callSign, 'AVAILABLE_AT_STATION');
  } finally {
    ctx.busy.delete(unit.unitId);
  }
}

/** Where the unit is now, from the operator's snapshot; the call's place if it cannot be read. */
export async function unitPosition(ctx: ExerciseContext, unitId: string, fallback: { lat: number; lon: number }) {
  const res = await send(ctx, '/snapshot', undefined, { method: 'GET', as: 'operator' });
  if (!res?.ok) return fallback;
  const snapshot = (await res.json()) as { units: { id: string; lat: number | null; lon: number | null }[] };
  const u = snapshot.units.find((x) => x.id === unitId);
  return u?.lat != null && u.lon != null ? { lat: u.lat, lon: u.lon } : fallback;
}

export async function playCall(ctx: ExerciseContext, n: number, place: { lat: number; lon: number }, urgency: string): Promise<void> {
  const externalId = `sim-${Date.now()}-${n}`;
  const callerNumber = `+479${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const line = ctx.centre.startsWith('LVS') ? '116117' : '113';
  const rang = await send(ctx, '/integrations/calls', {
    externalId,
    centre: ctx.centre,
    line,
    callerNumber,
    ringingAt: new Date().toISOString(),
    exercise: true,
  });
  if (!rang?.ok) return ctx.log(`[simulate] the server refused call ${externalId}: ${rang ? rang.status : 'unreachable'}`);
  const callId = ((await rang.json()) as { id: string }).id;
  ctx.log(`[simulate] call ${externalId} (will be triaged ${urgency})`);

  // The handset sends its position a few seconds in; an operator answers within seconds.
  const position = { lat: place.lat + (Math.random() - 0.5) * 0.02, lon: place.lon + (Math.random() - 0.5) * 0.04 };
  const aml = wait(ctx, 3_000).then(() =>
    fetch(`${ctx.base}/api/v1/integrations/aml`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ctx.key}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        v: '3',
        device_number: callerNumber.slice(1),
        location_latitude: String(position.lat),
        location_longitude: String(position.lon),
        location_accuracy: String(10 + Math.floor(Math.random() * 50)),
        location_time: String(Date.now()),
        location_source: 'gps',
      }).toString(),
    }).catch(() => null),
  );
  await wait(ctx, 2_000 + Math.random() * 12_000);
  await send(ctx, `/integrations/calls/${externalId}/answered`, { answeredAt: new Date().toISOString() });
  await aml;
  const code = ctx.operator?.criteria[urgency];
  if (code) await send(ctx, `/calls/${callId}/triage`, { criterionCode: code }, { as: 'operator' });

  const mission = ctx.operator && (urgency === 'A' || urgency === 'H') ? dispatch(ctx, callId, position) : Promise.resolve();
  await wait(ctx, 60_000 + Math.random() * 120_000);
  await send(ctx, `/integrations/calls/${externalId}/ended`, { endedAt: new Date().toISOString() });
  await mission;
  if (ctx.operator) await send(ctx, `/calls/${callId}/close`, undefined, { as: 'operator' });
}
