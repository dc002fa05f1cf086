// `pnpm simulate --scenario major`: a bus crash on the E16 at Dale in Vaksdal with 25 injured,
// played against a running server through the same APIs the real telephony, AML gateway, unit
// terminals, hospitals and an AMK operator use:
//   callers ring from the scene, one after another, with their handsets' positions
//   → the operator declares a major incident (rød beredskap) from the first call, and links the
//     other callers' calls to it
//   → the HF's hospitals answer the alert with their preparedness and raise their capacity
//   → 25 patients are registered by triage card (rød, gul, grønn, død); one is re-triaged
//   → ambulances (the centre's own and a neighbour's, through mutual aid) and the helicopter take
//     the patients to the proposed hospitals, trip after trip, with every status and both times
//   → when everyone has arrived, the missions and the major incident are closed, the calls too.
// Everything is marked as an exercise (ØVELSE). Every wait is divided by `speed` and ends at once
// when the exercise is stopped; what is left is then played to its end so nothing stays open.
import type { DistributionProposal, MajorIncidentDetail, Recommendation } from '@amk/contracts';
import { drive, send, type ExerciseContext, unitPosition, unitStatus, wait } from './exercise-scenario.js';

type Place = { lat: number; lon: number };

export interface MajorScenarioOptions {
  /**
   * Mutual aid (§ 10 d): the neighbouring centre's key for its units' terminals, and its operator's
   * session to lend them; null: own units only
   */
  neighbour: { key: string; cookie: string } | null;
}

const SCENE: Place = { lat: 60.5853, lon: 5.8204 }; // E16 by Dale, Vaksdal
const CALLERS = 8;
/** 25 patients as the triage on scene might find them: 5 red, 7 yellow, 11 green, 2 dead. */
const CATEGORIES = [
  ...Array<'RED'>(5).fill('RED'),
  ...Array<'YELLOW'>(7).fill('YELLOW'),
  ...Array<'GREEN'>(11).fill('GREEN'),
  ...Array<'DEAD'>(2).fill('DEAD'),
];
const TRANSPORTERS = new Set(['AMBULANCE_CAR', 'HELICOPTER']);
const DRIVE_REPORT_MS = 20_000; // a coarser position report than single calls: many units at once

async function json<T>(res: Response | null): Promise<T | null> {
  return res?.ok ? ((await res.json()) as T) : null;
}

/**
 * A neighbour's unit for one trip, through mutual aid (§ 10 d): our operator asks for it on a new
 * mission, the neighbour's operator lends it (and it is alerted there). The answer to the lending.
 */
async function borrow(ctx: ExerciseContext, neighbourCookie: string, unitId: string, callId: string, missionId: string) {
  const asked = await json<{ id: string }>(
    await send(ctx, '/mutual-aid', { unitId, callId, missionId, note: 'Øvelse: masseskadehendelse' }, { as: 'operator' }),
  );
  if (!asked) return null;
  return fetch(`${ctx.base}/api/v1/mutual-aid/${asked.id}/accept`, { method: 'POST', headers: { cookie: neighbourCookie } }).catch(
    () => null,
  );
}

