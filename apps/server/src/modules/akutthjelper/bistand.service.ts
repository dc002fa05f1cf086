// "Bistand helse" / "bistand kommune": help asked of an akutthjelper organisation outside the
// scheme (the national guide: not an akutthjelper mission, counted apart). The request reaches the
// organisation through its alert channel — its members' phones, on-duty members first — marked as
// bistand, and is confirmed by a member's JA or by the operator who phoned the organisation.
// With nobody to text, it says so (MANUAL: phone them) rather than pretend it was sent.
import { BISTAND_REPLY_TEXT, bistandSmsText, haversineKmRaw, parseSmsReply, samePhone } from '@amk/domain';
import type { BistandSummary, SmsInbound, SmsInboundAnswer } from '@amk/contracts';
import { rooms, type IntegrationActor, type UserActor } from '../../auth/actor.js';
import type { Db, Tx } from '@amk/db';
import { badGateway, conflict, notFound, unprocessableEntity } from '../../lib/http-error.js';
import { newId } from '../../lib/ids.js';
import type { Emit } from '../../realtime/event-log.js';
import type { Transact } from '../../realtime/transact.js';
import type { SmsGateway } from './sms-gateway.js';
import { iso } from '../../lib/iso.js';
import { smsRecipientView } from './sms-recipients.js';

/** A member's JA counts for this long after the request was sent. */
const REPLY_WINDOW_MS = 24 * 3_600_000;

async function load(db: Db | Tx, id: string): Promise<BistandSummary> {
  const b = await db.bistandRequest.findUniqueOrThrow({
    where: { id },
    include: { recipients: { include: { member: true }, orderBy: { member: { name: 'asc' } } } },
  });
  const org = b.organisationId ? await db.akutthjelperOrganisation.findUnique({ where: { id: b.organisationId } }) : null;
  const reached = b.recipients.some((r) => !r.failedAt);
  return {
    id: b.id,
    missionId: b.missionId,
    kind: b.kind,
    organisationId: b.organisationId,
    organisationName: org?.name ?? null,
    reason: b.reason,
    createdAt: b.createdAt.toISOString(),
    sentAt: iso(b.sentAt),
    state: b.acknowledgedAt ? 'ACKNOWLEDGED' : reached ? 'SENT' : 'MANUAL',
    recipients: b.recipients.map(smsRecipientView),
    acknowledgedAt: iso(b.acknowledgedAt),
    acknowledgedBy: b.acknowledgedBy,
    acknowledgedVia: b.acknowledgedVia,
  };
}

async function publish(tx: Tx, emit: Emit, id: string): Promise<BistandSummary> {
  const summary = await load(tx, id);
  const { centreId } = await tx.bistandRequest.findUniqueOrThrow({ where: { id }, select: { centreId: true } });
  emit({ type: 'akutthjelper.bistand.upserted', centreId, audience: [rooms.centre(centreId)], data: summary });
  return summary;
}

