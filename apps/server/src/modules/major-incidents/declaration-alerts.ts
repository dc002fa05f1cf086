// Who hears of a major incident the moment it is declared (§ 15 o, § 16, § 13 b, § 15 e–f), in the
// declaration's own transaction: the neighbouring AMKs and the legevaktsentral of the place's
// kommune in their inboxes (acknowledged there), police and fire through the gateway, and the
// hospitals of the declaring AMK's HF, who answer with the preparedness level they raise.
import { type JournalMessage, journalMessage } from '@amk/contracts';
import { coveringCentres, type MajorIncidentLevel, type NotificationChannel } from '@amk/domain';
import type { Call, Tx } from '@amk/db';
import type { UserActor } from '../../auth/actor.js';
import { newId } from '../../lib/ids.js';
import type { Emit } from '../../realtime/event-log.js';
import { createNotification } from '../notifications/notifications.service.js';

const LEVEL_NB: Record<MajorIncidentLevel, string> = { YELLOW: 'gul beredskap', RED: 'rød beredskap' };

/** Alerts everyone a declaration concerns; returns the log line that says who, and the neighbouring AMKs alerted. */
export async function alertOnDeclaration(
  tx: Tx,
  emit: Emit,
  d: {
    actor: UserActor;
    call: Call;
    majorIncidentId: string;
    level: MajorIncidentLevel;
    description: string;
    channelName: NotificationChannel;
    at: Date;
  },
): Promise<{ text: string; message: JournalMessage; neighbourIds: string[] }> {
  const { actor, call } = d;
  const centres = await tx.centre.findMany({ select: { id: true, code: true, name: true, kind: true, kommuner: true } });
  const own = await tx.centre.findUniqueOrThrow({ where: { id: actor.centre.id }, select: { neighbourCentreIds: true } });
  const neighbours = centres.filter((c) => c.kind === 'AMK' && c.id !== actor.centre.id && own.neighbourCentreIds.includes(c.id));
  const lvs = coveringCentres(call.kommunenummer, 'LVS', centres);
  const message = `Masseskadehendelse (${LEVEL_NB[d.level]}) erklært av ${actor.centre.name}: ${d.description}`;
  const groupId = newId();
  const sent = async (recipient: 'AMK' | 'LVS' | 'POLICE' | 'FIRE', recipientCentreId: string | null) =>
    createNotification(tx, emit, {
      callId: call.id,
      centreId: actor.centre.id,
      groupId,
      recipient,
      recipientCentreId,
      message,
      urgency: 'A', // a major incident is acute whatever the first call was triaged as
      channelName: d.channelName,
    });
  for (const c of neighbours) await sent('AMK', c.id);
  for (const c of lvs) await sent('LVS', c.id);
  await sent('POLICE', null);
  await sent('FIRE', null);

  const hospitals = await tx.hospital.findMany({ where: { centreId: actor.centre.id }, orderBy: { name: 'asc' } });
  if (hospitals.length)
    await tx.majorIncidentHospitalAlert.createMany({
      data: hospitals.map((h) => ({ majorIncidentId: d.majorIncidentId, hospitalId: h.id, notifiedAt: d.at })),
    });

  const names = (list: { name: string }[]) => list.map((c) => c.name).join(', ');
  const text = [
    neighbours.length ? `nabo-AMK: ${names(neighbours)}` : 'ingen nabo-AMK',
    lvs.length ? `legevaktsentral: ${names(lvs)}` : 'ingen legevaktsentral dekker kommunen',
    'politi (112) og brann (110)',
    hospitals.length ? `sykehus: ${names(hospitals)}` : 'ingen sykehus i helseforetaket',
  ].join('; ');
  const logMessage = journalMessage('majorIncident.notified', {
    neighbours: names(neighbours),
    lvs: names(lvs),
    hospitals: names(hospitals),
  });
  return { text, message: logMessage, neighbourIds: neighbours.map((c) => c.id) };
}
