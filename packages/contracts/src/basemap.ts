import { z } from 'zod';

/**
 * Which basemap the console draws, chosen when the server starts (not when the console is built):
 * no style means the offline outline map made from Kartverket's data; otherwise a MapLibre style
 * URL (an online style such as Kartverket's cached topographic tiles, or a style served from the
 * server's own map folder that points at a local PMTiles file with `pmtiles://`).
 */
export const Basemap = z.object({
  styleUrl: z.string().nullable(),
  /** Credit for the chosen map, shown beside the style's own attributions; null: the style's own only. */
  attribution: z.string().nullable(),
});
export type Basemap = z.infer<typeof Basemap>;
