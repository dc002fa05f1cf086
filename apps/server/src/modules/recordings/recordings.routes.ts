import {
  ApiError,
  CallIdParams,
  HoldParams,
  IngestedRecording,
  PlaceHoldRequest,
  PurgePreview,
  PurgePreviewQuery,
  RecordingIdParams,
  RecordingSummary,
  ReleaseHoldRequest,
  RetentionOverview,
} from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONSOLE_ROLES } from '../../auth/roles.js';
import { integrationOf, requireIntegration, requireRecentSignIn, requireUser, userOf } from '../../plugins/authenticate.js';
import { badRequest, payloadTooLarge, rangeNotSatisfiable, unsupportedMediaType } from '../../lib/http-error.js';
import type { Db } from '@amk/db';
import { MalformedUploadError, TooLargeError } from './blob-store.js';
import type { Purge } from './purge.js';
import type { RecordingsService, UploadPart } from './recordings.service.js';
import { retentionOverview } from './retention-overview.js';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 413: ApiError, 415: ApiError } as const;
const LISTENERS = [...CONSOLE_ROLES, 'auditor'] as const;
const HOLD_KEEPERS = ['supervisor', 'admin', 'auditor'] as const;

function parseRange(header: string | undefined): { start: number; end: number | null } | null {
  if (!header) return null;
  const m = /^bytes=(\d+)-(\d*)$/.exec(header.trim());
  if (!m) throw rangeNotSatisfiable('recording.badRange', { range: header });
  return { start: Number(m[1]), end: m[2] ? Number(m[2]) : null };
}

export const recordingsRoutes =
  (deps: { recordings: RecordingsService; purge: Purge; prisma: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/integrations/recordings',
      {
        schema: {
          tags: ['integrations'],
          summary: 'The recorder delivers a recording: multipart with audio (file), callExternalId, recordedAt, optional sha256',
          consumes: ['multipart/form-data'],
          response: { 200: IngestedRecording, 201: IngestedRecording, ...errors },
        },
        preValidation: requireIntegration,
      },
      async (request, reply) => {
        if (!request.isMultipart()) throw unsupportedMediaType('recording.sendMultipart');
        try {
          const result = await deps.recordings.ingest(integrationOf(request), request.parts() as AsyncIterable<UploadPart>);
          return reply.status(result.created ? 201 : 200).send(result.recording);
        } catch (e) {
          if (e instanceof TooLargeError || (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            throw payloadTooLarge('recording.uploadRefused', { detail: (e as Error).message });
          if (e instanceof MalformedUploadError) throw badRequest('recording.uploadRefused', { detail: e.message });
          throw e;
        }
      },
    );

    app.get(
      '/calls/:id/recordings',
      {
        schema: {
          tags: ['recordings'],
          summary: "A call's recordings with their retention and holds",
          params: CallIdParams,
          response: { 200: z.object({ recordings: z.array(RecordingSummary) }), ...errors },
        },
        preValidation: requireUser(LISTENERS),
      },
      async (request) => ({ recordings: await deps.recordings.forCall(userOf(request), request.params.id, request.ip) }),
    );

    app.get(
      '/recordings/:recordingId/audio',
      {
        schema: {
          tags: ['recordings'],
          summary: 'Listen (streamed, Range supported) or ?download=1; every listen is audited',
          params: RecordingIdParams,
          querystring: z.object({ download: z.enum(['0', '1']).optional() }),
        },
        preValidation: [requireUser(LISTENERS), requireRecentSignIn],
      },
      async (request, reply) => {
        const opened = await deps.recordings.open(
          userOf(request),
          request.params.recordingId,
          parseRange(request.headers.range),
          request.ip,
          request.query.download === '1',
        );
        reply.header('accept-ranges', 'bytes').header('cache-control', 'no-store');
        if (opened.unsatisfiable)
          return reply
            .status(416)
            .header('content-range', `bytes */${opened.size}`)
            .send({ statusCode: 416, error: 'Range Not Satisfiable', message: `the recording has ${opened.size} bytes` });
        reply.header('content-type', opened.contentType).header('content-length', String(opened.end - opened.start + 1));
        if (request.query.download === '1') reply.header('content-disposition', `attachment; filename="${request.params.recordingId}"`);
        if (opened.partial) reply.status(206).header('content-range', `bytes ${opened.start}-${opened.end}/${opened.size}`);
        return reply.send(opened.stream);
      },
    );

    app.post(
      '/recordings/:recordingId/holds',
      {
        schema: {
          tags: ['recordings'],
          summary: 'Place a hold (tilsyn, klage, erstatning, …): a held recording is never deleted',
          params: RecordingIdParams,
          body: PlaceHoldRequest,
          response: { 201: RecordingSummary, ...errors },
        },
        preValidation: [requireUser(HOLD_KEEPERS), requireRecentSignIn],
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await deps.recordings.placeHold(userOf(request), request.params.recordingId, request.body.reason, request.body.caseRef)),
    );
    app.post(
      '/recordings/:recordingId/holds/:holdId/release',
      {
        schema: {
          tags: ['recordings'],
          summary: 'Release a hold, saying why',
          params: HoldParams,
          body: ReleaseHoldRequest,
          response: { 200: RecordingSummary, ...errors },
        },
        preValidation: [requireUser(HOLD_KEEPERS), requireRecentSignIn],
      },
      async (request) =>
        deps.recordings.releaseHold(userOf(request), request.params.recordingId, request.params.holdId, request.body.reason),
    );

    app.get(
      '/recordings/purge/preview',
      {
        schema: {
          tags: ['recordings'],
          summary: "Dry run: what would the purge delete of my centre's recordings (an auditor: every centre's) on this date?",
          querystring: PurgePreviewQuery,
          response: { 200: PurgePreview, ...errors },
        },
        preValidation: requireUser(['admin', 'supervisor', 'auditor']),
      },
      async (request) => {
        // As for listening: a centre's people see their own centre's recordings, an auditor every centre's.
        const actor = userOf(request);
        return deps.purge.preview(request.query.date, actor.role === 'auditor' ? null : actor.centre.id);
      },
    );
    app.get(
      '/recordings/retention',
      {
        schema: {
          tags: ['recordings'],
          summary: 'Retention overview of my centre: due soon, held, deleted per month, purge history',
          response: { 200: RetentionOverview, ...errors },
        },
        preValidation: requireUser(['admin', 'supervisor', 'auditor']),
      },
      async (request) => retentionOverview(deps.prisma, userOf(request).centre.id),
    );
  };
