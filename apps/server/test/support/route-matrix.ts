// The authorisation matrix: who may call each route. One table, read by the matrix test and by the
// fuzz tests (which send their garbage as a caller who may use the route, so it reaches validation),
// and the callers of every kind those tests make for themselves.
import type { Role } from '@amk/contracts';
import type { Db } from '@amk/db';
import type { App } from '../../src/app.js';
import {
  createAkutthjelperMember,
  createAkutthjelperUnit,
  createCentre,
  createIntegrationKey,
  createUser,
  uniqueName,
} from './factories.js';
import { cookieFor } from './integration.js';

export type Caller = Role | 'anonymous' | 'integration';
export type Allowed = 'public' | 'integration' | readonly Role[];

const CONSOLE: Role[] = ['amk_operator', 'amk_doctor', 'lv_operator', 'supervisor', 'admin'];
const OPERATORS: Role[] = ['amk_operator', 'amk_doctor', 'lv_operator'];
const ALL_USERS: Role[] = [...CONSOLE, 'responder', 'auditor'];
const OVERSIGHT: Role[] = ['supervisor', 'admin', 'auditor'];
const AMK: Role[] = ['amk_operator', 'amk_doctor'];

/** The authorisation matrix: who may call each route. */
export const MATRIX: Record<string, Allowed> = {
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /api/v1/basemap': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'public',
  'GET /api/v1/auth/me': ALL_USERS,
  'GET /api/v1/auth/oidc/providers': 'public',
  'GET /api/v1/auth/oidc/:id/start': 'public',
  'GET /api/v1/auth/oidc/:id/callback': 'public',
  'POST /api/v1/auth/oidc/:id/backchannel-logout': 'public',
  'GET /api/v1/admin/oidc-mappings': ['admin'],
  'POST /api/v1/admin/oidc-mappings': ['admin'],
  'DELETE /api/v1/admin/oidc-mappings/:mappingId': ['admin'],
  'PUT /api/v1/admin/users/:id/break-glass': ['admin'],
  'DELETE /api/v1/admin/users/:id/break-glass': ['admin'],

  'POST /api/v1/centres/:code/takeover': ['supervisor'],
  'DELETE /api/v1/centres/:code/takeover': ['supervisor'],
  'GET /api/v1/takeovers': CONSOLE,
  'GET /api/v1/centres/:code/backups': CONSOLE,
  'PUT /api/v1/centres/:code/backups': ['admin'],

  'GET /api/v1/mutual-aid': CONSOLE,
  'POST /api/v1/mutual-aid': [...OPERATORS, 'supervisor'],
  'POST /api/v1/mutual-aid/:loanId/accept': [...OPERATORS, 'supervisor'],
  'POST /api/v1/mutual-aid/:loanId/decline': [...OPERATORS, 'supervisor'],
  'POST /api/v1/mutual-aid/:loanId/cancel': [...OPERATORS, 'supervisor'],

  'POST /api/v1/integrations/calls': 'integration',
  'POST /api/v1/integrations/calls/:externalId/answered': 'integration',
  'POST /api/v1/integrations/calls/:externalId/ended': 'integration',
  'POST /api/v1/integrations/aml': 'integration',
  'POST /api/v1/integrations/notifications/:notificationId/ack': 'integration',
  'POST /api/v1/integrations/recordings': 'integration',
  'POST /api/v1/integrations/units/:callSign/status': 'integration',
  'PUT /api/v1/integrations/units/:callSign/position': 'integration',
  'POST /api/v1/integrations/sms/inbound': 'integration',
  'PUT /api/v1/integrations/hospitals/:code/capacity': 'integration',
  'PUT /api/v1/integrations/hospitals/:code/preparedness': 'integration',
  'POST /api/v1/integrations/units/:callSign/check-in': 'integration',

  'GET /api/v1/snapshot': CONSOLE,
  'GET /api/v1/calls': CONSOLE,
  'GET /api/v1/callbacks': CONSOLE,
  'GET /api/v1/calls/:id': CONSOLE,
  'GET /api/v1/calls/:id/recommendations': CONSOLE,
  'GET /api/v1/centres': CONSOLE,
  'GET /api/v1/kommuner': CONSOLE,
  'PUT /api/v1/kommuner/:nummer/settlement-class': ['admin'],
  'GET /api/v1/me/competence': CONSOLE,
  'GET /api/v1/admin/users': ['admin'],
  'PUT /api/v1/admin/users/:id/competence': ['admin'],
  'GET /api/v1/legevakt/roster': CONSOLE,
  'GET /api/v1/amk/doctor-roster': [...AMK, 'supervisor', 'admin'],
  'POST /api/v1/amk/doctor-roster': [...AMK, 'supervisor', 'admin'],
  'DELETE /api/v1/amk/doctor-roster/:id': [...AMK, 'supervisor', 'admin'],
  'GET /api/v1/missions/:missionId': CONSOLE,
  'GET /api/v1/missions/:missionId/akutthjelper/alerts': CONSOLE,
  'GET /api/v1/notifications': CONSOLE,
  'GET /api/v1/preparedness': CONSOLE,
  'GET /api/v1/stats/answer-times': CONSOLE,
  'GET /api/v1/transfers': CONSOLE,
  'GET /api/v1/triage/criteria': CONSOLE,
  'GET /api/v1/akutthjelper/organisations': CONSOLE,
  'GET /api/v1/akutthjelper/reports': CONSOLE,
  'GET /api/v1/akutthjelper/settings': CONSOLE,
  'PUT /api/v1/akutthjelper/settings': ['supervisor', 'admin'],
  'GET /api/v1/wall': CONSOLE,
  'GET /api/v1/region': ['supervisor'],
  'GET /api/v1/wall/centres': CONSOLE,
  'GET /api/v1/indicators': CONSOLE,

  'GET /api/v1/calls/:id/recordings': [...CONSOLE, 'auditor'],
  'GET /api/v1/recordings/:recordingId/audio': [...CONSOLE, 'auditor'],
  'GET /api/v1/recordings/purge/preview': OVERSIGHT,
  'GET /api/v1/recordings/retention': OVERSIGHT,
  'GET /api/v1/audit': OVERSIGHT,
  'POST /api/v1/recordings/:recordingId/holds': OVERSIGHT,
  'POST /api/v1/recordings/:recordingId/holds/:holdId/release': OVERSIGHT,

  'POST /api/v1/calls': OPERATORS,
  'PATCH /api/v1/calls/:id': OPERATORS,
  'POST /api/v1/calls/:id/close': OPERATORS,
  'POST /api/v1/calls/:id/journal': OPERATORS,
  'POST /api/v1/calls/:id/link': OPERATORS,
  'POST /api/v1/calls/:id/notifications': OPERATORS,
  'POST /api/v1/calls/:id/take': OPERATORS,
  'POST /api/v1/callbacks/:callbackId/resolve': OPERATORS,
  'POST /api/v1/calls/:id/transfers': OPERATORS,
  'POST /api/v1/calls/:id/triage': OPERATORS,
  'POST /api/v1/missions': OPERATORS,
  'POST /api/v1/missions/:missionId/units': OPERATORS,
  'POST /api/v1/missions/:missionId/close': OPERATORS,
  'GET /api/v1/missions/:missionId/akutthjelper/candidates': OPERATORS,
  'POST /api/v1/missions/:missionId/akutthjelper/alerts': OPERATORS,
  'POST /api/v1/missions/:missionId/bistand': OPERATORS,
  'GET /api/v1/missions/:missionId/bistand': CONSOLE,
  'POST /api/v1/bistand/:bistandId/ack': OPERATORS,
  'POST /api/v1/notifications/:notificationId/ack': OPERATORS,
  'POST /api/v1/notifications/:notificationId/acknowledge': OPERATORS,
  'POST /api/v1/transfers/:transferId/answer': OPERATORS,
  'POST /api/v1/units/:unitId/status': OPERATORS,
  'PUT /api/v1/units/:unitId/crew': [...OPERATORS, 'supervisor', 'admin'],
  'PUT /api/v1/units/:unitId/on-call-exemption': ['supervisor', 'admin'],
  'POST /api/v1/legevakt/roster': ['lv_operator', 'supervisor', 'admin'],

  'POST /api/v1/akutthjelper/organisations': ['admin'],
  'POST /api/v1/akutthjelper/units': ['admin'],
  'POST /api/v1/akutthjelper/members': ['admin'],
  'PATCH /api/v1/akutthjelper/members/:memberId': ['admin'],
  'POST /api/v1/akutthjelper/agreements': ['admin'],
  'PATCH /api/v1/akutthjelper/agreements/:agreementId': ['admin'],
  'POST /api/v1/triage/criteria/import': ['admin'],

  // § 15 o: AMK's operators and doctors run a major incident; the centre's console and wall read it.
  'POST /api/v1/major-incidents': AMK,
  'GET /api/v1/major-incidents': CONSOLE,
  'GET /api/v1/major-incidents/:majorIncidentId': CONSOLE,
  'POST /api/v1/major-incidents/:majorIncidentId/close': AMK,
  'PUT /api/v1/major-incidents/:majorIncidentId/scene': AMK,
  'POST /api/v1/major-incidents/:majorIncidentId/patients': AMK,
  'POST /api/v1/major-incidents/:majorIncidentId/patients/:patientId/category': AMK,
  'POST /api/v1/major-incidents/:majorIncidentId/patients/:patientId/transport': AMK,
  'POST /api/v1/major-incidents/:majorIncidentId/patients/:patientId/left-scene': AMK,
  'POST /api/v1/major-incidents/:majorIncidentId/patients/:patientId/arrived': AMK,
  'GET /api/v1/major-incidents/:majorIncidentId/proposal': AMK,
  'GET /api/v1/major-incidents/:majorIncidentId/log': CONSOLE,
  'GET /api/v1/major-incidents/:majorIncidentId/log.csv': CONSOLE,
  'GET /api/v1/hospitals': CONSOLE,
  'PUT /api/v1/hospitals/:code/capacity': [...AMK, 'supervisor'],
  'PUT /api/v1/major-incidents/:majorIncidentId/hospitals/:code/preparedness': AMK,
  'POST /api/v1/major-incidents/:majorIncidentId/units/:unitId/check-in': AMK,

  'GET /api/v1/responder/me': ['responder'],
  'POST /api/v1/responder/alerts/:alertId/:action': ['responder'],
  'PUT /api/v1/responder/position': ['responder'],
  'PUT /api/v1/responder/duty': ['responder'],
  'POST /api/v1/responder/test-alerts': ['responder'],
  'GET /api/v1/responder/test-alerts': ['responder'],
};

