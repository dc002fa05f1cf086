// Hospitals with acute functions (§ 16) and what they say they can take per triage category. The
// hospital sends it through its integration key, or an AMK operator enters what the hospital said
// on the phone; either way every AMK sees the new figure at once, beside what open major incidents
// already send there.
import type { HospitalCapacity, HospitalSummary } from '@amk/contracts';
import type { Actor } from '../../auth/actor.js';
import type { Db } from '@amk/db';
import { notFound } from '../../lib/http-error.js';
import type { Transact } from '../../realtime/transact.js';
import { writeAudit } from '../audit/audit.service.js';
import { hospitalSummaries } from './major-incident-view.js';
import { amkRooms } from './major-incidents.service.js';

export function createHospitalsService({ prisma, transact }: { prisma: Db; transact: Transact }) {
  return {
    list: (): Promise<HospitalSummary[]> => hospitalSummaries(prisma),

    async updateCapacity(actor: Actor, code: string, capacity: HospitalCapacity, ip?: string): Promise<HospitalSummary> {
      return transact(async (tx, emit) => {
        const hospital = await tx.hospital.findUnique({ where: { code } });
        // An integration key speaks for the hospitals of its own centre's HF only.
        if (!hospital || (actor.kind === 'integration' && hospital.centreId !== actor.centre.id))
          throw notFound('hospital.unknown', { code });
        const by = actor.kind === 'user' ? actor.displayName : actor.name;
        await tx.hospital.update({
          where: { id: hospital.id },
          data: {
            capacityRed: capacity.RED,
            capacityYellow: capacity.YELLOW,
            capacityGreen: capacity.GREEN,
            capacityUpdatedAt: new Date(),
            capacityUpdatedBy: by,
          },
        });
        await writeAudit(tx, actor, {
          action: 'hospital.capacity.update',
          entityType: 'Hospital',
          entityId: hospital.id,
          detail: { ...capacity },
          ...(ip && { ip }),
        });
        const [summary] = await hospitalSummaries(tx, { ids: [hospital.id] });
        emit({ type: 'hospital.upserted', centreId: hospital.centreId, audience: await amkRooms(tx), data: summary! });
        return summary!;
      });
    },
  };
}

export type HospitalsService = ReturnType<typeof createHospitalsService>;
