// The call record: patient, place, language, the append-only journal, links between calls of one
// incident, triage with the index. Every read is audited; every change is journalled and
// published to the centre's consoles in the same transaction.
import { type JournalKind, urgencyChange, urgencyFromCriterion, validateNationalId } from '@amk/domain';
import {
  type CallRecord,
  type CallSummary,
  type JournalMessage,
  journalMessage,
  parseJournalMessage,
  type TriageRequest,
  type UpdateCallRequest,
} from '@amk/contracts';
import { rooms, type UserActor } from '../../auth/actor.js';
import type { Call, Db, Tx } from '@amk/db';
import { badRequest, conflict } from '../../lib/http-error.js';
import { newId } from '../../lib/ids.js';
import type { Transact } from '../../realtime/transact.js';
import { writeAudit } from '../audit/audit.service.js';
import { toCallSummary } from './call-summary.js';
import { callVisibleTo } from './call-access.js';
import { nationalIdRefusal } from './national-id-refusal.js';
import type { Emit } from '../../realtime/event-log.js';

const FIELD_LABELS: Record<string, string> = {
  callerName: 'innringers navn',
  patientName: 'pasientens navn',
  nationalId: 'fødselsnummer',
  birthDate: 'fødselsdato',
  ageYears: 'alder',
  sex: 'kjønn',
  addressText: 'adresse',
  lat: 'posisjon',
  lon: 'posisjon',
  language: 'språk',
  interpreterUsed: 'tolk',
  summary: 'sammendrag',
};

