// What a simulated unit terminal sends, in one place for the bench's fetch senders
// (position-load.ts, soak.ts) and the flood's autocannon senders (flood-senders.ts).
import { INTEGRATIONS_PREFIX } from '../src/lib/api-prefix.js';

export const positionPath = (callSign: string) => `${INTEGRATIONS_PREFIX}units/${callSign}/position`;

/** Unit `i` of the fleet on its grid around Bergen, moved east with each tick. */
export const positionBody = (i: number, tick: number, at: string) =>
  JSON.stringify({ lat: 60.2 + (i % 40) * 0.01, lon: 5.1 + Math.floor(i / 40) * 0.01 + tick * 0.0001, at });
