// The shared words of the dispatch domain: each vocabulary is written once, here, as a list of
// its values. The contracts build their zod enums from these lists, and the schema test checks
// that prisma/schema.prisma's enums hold the same values, so the three cannot drift apart.

/** The number the caller rang: 113 (AMK, § 15), 116117 or the local legevakt number (LVS, § 13). */
export const LINES = ['113', '116117', 'LEGEVAKT'] as const;
export type Line = (typeof LINES)[number];

/** Hastegrad: A = akutt (red), H = haster (yellow), V = vanlig (green). */
export const URGENCIES = ['A', 'H', 'V'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const ROLES = ['amk_operator', 'amk_doctor', 'lv_operator', 'supervisor', 'admin', 'responder', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const CENTRE_KINDS = ['AMK', 'LVS'] as const;
export type CentreKind = (typeof CENTRE_KINDS)[number];

/** The lines each kind of centre answers: AMK the 113 line (§ 15), a legevaktsentral 116117 and its own number (§ 13). */
export const LINES_BY_CENTRE_KIND: Readonly<Record<CentreKind, readonly [Line, ...Line[]]>> = { AMK: ['113'], LVS: ['116117', 'LEGEVAKT'] };

export const CALL_STATES = ['RINGING', 'ANSWERED', 'ENDED', 'ABANDONED'] as const;
export type CallState = (typeof CALL_STATES)[number];

export const CALL_SOURCES = ['CTI', 'MANUAL', 'EXERCISE'] as const;
export type CallSource = (typeof CALL_SOURCES)[number];

export const UNIT_KINDS = ['AMBULANCE_CAR', 'AMBULANCE_BOAT', 'HELICOPTER', 'PLANE', 'LEGEVAKT_CAR'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_STATUSES = [
  'AVAILABLE_AT_STATION',
  'AVAILABLE_ON_THE_MOVE',
  'ALERTED',
  'EN_ROUTE',
  'ON_SCENE',
  'TRANSPORTING',
  'AT_HOSPITAL',
  'UNAVAILABLE',
  'OUT_OF_SERVICE',
] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

/** Triagekategori in a major incident (§ 15 o): rød (immediate), gul (urgent), grønn (can wait), død (dead). */
export const TRIAGE_CATEGORIES = ['RED', 'YELLOW', 'GREEN', 'DEAD'] as const;
export type TriageCategory = (typeof TRIAGE_CATEGORIES)[number];

/** The level a major incident is declared with: gul (raised) or rød (full) beredskap. */
export const MAJOR_INCIDENT_LEVELS = ['YELLOW', 'RED'] as const;
export type MajorIncidentLevel = (typeof MAJOR_INCIDENT_LEVELS)[number];

/** Tettsted or spredtbygd: which response-time target applies (the national quality indicators). */
export const SETTLEMENT_CLASSES = ['TOWN', 'RURAL'] as const;
export type SettlementClass = (typeof SETTLEMENT_CLASSES)[number];

export const SEXES = ['FEMALE', 'MALE', 'UNKNOWN'] as const;
export type Sex = (typeof SEXES)[number];

/** A hand-over of a call between centres. */
export const TRANSFER_STATES = ['REQUESTED', 'ACCEPTED', 'DECLINED'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

/** Mutual aid (§ 10 d): a unit asked for, lent, declined, withdrawn by the asker, or home again. */
export const UNIT_LOAN_STATES = ['REQUESTED', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'RETURNED'] as const;
export type UnitLoanState = (typeof UNIT_LOAN_STATES)[number];

/** Who a notification goes to: the other emergency services (§ 15 e) or another centre. */
export const NOTIFICATION_RECIPIENTS = ['POLICE', 'FIRE', 'HRS', 'AMK', 'LVS'] as const;
export type NotificationRecipient = (typeof NOTIFICATION_RECIPIENTS)[number];

/** MANUAL: there is no gateway, nothing was sent; the operator must phone it in and record who confirmed, and when. */
export const DELIVERY_STATES = ['PENDING', 'MANUAL', 'SENT', 'DELIVERED', 'FAILED', 'ACKNOWLEDGED'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** How a notification leaves: a gateway webhook, the operator phones and records it, or (to another centre of this installation) the centre's own inbox. */
export const NOTIFICATION_CHANNELS = ['webhook', 'manual', 'internal'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** A crew member's authorisation, as § 11 reads it. */
export const AUTHORISATIONS = [
  'AMBULANCE_WORKER', // autorisert ambulansearbeider
  'PARAMEDIC', // paramedic: an ambulance worker with further education
  'HEALTH_PERSONNEL', // other health personnel with authorisation or licence
  'NURSE',
  'DOCTOR',
  'RESCUE_CREW', // redningsmann
  'BOAT_DRIVER', // båtfører
  'PILOT',
  'OTHER',
] as const;
export type Authorisation = (typeof AUTHORISATIONS)[number];

/** An ambulance mission, or a doctor's home visit (legevakt, § 7). */
export const MISSION_KINDS = ['AMBULANCE', 'HOME_VISIT'] as const;
export type MissionKind = (typeof MISSION_KINDS)[number];

/** Who reported a unit's status: its terminal, an operator, or the system (e.g. a closed mission). */
export const STATUS_CHANGE_SOURCES = ['TERMINAL', 'OPERATOR', 'SYSTEM'] as const;
export type StatusChangeSource = (typeof STATUS_CHANGE_SOURCES)[number];

/** The organisation behind an akutthjelper unit: fire service or a voluntary organisation. */
export const AKUTTHJELPER_KINDS = ['BRANN', 'FORF'] as const;
export type AkutthjelperKind = (typeof AKUTTHJELPER_KINDS)[number];

export const ALERT_STATES = ['PENDING', 'DELIVERED', 'SEEN', 'ACCEPTED', 'DECLINED', 'ARRIVED', 'FAILED', 'CANCELLED'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** How an akutthjelper is alerted: the responder page (push) or SMS. */
export const ALERT_CHANNELS = ['PAGE', 'SMS'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

/** How an akutthjelper unit is alerted under its agreement: member by member, or (BRANN) as a unit through 110. */
export const AKUTTHJELPER_ALERT_VIA = ['MEMBERS', 'FIRE_CENTRE'] as const;
export type AkutthjelperAlertVia = (typeof AKUTTHJELPER_ALERT_VIA)[number];

/** Whose help is asked for alongside akutthjelpere: the health service's or the kommune's. */
export const BISTAND_KINDS = ['HELSE', 'KOMMUNE'] as const;
export type BistandKind = (typeof BISTAND_KINDS)[number];

/** How a bistand request was confirmed: a member's SMS reply, or the operator who phoned the organisation. */
export const BISTAND_ACK_VIA = ['SMS', 'PHONE'] as const;
export type BistandAckVia = (typeof BISTAND_ACK_VIA)[number];

/** § 20: the reasons that stop a recording's deletion. */
export const HOLD_REASONS = ['tilsyn', 'klage', 'erstatning', 'annen_saksbehandling', 'dokumentasjonsverdi'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** What a line in a call's journal records. */
export const JOURNAL_KINDS = ['NOTE', 'TRIAGE', 'URGENCY_CHANGE', 'TRANSFER', 'NOTIFICATION', 'SYSTEM'] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

/** Who did what the audit log records. */
export const AUDIT_ACTOR_KINDS = ['USER', 'INTEGRATION', 'SYSTEM'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/** What a line in a major incident's log records. */
export const MAJOR_INCIDENT_LOG_KINDS = [
  'DECLARED',
  'PATIENT_REGISTERED',
  'CATEGORY_CHANGED',
  'TRANSPORT_ASSIGNED',
  'LEFT_SCENE',
  'ARRIVED',
  'SCENE_UPDATED',
  'NOTIFIED',
  'HOSPITAL_ANSWERED',
  'UNIT_CHECKED_IN',
  'CLOSED',
] as const;
export type MajorIncidentLogKind = (typeof MAJOR_INCIDENT_LOG_KINDS)[number];

/** A calendar date without time or zone, 'YYYY-MM-DD'. Compares correctly as a string. */
export type IsoDate = string;

/** A WGS84 position in decimal degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** § 11 second paragraph: how an ambulance car's crew is on duty — on site (tilstedevakt, the rule) or on call from home. */
export const CREW_MANNINGS = ['ON_SITE', 'ON_CALL'] as const;
export type CrewManning = (typeof CREW_MANNINGS)[number];

/** An operator's highest relevant health education (§ 15 l, § 13 f). */
export const EDUCATIONS = ['NURSE', 'AMBULANCE_WORKER', 'OTHER_HEALTH_BACHELOR', 'NONE'] as const;
export type Education = (typeof EDUCATIONS)[number];