export function createCallRecordService({
  prisma,
  transact,
  resolveKommune,
}: {
  prisma: Db;
  transact: Transact;
  resolveKommune: (lat: number, lon: number) => string | null;
}) {
  /** A line in the journal: what the operator typed (no message), or the system's line with its message key. */
  async function journal(tx: Tx, callId: string, actor: UserActor, kind: JournalKind, text: string, message?: JournalMessage) {
    await tx.callJournalEntry.create({
      data: { id: newId(), callId, authorId: actor.userId, author: actor.displayName, kind, text, ...(message && { message }) },
    });
  }

  function publish(emit: Emit, call: Call): CallSummary {
    const summary = toCallSummary(call);
    emit({ type: 'call.upserted', centreId: call.centreId, audience: [rooms.centre(call.centreId)], data: summary });
    return summary;
  }

  /**
   * The full record as a user sees it, with its audit row: every answer that carries the record
   * (a read, or the record after a change) is a read of patient data. `after` names the change.
   */
  async function record(
    db: Db | Tx,
    actor: UserActor,
    call: Call,
    { ip, after }: { ip?: string; after?: string } = {},
  ): Promise<CallRecord> {
    await writeAudit(db, actor, { action: 'call.read', entityType: 'Call', entityId: call.id, ip, ...(after && { detail: { after } }) });
    // Read by another centre (a hand-over offered to it, or handed on with its units still out):
    // the owner's centre has the entry too, naming the reader's centre.
    if (call.centreId !== actor.centre.id) {
      await writeAudit(db, actor, {
        action: 'call.read',
        entityType: 'Call',
        entityId: call.id,
        ip,
        centreId: call.centreId,
        detail: { readerCentre: actor.centre.code, ...(after && { after }) },
      });
    }
    const [journalRows, linked, missions] = await Promise.all([
      db.callJournalEntry.findMany({ where: { callId: call.id }, orderBy: { at: 'asc' } }),
      call.incidentId
        ? db.call.findMany({ where: { incidentId: call.incidentId, id: { not: call.id } }, orderBy: { ringingAt: 'asc' } })
        : Promise.resolve([]),
      db.mission.count({ where: { callId: call.id } }),
    ]);
    return {
      ...toCallSummary(call),
      patientName: call.patientName,
      nationalId: call.nationalId,
      birthDate: call.birthDate,
      ageYears: call.ageYears,
      sex: call.sex,
      language: call.language,
      interpreterUsed: call.interpreterUsed,
      urgencyReason: call.urgencyReason,
      positionMethod: call.positionMethod,
      positionAt: call.positionAt?.toISOString() ?? null,
      incidentId: call.incidentId,
      linkedCalls: linked.map((c) => ({ id: c.id, ringingAt: c.ringingAt.toISOString(), callerNumber: c.callerNumber, state: c.state })),
      missionCount: missions,
      journal: journalRows.map((j) => ({
        id: j.id,
        at: j.at.toISOString(),
        author: j.author,
        kind: j.kind as CallRecord['journal'][number]['kind'],
        text: j.text,
        message: parseJournalMessage(j.message),
      })),
    };
  }

  return {
    async get(actor: UserActor, callId: string, ip?: string): Promise<CallRecord> {
      return prisma.$transaction(async (tx) => {
        const call = await callVisibleTo(tx, actor, callId, 'read');
        return record(tx, actor, call, { ip });
      });
    },

    async update(actor: UserActor, callId: string, req: UpdateCallRequest): Promise<CallRecord> {
      const data: Record<string, unknown> = { ...req };
      if (req.nationalId) {
        const check = validateNationalId(req.nationalId);
        if (!check.valid) throw nationalIdRefusal(check.code, req.nationalId.length);
        // The number tells the birth date and sex; fill them when the operator has not.
        if (req.birthDate === undefined && check.birthDate) data.birthDate = check.birthDate;
        if (req.sex === undefined && check.sex) data.sex = check.sex;
      }
      if (req.lat != null && req.lon != null) {
        Object.assign(data, {
          positionMethod: 'MANUAL',
          positionAt: new Date(),
          positionRadiusM: null,
          kommunenummer: resolveKommune(req.lat, req.lon),
        });
      }
      return transact(async (tx, emit) => {
        const call = await callVisibleTo(tx, actor, callId, 'write');
        const row = await tx.call.update({ where: { id: call.id }, data });
        const fields = [...new Set(Object.keys(req).map((k) => (k === 'lon' ? 'lat' : k)))];
        // The journal names what changed, not the values: a fødselsnummer never lands in free text.
        await journal(
          tx,
          call.id,
          actor,
          'SYSTEM',
          `Endret: ${fields.map((k) => FIELD_LABELS[k] ?? k).join(', ')}`,
          journalMessage('call.changed', { fields: fields.join(',') }),
        );
        publish(emit, row);
        return record(tx, actor, row, { after: 'update' });
      });
    },

    async addJournalEntry(actor: UserActor, callId: string, text: string): Promise<CallRecord> {
      return transact(async (tx, emit) => {
        const call = await callVisibleTo(tx, actor, callId, 'write');
        await journal(tx, call.id, actor, 'NOTE', text);
        const row = await tx.call.update({ where: { id: call.id }, data: { updatedAt: new Date() } });
        publish(emit, row);
        return record(tx, actor, row, { after: 'journal' });
      });
    },

    async triage(actor: UserActor, callId: string, req: TriageRequest): Promise<CallRecord> {
      const criterion = await prisma.triageCriterion.findUnique({ where: { code: req.criterionCode } });
      if (!criterion) throw badRequest('triage.unknownCriterion', { code: req.criterionCode });
      const fromCriterion = urgencyFromCriterion(criterion.code)!;
      const urgency = req.urgency ?? fromCriterion;
      const change = urgencyChange(criterion.code, urgency, req.reason);
      if (!change.ok)
        throw change.code === 'REASON_REQUIRED'
          ? badRequest('triage.reasonRequired', {
              criterion: criterion.code,
              from: { code: `urgency.${fromCriterion}` },
              to: { code: `urgency.${urgency}` },
            })
          : badRequest('triage.invalidCriterion', { code: criterion.code });
      return transact(async (tx, emit) => {
        const call = await callVisibleTo(tx, actor, callId, 'write');
        const overridden = urgency !== fromCriterion;
        const row = await tx.call.update({
          where: { id: call.id },
          data: { criterionCode: criterion.code, urgency, urgencyReason: overridden ? req.reason!.trim() : null },
        });
        await journal(
          tx,
          call.id,
          actor,
          'TRIAGE',
          `Kriterium ${criterion.code} ${criterion.text} → hastegrad ${fromCriterion}`,
          journalMessage('call.triaged', { code: criterion.code, criterion: criterion.text, urgency: fromCriterion }),
        );
        if (overridden)
          await journal(
            tx,
            call.id,
            actor,
            'URGENCY_CHANGE',
            `Hastegrad endret fra ${fromCriterion} til ${urgency}: ${req.reason!.trim()}`,
            journalMessage('call.urgencyChanged', { from: fromCriterion, to: urgency, reason: req.reason!.trim() }),
          );
        publish(emit, row);
        return record(tx, actor, row, { after: 'triage' });
      });
    },

    /** Two calls about the same incident: both join one incident (created on first link). */
    async link(actor: UserActor, callId: string, otherCallId: string): Promise<CallRecord> {
      if (callId === otherCallId) throw badRequest('call.linkToItself');
      return transact(async (tx, emit) => {
        const call = await callVisibleTo(tx, actor, callId, 'write');
        const other = await callVisibleTo(tx, actor, otherCallId, 'write');
        if (call.incidentId && other.incidentId && call.incidentId !== other.incidentId) {
          throw conflict('call.linkDifferentIncidents');
        }
        const incidentId = call.incidentId ?? other.incidentId ?? newId();
        if (!call.incidentId && !other.incidentId) {
          await tx.incident.create({
            data: { id: incidentId, centreId: actor.centre.id, title: call.addressText ?? call.summary ?? 'Hendelse' },
          });
        }
        const [a, b] = await Promise.all([
          tx.call.update({ where: { id: call.id }, data: { incidentId } }),
          tx.call.update({ where: { id: other.id }, data: { incidentId } }),
        ]);
        const linked = journalMessage('call.linked', {});
        await journal(tx, call.id, actor, 'SYSTEM', 'Koblet til en annen henvendelse om samme hendelse', linked);
        await journal(tx, other.id, actor, 'SYSTEM', 'Koblet til en annen henvendelse om samme hendelse', linked);
        publish(emit, a);
        publish(emit, b);
        return record(tx, actor, a, { after: 'link' });
      });
    },

    /** The operator has finished the record: the call leaves the open list. */
    async close(actor: UserActor, callId: string): Promise<CallSummary> {
      return transact(async (tx, emit) => {
        const call = await callVisibleTo(tx, actor, callId, 'write');
        if (call.closedAt) return toCallSummary(call);
        const row = await tx.call.update({
          where: { id: call.id },
          data: { closedAt: new Date(), state: call.state === 'ANSWERED' ? 'ENDED' : call.state },
        });
        await journal(tx, call.id, actor, 'SYSTEM', 'Henvendelsen avsluttet', journalMessage('call.closed', {}));
        return publish(emit, row);
      });
    },
  };
}

export type CallRecordService = ReturnType<typeof createCallRecordService>;
