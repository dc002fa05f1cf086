// What every mark on the map means, one click away: the colours come from the layers themselves,
// so the legend cannot drift from what is drawn. Closed by default; the browser remembers nothing.
import { useT, type MessageKey } from '../i18n/i18n.js';
import { STATUS_COLOURS } from '../lib/unit-status-colours.js';
import { NEIGHBOUR_RING, SELECTED_COLOUR, URGENCY_COLOURS } from './layers.js';
import './map-legend.css';

const CALLS: { key: MessageKey; colour: string; letter: string }[] = [
  { key: 'map.legend.callA', colour: URGENCY_COLOURS.A, letter: 'A' },
  { key: 'map.legend.callH', colour: URGENCY_COLOURS.H, letter: 'H' },
  { key: 'map.legend.callV', colour: URGENCY_COLOURS.V, letter: 'V' },
  { key: 'map.legend.callNone', colour: URGENCY_COLOURS.none, letter: '?' },
];

const UNITS: { key: MessageKey; colour: string }[] = [
  { key: 'map.legend.free', colour: STATUS_COLOURS.free },
  { key: 'map.legend.alerted', colour: STATUS_COLOURS.alerted },
  { key: 'map.legend.onScene', colour: STATUS_COLOURS.onScene },
  { key: 'map.legend.other', colour: STATUS_COLOURS.other },
];

const NOTES: MessageKey[] = [
  'map.legend.size',
  'map.legend.crew',
  'map.legend.stale',
  'map.legend.stack',
  'map.legend.cluster',
  'map.legend.responder',
];

export function MapLegend() {
  const t = useT();
  return (
    <details className="map-legend">
      <summary>{t('map.legend')}</summary>
      <h4>{t('map.legend.calls')}</h4>
      <ul>
        {CALLS.map((c) => (
          <li key={c.key}>
            <span className="legend-call" style={{ background: c.colour, color: c.letter === 'A' ? '#fff' : '#000' }} aria-hidden="true">
              {c.letter}
            </span>
            <span>{t(c.key)}</span>
          </li>
        ))}
        <li>
          <span className="legend-call" style={{ background: URGENCY_COLOURS.A, borderColor: SELECTED_COLOUR }} aria-hidden="true" />
          <span>{t('map.legend.selected')}</span>
        </li>
      </ul>
      <h4>{t('map.legend.units')}</h4>
      <ul>
        {UNITS.map((u) => (
          <li key={u.key}>
            <span className="legend-unit" style={{ background: u.colour }} aria-hidden="true" />
            <span>{t(u.key)}</span>
          </li>
        ))}
        <li>
          <span className="legend-unit" style={{ background: STATUS_COLOURS.free, borderColor: NEIGHBOUR_RING }} aria-hidden="true" />
          <span>{t('map.legend.neighbour')}</span>
        </li>
      </ul>
      <ul className="legend-notes">
        {NOTES.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
    </details>
  );
}
