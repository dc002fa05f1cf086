// An operator sets a unit's status by hand (the crew reported it on the radio). Only the changes
// the status machine allows are offered; if the server still refuses, its reason is shown.
import type { UnitStatus, UnitSummary } from '@amk/contracts';
import { isAvailable } from '@amk/domain';
import { useState } from 'react';
import { OverrideForm } from './OverrideForm.js';
import { ApiError, client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { useConsole } from '../store/console-store.js';
import { nextStatuses } from './next-statuses.js';
import { ErrorLine } from '../lib/ErrorLine.js';

export function UnitStatusControl({ unit }: { unit: UnitSummary }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A status the server refused under § 11: the operator may override it with a reason.
  const [refused, setRefused] = useState<UnitStatus | null>(null);
  const options = nextStatuses(unit.status);
  // one translation for the three places it is used: a board draws dozens of these at once
  const label = t('units.changeStatus', { unit: unit.callSign });

  async function set(status: UnitStatus, override?: { reason: string }) {
    useConsole.getState().upsertUnit(
      await ok(
        client.POST('/api/v1/units/{unitId}/status', {
          params: { path: { unitId: unit.id } },
          body: { status, ...(override && { override }) },
        }),
      ),
    );
    setError(null);
    setRefused(null);
    setOpen(false);
  }

  async function choose(status: UnitStatus) {
    setBusy(true);
    try {
      await set(status);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      if (err instanceof ApiError && err.status === 409 && isAvailable(status) && !unit.crewOk) setRefused(status);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="unit-status-control">
      <button
        type="button"
        className="small-button"
        aria-expanded={open}
        aria-label={label}
        title={label}
        disabled={!options.length}
        onClick={() => setOpen(!open)}
      >
        ⋯
      </button>
      {open && (
        <div className="status-menu" role="menu" aria-label={label}>
          {options.map((s) => (
            <button key={s} type="button" role="menuitem" disabled={busy} className={`unit-${s}`} onClick={() => choose(s)}>
              {t(`status.${s}`)}
            </button>
          ))}
        </div>
      )}
      <ErrorLine error={error} small />
      {refused && (
        <OverrideForm
          unit={unit.callSign}
          submitLabel={t('units.overrideStatus')}
          onSubmit={(reason) => set(refused, { reason })}
          onCancel={() => {
            setRefused(null);
            setError(null);
          }}
        />
      )}
    </div>
  );
}
