import {
  AddJournalEntryRequest,
  ApiError,
  CallIdParams,
  CallRecord,
  CallSummary,
  LinkCallsRequest,
  TriageRequest,
  UpdateCallRequest,
} from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CONSOLE_ROLES, OPERATOR_ROLES } from '../../auth/roles.js';
import { requireUser, userOf } from '../../plugins/authenticate.js';
import type { CallRecordService } from './call-record.service.js';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError } as const;

export const callRecordRoutes =
  (deps: { records: CallRecordService }): FastifyPluginAsyncZod =>
  async (app) => {
    const write = { preValidation: requireUser(OPERATOR_ROLES) };

    app.get(
      '/calls/:id',
      {
        schema: {
          tags: ['calls'],
          summary: 'The full call record (audited)',
          params: CallIdParams,
          response: { 200: CallRecord, ...errors },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => deps.records.get(userOf(request), request.params.id, request.ip),
    );
    app.patch(
      '/calls/:id',
      {
        schema: {
          tags: ['calls'],
          summary: 'Change fields of the record; the journal notes what changed',
          params: CallIdParams,
          body: UpdateCallRequest,
          response: { 200: CallRecord, ...errors },
        },
        ...write,
      },
      async (request) => deps.records.update(userOf(request), request.params.id, request.body),
    );
    app.post(
      '/calls/:id/journal',
      {
        schema: {
          tags: ['calls'],
          summary: 'Append a journal entry (the journal is append-only)',
          params: CallIdParams,
          body: AddJournalEntryRequest,
          response: { 200: CallRecord, ...errors },
        },
        ...write,
      },
      async (request) => deps.records.addJournalEntry(userOf(request), request.params.id, request.body.text),
    );
    app.post(
      '/calls/:id/triage',
      {
        schema: {
          tags: ['calls'],
          summary: 'Triage with an index criterion; a different urgency needs a reason',
          params: CallIdParams,
          body: TriageRequest,
          response: { 200: CallRecord, ...errors },
        },
        ...write,
      },
      async (request) => deps.records.triage(userOf(request), request.params.id, request.body),
    );
    app.post(
      '/calls/:id/link',
      {
        schema: {
          tags: ['calls'],
          summary: 'Link two calls about the same incident',
          params: CallIdParams,
          body: LinkCallsRequest,
          response: { 200: CallRecord, ...errors },
        },
        ...write,
      },
      async (request) => deps.records.link(userOf(request), request.params.id, request.body.otherCallId),
    );
    app.post(
      '/calls/:id/close',
      {
        schema: {
          tags: ['calls'],
          summary: 'Finish the record: the call leaves the open list',
          params: CallIdParams,
          response: { 200: CallSummary, ...errors },
        },
        ...write,
      },
      async (request) => deps.records.close(userOf(request), request.params.id),
    );
  };
