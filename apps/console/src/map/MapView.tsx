// The live map: the offline basemap, then GeoJSON sources fed by map-sync (units and the lines to
// their missions share one), drawn by LiveMap (live-map.ts), which draws a frame only for news.
import { NavigationControl, Popup, ScaleControl, setWorkerUrl, type Map as MapLibre } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { StationSummary } from '@amk/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { translate, useLocale, useT } from '../i18n/i18n.js';
import { positionAgeText } from '../lib/position-age.js';
import { useConsole } from '../store/console-store.js';
import { chosenBasemap } from './basemap-style.js';
import {
  busyUnitLabelLayer,
  CLUSTER_MAX_ZOOM,
  CLUSTER_PROPERTIES,
  callLetterLayer,
  clusterCountLayer,
  liveLayers,
  sceneLabelLayer,
  styleFont,
  unitLabelLayer,
} from './layers.js';
import { LiveMap } from './live-map.js';
import { MapLegend } from './MapLegend.js';
import { attachMap, MAP_SOURCES, mapSourceFeatures, shown, startMapSync } from './map-sync.js';
import { deliverPoint, isPicking, usePointPick } from '../store/point-pick.js';
import './point-pick.css';

// The worker ships as its own file; tell MapLibre where the bundle put it.
setWorkerUrl(workerUrl);

/** From this zoom a map with streets would show them; the outline map shows nothing more. */
const STREET_ZOOM = 11;
const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

type Bounds = [[number, number], [number, number]];

/** West-south and east-north corners of the own centre's stations; null before they are known. */
function ownStationBounds(stations: Record<string, StationSummary>, centreId: string | undefined): Bounds | null {
  if (!centreId) return null;
  const own = Object.values(stations).filter((st) => st.centreId === centreId);
  if (!own.length) return null;
  return [
    [Math.min(...own.map((st) => st.lon)), Math.min(...own.map((st) => st.lat))],
    [Math.max(...own.map((st) => st.lon)), Math.max(...own.map((st) => st.lat))],
  ];
}

const UNIT_LAYERS = new Set(['units', 'units-busy-low', 'unit-singles']);

/** A feature's label; a unit's with the age of its position when that is behind (read at hover). */
function popupText(layer: string, properties: Record<string, unknown>): string {
  const label = String(properties.label ?? '');
  const unit = UNIT_LAYERS.has(layer) ? useConsole.getState().units[String(properties.id)] : undefined;
  const locale = useLocale.getState().locale;
  const age = unit && positionAgeText(unit, Date.now(), (key, vars) => translate(locale, key, vars));
  return age ? `${label} – ${age}` : label;
}

/**
 * `gaps`: kommunenummer without a free ambulance within the guideline, shaded on the map.
 * `legend`: the legend an operator opens (not on the wall, where nobody clicks).
 */
