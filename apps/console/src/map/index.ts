// The map's public surface: the map itself (fetched when first shown), for the console and the wall.
export { MapView, preloadMap } from './LazyMapView.js';
