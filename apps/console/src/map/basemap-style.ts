// The default basemap, drawn offline from Kartverket's outlines (no tiles from the internet; control
// rooms often run on closed networks). An online style can be set with VITE_MAP_STYLE_URL.
import type { StyleSpecification } from 'maplibre-gl';
import fylkerUrl from '@amk/geodata/data/Fylker-S.geojson?url';
import kommunerUrl from '@amk/geodata/data/Kommuner-S.geojson?url';
import norgeUrl from '@amk/geodata/data/Norge-S.geojson?url';

export const ATTRIBUTION = '© <a href="https://www.kartverket.no/">Kartverket</a> (CC BY 4.0)';

export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      norge: { type: 'geojson', data: norgeUrl, attribution: ATTRIBUTION },
      fylker: { type: 'geojson', data: fylkerUrl },
      kommuner: { type: 'geojson', data: kommunerUrl, promoteId: 'kommunenummer' },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#0e2233' } },
      { id: 'land', type: 'fill', source: 'norge', paint: { 'fill-color': '#1c2a22' } },
      // Preparedness gaps: kommuner no free ambulance reaches within the guideline (feature state).
      { id: 'kommune-gaps', type: 'fill', source: 'kommuner', paint: { 'fill-color': '#b71c1c', 'fill-opacity': ['case', ['boolean', ['feature-state', 'gap'], false], 0.45, 0] } },
      { id: 'kommune-borders', type: 'line', source: 'kommuner', minzoom: 6.5, paint: { 'line-color': '#4a6357', 'line-width': 0.6 } },
      { id: 'fylke-borders', type: 'line', source: 'fylker', paint: { 'line-color': '#7c9a8a', 'line-width': 1.4 } },
      { id: 'coast', type: 'line', source: 'norge', paint: { 'line-color': '#8fb3a3', 'line-width': 0.8 } },
    ],
  };
}

export const styleFromEnv = (): string | StyleSpecification => (import.meta.env.VITE_MAP_STYLE_URL as string | undefined) || offlineStyle();
