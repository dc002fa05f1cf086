// The operator console: calls on the left, the live map in the middle, the selected call's record
// (or the unit board) on the right. It loads a snapshot, then listens for events from its seq.
// At AMK, preparedness gaps are shaded on the map and listed on the left.
import type { Me } from '@amk/contracts';
import { useEffect, useMemo, useState } from 'react';
import { CallList } from '../calls/CallList.js';
import { CallRecordPanel } from '../calls/CallRecordPanel.js';
import { NewCallForm } from '../calls/NewCallForm.js';
import { useT } from '../i18n/i18n.js';
import { RosterPanel } from '../legevakt/RosterPanel.js';
import { MapView } from '../map/index.js';
import { PreparednessPanel } from '../preparedness/PreparednessPanel.js';
import { usePreparedness } from '../preparedness/use-preparedness.js';
import { connectRealtime, loadSnapshot } from '../realtime/connection.js';
import { retryUntilDone } from '../lib/retry.js';
import { AnswerTimes } from '../stats/AnswerTimes.js';
import { useConsole } from '../store/console-store.js';
import { TransfersPanel } from '../transfers/TransfersPanel.js';
import { UnitsPanel } from '../units/UnitsPanel.js';
import './console-extras.css';
import { takeSnapshot } from './first-screen.js';
import { Header } from './Header.js';
import { CompetenceBanner } from './CompetenceBanner.js';
import { MajorIncidentSuggestion } from '../major-incidents/MajorIncidentSuggestion.js';
import { MajorIncidentsPanel } from '../major-incidents/MajorIncidentsPanel.js';
import { AmkDoctorPanel } from '../legevakt/AmkDoctorPanel.js';
import { TakeoverPanel } from '../takeovers/TakeoverPanel.js';
import { MutualAidPanel } from '../mutual-aid/MutualAidPanel.js';

export function ConsolePage({ me }: { me: Me }) {
  const t = useT();
  const [ready, setReady] = useState(false);
  const [newCall, setNewCall] = useState(false);
  const selected = useConsole((s) => s.selectedCallId);
  const preparedness = usePreparedness(ready && me.centre.kind === 'AMK');
  const gaps = useMemo(() => preparedness?.kommuner.filter((k) => k.gap).map((k) => k.kommunenummer) ?? [], [preparedness]);

  useEffect(() => {
    let disconnect: (() => void) | undefined;
    let gone = false;
    // A snapshot refused while the server restarts is asked for again, not waited for forever.
    const stopTrying = retryUntilDone(async () => {
      await loadSnapshot(takeSnapshot());
      if (gone) return;
      setReady(true);
      disconnect = connectRealtime();
    });
    return () => {
      gone = true;
      stopTrying();
      disconnect?.();
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2' || (e.altKey && e.key.toLowerCase() === 'n')) {
        e.preventDefault();
        setNewCall(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!ready) return <div className="loading">{t('conn.connecting')}</div>;
  return (
    <div className="console">
      <Header me={me} onNewCall={() => setNewCall(true)} />
      <aside className="left" aria-label={t('layout.queue')}>
        <CompetenceBanner />
        <TakeoverPanel />
        <AnswerTimes kind={me.centre.kind} />
        {me.centre.kind === 'AMK' && <MajorIncidentSuggestion />}
        {me.centre.kind === 'AMK' && <MajorIncidentsPanel />}
        <MutualAidPanel />
        <CallList />
        <TransfersPanel />
        {me.centre.kind === 'AMK' && <PreparednessPanel report={preparedness} />}
        {me.centre.kind === 'AMK' && <AmkDoctorPanel />}
        {me.centre.kind === 'LVS' && <RosterPanel />}
      </aside>
      <main className="centre">
        <MapView gaps={gaps} />
      </main>
      <aside className="right" aria-label={selected ? t('layout.record') : t('layout.units')}>
        {selected ? <CallRecordPanel key={selected} callId={selected} /> : <UnitsPanel />}
      </aside>
      {newCall && <NewCallForm centreKind={me.centre.kind} onClose={() => setNewCall(false)} />}
    </div>
  );
}
