// Which kommune is the caller in? (§ 12 e / § 15 k: caller positions are resolved to a kommune,
// which decides the responsible legevakt, the akutthjelper agreements and the statistics.)
// Works on the simplified Kartverket polygons in packages/geodata: coastlines are coarse, so a
// caller on a quay, an island or a boat can fall just outside every polygon; those points get the
// nearest kommune within `maxFallbackKm`, flagged exact=false so the operator confirms it.
import { KM_PER_DEGREE, pointToSegmentKm } from './geo.js';

/** [lon, lat] as in GeoJSON (extra elements such as altitude are ignored). */
export type GeoJsonPosition = readonly number[];
export type LinearRing = readonly GeoJsonPosition[];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: readonly LinearRing[];
}

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: readonly (readonly LinearRing[])[];
}

/**
 * One point to name an area by: the centroid of its largest outer ring (area-weighted). A
 * kommune of many islands gets one label, on its main part; good enough as a distance point too.
 */
export function labelPoint(geometry: PolygonGeometry | MultiPolygonGeometry): { lat: number; lon: number } {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = { area: -1, lat: 0, lon: 0 };
  for (const poly of polygons) {
    const ring = poly[0];
    if (!ring) continue;
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const x0 = ring[j]![0]!;
      const y0 = ring[j]![1]!;
      const x1 = ring[i]![0]!;
      const y1 = ring[i]![1]!;
      const cross = x0 * y1 - x1 * y0;
      a += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (Math.abs(a) > best.area && a !== 0) best = { area: Math.abs(a), lon: cx / (3 * a), lat: cy / (3 * a) };
  }
  return { lat: best.lat, lon: best.lon };
}

export interface KommuneProperties {
  kommunenummer: string;
  kommunenavn: string;
}

export interface KommuneFeature {
  type: 'Feature';
  properties: KommuneProperties;
  geometry: PolygonGeometry | MultiPolygonGeometry;
}

export interface KommuneFeatureCollection {
  type: 'FeatureCollection';
  features: readonly KommuneFeature[];
}

export interface KommuneHit {
  kommunenummer: string;
  kommunenavn: string;
  /** true: inside the polygon; false: nearest polygon within the fallback distance. */
  exact: boolean;
  /** 0 for exact hits, otherwise the distance to the nearest polygon edge. */
  distanceKm: number;
}

export interface KommuneResolverOptions {
  maxFallbackKm?: number;
}

export interface KommuneResolver {
  resolve(lat: number, lon: number): KommuneHit | null;
}

interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** One polygon (outer ring + holes) of one kommune; rings flattened to [lon0, lat0, lon1, lat1, …]. */
interface IndexedPolygon {
  feature: number;
  bbox: BBox;
  rings: Float64Array[];
  ringBoxes: BBox[];
}

/** Grid cell size in degrees; ~20 × 20 km in southern Norway, a handful of candidates per cell. */
const CELL_DEG = 0.2;

function ringBBox(ring: Float64Array): BBox {
  const box: BBox = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (let i = 0; i < ring.length; i += 2) {
    const x = ring[i] ?? 0;
    const y = ring[i + 1] ?? 0;
    if (x < box.minLon) box.minLon = x;
    if (x > box.maxLon) box.maxLon = x;
    if (y < box.minLat) box.minLat = y;
    if (y > box.maxLat) box.maxLat = y;
  }
  return box;
}

function flattenRing(ring: LinearRing): Float64Array {
  const out = new Float64Array(ring.length * 2);
  ring.forEach((p, i) => {
    out[2 * i] = p[0] ?? 0;
    out[2 * i + 1] = p[1] ?? 0;
  });
  return out;
}