/**
 * Who may override the § 11 crew refusal (issue 11) with `override: { reason }`: the operators and
 * AMK doctors of the unit's own centre. Another centre is refused, also where it may dispatch the
 * unit (a neighbour), and a terminal cannot override at all.
 */
export const OVERRIDES: Record<string, readonly Role[]> = {
  'POST /api/v1/units/:unitId/status': ['amk_operator', 'amk_doctor'],
  'POST /api/v1/missions': ['amk_operator', 'amk_doctor'],
  'POST /api/v1/missions/:missionId/units': ['amk_operator', 'amk_doctor'],
};

/** Who may alert akutthjelpere outside the main rule (an event type outside the four), with a reason. */
export const AKUTTHJELPER_MAIN_RULE_OVERRIDE: readonly Role[] = ['amk_operator', 'amk_doctor'];

/** Every role a user can have: the matrix's columns besides the anonymous caller and an integration. */
export const ROLES: readonly Role[] = ['amk_operator', 'amk_doctor', 'lv_operator', 'supervisor', 'admin', 'responder', 'auditor'];
export const CALLERS: Caller[] = ['anonymous', 'integration', ...ROLES];

/**
 * Callers of every kind, of centres the test file makes for itself (support/factories.ts): an AMK
 * centre that coordinates its region (§ 14 e) with a neighbour AMK, a legevaktsentral, and an
 * akutthjelper team (at `team`, under an agreement with the centre for `team.kommuner`). Each role's
 * user belongs to the AMK centre but the LV operator (the legevaktsentral's); the responder is a
 * member of the team and its leader (who may send a test alert); the integration key is the AMK
 * centre's. Returns those records and the request headers of every caller, each user logged in.
 */
