import { createHash } from 'node:crypto';

/** A UUID derived from a name, so seeding twice writes the same rows (idempotent upserts). */
export function stableId(name: string): string {
  const h = createHash('sha1').update(`amk-demo:${name}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
