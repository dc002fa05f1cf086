// Major incidents (masseskadehendelse, § 15 o): declared from a call, many patients under one
// incident by triage card, each with its category, transport and times; hospitals with acute
// functions (§ 16) and what they can take per category; the timeline kept for the evaluation.
import { MAJOR_INCIDENT_LEVELS, TRANSPORT_CATEGORIES, TRIAGE_CATEGORIES } from '@amk/domain';
import { z } from 'zod';
import { IsoTime, Latitude, Longitude, UnitKind, UnitStatus, Uuid } from './common.js';
import { JournalMessage } from './journal-messages.js';

export const TriageCategory = z.enum(TRIAGE_CATEGORIES).describe('Triagekategori: RED = rød, YELLOW = gul, GREEN = grønn, DEAD = død');
export type TriageCategory = z.infer<typeof TriageCategory>;

export const MajorIncidentLevel = z.enum(MAJOR_INCIDENT_LEVELS).describe('YELLOW = gul beredskap, RED = rød beredskap');
export type MajorIncidentLevel = z.infer<typeof MajorIncidentLevel>;

const Count = z.number().int().nonnegative();
export const CategoryCounts = z.object(
  Object.fromEntries(TRIAGE_CATEGORIES.map((c) => [c, Count])) as Record<(typeof TRIAGE_CATEGORIES)[number], typeof Count>,
);
export type CategoryCounts = z.infer<typeof CategoryCounts>;

/** Patients of each category a hospital can take (the dead are not taken to a hospital). */
export const HospitalCapacity = z.object(
  Object.fromEntries(TRANSPORT_CATEGORIES.map((c) => [c, z.number().int().min(0).max(1000)])) as Record<
    (typeof TRANSPORT_CATEGORIES)[number],
    z.ZodNumber
  >,
);
export type HospitalCapacity = z.infer<typeof HospitalCapacity>;

export const HospitalSummary = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  centreId: Uuid,
  lat: z.number(),
  lon: z.number(),
  /** what the hospital declared */
  capacity: HospitalCapacity,
  /** patients of open major incidents destined there, per category */
  used: HospitalCapacity,
  capacityUpdatedAt: IsoTime.nullable(),
  capacityUpdatedBy: z.string().nullable(),
});
export type HospitalSummary = z.infer<typeof HospitalSummary>;
export const HospitalList = z.object({ hospitals: z.array(HospitalSummary) });
export const HospitalCodeParams = z.object({ code: z.string().regex(/^[A-Z0-9-]{2,40}$/, 'a hospital code such as HAUKELAND') });

export const MajorIncidentPatient = z.object({
  id: Uuid,
  cardNumber: z.string(),
  category: TriageCategory,
  /** when the category was last set */
  categoryAt: IsoTime,
  registeredAt: IsoTime,
  hospitalId: Uuid.nullable(),
  hospitalName: z.string().nullable(),
  unitId: Uuid.nullable(),
  callSign: z.string().nullable(),
  transportAssignedAt: IsoTime.nullable(),
  /** sent beyond the hospital's declared capacity: the operator's reason */
  capacityOverrideReason: z.string().nullable(),
  leftSceneAt: IsoTime.nullable(),
  arrivedAt: IsoTime.nullable(),
});
export type MajorIncidentPatient = z.infer<typeof MajorIncidentPatient>;

export const ScenePoint = z.object({ lat: Latitude, lon: Longitude });
export type ScenePoint = z.infer<typeof ScenePoint>;

/** Scene organisation: the places on the map and who leads on scene (call sign or phone with the name). */
export const MajorIncidentScene = z.object({
  /** oppmøteplass */
  rendezvous: ScenePoint.nullable(),
  /** venteplass / holdeplass for ambulanser */
  holdingArea: ScenePoint.nullable(),
  /** samleplass for skadde */
  casualtyClearing: ScenePoint.nullable(),
  operativLederHelse: z.string().nullable(),
  fagLederHelse: z.string().nullable(),
  /** the police's incident commander, who leads the whole scene */
  innsatsleder: z.string().nullable(),
  updatedAt: IsoTime.nullable(),
});
export type MajorIncidentScene = z.infer<typeof MajorIncidentScene>;

const SceneRole = z.string().trim().min(1, 'skriv navn og kallenavn eller telefon').max(200);
/** What changes: a field left out stays as it is; null clears it. */
export const UpdateSceneRequest = z.object({
  rendezvous: ScenePoint.nullable().optional(),
  holdingArea: ScenePoint.nullable().optional(),
  casualtyClearing: ScenePoint.nullable().optional(),
  operativLederHelse: SceneRole.nullable().optional(),
  fagLederHelse: SceneRole.nullable().optional(),
  innsatsleder: SceneRole.nullable().optional(),
});
export type UpdateSceneRequest = z.infer<typeof UpdateSceneRequest>;

