// Major incidents (masseskadehendelse, § 15 o): declared from a call by AMK, patients registered by
// their triage card, re-triaged, given a transport and a destination hospital within what the
// hospital declared (§ 16), with the times they left the scene and arrived. Every change is one
// transaction that writes the change, its line in the timeline and its event; the domain decides
// what is allowed (packages/domain major-incident.ts), and a refusal writes nothing.
import {
  categoryChangeVerdict,
  distributionCentreIds,
  proposeDistribution,
  TRIAGE_CATEGORY_NB,
  transportVerdict,
  type MajorIncidentLevel,
  type NotificationChannel,
  type TriageCategory,
} from '@amk/domain';
import {
  type AssignTransportRequest,
  type DeclareMajorIncidentRequest,
  type DistributionProposal,
  journalMessage,
  type MajorIncidentDetail,
  type RegisterPatientRequest,
  type UpdateSceneRequest,
} from '@amk/contracts';
import { rooms, type Actor, type UserActor } from '../../auth/actor.js';
import { type Db, type MajorIncident, type MajorIncidentPatient, Prisma, type Tx } from '@amk/db';
import { badRequest, conflict, forbidden, notFound } from '../../lib/http-error.js';
import { newId } from '../../lib/ids.js';
import type { Emit } from '../../realtime/event-log.js';
import type { Transact } from '../../realtime/transact.js';
import { callVisibleTo } from '../calls/call-access.js';
import { journalOnCall } from '../calls/call-journal.js';
import { alertOnDeclaration } from './declaration-alerts.js';
import { appendLog } from './major-incident-log.js';
import { declaredCapacity, hospitalSummaries, majorIncidentDetail, openMajorIncidents, usedCapacity } from './major-incident-view.js';
import { sceneChanges } from './scene.js';
import { unitsSentTo } from './unit-check-ins.js';

