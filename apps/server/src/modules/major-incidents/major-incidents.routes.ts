import {
  ApiError,
  AssignTransportRequest,
  CallSignParams,
  ChangeCategoryRequest,
  CheckInRequest,
  DeclareMajorIncidentRequest,
  DistributionProposal,
  IncidentUnitParams,
  MajorIncidentDetail,
  MajorIncidentIdParams,
  MajorIncidentList,
  MajorIncidentLog,
  PatientParams,
  PatientTimeRequest,
  RegisterPatientRequest,
  UpdateSceneRequest,
} from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CONSOLE_ROLES } from '../../auth/roles.js';
import type { UserActor } from '../../auth/actor.js';
import { integrationOf, requireIntegration, requireUser, userOf } from '../../plugins/authenticate.js';
import type { Db } from '@amk/db';
import { writeAudit } from '../audit/audit.service.js';
import { logAsCsv, readLog } from './major-incident-log.js';
import type { MajorIncidentsService } from './major-incidents.service.js';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError } as const;
/** § 15 o is AMK's: its operators and doctors declare and run a major incident. */
const AMK_ROLES = ['amk_operator', 'amk_doctor'] as const;
const tags = ['major-incidents'];

export const majorIncidentsRoutes =
  (deps: { majorIncidents: MajorIncidentsService; prisma: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const { majorIncidents: service, prisma } = deps;
    /** A read is audited in the reader's centre, and in the owner's when it was shared with the reader. */
    const auditRead = async (
      actor: UserActor,
      entry: { action: string; majorIncidentId: string; detail?: Record<string, unknown>; ip: string },
    ) => {
      const audit = {
        action: entry.action,
        entityType: 'MajorIncident',
        entityId: entry.majorIncidentId,
        ip: entry.ip,
        ...(entry.detail && { detail: entry.detail }),
      };
      await writeAudit(prisma, actor, audit);
      const owner = await prisma.majorIncident.findUnique({ where: { id: entry.majorIncidentId }, select: { centreId: true } });
      if (owner && owner.centreId !== actor.centre.id) await writeAudit(prisma, actor, { ...audit, centreId: owner.centreId });
    };

    app.post(
      '/major-incidents',
      {
        schema: {
          tags,
          summary: 'Declare a major incident (masseskadehendelse) from a call of my centre',
          body: DeclareMajorIncidentRequest,
          response: { 201: MajorIncidentDetail, ...errors },
        },
        preValidation: requireUser(AMK_ROLES),
      },
      async (request, reply) => reply.status(201).send(await service.declare(userOf(request), request.body)),
    );
    app.get(
      '/major-incidents',
      {
        schema: {
          tags,
          summary: 'Open major incidents of my centre and those neighbours shared with it, with counts per category and hospital',
          response: { 200: MajorIncidentList, 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => {
        const actor = userOf(request);
        const majorIncidents = await service.listOpen(actor);
        await writeAudit(prisma, actor, {
          action: 'major-incident.list',
          entityType: 'MajorIncident',
          detail: { ids: majorIncidents.map((m) => m.id) },
          ip: request.ip,
        });
        return { majorIncidents };
      },
    );
    app.get(
      '/major-incidents/:majorIncidentId',
      {
        schema: {
          tags,
          summary: 'One major incident of my centre, or shared with it by a neighbour, with its patients (open or closed)',
          params: MajorIncidentIdParams,
          response: { 200: MajorIncidentDetail, ...errors },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => {
        const actor = userOf(request);
        const detail = await service.get(actor, request.params.majorIncidentId);
        await auditRead(actor, {
          action: 'major-incident.read',
          majorIncidentId: detail.id,
          detail: { patients: detail.patients.length },
          ip: request.ip,
        });
        return detail;
      },
    );
    app.put(
      '/major-incidents/:majorIncidentId/scene',
      {
        schema: {
          tags,
          summary:
            'Scene organisation: rendezvous point, ambulance holding area, casualty clearing point, and who leads on scene (null clears)',
          params: MajorIncidentIdParams,
          body: UpdateSceneRequest,
          response: { 200: MajorIncidentDetail, ...errors },
        },
        preValidation: requireUser(AMK_ROLES),
      },
      async (request) => service.updateScene(userOf(request), request.params.majorIncidentId, request.body),
    );
    app.post(
      '/major-incidents/:majorIncidentId/close',
      {
        schema: {
          tags,
          summary: 'Close a major incident; it stays readable',
          params: MajorIncidentIdParams,
          response: { 200: MajorIncidentDetail, ...errors },
        },
        preValidation: requireUser(AMK_ROLES),
      },
      async (request) => service.close(userOf(request), request.params.majorIncidentId),
    );
    app.post(
      '/major-incidents/:majorIncidentId/patients',
      {
        schema: {
          tags,
          summary: 'Register a patient by triage card number and category',
          params: MajorIncidentIdParams,
          body: RegisterPatientRequest,
          response: { 200: MajorIncidentDetail, 201: MajorIncidentDetail, ...errors },
        },
        preValidation: requireUser(AMK_ROLES),
      },
      async (request, reply) => {
        const { created, detail } = await service.registerPatient(userOf(request), request.params.majorIncidentId, request.body);
        return reply.status(created ? 201 : 200).send(detail);
      },
    );
    app.post(
      '/major-incidents/:majorIncidentId/patients/:patientId/category',
      {
        schema: {
          tags,
          summary: 'Change a patient’s triage category (re-triage)',
          params: PatientParams,
          body: ChangeCategoryRequest,
          response: { 200: MajorIncidentDetail, ...errors },
        },
        preValidation: requireUser(AMK_ROLES),
      },
      async (request) =>
        service.changeCategory(
          userOf(request),
          request.params.majorIncidentId,
          request.params.patientId,
          request.body.category,
          request.body.reason,
        ),
    );
    app.post(
      '/major-incidents/:majorIncidentId/patients/:patientId/transport',
      {
        schema: {
          tags,
          summary:
            'Give a patient a destination hospital and a transporting unit, within the hospital’s declared capacity unless overridden with a reason',
          params: PatientParams,
          body: AssignTransportRequest,
          response: { 200: MajorIncidentDetail, ...errors },
        },
        preValidation: requireUser(AMK_ROLES),
      },
      async (request) => service.assignTransport(userOf(request), request.params.majorIncidentId, request.params.patientId, request.body),
    );
    app.post(
      '/major-incidents/:majorIncidentId/patients/:patientId/left-scene',
      {
        schema: {
          tags,
          summary: 'The patient left the scene',
          params: PatientParams,
          body: PatientTimeRequest,
          response: { 200: MajorIncidentDetail, ...errors },
        },
        preValidation: requireUser(AMK_ROLES),
      },
      async (request) =>
        service.recordTime(userOf(request), request.params.majorIncidentId, request.params.patientId, 'LEFT_SCENE', request.body.at),
    );
    app.post(
      '/major-incidents/:majorIncidentId/patients/:patientId/arrived',
      {
        schema: {
          tags,
          summary: 'The patient arrived at the hospital',
          params: PatientParams,
          body: PatientTimeRequest,
          response: { 200: MajorIncidentDetail, ...errors },
        },
        preValidation: requireUser(AMK_ROLES),
      },
      async (request) =>
        service.recordTime(userOf(request), request.params.majorIncidentId, request.params.patientId, 'ARRIVED', request.body.at),
    );
    app.get(
      '/major-incidents/:majorIncidentId/proposal',
      {
        schema: {
          tags,
          summary:
            'Proposed destination hospitals for the patients without one: red to the nearest first, no hospital over its declared capacity',
          params: MajorIncidentIdParams,
          response: { 200: DistributionProposal, ...errors },
        },
        preValidation: requireUser(AMK_ROLES),
      },
      async (request) => {
        const actor = userOf(request);
        const proposal = await service.propose(actor, request.params.majorIncidentId);
        await writeAudit(prisma, actor, {
          action: 'major-incident.proposal.read',
          entityType: 'MajorIncident',
          entityId: request.params.majorIncidentId,
          ip: request.ip,
        });
        return proposal;
      },
    );
    app.get(
      '/major-incidents/:majorIncidentId/log',
      {
        schema: {
          tags,
          summary: 'The append-only timeline of the major incident',
          params: MajorIncidentIdParams,
          response: { 200: MajorIncidentLog, ...errors },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => {
        const actor = userOf(request);
        await service.forLog(actor, request.params.majorIncidentId);
        const entries = await readLog(prisma, request.params.majorIncidentId);
        await auditRead(actor, { action: 'major-incident.log.read', majorIncidentId: request.params.majorIncidentId, ip: request.ip });
        return { entries };
      },
    );
    app.get(
      '/major-incidents/:majorIncidentId/log.csv',
      {
        schema: { tags, summary: 'The timeline as CSV (semicolon-separated) for the evaluation', params: MajorIncidentIdParams },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request, reply) => {
        const actor = userOf(request);
        const cards = await service.forLog(actor, request.params.majorIncidentId);
        const csv = logAsCsv(await readLog(prisma, request.params.majorIncidentId), cards);
        await auditRead(actor, { action: 'major-incident.log.export', majorIncidentId: request.params.majorIncidentId, ip: request.ip });
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="masseskadehendelse-${request.params.majorIncidentId}.csv"`)
          .send(`\ufeff${csv}\n`);
      },
    );
    app.post(
      '/major-incidents/:majorIncidentId/units/:unitId/check-in',
      {
        schema: {
          tags,
          summary: 'A unit sent to the incident reported at the holding area (venteplass), as it told the operator',
          params: IncidentUnitParams,
          body: CheckInRequest,
          response: { 200: MajorIncidentDetail, ...errors },
        },
        preValidation: requireUser(AMK_ROLES),
      },
      async (request) => service.checkIn(userOf(request), { id: request.params.unitId }, request.params.majorIncidentId, request.body.at),
    );
    app.post(
      '/integrations/units/:callSign/check-in',
      {
        schema: {
          tags: ['integrations'],
          summary: 'A unit terminal reports at the holding area of the open major incident it was sent to (its centre’s key)',
          params: CallSignParams,
          body: CheckInRequest,
          response: { 200: MajorIncidentDetail, ...errors },
        },
        preValidation: requireIntegration,
      },
      async (request) => service.checkIn(integrationOf(request), { callSign: request.params.callSign }, undefined, request.body.at),
    );
  };
