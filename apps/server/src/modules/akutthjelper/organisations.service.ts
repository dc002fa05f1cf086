// Akutthjelper organisations (BRANN / FORF), their units and members, and the written agreements
// that bind a unit, the kommuner it serves and the hospital trust (here: its AMK centre).
import type { UserActor } from '../../auth/actor.js';
import type { Db } from '@amk/db';
import { badRequest, forbidden, notFound } from '../../lib/http-error.js';
import { writeAudit } from '../audit/audit.service.js';
import { newId } from '../../lib/ids.js';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const date = (s: string | null | undefined) => (s ? new Date(`${s}T00:00:00Z`) : null);

export function createOrganisationsService(prisma: Db) {
  return {
    async tree(actor: UserActor) {
      const orgs = await prisma.akutthjelperOrganisation.findMany({
        orderBy: { name: 'asc' },
        include: {
          units: {
            orderBy: { name: 'asc' },
            include: {
              members: { orderBy: { name: 'asc' } },
              agreements: { where: { centreId: actor.centre.id }, orderBy: { validFrom: 'asc' } },
            },
          },
        },
      });
      return {
        organisations: orgs.map((o) => ({
          id: o.id,
          name: o.name,
          kind: o.kind,
          units: o.units.map((u) => ({
            id: u.id,
            name: u.name,
            lat: u.lat,
            lon: u.lon,
            members: u.members.map((m) => ({
              id: m.id,
              unitId: m.unitId,
              name: m.name,
              phone: m.phone,
              trainingValidUntil: day(m.trainingValidUntil),
              onDuty: m.onDuty,
              hasResponderPage: !!m.userId,
              isLeader: m.isLeader,
            })),
            agreements: u.agreements.map((a) => ({
              id: a.id,
              unitId: a.unitId,
              centreId: a.centreId,
              kommuner: a.kommuner,
              eventTypes: a.eventTypes,
              validFrom: day(a.validFrom)!,
              validTo: day(a.validTo),
              documentRef: a.documentRef,
              alertVia: a.alertVia,
            })),
          })),
        })),
      };
    },

    async createOrganisation(req: { name: string; kind: 'BRANN' | 'FORF' }) {
      return prisma.akutthjelperOrganisation.create({ data: { id: newId(), ...req } });
    },

    async createUnit(req: { organisationId: string; name: string; lat: number; lon: number }) {
      if (!(await prisma.akutthjelperOrganisation.findUnique({ where: { id: req.organisationId } })))
        throw notFound('akutthjelper.unknownOrganisation', { id: req.organisationId });
      return prisma.akutthjelperUnit.create({ data: { id: newId(), ...req } });
    },

    async createMember(req: {
      unitId: string;
      name: string;
      phone: string;
      trainingValidUntil?: string | null;
      onDuty?: boolean;
      username?: string;
      isLeader?: boolean;
    }) {
      if (!(await prisma.akutthjelperUnit.findUnique({ where: { id: req.unitId } })))
        throw notFound('akutthjelper.unknownUnit', { id: req.unitId });
      let userId: string | null = null;
      if (req.username) {
        const user = await prisma.user.findUnique({ where: { username: req.username } });
        if (user?.role !== 'responder') throw badRequest('akutthjelper.notResponderLogin', { username: req.username });
        userId = user.id;
      }
      return prisma.akutthjelperMember.create({
        data: {
          id: newId(),
          unitId: req.unitId,
          name: req.name,
          phone: req.phone,
          trainingValidUntil: date(req.trainingValidUntil),
          onDuty: req.onDuty ?? false,
          isLeader: req.isLeader ?? false,
          userId,
        },
      });
    },

    async updateMember(
      memberId: string,
      req: { onDuty?: boolean; trainingValidUntil?: string | null; phone?: string; isLeader?: boolean },
    ) {
      if (!(await prisma.akutthjelperMember.findUnique({ where: { id: memberId } })))
        throw notFound('akutthjelper.memberNotFound', { id: memberId });
      return prisma.akutthjelperMember.update({
        where: { id: memberId },
        data: {
          ...(req.onDuty !== undefined && { onDuty: req.onDuty }),
          ...(req.isLeader !== undefined && { isLeader: req.isLeader }),
          ...(req.phone && { phone: req.phone }),
          ...(req.trainingValidUntil !== undefined && { trainingValidUntil: date(req.trainingValidUntil) }),
        },
      });
    },

    async createAgreement(
      actor: UserActor,
      req: {
        unitId: string;
        kommuner: string[];
        eventTypes: string[];
        validFrom: string;
        validTo?: string | null;
        documentRef?: string;
        alertVia?: 'MEMBERS' | 'FIRE_CENTRE';
      },
    ) {
      const unit = await prisma.akutthjelperUnit.findUnique({ where: { id: req.unitId }, include: { organisation: true } });
      if (!unit) throw notFound('akutthjelper.unknownUnit', { id: req.unitId });
      // Only the fire service has a 110-centre to be alerted through.
      if (req.alertVia === 'FIRE_CENTRE' && unit.organisation.kind !== 'BRANN') throw badRequest('akutthjelper.fireCentreForBrannOnly');
      const known = await prisma.kommune.findMany({ where: { nummer: { in: req.kommuner } }, select: { nummer: true } });
      const unknown = req.kommuner.filter((k) => !known.some((x) => x.nummer === k));
      if (unknown.length) throw badRequest('akutthjelper.unknownKommuner', { kommuner: unknown.join(', ') });
      return prisma.akutthjelperAgreement.create({
        data: {
          id: newId(),
          unitId: req.unitId,
          centreId: actor.centre.id,
          kommuner: req.kommuner,
          eventTypes: req.eventTypes,
          validFrom: date(req.validFrom)!,
          validTo: date(req.validTo),
          documentRef: req.documentRef ?? null,
          alertVia: req.alertVia ?? 'MEMBERS',
        },
      });
    },

    async settings(actor: UserActor) {
      const c = await prisma.centre.findUniqueOrThrow({ where: { id: actor.centre.id } });
      return { maxRoadKm: c.akutthjelperMaxRoadKm };
    },

    /** The centre's distance limit for proposing akutthjelpere; a supervisor's decision, audited. */
    async setSettings(actor: UserActor, req: { maxRoadKm: number }) {
      if (actor.centre.kind !== 'AMK') throw forbidden('akutthjelper.amkOnly');
      const before = await prisma.centre.findUniqueOrThrow({ where: { id: actor.centre.id } });
      await prisma.$transaction(async (tx) => {
        await tx.centre.update({ where: { id: actor.centre.id }, data: { akutthjelperMaxRoadKm: req.maxRoadKm } });
        await writeAudit(tx, actor, {
          action: 'akutthjelper.settings',
          entityType: 'Centre',
          entityId: actor.centre.id,
          detail: { maxRoadKm: { from: before.akutthjelperMaxRoadKm, to: req.maxRoadKm } },
        });
      });
      return { maxRoadKm: req.maxRoadKm };
    },

    async endAgreement(actor: UserActor, agreementId: string, validTo: string | null) {
      const a = await prisma.akutthjelperAgreement.findUnique({ where: { id: agreementId } });
      if (!a || a.centreId !== actor.centre.id)
        throw notFound('akutthjelper.agreementNotFound', { id: agreementId, centre: actor.centre.code });
      return prisma.akutthjelperAgreement.update({ where: { id: agreementId }, data: { validTo: date(validTo) } });
    },
  };
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
