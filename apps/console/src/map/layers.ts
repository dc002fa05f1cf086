// Map layers for the live picture: circles styled by urgency or status, never a DOM marker each.
// Units, zoomed in or out: colour = status, size = kind (aircraft largest, then boats, then cars),
// a coloured ring = a neighbouring centre's unit. Text (call signs, cluster counts) is drawn with
// the style's glyphs when it has them, and otherwise with the browser's own fonts (MapLibre
// renders them locally when a style names no glyphs), so the offline map has text too.
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { STATUS_COLOURS, statusesOf } from '../lib/unit-status-colours.js';

/** Calls by urgency (red, yellow, green as the index has them), also written as a letter on each. */
export const URGENCY_COLOURS = { A: '#e53935', H: '#fbc02d', V: '#43a047', none: '#90a4ae' } as const;

/**
 * The selected call, the units on its missions and their lines (map-selection.ts): a colour no
 * urgency, status or ring uses, drawn from their feature-state so choosing a call rebuilds no tile.
 */
export const SELECTED_COLOUR = '#00e5ff';
const selected = ['boolean', ['feature-state', 'selected'], false];
/** `then` for a selected feature, else `otherwise`. */
const ifSelected = (then: unknown, otherwise: unknown) => ['case', selected, then, otherwise] as never;

/** Units by status group (lib/unit-status-colours.ts), the rest grey. */
const statusColour: unknown = [
  'match',
  ['get', 'status'],
  ...(['free', 'alerted', 'onScene'] as const).flatMap((g) => [statusesOf(g), STATUS_COLOURS[g]]),
  STATUS_COLOURS.other,
];

const KIND_SIZE = ['match', ['get', 'kind'], ['HELICOPTER', 'PLANE'], 1.6, 'AMBULANCE_BOAT', 1.3, 'LEGEVAKT_CAR', 1.1, 1];

/** The ring of a neighbouring centre's unit (own units: white). */
export const NEIGHBOUR_RING = '#ce93d8';
const ring: unknown = ['case', ['get', 'own'], '#ffffff', NEIGHBOUR_RING];

/** Summed per cluster by MapLibre (clusterProperties): free units, and units of neighbouring centres. */
export const CLUSTER_PROPERTIES = {
  free: ['+', ['match', ['get', 'status'], statusesOf('free'), 1, 0]],
  neighbours: ['+', ['case', ['get', 'own'], 0, 1]],
} as const;

/** Below this zoom, units are drawn as clusters (a count per area); from it, one circle each. */
export const CLUSTER_MAX_ZOOM = 8;

/** The units' source also holds the lines to their missions (map-sync.ts): units are its points. */
const isPoint = ['==', ['geometry-type'], 'Point'] as never;
const isLine = ['==', ['geometry-type'], 'LineString'] as never;

/** Pixels added to a unit's radius per place in a stack at one spot: each one a ring around the last. */
const STACK_RING_PX = 3;

/** The first of a stack on top, the others as rings around it. */
const unitCircleLayout = { 'circle-sort-key': ['-', 0, ['get', 'stack']] as never };

/** One unit, as a circle: size by kind, colour by status, a ring per unit stacked under it. */
const unitCirclePaint = {
  // Kind by size: aircraft largest, boats next, cars smallest; status by colour.
  'circle-radius': [
    'interpolate',
    ['linear'],
    ['zoom'],
    4,
    ['+', ['*', 3, KIND_SIZE], ['*', STACK_RING_PX, ['get', 'stack']]],
    10,
    ['+', ['*', 7, KIND_SIZE], ['*', STACK_RING_PX, ['get', 'stack']]],
  ] as never,
  'circle-color': statusColour as never,
  'circle-stroke-color': ifSelected(SELECTED_COLOUR, ring),
  'circle-stroke-width': ['case', ['get', 'crewOk'], ['case', ['get', 'own'], ifSelected(2.5, 1.5), 2.5], 3.5] as never,
  // A stale position (older than the ranking trusts) is drawn faint: the unit may be anywhere.
  'circle-opacity': ['case', ['get', 'stale'], 0.3, ['get', 'own'], 1, 0.55] as never,
};

