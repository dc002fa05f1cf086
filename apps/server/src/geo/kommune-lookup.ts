// Which kommune a point lies in, from Kartverket's outlines (packages/geodata), loaded once.
import { readFileSync } from 'node:fs';
import { createKommuneResolver } from '@amk/domain';
import { geodataFiles } from '@amk/geodata';

export type KommuneLookup = ReturnType<typeof createKommuneLookup>;

export function createKommuneLookup() {
  let resolver: ReturnType<typeof createKommuneResolver> | null = null;
  const get = () => (resolver ??= createKommuneResolver(JSON.parse(readFileSync(geodataFiles.kommuner, 'utf8'))));
  return {
    resolve: (lat: number, lon: number) => get().resolve(lat, lon),
    kommunenummerAt: (lat: number, lon: number): string | null => get().resolve(lat, lon)?.kommunenummer ?? null,
  };
}