export function MapView({ gaps = [], legend = true }: { gaps?: string[]; legend?: boolean } = {}) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibre | null>(null);
  const [noWebgl, setNoWebgl] = useState(false);
  const [ready, setReady] = useState(false);
  // On the outline map, zoomed in to where streets would be: say so, so an empty map is not taken
  // for "nothing here" and a click to place a patient is not taken for a precise one.
  const [outlineOnly, setOutlineOnly] = useState(false);
  const [streetZoom, setStreetZoom] = useState(false);
  const centre = useConsole((s) => s.centre);
  const selected = useConsole((s) => (s.selectedCallId ? s.calls[s.selectedCallId] : undefined));
  const shownUnitId = useConsole((s) => s.shownUnitId);
  const picking = usePointPick((s) => s.owner !== null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is made once; the centre only chooses where it first looks
  useEffect(() => {
    let map: MapLibre | undefined;
    let unmounted = false;
    // The sync runs from the start (the lists and tests read `shown`); the map joins when loaded.
    const stopSync = startMapSync();
    window.__amk ??= { store: useConsole, map: null, shown };
    // The basemap is the installation's setting, asked for first (the offline map if unset).
    void chosenBasemap().then((basemap) => {
      if (unmounted) return;
      try {
        map = new LiveMap({
          container: container.current!,
          style: basemap.style,
          center: [centre?.lon ?? 5.33, centre?.lat ?? 60.39],
          zoom: 7,
          // Labels appear at once instead of fading in over 300 ms: with units moving every second
          // a fade would keep the map redrawing frame after frame, for a cross-fade nobody reads.
          fadeDuration: 0,
          attributionControl: { compact: false, ...(basemap.attribution && { customAttribution: basemap.attribution }) },
        });
      } catch {
        setNoWebgl(true);
        return;
      }
      setOutlineOnly(basemap.outlineOnly);
      setUp(map);
    });
    function setUp(map: MapLibre) {
      mapRef.current = map;
      if (window.__amk) window.__amk.map = map;
      map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
      map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
      map.on('zoomend', () => setStreetZoom(map.getZoom() >= STREET_ZOOM));
      map.on('load', () => {
        for (const name of MAP_SOURCES)
          map.addSource(name, { type: 'geojson', data: { ...EMPTY, features: mapSourceFeatures(name) }, promoteId: 'id' });
        map.addSource('units-clustered', {
          type: 'geojson',
          data: EMPTY,
          cluster: true,
          clusterMaxZoom: CLUSTER_MAX_ZOOM - 1,
          clusterRadius: 40,
          clusterProperties: CLUSTER_PROPERTIES as never,
        });
        for (const layer of liveLayers) map.addLayer(layer);
        // Counts as text only where the style has fonts; the offline style has none (size shows scale).
        const font = styleFont(map.getStyle());
        if (font) {
          map.addLayer(clusterCountLayer(font));
          map.addLayer(unitLabelLayer(font), 'calls');
          map.addLayer(busyUnitLabelLayer(font), 'calls');
          map.addLayer(callLetterLayer(font));
          map.addLayer(sceneLabelLayer(font));
        }
        attachMap(map);
        // Loaded and laid out: the own area can be framed and the gaps shaded (effects below).
        setReady(true);
        const popup = new Popup({ closeButton: false, closeOnClick: false, className: 'map-popup' });
        for (const layer of ['calls', 'units', 'units-busy-low', 'unit-singles', 'stations', 'responders']) {
          map.on('mouseenter', layer, (e) => {
            const f = e.features?.[0];
            if (!f) return;
            if (!isPicking()) map.getCanvas().style.cursor = 'pointer';
            popup.setLngLat(e.lngLat).setText(popupText(layer, f.properties)).addTo(map!);
          });
          map.on('mouseleave', layer, () => {
            map.getCanvas().style.cursor = isPicking() ? 'crosshair' : '';
            popup.remove();
          });
        }
        map.on('click', 'calls', (e) => {
          if (isPicking() || e.defaultPrevented) return; // the click places a point, it does not select
          const id = e.features?.[0]?.properties.id;
          if (id) useConsole.getState().selectCall(String(id));
        });
        // A pending "pick a point" request (point-pick.ts) takes the next click anywhere in the map.
        map.on('click', (e) => {
          if (deliverPoint({ lat: e.lngLat.lat, lon: e.lngLat.lng })) e.preventDefault();
        });
      });
      map.on('error', () => {}); // a missing online style must not take the console down
    }
    return () => {
      unmounted = true;
      stopSync();
      attachMap(null);
      map?.remove();
      mapRef.current = null;
    };
  }, []);

  // The own area framed once its stations are known, at any screen size (a 4K wall shows the
  // centre's district, not all of southern Norway); after that the operator moves the map.
  const stations = useConsole((s) => s.stations);
  const ownArea = useMemo(() => ownStationBounds(stations, centre?.id), [stations, centre?.id]);
  const framed = useRef(false);
  /** The camera to a place the operator asked for; the own area is then not framed over it. */
  const flyToPlace = useCallback((lon: number, lat: number) => {
    const map = mapRef.current;
    if (!map) return;
    framed.current = true;
    map.flyTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), 12) });
  }, []);
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !ownArea || framed.current) return;
    framed.current = true;
    // The camera can move before the style has loaded; no need to wait for it.
    map.fitBounds(ownArea, { padding: 40, maxZoom: 10, duration: 0 });
  }, [ownArea, ready]);

  useEffect(() => {
    const canvas = mapRef.current?.getCanvas();
    if (canvas) canvas.style.cursor = picking ? 'crosshair' : '';
  }, [picking]);

  const gapKey = gaps.join(',');
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return; // made once the basemap setting is known
    const apply = () => {
      if (!map.getSource('kommuner')) return; // an online style has no kommune outlines to shade
      map.removeFeatureState({ source: 'kommuner' });
      for (const k of gapKey ? gapKey.split(',') : []) map.setFeatureState({ source: 'kommuner', id: k }, { gap: true });
    };
    if (map.isStyleLoaded()) apply();
    else map.once('idle', apply);
  }, [gapKey, ready]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: selecting another call at the same place flies there too
  useEffect(() => {
    if (selected?.lat != null && selected.lon != null) flyToPlace(selected.lon, selected.lat);
  }, [selected?.id, selected?.lat, selected?.lon]);

  // A unit asked for from the unit board: the map goes to where it is now (it is ringed there by
  // map-selection.ts, and keeps moving as it reports); read once, not followed every second.
  useEffect(() => {
    const unit = shownUnitId ? useConsole.getState().units[shownUnitId] : undefined;
    if (unit?.lat != null && unit.lon != null) flyToPlace(unit.lon, unit.lat);
  }, [shownUnitId, flyToPlace]);

  return (
    <div className="map-wrap" data-street-zoom={streetZoom}>
      <div ref={container} className="map" data-testid="map" />
      {legend && !noWebgl && <MapLegend />}
      {picking && <div className="banner map-pick-hint">{t('map.pickHint')}</div>}
      {noWebgl && <div className="banner warn">{t('map.noWebgl')}</div>}
      {outlineOnly && streetZoom && !noWebgl && (
        <div className="banner map-outline-note" role="note">
          {t('map.outlineOnly')}
        </div>
      )}
    </div>
  );
}
