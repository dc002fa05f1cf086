// The map's public surface: the map itself, for the wall.
export { MapView } from './MapView.js';
