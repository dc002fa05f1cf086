// API keys for integrations (telephony, AML gateway, recorder, unit terminals). Shown once when
// created; only the sha256 is stored. Format: amk_<prefix>_<secret>.
import type { Db } from '@amk/db';
import { newId } from '../lib/ids.js';
import { notFound } from '../lib/http-error.js';
import type { IntegrationActor } from './actor.js';
import { randomToken, sha256 } from './tokens.js';

/**
 * Integrations send hundreds of requests a second (unit terminals): a verified key is remembered
 * for KEY_CACHE_MS, so a revoked key stops working within that time, not instantly.
 */
const KEY_CACHE_MS = 10_000;

export function createIntegrationKeyService(prisma: Db) {
  const cache = new Map<string, { actor: IntegrationActor; until: number }>();
  return {
    async create(name: string, centreCode: string): Promise<{ id: string; key: string }> {
      const centre = await prisma.centre.findUnique({ where: { code: centreCode } });
      if (!centre) throw notFound('centre.unknownCapital', { centre: centreCode });
      const prefix = randomToken(6);
      const key = `amk_${prefix}_${randomToken(24)}`;
      const id = newId();
      await prisma.integrationKey.create({ data: { id, name, centreId: centre.id, prefix, keyHash: sha256(key) } });
      return { id, key };
    },

    async authenticate(key: string | undefined): Promise<IntegrationActor | null> {
      if (!key || key.length > 200) return null;
      const hash = sha256(key);
      const hit = cache.get(hash);
      if (hit && hit.until > Date.now()) return hit.actor;
      const row = await prisma.integrationKey.findUnique({ where: { keyHash: hash }, include: { centre: true } });
      if (!row || row.revokedAt) return null;
      const actor: IntegrationActor = {
        kind: 'integration',
        keyId: row.id,
        name: row.name,
        centre: { id: row.centre.id, code: row.centre.code, kind: row.centre.kind },
      };
      if (cache.size > 1_000) cache.clear();
      cache.set(hash, { actor, until: Date.now() + KEY_CACHE_MS });
      return actor;
    },
  };
}

export type IntegrationKeyService = ReturnType<typeof createIntegrationKeyService>;
