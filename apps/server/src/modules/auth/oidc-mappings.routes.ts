// The claim → centre + role table (issue 18): an administrator lists, adds and removes their own
// centre's rows; each change is audited. A person signed in by a provider gets the role a row of
// their groups gives, at the row's centre (auth/oidc/oidc-users.ts).
import { ApiError, NewOidcClaimMapping, OidcClaimMapping, OidcClaimMappings, Uuid } from '@amk/contracts';
import type { Db } from '@amk/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OidcProvider } from '../../auth/oidc/oidc-clients.js';
import { newId } from '../../lib/ids.js';
import { conflict, notFound, unprocessableEntity } from '../../lib/http-error.js';
import { requireUser, userOf } from '../../plugins/authenticate.js';
import { writeAudit } from '../audit/audit.service.js';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 422: ApiError } as const;

const toDto = (m: { id: string; providerId: string; claim: string; value: string; role: OidcClaimMapping['role']; createdAt: Date }) => ({
  id: m.id,
  providerId: m.providerId,
  claim: m.claim,
  value: m.value,
  role: m.role,
  createdAt: m.createdAt.toISOString(),
});

export const oidcMappingRoutes =
  (deps: { providers: Map<string, OidcProvider>; prisma: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/admin/oidc-mappings',
      {
        schema: {
          tags: ['auth'],
          summary: "My centre's claim → role mappings, and the configured identity providers",
          response: { 200: OidcClaimMappings, ...errors },
        },
        preValidation: requireUser(['admin']),
      },
      async (request) => {
        const admin = userOf(request);
        const rows = await deps.prisma.oidcClaimMapping.findMany({
          where: { centreId: admin.centre.id },
          orderBy: [{ providerId: 'asc' }, { claim: 'asc' }, { value: 'asc' }],
        });
        return {
          mappings: rows.map(toDto),
          providers: [...deps.providers.values()].map(({ settings }) => ({
            id: settings.id,
            label: settings.label,
            groupsClaim: settings.claims.groups,
          })),
        };
      },
    );

    app.post(
      '/admin/oidc-mappings',
      {
        schema: {
          tags: ['auth'],
          summary: 'Map a claim value (a group) to a role at my centre',
          body: NewOidcClaimMapping,
          response: { 201: OidcClaimMapping, ...errors },
        },
        preValidation: requireUser(['admin']),
      },
      async (request, reply) => {
        const admin = userOf(request);
        const provider = deps.providers.get(request.body.providerId);
        if (!provider) throw unprocessableEntity('oidc.unknownProviderId', { id: request.body.providerId });
        const claim = request.body.claim || provider.settings.claims.groups;
        const where = { providerId: provider.settings.id, claim, value: request.body.value, centreId: admin.centre.id };
        if (await deps.prisma.oidcClaimMapping.findFirst({ where }))
          throw conflict('oidc.mappingExists', { claim, value: request.body.value, centre: admin.centre.code });
        const row = await deps.prisma.oidcClaimMapping.create({
          data: { id: newId(), ...where, role: request.body.role, createdById: admin.userId },
        });
        await writeAudit(deps.prisma, admin, {
          action: 'oidc_mapping.create',
          entityType: 'OidcClaimMapping',
          entityId: row.id,
          detail: { providerId: row.providerId, claim, value: row.value, role: row.role },
          ip: request.ip,
        });
        return reply.status(201).send(toDto(row));
      },
    );

    app.delete(
      '/admin/oidc-mappings/:mappingId',
      {
        schema: {
          tags: ['auth'],
          summary: 'Remove a claim → role mapping of my centre',
          params: z.object({ mappingId: Uuid }),
          response: { 204: z.null(), ...errors },
        },
        preValidation: requireUser(['admin']),
      },
      async (request, reply) => {
        const admin = userOf(request);
        const row = await deps.prisma.oidcClaimMapping.findFirst({ where: { id: request.params.mappingId, centreId: admin.centre.id } });
        if (!row) throw notFound('oidc.mappingNotFound');
        await deps.prisma.oidcClaimMapping.delete({ where: { id: row.id } });
        await writeAudit(deps.prisma, admin, {
          action: 'oidc_mapping.delete',
          entityType: 'OidcClaimMapping',
          entityId: row.id,
          detail: { providerId: row.providerId, claim: row.claim, value: row.value, role: row.role },
          ip: request.ip,
        });
        return reply.status(204).send(null);
      },
    );
  };
