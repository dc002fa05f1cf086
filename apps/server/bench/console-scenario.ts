// The national-scale picture the console bench draws: 2,000 units (a third on a mission), 300 open
// calls, missions linking the busy units to them, and 50 akutthjelpere on their way or arrived.
// Built here and checked against the contracts, so the console gets records its screens accept.
import { AlertSummary, CallSummary, MissionSummary, UnitSummary } from '@amk/contracts';

export const UNITS = 2_000;
const CALLS = 300;
const MISSIONS = 200;
const RESPONDERS = 50;

/** Where unit i starts: a 50 × 40 grid over Vestland, moved a little every second. */
export interface Base {
  id: string;
  lat: number;
  lon: number;
}
const baseOf = (id: string, i: number): Base => ({ id, lat: 60 + (i % 50) * 0.02, lon: 5 + Math.floor(i / 50) * 0.03 });

/** The same move in the console and the bare page: every point a step north-east per tick. */
export const STEP_DEG = 0.0005;

const uuid = (group: number, i: number) => `00000000-0000-4000-${8000 + group}-${String(i).padStart(12, '0')}`;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

export interface Scenario {
  units: UnitSummary[];
  calls: CallSummary[];
  missions: MissionSummary[];
  alerts: AlertSummary[];
  bases: Base[];
}

/**
 * `existing`: the simulated fleet's units the snapshot already holds (created by the bench in the
 * database, without positions); they are used first so the store holds 2,000 moving units, not more.
 */
export function buildScenario(centreId: string, existing: { id: string; callSign: string }[]): Scenario {
  const units: UnitSummary[] = [];
  for (let i = 0; i < UNITS; i++) {
    const known = existing[i];
    const base = baseOf(known?.id ?? uuid(0, i), i);
    units.push({
      id: base.id,
      callSign: known?.callSign ?? `SIM-X${i}`,
      kind: 'AMBULANCE_CAR',
      centreId,
      stationId: null,
      // Every third unit is on a mission: drawn one by one and labelled at every zoom.
      status: i % 3 ? 'AVAILABLE_ON_THE_MOVE' : 'EN_ROUTE',
      statusAt: iso(600_000),
      lat: base.lat,
      lon: base.lon,
      positionAt: iso(2_000),
      crewOk: true,
      crewProblem: null,
      crewOverride: null,
      lentToCentreId: null,
    });
  }
  const calls: CallSummary[] = Array.from({ length: CALLS }, (_, k) => ({
    id: uuid(1, k),
    centreId,
    externalId: null,
    line: '113',
    source: 'CTI',
    state: 'ANSWERED',
    callerNumber: `+47900${String(k).padStart(5, '0')}`,
    callerName: null,
    ringingAt: iso(900_000 + k * 1_000),
    answeredAt: iso(890_000 + k * 1_000),
    endedAt: null,
    operatorId: null,
    urgency: (['A', 'H', 'V', null] as const)[k % 4]!,
    criterionCode: null,
    addressText: `Simulert adresse ${k}`,
    lat: 60.01 + (k % 20) * 0.05,
    lon: 5.01 + Math.floor(k / 20) * 0.08,
    positionRadiusM: k % 5 ? null : 250,
    kommunenummer: null,
    summary: null,
    closedAt: null,
    updatedAt: iso(890_000),
  }));
  const busy = units.filter((u) => u.status === 'EN_ROUTE');
  const missions: MissionSummary[] = calls.slice(0, MISSIONS).map((c, k) => ({
    id: uuid(2, k),
    centreId,
    callId: c.id,
    incidentId: null,
    kind: 'AMBULANCE',
    urgency: c.urgency,
    eventType: null,
    lat: c.lat,
    lon: c.lon,
    kommunenummer: null,
    createdAt: iso(880_000),
    closedAt: null,
    outcome: null,
    units: busy
      .filter((_, j) => j % MISSIONS === k)
      .map((u) => ({ unitId: u.id, callSign: u.callSign, assignedAt: iso(880_000), releasedAt: null, crewOverrideReason: null })),
    responseMinutes: null,
    updatedAt: iso(880_000),
  }));
  const alerts: AlertSummary[] = missions.slice(0, RESPONDERS).map((m, k) => ({
    id: uuid(3, k),
    missionId: m.id,
    memberId: uuid(4, k),
    memberName: `Akutthjelper ${k}`,
    unitName: 'Brannstasjon',
    organisationKind: 'BRANN',
    channel: 'SMS',
    round: 1,
    distanceM: 1_200,
    state: k % 2 ? 'ACCEPTED' : 'ARRIVED',
    alertedAt: iso(870_000),
    deliveredAt: iso(869_000),
    seenAt: iso(868_000),
    acceptedAt: iso(867_000),
    declinedAt: null,
    arrivedAt: k % 2 ? null : iso(600_000),
    failedAt: null,
    lastError: null,
    mainRuleOverride: null,
    position: { lat: m.lat! + 0.002, lon: m.lon! + 0.002, at: iso(5_000) },
  }));
  return {
    units: UnitSummary.array().parse(units),
    calls: CallSummary.array().parse(calls),
    missions: MissionSummary.array().parse(missions),
    alerts: AlertSummary.array().parse(alerts),
    bases: units.map((u, i) => baseOf(u.id, i)),
  };
}
