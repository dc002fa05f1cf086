// The unit status board: own units first, neighbours' after, a crew failing § 11 and its override
// visible, a unit lent or borrowed under mutual aid marked with the other centre; an own
// unit's status can be set by hand. Positions change every second for every unit; the board does
// not re-render for them (useUnitBoard), and a row only when what it shows changes.
import type { StationSummary, UnitSummary } from '@amk/contracts';
import { memo, useMemo, useRef } from 'react';
import { useT } from '../i18n/i18n.js';
import { useCentres } from '../lib/centres.js';
import { positionAgeText } from '../lib/position-age.js';
import { StatusPill } from '../lib/StatusPill.js';
import { useNow } from '../lib/use-now.js';
import { useRowsInView } from '../lib/use-rows-in-view.js';
import { useConsole } from '../store/console-store.js';
import { useUnitBoard } from '../store/unit-board.js';
import { UnitStatusControl } from './UnitStatusControl.js';

const UnitRow = memo(
  function UnitRow({
    u,
    own,
    station,
    lentTo,
    owner,
    positionAge,
    index,
    windowed,
    measure,
    located,
    onMap,
  }: {
    u: UnitSummary;
    own: boolean;
    station: StationSummary | undefined;
    /** mutual aid: the centre it is lent to (ours), or the one it is borrowed from (theirs, lent to us) */
    lentTo: string | null;
    owner: string | null;
    /** "posisjon 2 min gammel" when the unit's position is behind (lib/position-age.ts) */
    positionAge: string | null;
    /** Its place in the board; when only the rows in view are drawn, they are measured and numbered. */
    index: number;
    windowed: boolean;
    measure: ((row: Element | null) => void) | undefined;
    /** Whether the unit has a position to be shown at. */
    located: boolean;
    /** Whether it is the unit shown on the map (highlighted there). */
    onMap: boolean;
  }) {
    const t = useT();
    return (
      <tr
        className={`unit-${u.status} ${own ? '' : 'neighbour'}`}
        ref={measure}
        data-index={index}
        aria-rowindex={windowed ? index + 1 : undefined}
      >
        <td title={station?.name}>
          {located ? (
            // The call sign finds the unit on the map: the map goes there and rings it (map-selection.ts).
            <button
              type="button"
              className="link call-sign"
              aria-pressed={onMap}
              aria-label={t('units.showOnMap', { callSign: u.callSign })}
              onClick={() => useConsole.getState().showUnit(onMap ? null : u.id)}
            >
              <strong>{u.callSign}</strong>
            </button>
          ) : (
            <strong>{u.callSign}</strong>
          )}
          {!own && !owner && <span className="tag">{t('units.neighbour')}</span>}
          {lentTo && <span className="tag lent">{t('units.lentTo', { centre: lentTo })}</span>}
          {owner && <span className="tag lent">{t('units.lentFrom', { centre: owner })}</span>}
          <div className="muted small">{t(`unitKind.${u.kind}`)}</div>
        </td>
        <td>
          <StatusPill status={u.status} />
          {positionAge && <div className="warn-text small position-age">{positionAge}</div>}
        </td>
        <td>
          {!u.crewOk && (
            <span className="warn-text small" title={u.crewProblem ?? t('units.crewWarning')}>
              ⚠ {t('units.notStaffed')}
            </span>
          )}
          {u.crewOverride && (
            <div className="small override-note" title={`${u.crewOverride.by}, ${u.crewOverride.at}`}>
              {t('units.crewOverride', { reason: u.crewOverride.reason })}
            </div>
          )}
        </td>
        <td>{own && <UnitStatusControl unit={u} />}</td>
      </tr>
    );
  },
  (a, b) =>
    a.index === b.index &&
    a.windowed === b.windowed &&
    a.located === b.located &&
    a.onMap === b.onMap &&
    a.own === b.own &&
    a.lentTo === b.lentTo &&
    a.owner === b.owner &&
    a.positionAge === b.positionAge &&
    a.station === b.station &&
    a.u.status === b.u.status &&
    a.u.crewOk === b.u.crewOk &&
    a.u.callSign === b.u.callSign &&
    a.u.crewProblem === b.u.crewProblem &&
    a.u.crewOverride?.reason === b.u.crewOverride?.reason,
);

/**
 * Up to this many units (a region's own and its neighbours') every row is drawn; past it (the whole
 * country's fleet on one board) only the rows in view and a few around them.
 */
const DRAW_ALL_UP_TO = 150;

export function UnitsPanel() {
  const t = useT();
  // Not the store's units: those change every second as units move, and the board shows no position.
  const units = useUnitBoard();
  const stations = useConsole((s) => s.stations);
  const centreId = useConsole((s) => s.centre?.id);
  const shownOnMap = useConsole((s) => s.shownUnitId);
  const centres = useCentres();
  // Rows re-render on a position only when its age text changes; this ticks for units gone quiet.
  const now = useNow(5_000);
  const nameOf = (id: string | null) => (id ? (centres.find((c) => c.id === id)?.name ?? null) : null);
  const sorted = useMemo(
    () =>
      Object.values(units).sort(
        (a, b) => Number(b.centreId === centreId) - Number(a.centreId === centreId) || a.callSign.localeCompare(b.callSign),
      ),
    [units, centreId],
  );
  const table = useRef<HTMLTableElement>(null);
  const { rows, above, below, windowed, measure } = useRowsInView(table, sorted, {
    drawAllUpTo: DRAW_ALL_UP_TO,
    estimateSize: 44,
    overscan: 12,
  });
  return (
    <section className="panel units" aria-labelledby="units-heading">
      <h2 id="units-heading">{t('units.heading')}</h2>
      <table ref={table} aria-rowcount={windowed ? sorted.length : undefined}>
        <tbody>
          {above > 0 && <tr className="spacer" style={{ height: above }} />}
          {rows.map(({ item: u, index }) => (
            <UnitRow
              key={u.id}
              index={index}
              windowed={windowed}
              measure={measure}
              u={u}
              own={u.centreId === centreId}
              station={u.stationId ? stations[u.stationId] : undefined}
              lentTo={u.centreId === centreId ? nameOf(u.lentToCentreId) : null}
              owner={u.lentToCentreId && u.lentToCentreId === centreId ? nameOf(u.centreId) : null}
              positionAge={positionAgeText(u, Math.max(now, Date.now()), t)}
              located={u.lat !== null && u.lon !== null}
              onMap={shownOnMap === u.id}
            />
          ))}
          {below > 0 && <tr className="spacer" style={{ height: below }} />}
        </tbody>
      </table>
    </section>
  );
}
