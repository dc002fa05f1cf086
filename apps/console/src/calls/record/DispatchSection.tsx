// Recommended units for the call (nearest by estimated time; neighbours marked), one key press to
// dispatch an own unit or ask the neighbour for theirs (mutual aid, § 10 d, answered on their console); the open mission with its timeline and the action to close it with an outcome; and —
// at AMK — akutthjelpere for the mission. The ranking is fetched again when units change status or
// free units move (throttled), so a unit a colleague takes leaves the list.
import type { CallRecord, MissionDetail, RecommendationList } from '@amk/contracts';
import { useEffect, useRef, useState } from 'react';
import { ApiError, client, ok } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { DoctorsOnCallNow } from '../../legevakt/index.js';
import { useShallow } from 'zustand/react/shallow';
import { useConsole } from '../../store/console-store.js';
import { useUnitChangeTick } from '../../store/use-unit-change-tick.js';
import { useUnitBoard } from '../../store/unit-board.js';
import { AkutthjelperPanel } from './AkutthjelperPanel.js';
import { CloseMissionForm } from './CloseMissionForm.js';
import { ExcludedUnits } from './ExcludedUnits.js';
import { MissionTimeline } from './MissionTimeline.js';
import { useMissionDetail, useOpenMission } from './use-mission.js';
import { isAvailable } from '@amk/domain';
import { ErrorLine } from '../../lib/ErrorLine.js';

/** Recommendations are ranked again at most this often while units change. */
const RECOMMENDATIONS_REFRESH_MS = 3_000;