/** One caller from the scene: rings, the handset's position arrives, answered, triaged acute. */
async function ringCaller(ctx: ExerciseContext, n: number): Promise<{ callId: string; externalId: string } | null> {
  const externalId = `sim-major-${Date.now()}-${n}`;
  const callerNumber = `+479${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const rang = await json<{ id: string }>(
    await send(ctx, '/integrations/calls', {
      externalId,
      centre: ctx.centre,
      line: '113',
      callerNumber,
      ringingAt: new Date().toISOString(),
      exercise: true,
    }),
  );
  if (!rang) return null;
  const at = { lat: SCENE.lat + (Math.random() - 0.5) * 0.002, lon: SCENE.lon + (Math.random() - 0.5) * 0.004 };
  await fetch(`${ctx.base}/api/v1/integrations/aml`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ctx.key}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      v: '3',
      device_number: callerNumber.slice(1),
      location_latitude: String(at.lat),
      location_longitude: String(at.lon),
      location_accuracy: '15',
      location_time: String(Date.now()),
      location_source: 'gps',
    }).toString(),
  }).catch(() => null);
  await wait(ctx, 3_000);
  await send(ctx, `/integrations/calls/${externalId}/answered`, { answeredAt: new Date().toISOString() });
  const code = ctx.operator?.criteria.A;
  if (code) await send(ctx, `/calls/${rang.id}/triage`, { criterionCode: code }, { as: 'operator' });
  return { callId: rang.id, externalId };
}

export interface MajorScenarioSummary {
  byCategory: Record<string, number>;
  byHospital: { name: string; byCategory: Record<string, number> }[];
  trips: number;
  neighbourTrips: number;
}

export async function playMajorIncident(ctx: ExerciseContext, opts: MajorScenarioOptions): Promise<MajorScenarioSummary | null> {
  if (!ctx.operator) {
    ctx.log('[simulate] the major incident needs an operator session (--operator, --password): nothing played');
    return null;
  }
  // Callers from the scene, a few seconds apart; the first four make the incident plain.
  const calls: { callId: string; externalId: string }[] = [];
  for (let n = 1; n <= CALLERS; n++) {
    const call = await ringCaller(ctx, n);
    if (call) calls.push(call);
    await wait(ctx, 10_000);
  }
  const first = calls[0];
  if (!first) return null;
  const declared = await json<MajorIncidentDetail>(
    await send(
      ctx,
      '/major-incidents',
      {
        id: crypto.randomUUID(),
        callId: first.callId,
        level: 'RED',
        ...SCENE,
        description: 'ØVELSE: buss har kjørt av E16 ved Dale, rundt 25 skadde',
      },
      { as: 'operator' },
    ),
  );
  if (!declared) {
    ctx.log('[simulate] the major incident could not be declared');
    return null;
  }
  const m = declared.id;
  // The other callers are about the same incident: linked to it, as an operator would.
  for (const c of calls.slice(1)) await send(ctx, `/calls/${c.callId}/link`, { otherCallId: first.callId }, { as: 'operator' });
  ctx.log(
    `[simulate] major incident declared from call ${first.externalId}; alerted: ${declared.hospitalAlerts.map((a) => a.name).join(', ')}`,
  );

  // The HF's hospitals answer the alert and raise their capacity for the day.
  for (const [i, a] of declared.hospitalAlerts.entries()) {
    await wait(ctx, 20_000);
    await send(ctx, `/integrations/hospitals/${a.code}/preparedness`, { level: i === 0 ? 'RED' : 'YELLOW' }, { method: 'PUT' });
    const raised = i === 0 ? { RED: 8, YELLOW: 14, GREEN: 25 } : { RED: 2, YELLOW: 6, GREEN: 12 };
    await send(ctx, `/integrations/hospitals/${a.code}/capacity`, raised, { method: 'PUT' });
  }

  // Triage on scene: 25 cards, the first re-triaged from yellow to red a little later.
  const cards: string[] = [];
  for (const [i, category] of CATEGORIES.entries()) {
    const cardNumber = `ØV-${String(i + 1).padStart(3, '0')}`;
    const done = await send(ctx, `/major-incidents/${m}/patients`, { id: crypto.randomUUID(), cardNumber, category }, { as: 'operator' });
    if (done?.ok) cards.push(cardNumber);
    await wait(ctx, 4_000);
  }
  const afterTriage = await json<MajorIncidentDetail>(
    await send(ctx, `/major-incidents/${m}`, undefined, { method: 'GET', as: 'operator' }),
  );
  const retriaged = afterTriage?.patients.find((p) => p.category === 'YELLOW');
  if (retriaged) await send(ctx, `/major-incidents/${m}/patients/${retriaged.id}/category`, { category: 'RED' }, { as: 'operator' });

  // Transport, trip after trip, until every living patient has arrived.
  const busy = new Set<string>();
  // Patients a trip has been started for: until its transport is recorded the proposal still lists
  // them, and a second unit must not be sent for the same patient.
  const underway = new Set<string>();
  const trips = new Set<Promise<void>>();
  let tripCount = 0;
  let neighbourTrips = 0;
  const trip = async (unit: Recommendation, patientId: string, hospital: Place & { id: string }) => {
    const key = unit.own ? ctx.key : opts.neighbour!.key;
    const missionId = crypto.randomUUID();
    const created = unit.own
      ? await send(ctx, '/missions', { id: missionId, callId: first.callId, unitIds: [unit.unitId] }, { as: 'operator' })
      : await borrow(ctx, opts.neighbour!.cookie, unit.unitId, first.callId, missionId);
    if (!created?.ok) return;
    const assigned = await send(
      ctx,
      `/major-incidents/${m}/patients/${patientId}/transport`,
      { hospitalId: hospital.id, unitId: unit.unitId },
      { as: 'operator' },
    );
    if (!assigned?.ok) return;
    tripCount++;
    if (!unit.own) neighbourTrips++;
    const origin = await unitPosition(ctx, unit.unitId, SCENE);
    await unitStatus(ctx, unit.callSign, 'EN_ROUTE', key);
    await drive(ctx, unit.callSign, origin, SCENE, { everyMs: DRIVE_REPORT_MS, key });
    await unitStatus(ctx, unit.callSign, 'ON_SCENE', key);
    await wait(ctx, 3 * 60_000);
    await send(ctx, `/major-incidents/${m}/patients/${patientId}/left-scene`, {}, { as: 'operator' });
    await unitStatus(ctx, unit.callSign, 'TRANSPORTING', key);
    await drive(ctx, unit.callSign, SCENE, hospital, { everyMs: DRIVE_REPORT_MS, key });
    await unitStatus(ctx, unit.callSign, 'AT_HOSPITAL', key);
    await send(ctx, `/major-incidents/${m}/patients/${patientId}/arrived`, {}, { as: 'operator' });
    await unitStatus(ctx, unit.callSign, 'AVAILABLE_ON_THE_MOVE', key);
    await send(ctx, `/missions/${missionId}/close`, { outcome: 'Øvelse: pasient levert sykehus' }, { as: 'operator' });
    await drive(ctx, unit.callSign, hospital, origin, { everyMs: DRIVE_REPORT_MS, key });
    await unitStatus(ctx, unit.callSign, 'AVAILABLE_AT_STATION', key);
  };
  const hospitals = new Map<string, Place & { id: string }>();
  for (const h of (
    await json<{ hospitals: { id: string; lat: number; lon: number }[] }>(
      await send(ctx, '/hospitals', undefined, { method: 'GET', as: 'operator' }),
    )
  )?.hospitals ?? [])
    hospitals.set(h.id, h);

  for (let round = 0; round < 200; round++) {
    const proposal = await json<DistributionProposal>(
      await send(ctx, `/major-incidents/${m}/proposal`, undefined, { method: 'GET', as: 'operator' }),
    );
    if (!proposal || (proposal.destinations.length === 0 && trips.size === 0)) break;
    const ranked = await json<{ units: Recommendation[] }>(
      await send(ctx, `/calls/${first.callId}/recommendations`, undefined, { method: 'GET', as: 'operator' }),
    );
    const free = (ranked?.units ?? []).filter((u) => TRANSPORTERS.has(u.kind) && !busy.has(u.unitId) && (u.own || opts.neighbour));
    for (const d of proposal.destinations.filter((x) => !underway.has(x.patientId))) {
      const unit =
        d.category === 'RED'
          ? (free.find((u) => u.kind === 'HELICOPTER') ?? free.find((u) => u.kind !== 'HELICOPTER'))
          : free.find((u) => u.kind !== 'HELICOPTER');
      if (!unit) break;
      free.splice(free.indexOf(unit), 1);
      busy.add(unit.unitId);
      underway.add(d.patientId);
      const hospital = hospitals.get(d.hospitalId)!;
      const running = trip(unit, d.patientId, hospital).finally(() => {
        busy.delete(unit.unitId);
        underway.delete(d.patientId);
        trips.delete(running);
      });
      trips.add(running);
    }
    if (trips.size) await Promise.race(trips);
    else await wait(ctx, 30_000); // nothing free: wait for a unit
  }
  await Promise.all(trips);

  for (const c of calls) await send(ctx, `/integrations/calls/${c.externalId}/ended`, { endedAt: new Date().toISOString() });
  const closed = await json<MajorIncidentDetail>(await send(ctx, `/major-incidents/${m}/close`, {}, { as: 'operator' }));
  for (const c of calls) await send(ctx, `/calls/${c.callId}/close`, undefined, { as: 'operator' });
  if (!closed) return null;
  return {
    byCategory: closed.byCategory,
    byHospital: closed.byHospital.map((h) => ({ name: h.name, byCategory: h.byCategory })),
    trips: tripCount,
    neighbourTrips,
  };
}
