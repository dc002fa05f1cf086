// The selected call: everything about it in one column, each part in its own small component.
import { useT } from '../i18n/i18n.js';
import { MajorIncidentSection } from '../major-incidents/index.js';
import { useConsole } from '../store/console-store.js';
import { ExerciseBadge } from './CallTimers.js';
import { DispatchSection } from './record/DispatchSection.js';
import { FinishCall } from './record/FinishCall.js';
import { JournalSection } from './record/JournalSection.js';
import { NotifySection } from './record/NotifySection.js';
import { PatientSection } from './record/PatientSection.js';
import { RecordingsSection } from './record/RecordingsSection.js';
import { TransferSection } from './record/TransferSection.js';
import { TriageSection } from './record/TriageSection.js';
import { useCallRecord } from './record/use-record.js';
import { ErrorLine } from '../lib/ErrorLine.js';

export function CallRecordPanel({ callId }: { callId: string }) {
  const t = useT();
  const { record, error, setRecord } = useCallRecord(callId);
  const close = () => useConsole.getState().selectCall(null);
  if (error)
    return (
      <div className="panel">
        <ErrorLine error={error} />
        <button type="button" onClick={close}>
          {t('record.close')}
        </button>
      </div>
    );
  if (!record) return <div className="panel">…</div>;
  return (
    <section
      className={`panel record urgency-${record.urgency ?? 'none'} ${record.source === 'EXERCISE' ? 'exercise' : ''}`}
      aria-label={t('record.label')}
    >
      <div className="record-head">
        <span className="urgency-badge">{record.urgency ?? '–'}</span>
        <ExerciseBadge call={record} />
        <h2>{record.callerName ?? record.callerNumber ?? t('calls.unknownCaller')}</h2>
        <button type="button" onClick={close} aria-label={t('record.close')}>
          ✕
        </button>
      </div>
      <p className="muted">
        {record.line} · {t(`state.${record.state}`)} · {record.addressText ?? t('calls.noAddress')}
        {record.kommunenummer && ` · ${record.kommunenummer}`}
        {record.positionRadiusM != null && ` · ±${Math.round(record.positionRadiusM)} m`}
      </p>
      <TriageSection record={record} onSaved={setRecord} />
      <DispatchSection record={record} />
      <MajorIncidentSection record={record} />
      {/* keyed by the call, not its updatedAt: a change elsewhere must not throw away what is being typed */}
      <PatientSection key={record.id} record={record} onSaved={setRecord} />
      <NotifySection record={record} />
      <TransferSection record={record} />
      <RecordingsSection callId={record.id} />
      <JournalSection record={record} onSaved={setRecord} />
      <FinishCall record={record} />
    </section>
  );
}
