// Distances on the earth. Everything in the product is WGS84 decimal degrees.
import type { LatLon } from './vocabulary.js';

/** Mean earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;
/** Length of one degree of latitude (and of longitude at the equator), km. */
export const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;

const RAD = Math.PI / 180;

/** Great-circle distance in km between two WGS84 points (haversine formula). */
export function haversineKm(a: LatLon, b: LatLon): number {
  return haversineKmRaw(a.lat, a.lon, b.lat, b.lon);
}

/** haversineKm without object arguments, for hot loops (ranking thousands of units). */
export function haversineKmRaw(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/**
 * Distance in km from a point to a segment, all in degrees, on a local flat projection around
 * the point (equirectangular). Good to well under 1 % for the few-km distances it is used for.
 */
export function pointToSegmentKm(lat: number, lon: number, lat1: number, lon1: number, lat2: number, lon2: number): number {
  const kx = Math.cos(lat * RAD) * KM_PER_DEGREE;
  const ky = KM_PER_DEGREE;
  const ax = (lon1 - lon) * kx;
  const ay = (lat1 - lat) * ky;
  const bx = (lon2 - lon) * kx;
  const by = (lat2 - lat) * ky;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  // Parameter of the closest point on the segment to the origin (the query point), clamped.
  let t = len2 === 0 ? 0 : -(ax * dx + ay * dy) / len2;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const cx = ax + t * dx;
  const cy = ay + t * dy;
  return Math.sqrt(cx * cx + cy * cy);
}
