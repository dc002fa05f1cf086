// Akutthjelpere (§ 5 and Helsedirektoratet's national guide): organisations and agreements,
// alerts with acknowledgements and escalation, the responder's own view, bistand requests.
import {
  AKUTTHJELPER_ALERT_VIA,
  AKUTTHJELPER_KINDS,
  ALERT_CHANNELS,
  ALERT_STATES,
  BISTAND_ACK_VIA,
  BISTAND_KINDS,
  DELIVERY_STATES,
} from '@amk/domain';
import { z } from 'zod';
import { IsoDate, IsoTime, Latitude, Longitude, PhoneNumber, UnitStatus, Uuid } from './common.js';
import { reportLimitMessage, withinReportLimit } from './stats.js';

export const AkutthjelperEventType = z.enum(['HJERTESTANS', 'BEVISSTLOSHET', 'STOR_YTRE_BLODNING', 'GENERELL_NEDKJOLING']);
export type AkutthjelperEventType = z.infer<typeof AkutthjelperEventType>;
export const AkutthjelperKind = z.enum(AKUTTHJELPER_KINDS);
export const AlertState = z.enum(ALERT_STATES);
export const AlertChannel = z.enum(ALERT_CHANNELS);
export const BistandKind = z.enum(BISTAND_KINDS);
export const BistandAckVia = z.enum(BISTAND_ACK_VIA);
export const AkutthjelperAlertVia = z.enum(AKUTTHJELPER_ALERT_VIA);

// ── organisations, units, members, agreements (admin)

export const CreateOrganisationRequest = z.object({ name: z.string().trim().min(1).max(200), kind: AkutthjelperKind });
export const CreateResponderUnitRequest = z.object({
  organisationId: Uuid,
  name: z.string().trim().min(1).max(200),
  lat: Latitude,
  lon: Longitude,
});
export const CreateMemberRequest = z.object({
  unitId: Uuid,
  name: z.string().trim().min(1).max(200),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9]{8,15}$/, 'a phone number is 8 to 15 digits, optionally starting with +'),
  trainingValidUntil: IsoDate.nullable().optional(),
  onDuty: z.boolean().optional(),
  username: z.string().trim().max(100).optional().describe('a responder login to link, for the responder page'),
  isLeader: z.boolean().optional().describe("the organisation's leader: may send test alerts to its members"),
});
export const UpdateMemberRequest = z
  .object({
    onDuty: z.boolean().optional(),
    trainingValidUntil: IsoDate.nullable().optional(),
    phone: CreateMemberRequest.shape.phone.optional(),
    isLeader: z.boolean().optional(),
  })
  .refine((m) => Object.keys(m).length > 0, { message: 'send at least one field to change' });
export const CreateAgreementRequest = z
  .object({
    unitId: Uuid,
    kommuner: z.array(z.string().regex(/^\d{4}$/, 'a kommunenummer has four digits')).min(1),
    eventTypes: z.array(AkutthjelperEventType).min(1),
    validFrom: IsoDate,
    validTo: IsoDate.nullable().optional(),
    documentRef: z.string().trim().max(200).optional(),
    /** MEMBERS (default): member by member; FIRE_CENTRE: a fire-service unit as a unit through 110 */
    alertVia: AkutthjelperAlertVia.optional(),
  })
  .refine((a) => !a.validTo || a.validTo >= a.validFrom, { message: 'validTo is before validFrom', path: ['validTo'] });
export const UpdateAgreementRequest = z.object({ validTo: IsoDate.nullable() });

export const MemberSummary = z.object({
  id: Uuid,
  unitId: Uuid,
  name: z.string(),
  phone: z.string(),
  trainingValidUntil: z.string().nullable(),
  onDuty: z.boolean(),
  hasResponderPage: z.boolean(),
  isLeader: z.boolean(),
});
export const AgreementSummary = z.object({
  id: Uuid,
  unitId: Uuid,
  centreId: Uuid,
  kommuner: z.array(z.string()),
  eventTypes: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  documentRef: z.string().nullable(),
  alertVia: AkutthjelperAlertVia,
});
export const OrganisationTree = z.object({
  organisations: z.array(
    z.object({
      id: Uuid,
      name: z.string(),
      kind: AkutthjelperKind,
      units: z.array(
        z.object({
          id: Uuid,
          name: z.string(),
          lat: z.number(),
          lon: z.number(),
          members: z.array(MemberSummary),
          agreements: z.array(AgreementSummary),
        }),
      ),
    }),
  ),
});

