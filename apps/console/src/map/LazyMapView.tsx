// The map as the console and the wall use it: MapLibre (most of the console's script) is its own
// chunk, fetched when the map is first shown, so the call queue beside it is usable before the map
// library has even arrived. If the chunk cannot be fetched (a server restarted with a new build
// between login and now), the map says so and the rest of the page keeps working.
import { Component, lazy, type ReactNode, Suspense, useEffect } from 'react';
import { useT } from '../i18n/i18n.js';
import { useConsole } from '../store/console-store.js';
import { shown } from './map-sync.js';

type MapProps = { gaps?: string[]; legend?: boolean };

const loadMap = () => import('./MapView.js');
const LoadedMap = lazy(() => loadMap().then((m) => ({ default: m.MapView })));

/** Fetches the map library now, for a page that will draw it (its lazy component asks again if this fails). */
export function preloadMap(): void {
  loadMap().catch(() => {});
}

declare global {
  interface Window {
    // Read by the browser tests and the bench; `map` is filled in once MapLibre has made it.
    __amk?: { store: typeof useConsole; map: import('maplibre-gl').Map | null; shown: typeof shown };
  }
}

export function MapView(props: MapProps) {
  // The hook exists as soon as the page does, not only once the map's chunk has arrived.
  useEffect(() => {
    window.__amk ??= { store: useConsole, map: null, shown };
  }, []);
  return (
    <MapLoadFailure>
      <Suspense fallback={<MapMessage textKey="map.loading" />}>
        <LoadedMap {...props} />
      </Suspense>
    </MapLoadFailure>
  );
}

function MapMessage({ textKey }: { textKey: 'map.loading' | 'map.loadFailed' }) {
  const t = useT();
  return (
    <div className="map-wrap map-message" role="status">
      {t(textKey)}
    </div>
  );
}

/** Catches only the map's own failure (its chunk not fetched): the queue and the record stay up. */
class MapLoadFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <MapMessage textKey="map.loadFailed" /> : this.props.children;
  }
}
