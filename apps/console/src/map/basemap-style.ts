// The basemap, chosen by the server's settings at run time (GET /api/v1/basemap): by default drawn
// offline from Kartverket's outlines (no tiles from the internet; control rooms often run on closed
// networks); or a MapLibre style, online or from the server's map folder, whose sources may be
// local PMTiles archives (`pmtiles://…`, read in byte ranges by the pmtiles library).
import { addProtocol, type StyleSpecification } from 'maplibre-gl';
import { Protocol } from 'pmtiles';
import { client, ok } from '../api/client.js';
import fylkeLabelsUrl from '@amk/geodata/data/Fylker-labels.geojson?url';
import fylkerUrl from '@amk/geodata/data/Fylker-S.geojson?url';
import kommuneLabelsUrl from '@amk/geodata/data/Kommuner-labels.geojson?url';
import kommunerUrl from '@amk/geodata/data/Kommuner-S.geojson?url';
import norgeUrl from '@amk/geodata/data/Norge-S.geojson?url';

const ATTRIBUTION = '© <a href="https://www.kartverket.no/">Kartverket</a> (CC BY 4.0)';

function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      norge: { type: 'geojson', data: norgeUrl, attribution: ATTRIBUTION },
      fylker: { type: 'geojson', data: fylkerUrl },
      kommuner: { type: 'geojson', data: kommunerUrl, promoteId: 'kommunenummer' },
      // one point per area to write its name at (see packages/geodata/make-label-points.ts)
      'fylke-labels': { type: 'geojson', data: fylkeLabelsUrl },
      'kommune-labels': { type: 'geojson', data: kommuneLabelsUrl },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#0e2233' } },
      { id: 'land', type: 'fill', source: 'norge', paint: { 'fill-color': '#1c2a22' } },
      // Preparedness gaps: kommuner no free ambulance reaches within the guideline (feature state).
      {
        id: 'kommune-gaps',
        type: 'fill',
        source: 'kommuner',
        paint: { 'fill-color': '#b71c1c', 'fill-opacity': ['case', ['boolean', ['feature-state', 'gap'], false], 0.45, 0] },
      },
      { id: 'kommune-borders', type: 'line', source: 'kommuner', minzoom: 6.5, paint: { 'line-color': '#4a6357', 'line-width': 0.6 } },
      { id: 'fylke-borders', type: 'line', source: 'fylker', paint: { 'line-color': '#7c9a8a', 'line-width': 1.4 } },
      { id: 'coast', type: 'line', source: 'norge', paint: { 'line-color': '#8fb3a3', 'line-width': 0.8 } },
      // Names in the browser's own font: no glyphs named, so MapLibre draws them locally.
      {
        id: 'fylke-names',
        type: 'symbol',
        source: 'fylke-labels',
        maxzoom: 6.5,
        layout: {
          'text-field': ['get', 'fylkesnavn'],
          'text-font': ['sans-serif'],
          'text-size': 13,
          'text-transform': 'uppercase',
          'text-letter-spacing': 0.1,
        },
        paint: { 'text-color': '#9fb8aa', 'text-halo-color': '#0e2233', 'text-halo-width': 1 },
      },
      {
        id: 'kommune-names',
        type: 'symbol',
        source: 'kommune-labels',
        // From the console's default zoom (7): the dispatcher reads where things are at a glance.
        minzoom: 6.5,
        layout: { 'text-field': ['get', 'kommunenavn'], 'text-font': ['sans-serif'], 'text-size': 11 },
        paint: { 'text-color': '#9fb8aa', 'text-halo-color': '#0e2233', 'text-halo-width': 1 },
      },
    ],
  };
}

export interface ChosenBasemap {
  style: string | StyleSpecification;
  /** Credit the installation adds for its chosen map; the offline style carries its own. */
  attribution: string | null;
  /** The offline outline map: kommuner and coast only, nothing to see at street level. */
  outlineOnly: boolean;
}

let pmtilesReady = false;

/** The installation's basemap; the offline map when none is set or the server cannot say. */
export async function chosenBasemap(): Promise<ChosenBasemap> {
  const setting = await ok(client.GET('/api/v1/basemap')).catch(() => null);
  if (!setting?.styleUrl) return { style: offlineStyle(), attribution: null, outlineOnly: true };
  if (!pmtilesReady) {
    addProtocol('pmtiles', new Protocol().tile);
    pmtilesReady = true;
  }
  return { style: new URL(setting.styleUrl, window.location.origin).href, attribution: setting.attribution, outlineOnly: false };
}
