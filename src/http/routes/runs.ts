/**
 * Measurement and assessment runs (ministry only): start a job, follow its
 * progress, read its result; a draft assessment's decisions with reasons and
 * their differences to the issued run of the year; approve, resolve
 * "kræver vurdering" with a reason, issue with the notices' send date; and
 * a notice's real send date recorded later.
 */
import { Type } from 'typebox';
import {
  approveRun,
  assessmentRun,
  differencesToIssued,
  listAssessmentRuns,
  resolveJudgement,
  startAssessmentRun,
} from '../../cases/assessment-runs.js';
import { issueRun, recordNoticeDate } from '../../cases/issue-run.js';
import {
  listMeasurementRuns,
  measurementRun,
  startMeasurementRun,
} from '../../cases/measurement-runs.js';
import { runDecisions } from '../../cases/run-decision-list.js';
import { NATION } from '../../access/policy.js';
import { authorize } from '../authorize.js';
import { actorOf as caseActorOf } from '../../cases/users.js';
import type { HttpContext } from '../http-context.js';
import { FormatQuery, sendList } from '../list-response.js';
import type { Principal } from '../principal.js';
import { ErrorSchema } from '../schemas.js';
import type { TilsynApp } from '../tilsyn-app.js';
import { unauthorized } from '../http-error.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Started = Type.Object({ runId: Type.Integer() });
const Errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };
const Timestamp = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

