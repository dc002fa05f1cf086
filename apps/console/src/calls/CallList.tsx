// Open calls in the order an operator works in: ringing calls form the queue at the top (oldest
// first), then the open calls by urgency and age. The first operator to take a call owns it, and
// every console shows who that is. F3 takes the call that has rung longest. Calls another centre
// is handing to this one, and notifications other centres sent here, wait on top, with their
// urgency and how long they have waited.
import type { CallSummary } from '@amk/contracts';
import { useMemo, useRef } from 'react';
import { useNow } from '../lib/use-now.js';
import { useRowsInView } from '../lib/use-rows-in-view.js';
import { useT } from '../i18n/i18n.js';
import { sortCalls, useConsole } from '../store/console-store.js';
import { nextToTake } from '../lib/call-order.js';
import { CallTimers, ExerciseBadge } from './CallTimers.js';
import { kommuneName } from '../lib/kommune-names.js';
import { takeCall, takeError } from './take-call.js';
import { useTakeHotkey } from './use-take-hotkey.js';
import { useRingAlarm } from './ring-sound.js';
import { HandOverRows } from '../transfers/index.js';
import { CallbackRows } from '../callbacks/index.js';
import { NotificationRows } from '../notifications/index.js';
import './calls.css';

/**
 * Up to this many open calls every row is drawn; past it (a major incident, a region's calls under
 * a takeover) only the rows in view and a few around them: the clock re-renders every drawn row each
 * second, and thousands of rows would take the console's first screen and every second after it.
 */
const DRAW_ALL_UP_TO = 150;

export function CallList() {
  const t = useT();
  const now = useNow();
  const callMap = useConsole((s) => s.calls);
  const calls = useMemo(() => sortCalls(Object.values(callMap)), [callMap]);
  const selected = useConsole((s) => s.selectedCallId);
  const me = useConsole((s) => s.me);
  const operators = useConsole((s) => s.operators);
  const centre = useConsole((s) => s.centre);
  const takeovers = useConsole((s) => s.takeovers);
  // § 15 p: a taken-over centre's calls are marked with the centre whose line rang
  const takenOverName = (c: CallSummary) =>
    c.centreId === centre?.id ? null : (Object.values(takeovers).find((x) => x.centre.id === c.centreId)?.centre.name ?? null);
  const ringing = calls.filter((c) => c.state === 'RINGING');
  useRingAlarm(ringing.map((c) => c.id));
  const next = nextToTake(calls);
  const fail = (e: unknown) => alert(t('calls.takeFailed', { reason: takeError(e) }));
  useTakeHotkey(fail);
  const list = useRef<HTMLUListElement>(null);
  const { rows, above, below, measure } = useRowsInView(list, calls, { drawAllUpTo: DRAW_ALL_UP_TO, estimateSize: 64 });

  const ownerName = (c: CallSummary) =>
    operators[c.operatorId!] ?? (me && c.operatorId === me.id ? me.displayName : t('calls.otherOperator'));

  return (
    <section className="panel calls" aria-labelledby="calls-heading">
      <h2 id="calls-heading">
        {t('calls.heading')} <span className="count">{calls.length}</span>
        {ringing.length > 0 && <span className="ringing-badge">{t('calls.ringing', { n: ringing.length })}</span>}
      </h2>
      {calls.length === 0 && <p className="muted">{t('calls.empty')}</p>}
      <ul className="call-list" aria-label={t('calls.heading')} ref={list}>
        <CallbackRows now={now} />
        <NotificationRows now={now} />
        <HandOverRows now={now} />
        {rows.map(({ item: c, index }, i) => (
          <li
            key={c.id}
            ref={measure}
            data-index={index}
            // the rows not drawn: as margins, so the list's own gap and the rows' measured heights stay true
            style={{
              marginTop: i === 0 && above > 0 ? above : undefined,
              marginBottom: i === rows.length - 1 && below > 0 ? below : undefined,
            }}
            className={`call-row urgency-${c.urgency ?? 'none'} ${c.id === selected ? 'selected' : ''} state-${c.state}${c.state === 'ANSWERED' && !c.operatorId ? ' unclaimed' : ''} ${c.source === 'EXERCISE' ? 'exercise' : ''}`}
            data-call-id={c.id}
          >
            <button
              type="button"
              className="call-main"
              onClick={() => useConsole.getState().selectCall(c.id)}
              aria-current={c.id === selected}
            >
              <span className="urgency-badge" title={t(c.urgency ? `urgency.${c.urgency}` : 'urgency.none')}>
                {c.urgency ?? '–'}
              </span>
              <span className="call-text">
                <span className="call-who">
                  <ExerciseBadge call={c} />
                  {c.callerName ?? c.callerNumber ?? t('calls.unknownCaller')}
                  {takenOverName(c) && <span className="call-for">{t('takeover.callFor', { centre: takenOverName(c)! })}</span>}
                </span>
                <span className="call-where">{c.addressText ?? kommuneName(c.kommunenummer) ?? t('calls.noAddress')}</span>
                {c.operatorId && (
                  <span className={`call-owner ${c.operatorId === me?.id ? 'mine' : ''}`}>
                    {t('calls.takenBy', { name: ownerName(c) })}
                  </span>
                )}
              </span>
              <span className="call-meta">
                <span className="line">
                  {c.line} · {t(`state.${c.state}`)}
                </span>
                <CallTimers call={c} now={now} />
              </span>
            </button>
            {!c.operatorId && (
              <button
                type="button"
                className="take"
                onClick={() => takeCall(c).catch(fail)}
                aria-keyshortcuts={c.id === next?.id ? 'F3' : undefined}
              >
                {c.id === next?.id ? t('calls.takeNext') : t('calls.take')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