export function createBistandService({ prisma, transact, sms }: { prisma: Db; transact: Transact; sms: SmsGateway }) {
  async function ownMission(actor: UserActor, missionId: string) {
    const mission = await prisma.mission.findUnique({ where: { id: missionId } });
    if (!mission || mission.centreId !== actor.centre.id) throw notFound('mission.notFound', { id: missionId, centre: actor.centre.code });
    return mission;
  }

  /** The organisation asked: the one named, or the nearest under an agreement with this centre (else the nearest at all). */
  async function organisationFor(actor: UserActor, organisationId: string | undefined, at: { lat: number | null; lon: number | null }) {
    if (organisationId) {
      const org = await prisma.akutthjelperOrganisation.findUnique({ where: { id: organisationId } });
      if (!org) throw notFound('akutthjelper.unknownOrganisation', { id: organisationId });
      return org;
    }
    const units = await prisma.akutthjelperUnit.findMany({ include: { organisation: true, agreements: { select: { centreId: true } } } });
    const ours = units.filter((u) => u.agreements.some((a) => a.centreId === actor.centre.id));
    const pool = ours.length ? ours : units;
    const { lat, lon } = at;
    const sorted =
      lat !== null && lon !== null
        ? [...pool].sort((a, b) => haversineKmRaw(lat, lon, a.lat, a.lon) - haversineKmRaw(lat, lon, b.lat, b.lon))
        : pool;
    if (!sorted[0]) throw unprocessableEntity('akutthjelper.noOrganisation');
    return sorted[0].organisation;
  }

  /** The newest bistand request of the gateway's centre sent to this phone in the last 24 hours. */
  async function latestFor(actor: IntegrationActor, phone: string) {
    const open = await prisma.bistandRecipient.findMany({
      where: { bistandRequest: { centreId: actor.centre.id, createdAt: { gte: new Date(Date.now() - REPLY_WINDOW_MS) } } },
      include: { member: true, bistandRequest: true },
      orderBy: { bistandRequest: { createdAt: 'desc' } },
    });
    return open.find((x) => samePhone(x.member.phone, phone)) ?? null;
  }

  return {
    /** When this phone was last asked for bistand (to tell which message an SMS answers), or null. */
    async lastAskedAt(actor: IntegrationActor, phone: string): Promise<Date | null> {
      return (await latestFor(actor, phone))?.bistandRequest.createdAt ?? null;
    },

    async create(actor: UserActor, missionId: string, req: { kind: 'HELSE' | 'KOMMUNE'; organisationId?: string; reason: string }) {
      const mission = await ownMission(actor, missionId);
      const org = await organisationFor(actor, req.organisationId, mission);
      const members = await prisma.akutthjelperMember.findMany({ where: { unit: { organisationId: org.id } } });
      // Its alert channel: the members on duty; when nobody is, every member (the request must reach someone).
      const onDuty = members.filter((m) => m.onDuty);
      const to = onDuty.length ? onDuty : members;
      const id = newId();
      await transact(async (tx, emit) => {
        await tx.bistandRequest.create({
          data: {
            id,
            missionId: mission.id,
            callId: mission.callId,
            centreId: actor.centre.id,
            kind: req.kind,
            organisationId: org.id,
            reason: req.reason,
            createdById: actor.userId,
          },
        });
        await tx.bistandRecipient.createMany({ data: to.map((m) => ({ id: newId(), bistandRequestId: id, memberId: m.id })) });
        await publish(tx, emit, id);
      });
      // Sent after the rows exist, so a JA that comes back at once finds its request.
      const text = bistandSmsText(req.kind, actor.centre.name, req.reason);
      const results: { m: (typeof to)[number]; result: Awaited<ReturnType<SmsGateway['send']>> }[] = [];
      for (const m of to) results.push({ m, result: await sms.send(m.phone, text) });
      return transact(async (tx, emit) => {
        const now = new Date();
        for (const { m, result } of results) {
          await tx.bistandRecipient.update({
            where: { bistandRequestId_memberId: { bistandRequestId: id, memberId: m.id } },
            data: result.ok ? { deliveredAt: now } : { failedAt: now, lastError: result.error },
          });
        }
        if (results.some((r) => r.result.ok)) await tx.bistandRequest.update({ where: { id }, data: { sentAt: now } });
        return publish(tx, emit, id);
      });
    },

    async list(actor: UserActor, missionId: string): Promise<{ bistand: BistandSummary[] }> {
      await ownMission(actor, missionId);
      const rows = await prisma.bistandRequest.findMany({ where: { missionId }, orderBy: { createdAt: 'asc' }, select: { id: true } });
      return { bistand: await Promise.all(rows.map((r) => load(prisma, r.id))) };
    },

    /** The operator phoned the organisation and someone confirmed. */
    async acknowledge(actor: UserActor, bistandId: string, by: string): Promise<BistandSummary> {
      return transact(async (tx, emit) => {
        const b = await tx.bistandRequest.findUnique({ where: { id: bistandId } });
        if (!b || b.centreId !== actor.centre.id)
          throw notFound('akutthjelper.bistandNotFound', { id: bistandId, centre: actor.centre.code });
        if (b.acknowledgedAt)
          throw conflict('akutthjelper.bistandAlreadyConfirmed', { by: b.acknowledgedBy ?? { code: 'akutthjelper.unknownPerson' } });
        await tx.bistandRequest.update({
          where: { id: bistandId },
          data: { acknowledgedAt: new Date(), acknowledgedBy: `${by} (ringt av ${actor.displayName})`, acknowledgedVia: 'PHONE' },
        });
        return publish(tx, emit, bistandId);
      });
    },

    /**
     * A member's SMS that answers no real alert: a JA to the newest bistand request of the gateway's
     * centre sent to this member in the last 24 hours confirms it; else null (not about bistand).
     */
    async answerSms(actor: IntegrationActor, message: SmsInbound): Promise<SmsInboundAnswer | null> {
      const r = await latestFor(actor, message.from);
      if (!r) return null;
      const yes = parseSmsReply(message.text) === 'accept';
      let reply: string = BISTAND_REPLY_TEXT.notUnderstood;
      if (yes) {
        reply = await transact(async (tx, emit) => {
          await tx.$queryRaw`SELECT 1 FROM "BistandRequest" WHERE "id" = ${r.bistandRequestId}::uuid FOR UPDATE`;
          const b = await tx.bistandRequest.findUniqueOrThrow({ where: { id: r.bistandRequestId } });
          const now = new Date();
          await tx.bistandRecipient.update({ where: { id: r.id }, data: { repliedAt: r.repliedAt ?? now } });
          // The first JA confirms; a later one (or the gateway's retry) is thanked and changes nothing.
          const first = !b.acknowledgedAt;
          if (first) {
            await tx.bistandRequest.update({
              where: { id: b.id },
              data: { acknowledgedAt: now, acknowledgedBy: r.member.name, acknowledgedVia: 'SMS' },
            });
          }
          await publish(tx, emit, b.id);
          return first || b.acknowledgedBy === r.member.name ? BISTAND_REPLY_TEXT.confirmed : BISTAND_REPLY_TEXT.alreadyConfirmed;
        });
      }
      const sent = await sms.send(r.member.phone, reply);
      if (!sent.ok) throw badGateway('akutthjelper.replySmsFailed', { error: sent.error });
      return { understood: yes, action: yes ? 'accept' : null, alertId: r.bistandRequestId, reply, about: 'BISTAND' };
    },
  };
}

export type BistandService = ReturnType<typeof createBistandService>;
