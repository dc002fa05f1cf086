// Paths of the bundled GeoJSON files, so the server and the console build agree on one copy.
import { fileURLToPath } from 'node:url';

export const geodataFiles = {
  kommuner: fileURLToPath(new URL('./data/Kommuner-S.geojson', import.meta.url)),
  fylker: fileURLToPath(new URL('./data/Fylker-S.geojson', import.meta.url)),
  norge: fileURLToPath(new URL('./data/Norge-S.geojson', import.meta.url)),
};

export const attribution = '© Kartverket (CC BY 4.0)';