// ── alerting

export const AlertSummary = z.object({
  id: Uuid,
  missionId: Uuid,
  memberId: Uuid,
  memberName: z.string(),
  unitName: z.string(),
  organisationKind: AkutthjelperKind,
  channel: AlertChannel,
  round: z.number().int(),
  distanceM: z.number().nullable(),
  state: AlertState,
  alertedAt: IsoTime,
  deliveredAt: IsoTime.nullable(),
  seenAt: IsoTime.nullable(),
  acceptedAt: IsoTime.nullable(),
  declinedAt: IsoTime.nullable(),
  arrivedAt: IsoTime.nullable(),
  failedAt: IsoTime.nullable(),
  lastError: z.string().nullable(),
  /** alerted for an event type outside the four by an override of the main rule: why, and who */
  mainRuleOverride: z.object({ reason: z.string(), by: z.string() }).nullable(),
  /** the responder's phone position while on the mission */
  position: z.object({ lat: z.number(), lon: z.number(), at: IsoTime }).nullable(),
});
export type AlertSummary = z.infer<typeof AlertSummary>;

export const ResponderCandidate = z.object({
  memberId: Uuid,
  memberName: z.string(),
  unitName: z.string(),
  organisationKind: AkutthjelperKind,
  distanceKm: z.number(),
  /** the distance by road (an estimate: straight line × road factor) */
  roadKm: z.number(),
  /** estimated minutes to the patient (turn-out and the road estimate) */
  etaMinutes: z.number(),
  channel: AlertChannel,
});
/** Members left out because they cannot plausibly arrive before the ambulance, counted by reason. */
export const Reach = z.object({
  /** the centre's limit by road */
  maxRoadKm: z.number(),
  /** the first dispatched ambulance's estimate, when one is known (0: it is there) */
  ambulanceEtaMinutes: z.number().nullable(),
  tooFar: z.number().int(),
  notBeforeAmbulance: z.number().int(),
  /** in Norwegian, e.g. "3 lenger unna enn 5 km", "2 kommer ikke før ambulansen" */
  reasons: z.array(z.string()),
});
export const AkutthjelperSettings = z.object({
  /** akutthjelpere farther than this by road are not proposed */
  maxRoadKm: z.number().min(0.5).max(50),
});
/** A fire-service unit to be alerted as a unit through the 110-centre (its agreement says so). */
export const UnitCandidate = z.object({
  unitId: Uuid,
  unitName: z.string(),
  organisationName: z.string(),
  distanceKm: z.number(),
  roadKm: z.number(),
  etaMinutes: z.number(),
  via: z.literal('FIRE_CENTRE'),
});
export const Refusal = z.object({ code: z.string(), reason: z.string(), offerBistand: z.boolean() });
export const CandidatesAnswer = z.object({
  eventType: AkutthjelperEventType.nullable(),
  allowed: z.boolean(),
  refusal: Refusal.nullable(),
  candidates: z.array(ResponderCandidate),
  /** fire-service units alerted as units through 110, not member by member */
  unitCandidates: z.array(UnitCandidate),
  /** null when refused before anyone was weighed */
  reach: Reach.nullable(),
});
export type CandidatesAnswer = z.infer<typeof CandidatesAnswer>;

/**
 * The event type an operator asks for. Any word is accepted here so that one outside the scheme is
 * refused by the rule (422, in Norwegian, with bistand offered instead), not by a schema error.
 */
export const RequestedEventType = z
  .string()
  .trim()
  .min(1, 'choose the event type')
  .max(60)
  .describe('HJERTESTANS, BEVISSTLOSHET, STOR_YTRE_BLODNING or GENERELL_NEDKJOLING; any other is refused with 422 and the reason');

