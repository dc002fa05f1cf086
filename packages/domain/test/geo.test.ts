import { describe, it, expect } from 'vitest';
import { haversineKm, pointToSegmentKm } from '../src/index.js';

// With R = 6371.0088 km: one degree of a great circle is π·R/180 = 111.195 km, half of it π·R = 20015.114 km.
describe('haversineKm', () => {
  it.each([
    ['same point', { lat: 60.3929, lon: 5.3241 }, { lat: 60.3929, lon: 5.3241 }, 0, 0.0001],
    ['one degree of latitude', { lat: 60, lon: 10 }, { lat: 61, lon: 10 }, 111.195, 0.001],
    ['one degree of longitude at the equator', { lat: 0, lon: 0 }, { lat: 0, lon: 1 }, 111.195, 0.001],
    ['half the equator', { lat: 0, lon: 0 }, { lat: 0, lon: 180 }, 20015.114, 0.001],
    // At 60°N a degree of longitude is half as long (cos 60° = 0.5), minus a little for the curve.
    ['one degree of longitude at 60°N', { lat: 60, lon: 10 }, { lat: 60, lon: 11 }, 55.597, 0.01],
    ['Oslo–Bergen', { lat: 59.9127, lon: 10.7461 }, { lat: 60.3929, lon: 5.3241 }, 305, 3],
  ])('%s', (_name, a, b, km, tolerance) => {
    expect(Math.abs(haversineKm(a, b) - km)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(haversineKm(b, a) - km)).toBeLessThanOrEqual(tolerance);
  });
});

describe('pointToSegmentKm', () => {
  it.each([
    ['perpendicular foot inside the segment', 60.01, 10.5, 60, 10, 60, 11, 1.112],
    ['closest to an end point', 60, 9.9, 60, 10, 60, 11, 5.56],
    ['on the segment', 60, 10.5, 60, 10, 60, 11, 0],
    ['degenerate segment', 60.01, 10, 60, 10, 60, 10, 1.112],
  ])('%s', (_name, lat, lon, lat1, lon1, lat2, lon2, km) => {
    expect(pointToSegmentKm(lat, lon, lat1, lon1, lat2, lon2)).toBeCloseTo(km, 2);
  });
});