export const MajorIncidentSummary = z.object({
  id: Uuid,
  centreId: Uuid,
  /** the neighbouring AMKs that follow it, read-only (alerted on declaration) */
  sharedWithCentreIds: z.array(Uuid),
  incidentId: Uuid,
  callId: Uuid.nullable(),
  level: MajorIncidentLevel,
  lat: z.number(),
  lon: z.number(),
  description: z.string(),
  declaredAt: IsoTime,
  declaredBy: z.string(),
  closedAt: IsoTime.nullable(),
  /** the latest change; never goes backwards, so a console keeps the newer of two copies */
  updatedAt: IsoTime,
  byCategory: CategoryCounts,
  byHospital: z.array(z.object({ hospitalId: Uuid, code: z.string(), name: z.string(), byCategory: CategoryCounts })),
  scene: MajorIncidentScene,
});
export type MajorIncidentSummary = z.infer<typeof MajorIncidentSummary>;
/** A hospital of the declaring AMK's HF alerted of the incident (§ 16), and the preparedness level it answered with. */
export const HospitalAlert = z.object({
  hospitalId: Uuid,
  code: z.string(),
  name: z.string(),
  notifiedAt: IsoTime,
  /** null until the hospital answers */
  level: MajorIncidentLevel.nullable(),
  answeredAt: IsoTime.nullable(),
  answeredBy: z.string().nullable(),
});
export type HospitalAlert = z.infer<typeof HospitalAlert>;

/** A unit sent to the incident, and whether it checked in at the holding area (venteplass). */
export const MajorIncidentUnit = z.object({
  unitId: Uuid,
  callSign: z.string(),
  kind: UnitKind,
  centreId: Uuid,
  status: UnitStatus,
  /** when it was put on a mission for the incident; null for one that checked in and has since left it */
  assignedAt: IsoTime.nullable(),
  /** when it should have checked in by (estimated travel + a margin); flagged after */
  dueAt: IsoTime.nullable(),
  checkedInAt: IsoTime.nullable(),
  checkedInBy: z.string().nullable(),
});
export type MajorIncidentUnit = z.infer<typeof MajorIncidentUnit>;
/** A unit reports at the holding area; now when `at` is left out. */
export const CheckInRequest = z.object({ at: IsoTime.optional() });
export const IncidentUnitParams = z.object({ majorIncidentId: Uuid, unitId: Uuid });
export const MajorIncidentDetail = MajorIncidentSummary.extend({
  patients: z.array(MajorIncidentPatient),
  hospitalAlerts: z.array(HospitalAlert),
  units: z.array(MajorIncidentUnit),
});
export type MajorIncidentDetail = z.infer<typeof MajorIncidentDetail>;
export const MajorIncidentList = z.object({ majorIncidents: z.array(MajorIncidentSummary) });

export const DeclareMajorIncidentRequest = z.object({
  id: Uuid.describe('chosen by the client; the same id again returns the same major incident'),
  callId: Uuid,
  level: MajorIncidentLevel,
  lat: Latitude,
  lon: Longitude,
  description: z.string().trim().min(1, 'beskriv hendelsen kort').max(500),
});
export type DeclareMajorIncidentRequest = z.infer<typeof DeclareMajorIncidentRequest>;

export const RegisterPatientRequest = z.object({
  id: Uuid.describe('chosen by the client; the same id again returns the same patient'),
  cardNumber: z.string().trim().min(1, 'skriv triagekortets nummer').max(40),
  category: TriageCategory,
});
export type RegisterPatientRequest = z.infer<typeof RegisterPatientRequest>;

export const ChangeCategoryRequest = z.object({
  category: TriageCategory,
  /** needed to take a patient out of DEAD */
  reason: z.string().trim().max(500).optional(),
});

export const CapacityOverride = z.object({ reason: z.string().trim().min(3, 'skriv en begrunnelse for overstyringen').max(500) });
export const AssignTransportRequest = z.object({
  hospitalId: Uuid,
  unitId: Uuid.nullable().optional(),
  /** sends the patient although the hospital declared no (more) capacity for the category, with the reason */
  override: CapacityOverride.optional(),
});
export type AssignTransportRequest = z.infer<typeof AssignTransportRequest>;

/** When it happened; now when left out. */
export const PatientTimeRequest = z.object({ at: IsoTime.optional() });

export const MajorIncidentIdParams = z.object({ majorIncidentId: Uuid });
/** A hospital's answer to the alert: the preparedness level it raised (gul / rød beredskap). */
export const HospitalPreparednessRequest = z.object({ level: MajorIncidentLevel });
export const HospitalAlertParams = z.object({
  majorIncidentId: Uuid,
  code: z.string().regex(/^[A-Z0-9-]{2,40}$/, 'a hospital code such as HAUKELAND'),
});
export const PatientParams = z.object({ majorIncidentId: Uuid, patientId: Uuid });

export const DistributionProposal = z.object({
  destinations: z.array(
    z.object({
      patientId: Uuid,
      cardNumber: z.string(),
      category: TriageCategory,
      hospitalId: Uuid,
      hospitalCode: z.string(),
      hospitalName: z.string(),
      distanceKm: z.number(),
      etaMinutes: z.number(),
    }),
  ),
  notPlaced: z.array(
    z.object({ patientId: Uuid, cardNumber: z.string(), category: TriageCategory, reason: z.enum(['DEAD', 'NO_CAPACITY']) }),
  ),
});
export type DistributionProposal = z.infer<typeof DistributionProposal>;

export const MajorIncidentLogEntry = z.object({
  id: z.string(),
  at: IsoTime,
  author: z.string(),
  kind: z.string(),
  patientId: Uuid.nullable(),
  /** As written, in Norwegian. */
  text: z.string(),
  /** The line as a key and values, to be worded in the reader's language. */
  message: JournalMessage.nullable(),
});
export type MajorIncidentLogEntry = z.infer<typeof MajorIncidentLogEntry>;
export const MajorIncidentLog = z.object({ entries: z.array(MajorIncidentLogEntry) });