export const liveLayers: LayerSpecification[] = [
  {
    id: 'unit-clusters',
    type: 'circle',
    source: 'units-clustered',
    maxzoom: CLUSTER_MAX_ZOOM,
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': ['case', ['>', ['get', 'free'], 0], '#2e7d32', '#6d4c41'],
      'circle-radius': ['step', ['get', 'point_count'], 9, 10, 13, 50, 18],
      // Only neighbours' units in the cluster: their ring; a mix or only own: white.
      'circle-stroke-color': ['case', ['==', ['get', 'neighbours'], ['get', 'point_count']], NEIGHBOUR_RING, '#ffffff'],
      'circle-stroke-width': ['case', ['>', ['get', 'neighbours'], 0], 2.5, 1],
    },
  },
  {
    id: 'unit-singles',
    type: 'circle',
    source: 'units-clustered',
    maxzoom: CLUSTER_MAX_ZOOM,
    filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-radius': ['*', 4, KIND_SIZE] as never,
      'circle-color': statusColour as never,
      'circle-stroke-color': ring as never,
      'circle-stroke-width': ['case', ['get', 'own'], 1, 2.5],
    },
  },
  { id: 'stations', type: 'circle', source: 'stations', paint: { 'circle-radius': 4, 'circle-color': '#cfd8dc', 'circle-opacity': 0.5 } },
  {
    id: 'links',
    type: 'line',
    source: 'units',
    filter: isLine,
    // Solid, not dashed: without a graphics card each frame is drawn on the processor, and dashes
    // cost up to a fifth of the console's frame with 667 units on missions (README, BENCH_LAYER_COST).
    paint: { 'line-color': ifSelected(SELECTED_COLOUR, '#ff9800'), 'line-width': ifSelected(3, 2) },
  },
  {
    id: 'call-accuracy',
    type: 'circle',
    source: 'calls',
    filter: ['>', ['get', 'radius0'], 0],
    paint: {
      'circle-radius': ['interpolate', ['exponential', 2], ['zoom'], 0, ['get', 'radius0'], 22, ['*', ['get', 'radius0'], 4194304]],
      'circle-color': '#e53935',
      'circle-opacity': 0.12,
      'circle-stroke-color': '#e57373',
      'circle-stroke-width': 1,
    },
  },
  {
    id: 'units',
    type: 'circle',
    source: 'units',
    minzoom: CLUSTER_MAX_ZOOM,
    filter: isPoint,
    layout: unitCircleLayout,
    paint: unitCirclePaint,
  },
  // Zoomed out, units on a mission are drawn one by one (they are left out of the clusters).
  {
    id: 'units-busy-low',
    type: 'circle',
    source: 'units',
    maxzoom: CLUSTER_MAX_ZOOM,
    filter: ['all', isPoint, ['get', 'busy']],
    layout: unitCircleLayout,
    paint: unitCirclePaint,
  },
  {
    // Akutthjelpere on their way or arrived, from the position their phone shares.
    id: 'responders',
    type: 'circle',
    source: 'responders',
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 3, 10, 6],
      'circle-color': ['match', ['get', 'state'], 'ARRIVED', '#2ecc71', '#ffffff'],
      'circle-stroke-color': '#d81b60',
      'circle-stroke-width': 2.5,
    },
  },
  // A major incident's scene: squares would need a sprite; a large ring in the triage red for the
  // place, smaller filled markers for the places on scene, each labelled (sceneLabelLayer).
  {
    id: 'scene',
    type: 'circle',
    source: 'scene',
    paint: {
      'circle-radius': ['match', ['get', 'kind'], 'place', 14, 8],
      'circle-color': ['match', ['get', 'kind'], 'place', 'rgba(0,0,0,0)', 'rendezvous', '#1565c0', 'holdingArea', '#6a1b9a', '#2e7d32'],
      'circle-stroke-color': ['match', ['get', 'kind'], 'place', '#d32f2f', '#ffffff'],
      'circle-stroke-width': ['match', ['get', 'kind'], 'place', 4, 2],
    },
  },
  {
    id: 'calls',
    type: 'circle',
    source: 'calls',
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, ifSelected(7, 5), 10, ifSelected(13, 10)],
      'circle-color': [
        'match',
        ['get', 'urgency'],
        'A',
        URGENCY_COLOURS.A,
        'H',
        URGENCY_COLOURS.H,
        'V',
        URGENCY_COLOURS.V,
        URGENCY_COLOURS.none,
      ],
      'circle-stroke-color': ifSelected(SELECTED_COLOUR, '#000'),
      'circle-stroke-width': ifSelected(4, 2),
    },
  },
];

/** The browser's own sans-serif: what MapLibre draws text with when a style has no glyphs. */
const LOCAL_FONT = ['sans-serif'];

/**
 * The font to write text in: the style's first text layer's font when it has glyphs, else the
 * browser's local font (the offline style). Null only for a style with glyphs but no text layer
 * to learn a font stack from.
 */
