// Where the patient is: the position's method (AML's GNSS/WiFi/cell, or set by hand), accuracy,
// kommune and time. When AML has given none, or a wrong one, the operator sets it with one click
// in the map; the server resolves the kommune and marks the method MANUAL.
import type { CallRecord } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { ApiError, client, ok } from '../../api/client.js';
import { useT, type MessageKey } from '../../i18n/i18n.js';
import { cancelPick, pickPoint, usePointPick } from '../../store/point-pick.js';
import { kommuneName } from '../../lib/kommune-names.js';
import './record-extras.css';
import { clock } from '../../lib/clock.js';

const METHODS = ['GNSS', 'WIFI', 'CELL', 'FUSED', 'UNKNOWN', 'MANUAL'];
// Six decimals: about 10 cm, finer than any click.
const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function PositionSection({ record, onSaved }: { record: CallRecord; onSaved(r: CallRecord): void }) {
  const t = useT();
  const picking = usePointPick((s) => s.owner === record.id);
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);

  // A pick still pending when the operator leaves this call is dropped, never applied to another.
  useEffect(() => () => cancelPick(record.id), [record.id]);
  useEffect(() => {
    if (!picking) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && cancelPick(record.id);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [picking, record.id]);

  async function pick() {
    setMsg(null);
    const point = await pickPoint(record.id);
    if (!point) return;
    try {
      onSaved(
        await ok(
          client.PATCH('/api/v1/calls/{id}', {
            params: { path: { id: record.id } },
            body: { lat: round(point.lat), lon: round(point.lon) },
          }),
        ),
      );
      setMsg({ text: t('record.positionSaved'), error: false });
    } catch (err) {
      setMsg({ text: err instanceof ApiError ? err.message : String(err), error: true });
    }
  }

  const has = record.lat != null && record.lon != null;
  const method =
    record.positionMethod && METHODS.includes(record.positionMethod)
      ? t(`position.${record.positionMethod}` as MessageKey)
      : record.positionMethod;
  const kommune = kommuneName(record.kommunenummer);
  return (
    <section className="section" aria-label={t('record.position')}>
      <h3>{t('record.position')}</h3>
      {has ? (
        <dl className="position-facts">
          <dt>{t('record.coordinates')}</dt>
          <dd>
            {record.lat!.toFixed(5)}, {record.lon!.toFixed(5)}
          </dd>
          <dt>{t('record.positionMethod')}</dt>
          <dd data-testid="position-method">{method ?? t('position.UNKNOWN')}</dd>
          <dt>{t('record.accuracy')}</dt>
          <dd>{record.positionRadiusM != null ? `±${Math.round(record.positionRadiusM)} m` : t('record.accuracyUnknown')}</dd>
          <dt>{t('record.kommune')}</dt>
          <dd data-testid="position-kommune">
            {kommune ? `${kommune} (${record.kommunenummer})` : (record.kommunenummer ?? t('record.kommuneUnknown'))}
          </dd>
          {record.positionAt && (
            <>
              <dt>{t('record.positionAt')}</dt>
              <dd>
                <time dateTime={record.positionAt}>{clock(record.positionAt)}</time>
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p className="muted">{t('record.noPosition')}</p>
      )}
      {picking ? (
        <p className="status">
          {t('record.pickingPosition')}{' '}
          <button type="button" className="small-button" onClick={() => cancelPick(record.id)}>
            {t('record.cancel')}
          </button>
        </p>
      ) : (
        <button type="button" onClick={() => void pick()}>
          {t('record.setPosition')}
        </button>
      )}
      {msg && (
        <p role={msg.error ? 'alert' : 'status'} className={msg.error ? 'error' : 'status'}>
          {msg.text}
        </p>
      )}
    </section>
  );
}