const MeasurementRunSchema = Type.Object({
  id: Type.Integer(),
  loadId: Type.String(),
  rulesVersion: Type.String(),
  fromMonth: Type.String(),
  toMonth: Type.String(),
  status: Type.String(),
  progress: Type.Number(),
  progressText: Type.Union([Type.String(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Timestamp,
});

const AssessmentRunSummarySchema = Type.Object({
  id: Type.Integer(),
  measurementRunId: Type.Union([Type.Integer(), Type.Null()]),
  year: Type.Integer(),
  rulesVersion: Type.String(),
  status: Type.String(),
  progress: Type.Number(),
  progressText: Type.Union([Type.String(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Timestamp,
  approvedAt: Timestamp,
  issuedAt: Timestamp,
});

const RunDecisionSchema = Type.Object({
  id: Type.Integer(),
  municipality: Type.Integer(),
  year: Type.Integer(),
  decision: Type.String(),
  statusBefore: Type.String(),
  statusAfter: Type.Union([Type.String(), Type.Null()]),
  legalBasis: Type.Unknown(),
  details: Type.Unknown(),
  resolution: Type.Union([
    Type.Object({ decision: Type.String(), reason: Type.String() }),
    Type.Null(),
  ]),
});

function actorOf(principal: Principal) {
  if (principal.user === undefined) throw unauthorized();
  return caseActorOf(principal.user);
}

export function runRoutes(app: TilsynApp, context: HttpContext): void {
  const { system, database } = context;

  app.post(
    '/api/measurement-runs',
    {
      schema: {
        tags: ['kørsler'],
        summary: 'Start en målekørsel af en indlæsning (job)',
        body: Type.Object({
          load: Type.String({ minLength: 1, description: '"current", et indlæsnings-id' }),
          fromYear: Type.Integer({ minimum: 2000, maximum: 2999 }),
          toYear: Type.Integer({ minimum: 2000, maximum: 2999 }),
        }),
        response: { 202: Started, ...Errors, 422: ErrorSchema },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'manage_runs', NATION);
      const started = await startMeasurementRun(system, actorOf(principal), request.body);
      return reply.status(202).send({ runId: started.runId });
    },
  );

  app.get(
    '/api/measurement-runs',
    {
      schema: {
        tags: ['kørsler'],
        summary: 'Alle målekørsler, nyeste først',
        querystring: Type.Object(FormatQuery),
        response: { 200: Type.Array(MeasurementRunSchema), ...Errors },
      },
    },
    async (request, reply) => {
      authorize(request, 'manage_runs', NATION);
      const rows = (await listMeasurementRuns(database)).map(presentMeasurementRun);
      return sendList(request, reply, {
        name: 'maalekoersler',
        rows,
        columns: [
          'id',
          'loadId',
          'rulesVersion',
          'fromMonth',
          'toMonth',
          'status',
          'progress',
          'error',
          'createdAt',
          'finishedAt',
        ],
        json: () => rows,
      });
    },
  );

  app.get(
    '/api/measurement-runs/:id',
    {
      schema: {
        tags: ['kørsler'],
        summary: 'En målekørsel: status, fremdrift og fejl',
        params: IdParams,
        response: { 200: MeasurementRunSchema, ...Errors },
      },
    },
    async (request) => {
      authorize(request, 'manage_runs', NATION);
      return presentMeasurementRun(await measurementRun(database, request.params.id));
    },
  );

  app.post(
    '/api/assessment-runs',
    {
      schema: {
        tags: ['kørsler'],
        summary: 'Start en vurderingskørsel af et år fra en målekørsel (job)',
        body: Type.Object({
          measurementRunId: Type.Integer({ minimum: 1 }),
          year: Type.Integer({ minimum: 2000, maximum: 2999 }),
        }),
        response: { 202: Started, ...Errors, 409: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'manage_runs', NATION);
      const started = await startAssessmentRun(system, actorOf(principal), request.body);
      return reply.status(202).send({ runId: started.runId });
    },
  );

  app.get(
    '/api/assessment-runs',
    {
      schema: {
        tags: ['kørsler'],
        summary: 'Alle vurderingskørsler, nyeste først',
        querystring: Type.Object(FormatQuery),
        response: { 200: Type.Array(AssessmentRunSummarySchema), ...Errors },
      },
    },
    async (request, reply) => {
      authorize(request, 'manage_runs', NATION);
      const rows = (await listAssessmentRuns(database)).map(presentAssessmentRun);
      return sendList(request, reply, {
        name: 'vurderingskoersler',
        rows,
        columns: [
          'id',
          'measurementRunId',
          'year',
          'rulesVersion',
          'status',
          'progress',
          'error',
          'createdAt',
          'approvedAt',
          'issuedAt',
        ],
        json: () => rows,
      });
    },
  );

  app.get(
    '/api/assessment-runs/:id',
    {
      schema: {
        tags: ['kørsler'],
        summary: 'En vurderingskørsel: status, fremdrift og resultat',
        params: IdParams,
        response: {
          200: Type.Intersect([
            AssessmentRunSummarySchema,
            Type.Object({ results: Type.Unknown() }),
          ]),
          ...Errors,
        },
      },
    },
    async (request) => {
      authorize(request, 'manage_runs', NATION);
      const run = await assessmentRun(database, request.params.id);
      return { ...presentAssessmentRun(run), results: run.results };
    },
  );

  app.get(
    '/api/assessment-runs/:id/decisions',
    {
      schema: {
        tags: ['kørsler'],
        summary: 'Kørslens afgørelser med begrundelse og hjemmel (kladde eller udstedt)',
        params: IdParams,
        querystring: Type.Object(FormatQuery),
        response: { 200: Type.Array(RunDecisionSchema), ...Errors },
      },
    },
    async (request, reply) => {
      authorize(request, 'manage_runs', NATION);
      const rows = await runDecisions(database, request.params.id);
      return sendList(request, reply, {
        name: `afgoerelser-koersel-${request.params.id}`,
        rows,
        columns: [
          { header: 'Kommunekode', value: (row) => row.municipality },
          { header: 'År', value: (row) => row.year },
          { header: 'Afgørelse', value: (row) => row.decision },
          { header: 'Status før', value: (row) => row.statusBefore },
          { header: 'Status efter', value: (row) => row.statusAfter },
          { header: 'Vurdering', value: (row) => row.resolution?.decision },
          { header: 'Begrundelse for vurdering', value: (row) => row.resolution?.reason },
        ],
        json: () => rows,
      });
    },
  );

  app.get(
    '/api/assessment-runs/:id/differences',
    {
      schema: {
        tags: ['kørsler'],
        summary: 'Forskelle til den udstedte kørsel for samme år',
        params: IdParams,
        querystring: Type.Object(FormatQuery),
        response: {
          200: Type.Object({
            runId: Type.Integer(),
            year: Type.Integer(),
            issuedRunId: Type.Union([Type.Integer(), Type.Null()]),
            differences: Type.Array(Type.Unknown()),
          }),
          ...Errors,
        },
      },
    },
    async (request, reply) => {
      authorize(request, 'manage_runs', NATION);
      const result = await differencesToIssued(database, request.params.id);
      return sendList(request, reply, {
        name: `forskelle-koersel-${request.params.id}`,
        rows: result.differences,
        columns: [
          { header: 'Kommunekode', value: (row) => row.municipality },
          { header: 'Udstedt afgørelse', value: (row) => row.issued.decision },
          { header: 'Ny afgørelse', value: (row) => row.run.decision },
          { header: 'Forskelle', value: (row) => row.changes.join(', ') },
        ],
        json: () => ({
          ...result,
          differences: [...result.differences],
          issuedRunId: result.issuedRunId ?? null,
        }),
      });
    },
  );

  app.post(
    '/api/assessment-runs/:id/approve',
    {
      schema: {
        tags: ['kørsler'],
        summary: 'Godkend en kladde',
        params: IdParams,
        response: { 204: Type.Null(), ...Errors, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'manage_runs', NATION);
      await approveRun(system, actorOf(principal), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/assessment-runs/:id/judgements',
    {
      schema: {
        tags: ['kørsler'],
        summary: 'Træf en afgørelse, der kræver vurdering, med begrundelse',
        params: IdParams,
        body: Type.Object({
          municipality: Type.Integer({ minimum: 100, maximum: 999 }),
          decision: Type.String({ minLength: 1 }),
          reason: Type.String({ minLength: 1, maxLength: 10_000 }),
        }),
        response: {
          201: Type.Object({ resolutionId: Type.Integer() }),
          ...Errors,
          409: ErrorSchema,
          422: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'manage_runs', NATION);
      const resolutionId = await resolveJudgement(system, actorOf(principal), {
        runId: request.params.id,
        ...request.body,
      });
      return reply.status(201).send({ resolutionId });
    },
  );

  app.post(
    '/api/assessment-runs/:id/issue',
    {
      schema: {
        tags: ['kørsler'],
        summary:
          'Udsted en godkendt kørsel: afgørelser, underretninger med afsendelsesdato og frister',
        params: IdParams,
        body: Type.Object({
          sendDate: Type.Optional(Type.String({ format: 'date', description: 'standard: i dag' })),
          sendDates: Type.Optional(
            Type.Record(Type.String({ pattern: '^[0-9]{3}$' }), Type.String({ format: 'date' })),
          ),
        }),
        response: {
          200: Type.Object({
            runId: Type.Integer(),
            year: Type.Integer(),
            decisions: Type.Integer(),
            notices: Type.Integer(),
            deadlines: Type.Integer(),
            letters: Type.Integer(),
          }),
          ...Errors,
          409: ErrorSchema,
          422: ErrorSchema,
        },
      },
    },
    async (request) => {
      const principal = authorize(request, 'manage_runs', NATION);
      return issueRun(system, actorOf(principal), { runId: request.params.id, ...request.body });
    },
  );

  app.post(
    '/api/decisions/:id/notice-date',
    {
      schema: {
        tags: ['sager'],
        summary: 'Registrér underretningens faktiske afsendelsesdato (fristerne regnes om)',
        params: IdParams,
        body: Type.Object({ sendDate: Type.String({ format: 'date' }) }),
        response: {
          201: Type.Object({ noticeId: Type.Integer() }),
          ...Errors,
          409: ErrorSchema,
          422: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'record_notice', NATION);
      const noticeId = await recordNoticeDate(system, actorOf(principal), {
        decisionId: request.params.id,
        sendDate: request.body.sendDate,
      });
      return reply.status(201).send({ noticeId });
    },
  );
}

function presentMeasurementRun(row: Awaited<ReturnType<typeof measurementRun>>) {
  return {
    id: row.id,
    loadId: row.load_id,
    rulesVersion: row.rules_version,
    fromMonth: row.from_month,
    toMonth: row.to_month,
    status: row.status,
    progress: row.progress,
    progressText: row.progress_text,
    error: row.error,
    createdAt: iso(row.created_at),
    finishedAt: isoOrNull(row.finished_at),
  };
}

function presentAssessmentRun(row: Awaited<ReturnType<typeof listAssessmentRuns>>[number]) {
  return {
    id: row.id,
    measurementRunId: row.measurement_run_id,
    year: row.year,
    rulesVersion: row.rules_version,
    status: row.status,
    progress: row.progress,
    progressText: row.progress_text,
    error: row.error,
    createdAt: iso(row.created_at),
    finishedAt: isoOrNull(row.finished_at),
    approvedAt: isoOrNull(row.approved_at),
    issuedAt: isoOrNull(row.issued_at),
  };
}

const iso = (date: Date): string => date.toISOString();
const isoOrNull = (date: Date | null): string | null => (date === null ? null : date.toISOString());