/** Even-odd ray casting over every ring of one polygon, so a point in a hole counts as outside. */
function insidePolygon(poly: IndexedPolygon, lat: number, lon: number): boolean {
  let inside = false;
  for (const ring of poly.rings) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const xi = ring[i] ?? 0;
      const yi = ring[i + 1] ?? 0;
      const xj = ring[j] ?? 0;
      const yj = ring[j + 1] ?? 0;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Lower bound of the distance in km from a point to a box (0 when inside). */
function bboxDistanceKm(box: BBox, lat: number, lon: number): number {
  const dLon = lon < box.minLon ? box.minLon - lon : lon > box.maxLon ? lon - box.maxLon : 0;
  const dLat = lat < box.minLat ? box.minLat - lat : lat > box.maxLat ? lat - box.maxLat : 0;
  // Use the larger of the two latitudes' cosines for a safe (never too large) lower bound.
  const cos = Math.cos((Math.max(0, Math.min(Math.abs(lat), Math.abs(box.minLat), Math.abs(box.maxLat))) * Math.PI) / 180);
  const x = dLon * cos * KM_PER_DEGREE;
  const y = dLat * KM_PER_DEGREE;
  return Math.sqrt(x * x + y * y);
}

function ringDistanceKm(ring: Float64Array, lat: number, lon: number): number {
  let best = Infinity;
  for (let i = 2; i < ring.length; i += 2) {
    const d = pointToSegmentKm(lat, lon, ring[i - 1] ?? 0, ring[i - 2] ?? 0, ring[i + 1] ?? 0, ring[i] ?? 0);
    if (d < best) best = d;
  }
  return best;
}

export function createKommuneResolver(fc: KommuneFeatureCollection, options: KommuneResolverOptions = {}): KommuneResolver {
  const maxFallbackKm = options.maxFallbackKm ?? 5;
  const features = fc.features.map((f) => f.properties);
  const polygons: IndexedPolygon[] = [];

  fc.features.forEach((f, feature) => {
    const parts = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const part of parts) {
      const rings = part.filter((r) => r.length >= 3).map(flattenRing);
      const outer = rings[0];
      if (!outer) continue;
      polygons.push({ feature, bbox: ringBBox(outer), rings, ringBoxes: rings.map(ringBBox) });
    }
  });

  // Grid over the data's extent; each cell lists the polygons whose bbox touches it.
  const extent: BBox = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const p of polygons) {
    extent.minLon = Math.min(extent.minLon, p.bbox.minLon);
    extent.minLat = Math.min(extent.minLat, p.bbox.minLat);
    extent.maxLon = Math.max(extent.maxLon, p.bbox.maxLon);
    extent.maxLat = Math.max(extent.maxLat, p.bbox.maxLat);
  }
  const cols = polygons.length ? Math.floor((extent.maxLon - extent.minLon) / CELL_DEG) + 1 : 0;
  const rows = polygons.length ? Math.floor((extent.maxLat - extent.minLat) / CELL_DEG) + 1 : 0;
  const cells: number[][] = Array.from({ length: cols * rows }, () => []);
  const colOf = (lon: number): number => Math.floor((lon - extent.minLon) / CELL_DEG);
  const rowOf = (lat: number): number => Math.floor((lat - extent.minLat) / CELL_DEG);
  polygons.forEach((p, index) => {
    for (let r = rowOf(p.bbox.minLat); r <= rowOf(p.bbox.maxLat); r++) {
      for (let c = colOf(p.bbox.minLon); c <= colOf(p.bbox.maxLon); c++) cells[r * cols + c]?.push(index);
    }
  });

  // Stamps avoid visiting a polygon twice when it spans several cells, without allocating a Set.
  const visited = new Uint32Array(polygons.length);
  let stamp = 0;

  function hit(feature: number, exact: boolean, distanceKm: number): KommuneHit | null {
    const props = features[feature];
    if (!props) return null;
    return { kommunenummer: props.kommunenummer, kommunenavn: props.kommunenavn, exact, distanceKm };
  }

  function resolve(lat: number, lon: number): KommuneHit | null {
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || polygons.length === 0) return null;

    const col = colOf(lon);
    const row = rowOf(lat);
    if (col >= 0 && col < cols && row >= 0 && row < rows) {
      for (const index of cells[row * cols + col] ?? []) {
        const p = polygons[index];
        if (!p) continue;
        const b = p.bbox;
        if (lon < b.minLon || lon > b.maxLon || lat < b.minLat || lat > b.maxLat) continue;
        if (insidePolygon(p, lat, lon)) return hit(p.feature, true, 0);
      }
    }

    if (maxFallbackKm <= 0) return null;
    // Nearest edge within maxFallbackKm: visit only the cells that the search circle can reach.
    const dLat = maxFallbackKm / KM_PER_DEGREE;
    const cosLat = Math.max(Math.cos((Math.min(89, Math.abs(lat) + dLat) * Math.PI) / 180), 0.01);
    const dLon = dLat / cosLat;
    const r0 = Math.max(0, rowOf(lat - dLat));
    const r1 = Math.min(rows - 1, rowOf(lat + dLat));
    const c0 = Math.max(0, colOf(lon - dLon));
    const c1 = Math.min(cols - 1, colOf(lon + dLon));
    if (r0 > r1 || c0 > c1) return null;

    stamp++;
    let bestKm = maxFallbackKm;
    let bestFeature = -1;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        for (const index of cells[r * cols + c] ?? []) {
          if (visited[index] === stamp) continue;
          visited[index] = stamp;
          const p = polygons[index];
          if (!p || bboxDistanceKm(p.bbox, lat, lon) > bestKm) continue;
          p.rings.forEach((ring, k) => {
            const box = p.ringBoxes[k];
            if (box && bboxDistanceKm(box, lat, lon) > bestKm) return;
            const d = ringDistanceKm(ring, lat, lon);
            if (d <= bestKm) {
              bestKm = d;
              bestFeature = p.feature;
            }
          });
        }
      }
    }
    return bestFeature >= 0 ? hit(bestFeature, false, bestKm) : null;
  }

  return { resolve };
}