const LEVEL_NB: Record<MajorIncidentLevel, string> = { YELLOW: 'gul beredskap', RED: 'rød beredskap' };
const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
const clock = (d: Date) => d.toLocaleTimeString('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });

/** Rooms of every AMK: a hospital's capacity matters to whichever AMK sends it patients. */
export async function amkRooms(db: Db | Tx): Promise<string[]> {
  return (await db.centre.findMany({ where: { kind: 'AMK' }, select: { id: true } })).map((c) => rooms.centre(c.id));
}

/** The log's key for a transport: with or without the unit, with or without a capacity override. */
function transportMessage(
  values: { card: string; category: string; hospital: string },
  unit: string | null,
  override: string | null,
  outsideArea: boolean,
) {
  if (unit && override && outsideArea)
    return journalMessage('majorIncident.transportAssignedUnitOutsideArea', { ...values, unit, reason: override });
  if (override && outsideArea) return journalMessage('majorIncident.transportAssignedOutsideArea', { ...values, reason: override });
  if (unit && override) return journalMessage('majorIncident.transportAssignedUnitOverride', { ...values, unit, reason: override });
  if (unit) return journalMessage('majorIncident.transportAssignedUnit', { ...values, unit });
  if (override) return journalMessage('majorIncident.transportAssignedOverride', { ...values, reason: override });
  return journalMessage('majorIncident.transportAssigned', values);
}

export function createMajorIncidentsService({
  prisma,
  transact,
  channelName,
}: {
  prisma: Db;
  transact: Transact;
  /** how notifications leave the installation (police, fire) */
  channelName: NotificationChannel;
}) {
  /**
   * A centre sees its own major incidents, and reads those a neighbour shared with it on
   * declaration; any other is not found (it does not learn it exists). Only the owner changes one.
   */
  async function own(db: Db | Tx, actor: UserActor, id: string, mode: 'read' | 'write'): Promise<MajorIncident> {
    const m = await db.majorIncident.findUnique({ where: { id } });
    const mine = m?.centreId === actor.centre.id;
    const shared = !!m && mode === 'read' && m.sharedWithCentreIds.includes(actor.centre.id);
    if (!m || !(mine || shared)) throw notFound('majorIncident.notFound', { id, centre: actor.centre.code });
    if (mode === 'write' && m.closedAt) throw conflict('majorIncident.closed');
    return m;
  }

  async function patientOf(tx: Tx, m: MajorIncident, patientId: string): Promise<MajorIncidentPatient> {
    const p = await tx.majorIncidentPatient.findUnique({ where: { id: patientId } });
    if (!p || p.majorIncidentId !== m.id) throw notFound('majorIncident.patientNotFound', { id: patientId });
    return p;
  }

  /** The incident's new state to its centre; hospitals whose use changed to every AMK. */
  async function publish(tx: Tx, emit: Emit, id: string, at: Date, hospitalIds: (string | null)[] = []): Promise<MajorIncidentDetail> {
    await tx.majorIncident.update({ where: { id }, data: { updatedAt: at } });
    const detail = (await majorIncidentDetail(tx, id))!;
    const audience = [detail.centreId, ...detail.sharedWithCentreIds].map((c) => rooms.centre(c));
    emit({ type: 'major-incident.upserted', centreId: detail.centreId, audience, data: detail });
    const changed = [...new Set(hospitalIds.filter((h): h is string => !!h))];
    if (changed.length) {
      const amks = await amkRooms(tx);
      for (const h of await hospitalSummaries(tx, { ids: changed }))
        emit({ type: 'hospital.upserted', centreId: h.centreId, audience: amks, data: h });
    }
    return detail;
  }

  /** A time given by the client, or now; never before the patient was registered nor in the future. */
  function timeOf(at: string | undefined, notBefore: Date, what: `majorIncident.moment.${'leftScene' | 'arrival' | 'checkIn'}`): Date {
    const now = new Date();
    if (!at) return now;
    const t = new Date(at);
    if (t.getTime() < notBefore.getTime())
      throw badRequest('majorIncident.timeTooEarly', { what: { code: what }, notBefore: notBefore.toISOString() });
    if (t.getTime() > now.getTime() + 60_000) throw badRequest('majorIncident.timeInFuture', { what: { code: what } });
    return t;
  }

  return {
    async declare(actor: UserActor, req: DeclareMajorIncidentRequest): Promise<MajorIncidentDetail> {
      if (actor.centre.kind !== 'AMK') throw forbidden('majorIncident.amkDeclares');
      try {
        return await transact(async (tx, emit) => {
          const again = await tx.majorIncident.findUnique({ where: { id: req.id } });
          if (again) {
            if (again.centreId !== actor.centre.id || again.callId !== req.callId) throw conflict('majorIncident.idInUse', { id: req.id });
            return (await majorIncidentDetail(tx, again.id))!; // a retry of the same declaration
          }
          const call = await callVisibleTo(tx, actor, req.callId, 'write');
          if (call.closedAt) throw conflict('majorIncident.callClosed');
          let incidentId = call.incidentId;
          if (incidentId) {
            const already = await tx.majorIncident.findUnique({ where: { incidentId } });
            if (already) throw conflict('majorIncident.alreadyDeclared');
            await tx.incident.update({ where: { id: incidentId }, data: { major: true } });
          } else {
            incidentId = newId();
            await tx.incident.create({ data: { id: incidentId, centreId: actor.centre.id, title: req.description, major: true } });
            await tx.call.update({ where: { id: call.id }, data: { incidentId } });
          }
          // Units already sent to the call are part of the incident from now on.
          await tx.mission.updateMany({ where: { callId: call.id, incidentId: null }, data: { incidentId } });
          const now = new Date();
          await tx.majorIncident.create({
            data: {
              id: req.id,
              centreId: actor.centre.id,
              incidentId,
              callId: call.id,
              level: req.level,
              lat: req.lat,
              lon: req.lon,
              description: req.description,
              declaredAt: now,
              declaredById: actor.userId,
              updatedAt: now,
            },
          });
          const text = `Masseskadehendelse erklært, ${LEVEL_NB[req.level]}: ${req.description}`;
          const declared = journalMessage('majorIncident.declared', { level: req.level, description: req.description });
          await appendLog(tx, { majorIncidentId: req.id, actor, kind: 'DECLARED', text, message: declared, at: now });
          const alerted = await alertOnDeclaration(tx, emit, { actor, call, majorIncidentId: req.id, ...req, channelName, at: now });
          await appendLog(tx, {
            majorIncidentId: req.id,
            actor,
            kind: 'NOTIFIED',
            text: `Varslet: ${alerted.text}`,
            message: alerted.message,
            at: now,
          });
          // The neighbours alerted follow it live, read-only (they may be asked for units).
          await tx.majorIncident.update({ where: { id: req.id }, data: { sharedWithCentreIds: alerted.neighbourIds } });
          await journalOnCall(tx, emit, {
            callId: call.id,
            authorId: actor.userId,
            author: actor.displayName,
            kind: 'SYSTEM',
            text,
            message: declared,
            at: now,
          });
          return publish(tx, emit, req.id, now);
        });
      } catch (err) {
        // Two declarations of the same id or incident at once: the second finds the first's row.
        if (isUniqueViolation(err)) throw conflict('majorIncident.justDeclared');
        throw err;
      }
    },

    async get(actor: UserActor, id: string): Promise<MajorIncidentDetail> {
      await own(prisma, actor, id, 'read');
      return (await majorIncidentDetail(prisma, id))!;
    },

    /** Open major incidents of my centre, and those neighbours shared with it. */
    listOpen: (actor: UserActor) => openMajorIncidents(prisma, actor.centre.id, { withShared: true }),

    async registerPatient(
      actor: UserActor,
      majorIncidentId: string,
      req: RegisterPatientRequest,
    ): Promise<{ created: boolean; detail: MajorIncidentDetail }> {
      const duplicate = (card: string) => conflict('majorIncident.cardTaken', { card });
      try {
        return await transact(async (tx, emit) => {
          const m = await own(tx, actor, majorIncidentId, 'write');
          const again = await tx.majorIncidentPatient.findUnique({ where: { id: req.id } });
          if (again) {
            if (again.majorIncidentId !== m.id || again.cardNumber !== req.cardNumber)
              throw conflict('majorIncident.idInUse', { id: req.id });
            return { created: false, detail: (await majorIncidentDetail(tx, m.id))! }; // a retry
          }
          if (
            await tx.majorIncidentPatient.findUnique({
              where: { majorIncidentId_cardNumber: { majorIncidentId: m.id, cardNumber: req.cardNumber } },
            })
          )
            throw duplicate(req.cardNumber);
          const now = new Date();
          await tx.majorIncidentPatient.create({
            data: {
              id: req.id,
              majorIncidentId: m.id,
              cardNumber: req.cardNumber,
              category: req.category,
              categoryAt: now,
              registeredAt: now,
            },
          });
          await appendLog(tx, {
            majorIncidentId: m.id,
            actor,
            kind: 'PATIENT_REGISTERED',
            patientId: req.id,
            at: now,
            text: `Pasient med triagekort ${req.cardNumber} registrert som ${TRIAGE_CATEGORY_NB[req.category]}`,
            message: journalMessage('majorIncident.patientRegistered', { card: req.cardNumber, category: req.category }),
          });
          return { created: true, detail: await publish(tx, emit, m.id, now) };
        });
      } catch (err) {
        // The same card registered from two consoles at once: the unique index decides.
        if (isUniqueViolation(err)) throw duplicate(req.cardNumber);
        throw err;
      }
    },

    async changeCategory(
      actor: UserActor,
      majorIncidentId: string,
      patientId: string,
      category: TriageCategory,
      reason?: string,
    ): Promise<MajorIncidentDetail> {
      return transact(async (tx, emit) => {
        const m = await own(tx, actor, majorIncidentId, 'write');
        const p = await patientOf(tx, m, patientId);
        const verdict = categoryChangeVerdict({ from: p.category, to: category, arrived: p.arrivedAt !== null, reason: reason ?? null });
        if (!verdict.ok) throw conflict('majorIncident.categoryRefused', { reason: verdict.reason });
        const now = new Date();
        await tx.majorIncidentPatient.update({ where: { id: p.id }, data: { category, categoryAt: now } });
        const why = reason ? ` (${reason})` : '';
        await appendLog(tx, {
          majorIncidentId: m.id,
          actor,
          kind: 'CATEGORY_CHANGED',
          patientId: p.id,
          at: now,
          text: `Triagekort ${p.cardNumber}: ${TRIAGE_CATEGORY_NB[p.category]} → ${TRIAGE_CATEGORY_NB[category]}${why}`,
          message: reason
            ? journalMessage('majorIncident.categoryChangedReason', {
                card: p.cardNumber,
                fromCategory: p.category,
                toCategory: category,
                reason,
              })
            : journalMessage('majorIncident.categoryChanged', { card: p.cardNumber, fromCategory: p.category, toCategory: category }),
        });
        return publish(tx, emit, m.id, now, [p.hospitalId]);
      });
    },

    async assignTransport(
      actor: UserActor,
      majorIncidentId: string,
      patientId: string,
      req: AssignTransportRequest,
    ): Promise<MajorIncidentDetail> {
      return transact(async (tx, emit) => {
        const m = await own(tx, actor, majorIncidentId, 'write');
        const p = await patientOf(tx, m, patientId);
        if (p.leftSceneAt) throw conflict('majorIncident.alreadyLeftScene', { card: p.cardNumber });
        // One transport decision per hospital at a time, so two consoles cannot both take its last place.
        await tx.$queryRaw`SELECT id FROM "Hospital" WHERE id = ${req.hospitalId}::uuid FOR UPDATE`;
        const hospital = await tx.hospital.findUnique({ where: { id: req.hospitalId } });
        if (!hospital) throw badRequest('majorIncident.unknownHospitalId', { id: req.hospitalId });
        // Another area's hospital is the operator's call (a national burn or trauma centre, say),
        // never the proposal's: it takes a reason, kept and logged as an override.
        const outsideArea = !distributionCentreIds(m).includes(hospital.centreId);
        let callSign: string | null = null;
        if (req.unitId) {
          const unit = await tx.unit.findUnique({ where: { id: req.unitId }, select: { callSign: true, centreId: true } });
          const centre = await tx.centre.findUniqueOrThrow({ where: { id: actor.centre.id }, select: { neighbourCentreIds: true } });
          // Own units, and neighbouring centres' (mutual aid, § 10 d): the ones this centre sees.
          if (!unit || (unit.centreId !== actor.centre.id && !centre.neighbourCentreIds.includes(unit.centreId)))
            throw badRequest('majorIncident.unknownUnitId', { id: req.unitId });
          callSign = unit.callSign;
        }
        const used = (await usedCapacity(tx, [hospital.id])).get(hospital.id) ?? { RED: 0, YELLOW: 0, GREEN: 0 };
        // The patient's own place at this hospital (a changed unit, say) does not count against it.
        if (p.hospitalId === hospital.id && p.category !== 'DEAD') used[p.category] = Math.max(0, used[p.category] - 1);
        const verdict = transportVerdict(p.category, hospital.name, declaredCapacity(hospital), used);
        if (!verdict.ok && !verdict.overridable) throw conflict('majorIncident.transportRefused', { reason: verdict.reason });
        const overrideReason = verdict.ok && !outsideArea ? null : (req.override?.reason ?? null);
        if (!overrideReason && outsideArea) throw conflict('majorIncident.hospitalOutsideArea', { hospital: hospital.name });
        if (!overrideReason && !verdict.ok) throw conflict('majorIncident.transportRefusedOverridable', { reason: verdict.reason });
        const now = new Date();
        await tx.majorIncidentPatient.update({
          where: { id: p.id },
          data: { hospitalId: hospital.id, unitId: req.unitId ?? null, transportAssignedAt: now, capacityOverrideReason: overrideReason },
        });
        const by = callSign ? ` med ${callSign}` : '';
        const overridden = !overrideReason
          ? ''
          : outsideArea
            ? ` — utenfor hendelsens sykehus, overstyrt: ${overrideReason}`
            : ` — over meldt kapasitet, overstyrt: ${overrideReason}`;
        await appendLog(tx, {
          majorIncidentId: m.id,
          actor,
          kind: 'TRANSPORT_ASSIGNED',
          patientId: p.id,
          at: now,
          text: `Triagekort ${p.cardNumber} (${TRIAGE_CATEGORY_NB[p.category]}) til ${hospital.name}${by}${overridden}`,
          message: transportMessage(
            { card: p.cardNumber, category: p.category, hospital: hospital.name },
            callSign,
            overrideReason,
            outsideArea,
          ),
        });
        return publish(tx, emit, m.id, now, [p.hospitalId, hospital.id]);
      });
    },

    async recordTime(
      actor: UserActor,
      majorIncidentId: string,
      patientId: string,
      which: 'LEFT_SCENE' | 'ARRIVED',
      at?: string,
    ): Promise<MajorIncidentDetail> {
      return transact(async (tx, emit) => {
        const m = await own(tx, actor, majorIncidentId, 'write');
        const p = await patientOf(tx, m, patientId);
        if (!p.hospitalId) throw conflict('majorIncident.noTransportYet', { card: p.cardNumber });
        const now = new Date();
        if (which === 'LEFT_SCENE') {
          if (p.leftSceneAt) throw conflict('majorIncident.leftSceneAt', { time: clock(p.leftSceneAt) });
          const t = timeOf(at, p.registeredAt, 'majorIncident.moment.leftScene');
          await tx.majorIncidentPatient.update({ where: { id: p.id }, data: { leftSceneAt: t } });
          await appendLog(tx, {
            majorIncidentId: m.id,
            actor,
            kind: 'LEFT_SCENE',
            patientId: p.id,
            at: now,
            text: `Triagekort ${p.cardNumber} forlot skadestedet kl. ${clock(t)}`,
            message: journalMessage('majorIncident.leftScene', { card: p.cardNumber, time: t.toISOString() }),
          });
        } else {
          if (!p.leftSceneAt) throw conflict('majorIncident.notLeftSceneYet', { card: p.cardNumber });
          if (p.arrivedAt) throw conflict('majorIncident.arrivedAt', { time: clock(p.arrivedAt) });
          const t = timeOf(at, p.leftSceneAt, 'majorIncident.moment.arrival');
          await tx.majorIncidentPatient.update({ where: { id: p.id }, data: { arrivedAt: t } });
          await appendLog(tx, {
            majorIncidentId: m.id,
            actor,
            kind: 'ARRIVED',
            patientId: p.id,
            at: now,
            text: `Triagekort ${p.cardNumber} kom til sykehuset kl. ${clock(t)}`,
            message: journalMessage('majorIncident.arrivedHospital', { card: p.cardNumber, time: t.toISOString() }),
          });
        }
        return publish(tx, emit, m.id, now);
      });
    },

    async updateScene(actor: UserActor, majorIncidentId: string, req: UpdateSceneRequest): Promise<MajorIncidentDetail> {
      return transact(async (tx, emit) => {
        const m = await own(tx, actor, majorIncidentId, 'write');
        const { data, lines } = sceneChanges(m, req);
        if (!lines.length) return (await majorIncidentDetail(tx, m.id))!; // nothing new: no log line, no event
        const now = new Date();
        await tx.majorIncident.update({ where: { id: m.id }, data: { ...data, sceneUpdatedAt: now } });
        for (const { text, message } of lines)
          await appendLog(tx, { majorIncidentId: m.id, actor, kind: 'SCENE_UPDATED', at: now, text, message });
        return publish(tx, emit, m.id, now);
      });
    },

    async close(actor: UserActor, majorIncidentId: string): Promise<MajorIncidentDetail> {
      return transact(async (tx, emit) => {
        const m = await own(tx, actor, majorIncidentId, 'write');
        const now = new Date();
        await tx.majorIncident.update({ where: { id: m.id }, data: { closedAt: now } });
        await tx.incident.update({ where: { id: m.incidentId }, data: { closedAt: now } });
        await appendLog(tx, {
          majorIncidentId: m.id,
          actor,
          kind: 'CLOSED',
          at: now,
          text: 'Masseskadehendelsen avsluttet',
          message: journalMessage('majorIncident.closed', {}),
        });
        const destined = await tx.majorIncidentPatient.findMany({
          where: { majorIncidentId: m.id, hospitalId: { not: null } },
          select: { hospitalId: true },
        });
        // Its patients no longer count against the hospitals' capacity.
        return publish(
          tx,
          emit,
          m.id,
          now,
          destined.map((d) => d.hospitalId),
        );
      });
    },

    /**
     * A unit reports at the holding area: by an operator for one incident, or by its terminal (its
     * centre's key) for the open incident it was sent to. The first report counts; again is a no-op.
     */
    async checkIn(
      actor: Actor,
      unit: { id: string } | { callSign: string },
      majorIncidentId?: string,
      at?: string,
    ): Promise<MajorIncidentDetail> {
      return transact(async (tx, emit) => {
        const row = await tx.unit.findUnique({ where: 'id' in unit ? { id: unit.id } : { callSign: unit.callSign } });
        if (!row || (actor.kind === 'integration' && row.centreId !== actor.centre.id))
          throw notFound('majorIncident.unknownUnit', { unit: 'id' in unit ? unit.id : unit.callSign });
        let m: MajorIncident;
        if (actor.kind === 'user') {
          if (!majorIncidentId) throw badRequest('majorIncident.nameIt');
          m = await own(tx, actor, majorIncidentId, 'write');
        } else {
          const open = await tx.majorIncident.findMany({ where: { closedAt: null } });
          const sentTo = [];
          for (const candidate of open)
            if ((await unitsSentTo(tx, candidate)).some((u) => u.unitId === row.id && u.assignedAt)) sentTo.push(candidate);
          if (!sentTo[0]) throw conflict('majorIncident.unitNotSentToAny', { callSign: row.callSign });
          m = sentTo[0];
        }
        const sent = (await unitsSentTo(tx, m)).find((u) => u.unitId === row.id);
        if (!sent) throw conflict('majorIncident.unitNotSentToThis', { callSign: row.callSign });
        if (sent.checkedInAt) return (await majorIncidentDetail(tx, m.id))!; // reported already: the first counts
        const when = timeOf(at, new Date(sent.assignedAt!), 'majorIncident.moment.checkIn');
        const by = actor.kind === 'user' ? actor.displayName : actor.name;
        await tx.majorIncidentCheckIn.create({ data: { majorIncidentId: m.id, unitId: row.id, at: when, by } });
        await appendLog(tx, {
          majorIncidentId: m.id,
          actor,
          kind: 'UNIT_CHECKED_IN',
          at: when,
          text: `${row.callSign} meldt inn på venteplassen kl. ${clock(when)}`,
          message: journalMessage('majorIncident.checkedIn', { unit: row.callSign, time: when.toISOString() }),
        });
        return publish(tx, emit, m.id, new Date());
      });
    },

    /**
     * A hospital's answer to the alert: the preparedness level it raised. From its HF's integration
     * key it answers every open major incident that alerted it; an operator enters what the hospital
     * said on the phone for one incident. A later answer replaces the earlier; each is a log line.
     */
    async answerPreparedness(
      actor: Actor,
      code: string,
      level: MajorIncidentLevel,
      majorIncidentId?: string,
    ): Promise<MajorIncidentDetail[]> {
      return transact(async (tx, emit) => {
        if (actor.kind === 'user') {
          if (!majorIncidentId) throw badRequest('majorIncident.nameIt');
          await own(tx, actor, majorIncidentId, 'write');
        }
        const hospital = await tx.hospital.findUnique({ where: { code } });
        // An integration key speaks for the hospitals of its own centre's HF only.
        if (!hospital || (actor.kind === 'integration' && hospital.centreId !== actor.centre.id))
          throw notFound('hospital.unknown', { code });
        const alerts = await tx.majorIncidentHospitalAlert.findMany({
          where: {
            hospitalId: hospital.id,
            majorIncident: { closedAt: null, ...(majorIncidentId ? { id: majorIncidentId } : {}) },
          },
        });
        if (!alerts.length)
          throw majorIncidentId
            ? notFound('majorIncident.hospitalNotAlertedThis', { hospital: hospital.name })
            : conflict('majorIncident.hospitalNotAlertedAny', { hospital: hospital.name });
        const now = new Date();
        const by = actor.kind === 'user' ? actor.displayName : actor.name;
        const details: MajorIncidentDetail[] = [];
        for (const a of alerts) {
          await tx.majorIncidentHospitalAlert.update({
            where: { majorIncidentId_hospitalId: { majorIncidentId: a.majorIncidentId, hospitalId: a.hospitalId } },
            data: { level, answeredAt: now, answeredBy: by },
          });
          const via = actor.kind === 'user' ? `meldt på telefon, registrert av ${by}` : `svar fra ${by}`;
          await appendLog(tx, {
            majorIncidentId: a.majorIncidentId,
            actor,
            kind: 'HOSPITAL_ANSWERED',
            at: now,
            text: `${hospital.name}: ${LEVEL_NB[level]} (${via})`,
            message: journalMessage(actor.kind === 'user' ? 'majorIncident.hospitalAnsweredByPhone' : 'majorIncident.hospitalAnswered', {
              hospital: hospital.name,
              level,
              by,
            }),
          });
          details.push(await publish(tx, emit, a.majorIncidentId, now));
        }
        return details;
      });
    },

    /**
     * A destination per patient not yet given one, among the hospitals of the incident's area, within
     * what each has left; the operator decides.
     */
    async propose(actor: UserActor, majorIncidentId: string): Promise<DistributionProposal> {
      const m = await own(prisma, actor, majorIncidentId, 'read');
      const waiting = await prisma.majorIncidentPatient.findMany({ where: { majorIncidentId: m.id, hospitalId: null } });
      const hospitals = await hospitalSummaries(prisma, { centreIds: distributionCentreIds(m) });
      const result = proposeDistribution(
        { lat: m.lat, lon: m.lon },
        waiting.map((p) => ({ id: p.id, category: p.category })),
        hospitals.map((h) => ({
          id: h.id,
          lat: h.lat,
          lon: h.lon,
          remaining: {
            RED: h.capacity.RED - h.used.RED,
            YELLOW: h.capacity.YELLOW - h.used.YELLOW,
            GREEN: h.capacity.GREEN - h.used.GREEN,
          },
        })),
      );
      const patient = new Map(waiting.map((p) => [p.id, p]));
      const hospital = new Map(hospitals.map((h) => [h.id, h]));
      return {
        destinations: result.destinations.map((d) => {
          const p = patient.get(d.patientId)!;
          const h = hospital.get(d.hospitalId)!;
          return {
            patientId: p.id,
            cardNumber: p.cardNumber,
            category: p.category,
            hospitalId: h.id,
            hospitalCode: h.code,
            hospitalName: h.name,
            distanceKm: d.distanceKm,
            etaMinutes: d.etaMinutes,
          };
        }),
        notPlaced: result.notPlaced.map((n) => {
          const p = patient.get(n.patientId)!;
          return { patientId: p.id, cardNumber: p.cardNumber, category: p.category, reason: n.reason };
        }),
      };
    },

    /** The incident (checked to be the actor's centre's) and its patients' card numbers, for the log. */
    async forLog(actor: UserActor, majorIncidentId: string): Promise<Map<string, string>> {
      const m = await own(prisma, actor, majorIncidentId, 'read');
      const patients = await prisma.majorIncidentPatient.findMany({
        where: { majorIncidentId: m.id },
        select: { id: true, cardNumber: true },
      });
      return new Map(patients.map((p) => [p.id, p.cardNumber]));
    },
  };
}

export type MajorIncidentsService = ReturnType<typeof createMajorIncidentsService>;