/**
 * Overriding the main rule (`som hovedregel`, the four event types): an AMK doctor or AMK operator
 * may alert for another event type, always with the reason, which is kept, audited and reported.
 */
export const MainRuleOverride = z.object({
  reason: z.string().trim().min(1, 'skriv en begrunnelse for å varsle utenfor hovedregelen').max(500),
});

export const AlertRespondersRequest = z.object({
  eventType: RequestedEventType,
  /** an event type outside the four: alert anyway, with the reason (AMK doctor or operator only) */
  override: MainRuleOverride.optional(),
  /** How many should accept before escalation stops (default 2). */
  required: z.number().int().min(1).max(10).default(2),
  /** Alert these members; default: the nearest eligible ones (twice `required`). */
  memberIds: z.array(Uuid).max(30).optional(),
  /** Alert these units through 110; default: every proposed one (none when memberIds is given). */
  unitIds: z.array(Uuid).max(10).optional(),
});
/** A fire-service unit alerted as a unit through the 110-centre, with the delivery of that notification. */
export const UnitAlertSummary = z.object({
  id: Uuid,
  missionId: Uuid,
  unitId: Uuid,
  unitName: z.string(),
  organisationName: z.string(),
  via: z.literal('FIRE_CENTRE'),
  round: z.number().int(),
  distanceM: z.number().nullable(),
  alertedAt: IsoTime,
  /** the notification to 110 on the mission's call: its state follows live as notification.upserted */
  notificationId: Uuid,
  delivery: z.object({
    state: z.enum(DELIVERY_STATES),
    sentAt: IsoTime.nullable(),
    acknowledgedAt: IsoTime.nullable(),
    acknowledgedBy: z.string().nullable(),
    lastError: z.string().nullable(),
  }),
  mainRuleOverride: z.object({ reason: z.string(), by: z.string() }).nullable(),
});
export type UnitAlertSummary = z.infer<typeof UnitAlertSummary>;
export const AlertList = z.object({ alerts: z.array(AlertSummary), unitAlerts: z.array(UnitAlertSummary) });

/** A member an SMS went to (a bistand request, a test), and what became of it. */
const SmsRecipient = z.object({
  memberId: Uuid,
  name: z.string(),
  deliveredAt: IsoTime.nullable(),
  failedAt: IsoTime.nullable(),
  lastError: z.string().nullable(),
  repliedAt: IsoTime.nullable(),
});

export const BistandRequestBody = z.object({
  kind: BistandKind,
  organisationId: Uuid.optional(),
  reason: z.string().trim().min(1, 'say what help is asked for').max(1000),
});
/**
 * A bistand request as the console shows it: sent to the organisation's members (marked as
 * bistand, not akutthjelp), delivered or not, and who confirmed it (by SMS, or by phone as the
 * operator recorded). MANUAL: nobody could be reached by SMS, the organisation must be phoned.
 */
export const BistandSummary = z.object({
  id: Uuid,
  missionId: Uuid.nullable(),
  kind: BistandKind,
  organisationId: Uuid.nullable(),
  organisationName: z.string().nullable(),
  reason: z.string(),
  createdAt: IsoTime,
  sentAt: IsoTime.nullable(),
  state: z.enum(['SENT', 'MANUAL', 'ACKNOWLEDGED']),
  recipients: z.array(SmsRecipient),
  acknowledgedAt: IsoTime.nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedVia: BistandAckVia.nullable(),
});
export type BistandSummary = z.infer<typeof BistandSummary>;
export const BistandList = z.object({ bistand: z.array(BistandSummary) });
/** The operator phoned the organisation and someone confirmed. */
export const AcknowledgeBistandRequest = z.object({
  by: z.string().trim().min(1, 'skriv hvem som bekreftet').max(200),
});

// ── the responder's own page

