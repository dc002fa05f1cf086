// The map's layers are checked against MapLibre's own style specification: a layer that does not
// validate is silently left off the map (a paint property in layout, a filter of the wrong type),
// and the operator would lose every unit it draws without a word.
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import {
  busyUnitLabelLayer,
  CLUSTER_PROPERTIES,
  callLetterLayer,
  clusterCountLayer,
  liveLayers,
  sceneLabelLayer,
  unitLabelLayer,
} from '../src/map/layers.js';
import { statusesOf } from '../src/lib/unit-status-colours.js';

const geojson = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } as const;
const font = ['sans-serif'];

describe('map layers', () => {
  it('every live layer validates against the MapLibre style specification', () => {
    const style = {
      version: 8,
      glyphs: 'https://example.invalid/{fontstack}/{range}.pbf',
      sources: {
        calls: geojson,
        units: geojson,
        stations: geojson,
        responders: geojson,
        scene: geojson,
        'units-clustered': { ...geojson, cluster: true, clusterProperties: CLUSTER_PROPERTIES },
      },
      layers: [
        ...liveLayers,
        unitLabelLayer(font),
        busyUnitLabelLayer(font),
        callLetterLayer(font),
        clusterCountLayer(font),
        sceneLabelLayer(font),
      ],
    };
    expect(validateStyleMin(style as never).map((e) => e.message)).toEqual([]);
  });

  it('colours units as the pills do: free, on the way, arrived, the rest', () => {
    expect(statusesOf('free')).toEqual(['AVAILABLE_AT_STATION', 'AVAILABLE_ON_THE_MOVE']);
    expect(statusesOf('alerted')).toEqual(['ALERTED', 'EN_ROUTE']);
    expect(statusesOf('onScene')).toEqual(['ON_SCENE', 'TRANSPORTING', 'AT_HOSPITAL']);
    expect(statusesOf('other')).toEqual(['UNAVAILABLE', 'OUT_OF_SERVICE']);
  });
});