export async function createCallers(
  app: App,
  prisma: Db,
  team: { lat: number; lon: number; kommuner: string[] } = { lat: 60.39, lon: 5.32, kommuner: [] },
) {
  const neighbour = await createCentre(prisma);
  const centre = await createCentre(prisma, { neighbourCentreIds: [neighbour.id], coordinatesRegion: true, region: uniqueName('Helse') });
  await prisma.centre.update({ where: { id: neighbour.id }, data: { neighbourCentreIds: [centre.id] } });
  const lvs = await createCentre(prisma, { kind: 'LVS' });
  const { kommuner, ...at } = team;
  const akutthjelpere = await createAkutthjelperUnit(prisma, { ...at, agreement: { centreId: centre.id, kommuner } });
  const headers: Partial<Record<Caller, Record<string, string>>> = {
    anonymous: {},
    integration: { authorization: `Bearer ${await createIntegrationKey(prisma, centre.code, 'route matrix')}` },
  };
  for (const role of ROLES) {
    const user = await createUser(prisma, role === 'lv_operator' ? lvs.id : centre.id, { role });
    if (role === 'responder') await createAkutthjelperMember(prisma, akutthjelpere, { userId: user.id, isLeader: true });
    headers[role] = { cookie: await cookieFor(app, user.username) };
  }
  return { centre, neighbour, lvs, team: akutthjelpere, headers };
}