export function DispatchSection({ record }: { record: CallRecord }) {
  const t = useT();
  const mission = useOpenMission(record.id);
  const detail = useMissionDetail(mission);
  // statuses, not positions: a position batch every second must not re-render the whole section
  const units = useUnitBoard();
  const kind = useConsole((s) => s.centre?.kind);
  const loans = useConsole(useShallow((s) => Object.values(s.unitLoans).filter((l) => l.callId === record.id)));
  const waitingFor = new Set(loans.filter((l) => l.state === 'REQUESTED').map((l) => l.unit.id));
  const [recs, setRecs] = useState<RecommendationList | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  // The mission this operator closed: it has left the store, its outcome and timeline stay in view.
  const [closed, setClosed] = useState<MissionDetail | null>(null);

  const unitTick = useUnitChangeTick(RECOMMENDATIONS_REFRESH_MS);
  // Answers may overtake each other: only one asked later than the one shown replaces it.
  const asked = useRef({ issued: 0, shown: 0 });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `unitTick` and the call's place are triggers: units or the call moved, so rank again
  useEffect(() => {
    if (record.lat === null) return;
    const seq = ++asked.current.issued;
    const apply = (list: RecommendationList | null) => {
      if (seq < asked.current.shown) return;
      asked.current.shown = seq;
      setRecs(list);
    };
    // A refresh that never reached the server keeps the last list rather than blanking it.
    ok(client.GET('/api/v1/calls/{id}/recommendations', { params: { path: { id: record.id } } })).then(apply, (e) =>
      e instanceof ApiError && e.isNetwork ? undefined : apply(null),
    );
  }, [record.id, record.lat, record.lon, mission?.units.length, closed?.id, unitTick]);
  // Until the next ranking arrives, a unit that is no longer free (a colleague took it) is left out.
  const free = recs?.units.filter((r) => !units[r.unitId] || isAvailable(units[r.unitId]!.status)) ?? [];
  // At the legevaktsentral the doctor on call goes out on a home visit (sykebesøk).
  const homeVisit = (mission ?? closed)?.kind === 'HOME_VISIT' || (!mission && !closed && kind === 'LVS');
  const missionWord = homeVisit ? t('missions.homeVisit') : t('missions.heading');

  /** Sends the unit; with `override`, although its crew fails § 11 (the reason goes with it). */
  async function send(unitId: string, override?: { reason: string }) {
    const m = mission
      ? await ok(
          client.POST('/api/v1/missions/{missionId}/units', {
            params: { path: { missionId: mission.id } },
            body: { unitId, ...(override && { override }) },
          }),
        )
      : await ok(
          client.POST('/api/v1/missions', {
            body: {
              id: crypto.randomUUID(),
              callId: record.id,
              unitIds: [unitId],
              kind: kind === 'LVS' ? 'HOME_VISIT' : 'AMBULANCE',
              ...(override && { override }),
            },
          }),
        );
    useConsole.getState().upsertMission(m);
    setClosed(null);
    setMsg(null);
  }

  async function dispatch(unitId: string) {
    try {
      await send(unitId);
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err));
    }
  }

  /** A neighbour's unit is asked for (§ 10 d): its centre lends it onto this call's mission, or declines. */
  async function askFor(unitId: string) {
    try {
      const loan = await ok(
        client.POST('/api/v1/mutual-aid', { body: { unitId, callId: record.id, ...(mission && { missionId: mission.id }) } }),
      );
      useConsole.getState().upsertUnitLoan(loan);
      setMsg(null);
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err));
    }
  }

  return (
    <section className="section">
      <h3>{t('record.recommend')}</h3>
      {kind === 'LVS' && <DoctorsOnCallNow />}
      {record.lat === null && <p className="muted">{t('record.noPosition')}</p>}
      {mission && (
        <section className="mission" aria-label={missionWord}>
          <p>
            {missionWord}: {mission.units.map((u) => `${u.callSign} (${t(`status.${units[u.unitId]?.status ?? 'ALERTED'}`)})`).join(', ')}
            {mission.responseMinutes !== null && <span className="muted"> · {mission.responseMinutes} min</span>}
          </p>
          {mission.units
            .filter((u) => u.crewOverrideReason)
            .map((u) => (
              <p key={u.unitId} className="override-note warn-text" role="note">
                ⚠ {t('missions.crewOverride', { unit: u.callSign, reason: u.crewOverrideReason ?? '' })}
              </p>
            ))}
          {detail && <MissionTimeline mission={detail} />}
          <CloseMissionForm mission={mission} onClosed={setClosed} />
        </section>
      )}
      {!mission && closed && (
        <section className="mission closed" aria-label={missionWord}>
          <p role="status">{t(homeVisit ? 'missions.homeVisitClosedWith' : 'missions.closedWith', { outcome: closed.outcome ?? '' })}</p>
          <MissionTimeline mission={closed} />
        </section>
      )}
      {loans.length > 0 && (
        <ul className="call-loans" aria-label={t('mutualAid.askedFor')}>
          {loans.map((l) => (
            <li key={l.id}>
              {t('mutualAid.theirsLine', { unit: l.unit.callSign, centre: l.owner.name })}:{' '}
              <strong>{t(`mutualAid.state.${l.state}`)}</strong>
              {l.declineReason && <span className="muted"> ({l.declineReason})</span>}
            </li>
          ))}
        </ul>
      )}
      <ol className="recommendations">
        {free.slice(0, 6).map((r) => (
          <li key={r.unitId} className={r.own ? '' : 'neighbour'}>
            <span>{r.callSign}</span> <span className="muted">{t(`unitKind.${r.kind}`)}</span>{' '}
            <strong>{Math.round(r.etaMinutes)} min</strong>
            {!r.own && <span className="tag">{t('units.neighbour')}</span>}
            {r.own ? (
              <button type="button" onClick={() => dispatch(r.unitId)}>
                {t(kind === 'LVS' ? 'record.dispatchHomeVisit' : 'record.dispatch', { unit: r.callSign })}
              </button>
            ) : waitingFor.has(r.unitId) ? (
              <span className="muted small">{t('mutualAid.state.REQUESTED')}</span>
            ) : (
              <button type="button" onClick={() => askFor(r.unitId)}>
                {t('mutualAid.ask', { unit: r.callSign })}
              </button>
            )}
          </li>
        ))}
      </ol>
      {recs && (
        <ExcludedUnits
          excluded={recs.excluded}
          maxAgeMinutes={recs.maxPositionAgeMinutes}
          onOverride={(unitId, reason) => send(unitId, { reason })}
        />
      )}
      {mission && kind === 'AMK' && <AkutthjelperPanel mission={mission} />}
      <ErrorLine error={msg} />
    </section>
  );
}