export function styleFont(style: StyleSpecification | undefined): string[] | null {
  if (!style?.glyphs) return LOCAL_FONT;
  for (const layer of style.layers) {
    const font = layer.type === 'symbol' ? layer.layout?.['text-font'] : undefined;
    if (Array.isArray(font) && font.every((f) => typeof f === 'string')) return font as string[];
  }
  return null;
}

/** The largest stack whose labels are placed line under line; beyond it they share the last line. */
const MAX_STACK = 8;

/**
 * Where a unit's call sign goes: under its circle, and for a stack one line per unit, below the
 * outermost ring, so every unit at one spot is named.
 */
const stackedTextOffset: unknown = (() => {
  const cases: unknown[] = [];
  for (let size = 2; size <= MAX_STACK; size++)
    for (let index = 0; index < size; index++) cases.push(index * 100 + size, ['literal', [0, 1.3 + 0.3 * (size - 1) + 1.25 * index]]);
  return ['match', ['+', ['*', 100, ['get', 'stack']], ['get', 'stackSize']], ...cases, ['literal', [0, 1.3]]];
})();

const unitLabelLayout = (font: string[]) => ({
  'text-field': ['get', 'label'] as never,
  'text-font': font,
  'text-size': 11,
  'text-offset': stackedTextOffset as never,
  'text-anchor': 'top' as const,
  // Lines of a stack sit one under the other; padding would make them collide and hide each other.
  'text-padding': 0,
});
// The call sign in its unit's status colour, so a label never seems to belong to another circle.
const unitLabelPaint = { 'text-color': statusColour as never, 'text-halo-color': '#0e2233', 'text-halo-width': 1.5 };

/** Call signs of free and other units once zoomed in past the clusters; they give way where crowded. */
export const unitLabelLayer = (font: string[]): LayerSpecification => ({
  id: 'unit-labels',
  type: 'symbol',
  source: 'units',
  minzoom: CLUSTER_MAX_ZOOM,
  filter: ['all', isPoint, ['!', ['get', 'busy']]],
  layout: { ...unitLabelLayout(font), 'text-optional': true },
  paint: unitLabelPaint,
});

/** Call signs of units on a mission: at every zoom, never hidden by another label. */
export const busyUnitLabelLayer = (font: string[]): LayerSpecification => ({
  id: 'unit-labels-busy',
  type: 'symbol',
  source: 'units',
  filter: ['all', isPoint, ['get', 'busy']],
  layout: { ...unitLabelLayout(font), 'text-allow-overlap': true, 'text-ignore-placement': true },
  paint: unitLabelPaint,
});

/** The urgency as a letter on each call (A, H, V; ? before triage): not only a colour. */
export const callLetterLayer = (font: string[]): LayerSpecification => ({
  id: 'call-letters',
  type: 'symbol',
  source: 'calls',
  layout: {
    'text-field': ['match', ['get', 'urgency'], ['A', 'H', 'V'], ['get', 'urgency'], '?'],
    'text-font': font,
    'text-size': ['interpolate', ['linear'], ['zoom'], 4, 8, 10, 13],
    'text-allow-overlap': true,
    'text-ignore-placement': true,
  },
  paint: { 'text-color': ['match', ['get', 'urgency'], 'A', '#ffffff', '#000000'] },
});

/** Free / all units in each cluster, as text. */
export const clusterCountLayer = (font: string[]): LayerSpecification => ({
  id: 'unit-cluster-counts',
  type: 'symbol',
  source: 'units-clustered',
  maxzoom: CLUSTER_MAX_ZOOM,
  filter: ['has', 'point_count'],
  layout: {
    'text-field': ['concat', ['to-string', ['get', 'free']], '/', ['to-string', ['get', 'point_count']]],
    'text-font': font,
    'text-size': 11,
    'text-allow-overlap': true,
    'text-ignore-placement': true,
  },
  paint: { 'text-color': '#ffffff' },
});

/** What each place of a major incident's scene is, beside its marker, at every zoom. */
export const sceneLabelLayer = (font: string[]): LayerSpecification => ({
  id: 'scene-labels',
  type: 'symbol',
  source: 'scene',
  layout: {
    'text-field': ['get', 'label'],
    'text-font': font,
    'text-size': 12,
    'text-offset': [0, 1.4],
    'text-anchor': 'top',
    'text-allow-overlap': true,
  },
  paint: { 'text-color': '#ffffff', 'text-halo-color': '#b71c1c', 'text-halo-width': 2 },
});
