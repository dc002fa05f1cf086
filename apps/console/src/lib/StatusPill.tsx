// A unit's status as the tables show it: its name on the status group's colour (unit-status-colours.ts).
import type { UnitStatus } from '@amk/domain';
import { useT } from '../i18n/i18n.js';
import { PILL_COLOURS, statusGroup } from './unit-status-colours.js';

export function StatusPill({ status }: { status: UnitStatus }) {
  const t = useT();
  return (
    <span className="status-pill" style={{ background: PILL_COLOURS[statusGroup(status)] }}>
      {t(`status.${status}`)}
    </span>
  );
}
