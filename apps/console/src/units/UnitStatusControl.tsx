// An operator sets a unit's status by hand (the crew reported it on the radio). Only the changes
// the status machine allows are offered; if the server still refuses, its reason is shown.
import type { UnitStatus, UnitSummary } from '@amk/contracts';
import { useState } from 'react';
import { api, ApiError } from '../api/http.js';
import { useT } from '../i18n/i18n.js';
import { useConsole } from '../store/console-store.js';
import { nextStatuses } from './next-statuses.js';

export function UnitStatusControl({ unit }: { unit: UnitSummary }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const options = nextStatuses(unit.status);

  async function choose(status: UnitStatus) {
    setBusy(true);
    try {
      useConsole.getState().upsertUnit(await api<UnitSummary>('POST', `/units/${unit.id}/status`, { status }));
      setError(null);
      setOpen(false);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="unit-status-control">
      <button type="button" className="small-button" aria-expanded={open} aria-label={t('units.changeStatus', { unit: unit.callSign })} title={t('units.changeStatus', { unit: unit.callSign })} disabled={!options.length} onClick={() => setOpen(!open)}>
        ⋯
      </button>
      {open && (
        <div className="status-menu" role="menu" aria-label={t('units.changeStatus', { unit: unit.callSign })}>
          {options.map((s) => (
            <button key={s} type="button" role="menuitem" disabled={busy} className={`unit-${s}`} onClick={() => choose(s)}>{t(`status.${s}`)}</button>
          ))}
        </div>
      )}
      {error && <p role="alert" className="error small">{error}</p>}
    </div>
  );
}