/** What a responder sees of an alert: the place only after accepting. */
export const ResponderAlert = z.object({
  id: Uuid,
  missionId: Uuid,
  /** null for an event type outside the four (alerted by an override): eventLabel says what it is */
  eventType: AkutthjelperEventType.nullable(),
  eventLabel: z.string(),
  distanceKm: z.number().nullable(),
  state: AlertState,
  alertedAt: IsoTime,
  /** only once accepted */
  place: z.object({ lat: z.number(), lon: z.number(), addressText: z.string().nullable() }).nullable(),
  ambulanceOnScene: z.boolean(),
  /** the ambulance (or other unit) first sent on the mission and still on it: what it is doing now */
  ambulance: z.object({ callSign: z.string(), status: UnitStatus }).nullable(),
  /** when the responder marked arrival */
  arrivedAt: IsoTime.nullable(),
  missionClosed: z.boolean(),
});
export type ResponderAlert = z.infer<typeof ResponderAlert>;
export const ResponderMe = z.object({
  memberId: Uuid,
  name: z.string(),
  unitName: z.string(),
  onDuty: z.boolean(),
  trainingValidUntil: z.string().nullable(),
  /** the organisation's leader: may send test alerts */
  isLeader: z.boolean(),
  alerts: z.array(ResponderAlert),
});

/** A test of the members' phones (ØVELSE/TEST), with each member's reply; never an alert. */
export const TestAlertSummary = z.object({
  id: Uuid,
  sentAt: IsoTime,
  sentBy: z.string(),
  text: z.string(),
  recipients: z.array(SmsRecipient.extend({ reply: z.string().nullable() })),
});
export type TestAlertSummary = z.infer<typeof TestAlertSummary>;
export const TestAlertList = z.object({ testAlerts: z.array(TestAlertSummary) });
export const AlertIdParams = z.object({ alertId: Uuid });
export const ResponderAction = z.enum(['delivered', 'seen', 'accept', 'decline', 'arrived']);
export const ResponderActionParams = z.object({ alertId: Uuid, action: ResponderAction });
export const ResponderPosition = z.object({ lat: Latitude, lon: Longitude });

/** An SMS from an akutthjelper without the page, passed on by the SMS gateway. */
export const SmsInbound = z.object({
  from: PhoneNumber.describe('the sender, as the gateway saw it'),
  text: z.string().max(1600).describe('what they wrote: JA, NEI or FRAM (first word counts)'),
});
export type SmsInbound = z.infer<typeof SmsInbound>;
export const SmsInboundAnswer = z.object({
  understood: z.boolean(),
  action: z.enum(['accept', 'decline', 'arrived']).nullable(),
  alertId: Uuid,
  /** what was sent back to the member by SMS */
  reply: z.string(),
  /**
   * What the SMS answered: an alert; a bistand request (alertId is then the request); or a test
   * alert (ØVELSE/TEST; alertId is then the member's row of the test)
   */
  about: z.enum(['ALERT', 'BISTAND', 'TEST']),
});
export type SmsInboundAnswer = z.infer<typeof SmsInboundAnswer>;
export const ResponderDuty = z.object({ onDuty: z.boolean() });

export const AkutthjelperReportQuery = z
  .object({ from: IsoTime, to: IsoTime })
  .refine((q) => new Date(q.from) < new Date(q.to), { message: 'from must be before to', path: ['from'] })
  .refine(withinReportLimit, { message: reportLimitMessage, path: ['from'] });
export type AkutthjelperReportQuery = z.infer<typeof AkutthjelperReportQuery>;

export const AkutthjelperReport = z.object({
  from: IsoTime,
  to: IsoTime,
  byOrganisation: z.array(
    z.object({ organisationId: Uuid, name: z.string(), kind: AkutthjelperKind, missions: z.number().int(), arrivals: z.number().int() }),
  ),
  byKommune: z.array(z.object({ kommunenummer: z.string().nullable(), missions: z.number().int() })),
  medianAlertToArrivalMinutes: z.number().nullable(),
  arrivedBeforeAmbulance: z.number().int(),
  arrivalsWithAmbulanceKnown: z.number().int(),
  shareBeforeAmbulance: z.number().nullable(),
  /** bistand requests, apart from the scheme: how many of each kind, and how many were confirmed */
  bistand: z.object({ helse: z.number().int(), kommune: z.number().int(), acknowledged: z.number().int() }),
  /** missions alerted outside the main rule (the four event types) by an override, counted apart */
  mainRuleOverrides: z.object({ missions: z.number().int(), alerts: z.number().int() }),
});
