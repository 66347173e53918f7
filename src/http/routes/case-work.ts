/**
 * The work on a municipality's case: the account and recovery plan with
 * milestones (the municipality submits), the milestones against the
 * measures, meetings (the ministry invites; at least one week's notice), AMK
 * contacts (the AMK records), deadlines (per municipality and nationally),
 * and case reviews (the ministry draws and assigns, the assigned auditor
 * records one finding per case).
 */
import { Type } from 'typebox';
import { NATION, ofMunicipality } from '../../access/policy.js';
import { listAmkContacts, recordAmkContact } from '../../cases/amk-contacts.js';
import {
  assignAuditor,
  recordCaseReview,
  recordPassiveCaseListFromLoad,
  recordCaseSampleFromLoad,
  recordFinding,
  reviewCases,
} from '../../cases/case-reviews.js';
import { listDeadlines, type DeadlineState } from '../../cases/deadlines.js';
import { inviteMeeting, listMeetings } from '../../cases/meetings.js';
import { minimumRequirementChecks } from '../../cases/minimum-requirement-checks.js';
import {
  currentRecoveryPlan,
  milestoneChecks,
  submitAccount,
  submitRecoveryPlan,
} from '../../cases/recovery-plans.js';
import { reviewFacts, reviewOfCase } from '../../cases/review-resource.js';
import { actorOf } from '../../cases/users.js';
import { FOCUS_GOAL_LABELS, isFocusGoal } from '../../core/domain/focus-goal.js';
import { MAXIMUM_SEED } from '../../core/case-sample/draw-case-sample.js';
import { authorize } from '../authorize.js';
import { unauthorized } from '../http-error.js';
import type { HttpContext } from '../http-context.js';
import { FormatQuery, sendList } from '../list-response.js';
import type { Principal } from '../principal.js';
import { ErrorSchema, MunicipalityParams } from '../schemas.js';
import type { TilsynApp } from '../tilsyn-app.js';

const Errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  422: ErrorSchema,
};
const DATE = Type.String({ format: 'date' });
const MONTH = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' });
const Created = Type.Object({ id: Type.Integer() });
const ReviewKindSchema = Type.Union([Type.Literal('sample'), Type.Literal('passive_cases')]);
const Rows = Type.Array(Type.Record(Type.String(), Type.Unknown()));

function userActor(principal: Principal) {
  if (principal.user === undefined) throw unauthorized();
  return actorOf(principal.user);
}

/** Database rows as JSON: timestamps as ISO text. */
function plain(rows: readonly object[]): Record<string, unknown>[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        value instanceof Date ? value.toISOString() : (value as unknown),
      ]),
    ),
  );
}

export function caseWorkRoutes(app: TilsynApp, context: HttpContext): void {
  const names = new Map(context.municipalities.map((m) => [m.code, m.name]));
  const nameOf = (code: number) => names.get(code) ?? String(code);
  const { system } = context;

  app.post(
    '/api/municipalities/:code/accounts',
    {
      schema: {
        tags: ['sager'],
        summary: 'Kommunen indsender sin redegørelse',
        params: MunicipalityParams,
        body: Type.Object({
          submittedOn: DATE,
          summary: Type.String({ minLength: 1, maxLength: 20_000 }),
          correctsId: Type.Optional(Type.Integer()),
        }),
        response: { 201: Created, ...Errors },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const principal = authorize(request, 'submit_plan', ofMunicipality(code));
      const id = await submitAccount(system, userActor(principal), {
        municipality: code,
        ...request.body,
      });
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/municipalities/:code/recovery-plans',
    {
      schema: {
        tags: ['sager'],
        summary: 'Kommunen indsender sin genopretningsplan med milepæle',
        params: MunicipalityParams,
        body: Type.Object({
          submittedOn: DATE,
          description: Type.String({ minLength: 1, maxLength: 20_000 }),
          accountId: Type.Optional(Type.Integer()),
          correctsId: Type.Optional(Type.Integer()),
          milestones: Type.Array(
            Type.Object({
              goal: Type.Union([Type.Literal('offers'), Type.Literal('conversations')]),
              month: MONTH,
              targetPassiveShare: Type.Number({ minimum: 0, maximum: 100 }),
            }),
            { minItems: 1, maxItems: 200 },
          ),
        }),
        response: { 201: Created, ...Errors },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const principal = authorize(request, 'submit_plan', ofMunicipality(code));
      const id = await submitRecoveryPlan(system, userActor(principal), {
        municipality: code,
        ...request.body,
      });
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/municipalities/:code/recovery-plan',
    {
      schema: {
        tags: ['sager'],
        summary: 'Kommunens gældende genopretningsplan med milepæle',
        params: MunicipalityParams,
        response: { 200: Type.Object({ plan: Type.Unknown() }), ...Errors },
      },
    },
    async (request) => {
      const { code } = request.params;
      authorize(request, 'read_case', ofMunicipality(code));
      return { plan: (await currentRecoveryPlan(context.database, code)) ?? null };
    },
  );

  app.get(
    '/api/municipalities/:code/minimum-requirement-checks',
    {
      schema: {
        tags: ['sager'],
        summary:
          'Minimumskravene måned for måned under administration (også en afsluttet administration)',
        params: MunicipalityParams,
        querystring: Type.Object({ month: Type.Optional(MONTH), ...FormatQuery }),
        response: { 200: Rows, ...Errors },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      authorize(request, 'read_case', ofMunicipality(code));
      const rows = await minimumRequirementChecks(system, {
        municipality: code,
        month: request.query.month,
        includeEnded: true,
      });
      return sendMinimumRequirementChecks(request, reply, `minimumskrav-${String(code)}`, rows);
    },
  );

  app.get(
    '/api/minimum-requirement-checks',
    {
      schema: {
        tags: ['sager'],
        summary: 'Minimumskravene i de kommuner, der er under administration nu (hele landet)',
        querystring: Type.Object({ month: Type.Optional(MONTH), ...FormatQuery }),
        response: { 200: Rows, ...Errors },
      },
    },
    async (request, reply) => {
      authorize(request, 'read_national', NATION);
      const rows = await minimumRequirementChecks(system, { month: request.query.month });
      return sendMinimumRequirementChecks(request, reply, 'minimumskrav', rows);
    },
  );

  app.get(
    '/api/municipalities/:code/milestone-checks',
    {
      schema: {
        tags: ['sager'],
        summary: 'Milepælene mod de faktiske fokusmål; afvigelser markeret',
        params: MunicipalityParams,
        querystring: Type.Object(FormatQuery),
        response: { 200: Rows, ...Errors },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      authorize(request, 'read_case', ofMunicipality(code));
      const rows = await milestoneChecks(system, code);
      return sendList(request, reply, {
        name: `milepaele-${code}`,
        rows,
        columns: [
          { header: 'Fokusmål', value: (row) => row.goalLabel },
          { header: 'Måned', value: (row) => row.month },
          { header: 'Milepæl (%)', value: (row) => row.targetPassiveShare, decimals: 1 },
          { header: 'Faktisk (%)', value: (row) => row.actual, decimals: 1 },
          { header: 'Afvigelse', value: (row) => row.deviation },
        ],
        json: () => plain(rows),
      });
    },
  );

  app.post(
    '/api/municipalities/:code/meetings',
    {
      schema: {
        tags: ['sager'],
        summary: 'Ministeriet indkalder til møde (mindst en uges varsel)',
        params: MunicipalityParams,
        body: Type.Object({
          invitationDate: DATE,
          meetingDate: DATE,
          note: Type.Optional(Type.String({ maxLength: 5000 })),
          place: Type.Optional(Type.String({ maxLength: 300 })),
          time: Type.Optional(Type.String({ pattern: '^([01][0-9]|2[0-3])\\.[0-5][0-9]$' })),
        }),
        response: { 201: Created, ...Errors },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const principal = authorize(request, 'invite_meeting', ofMunicipality(code));
      const id = await inviteMeeting(system, userActor(principal), {
        municipality: code,
        ...request.body,
      });
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/municipalities/:code/meetings',
    {
      schema: {
        tags: ['sager'],
        summary: 'Kommunens møder',
        params: MunicipalityParams,
        querystring: Type.Object(FormatQuery),
        response: { 200: Rows, ...Errors },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      authorize(request, 'read_case', ofMunicipality(code));
      const rows = await listMeetings(system, code);
      return sendList(request, reply, {
        name: `moeder-${code}`,
        rows,
        columns: [
          { header: 'Indkaldt', value: (row) => row.invitation_date },
          { header: 'Mødedato', value: (row) => row.meeting_date },
          { header: 'Varsel (dage)', value: (row) => row.notice_days },
          { header: 'Note', value: (row) => row.note },
        ],
        json: () => plain(rows),
      });
    },
  );

  app.post(
    '/api/municipalities/:code/amk-contacts',
    {
      schema: {
        tags: ['sager'],
        summary: 'AMK registrerer kontakt og bistand (statusrapportens tabel 3)',
        params: MunicipalityParams,
        body: Type.Object({
          firstContactDate: DATE,
          wantsAssistance: Type.Union([
            Type.Literal('yes'),
            Type.Literal('no'),
            Type.Literal('undecided'),
          ]),
          mappingDone: Type.Boolean(),
          effort: Type.String({ maxLength: 20_000 }),
          correctsId: Type.Optional(Type.Integer()),
        }),
        response: { 201: Created, ...Errors },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const principal = authorize(request, 'record_contact', ofMunicipality(code));
      const id = await recordAmkContact(system, userActor(principal), {
        municipality: code,
        ...request.body,
      });
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/municipalities/:code/amk-contacts',
    {
      schema: {
        tags: ['sager'],
        summary: 'AMK’s kontakter med kommunen',
        params: MunicipalityParams,
        querystring: Type.Object(FormatQuery),
        response: { 200: Rows, ...Errors },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      authorize(request, 'read_case', ofMunicipality(code));
      const rows = await listAmkContacts(system, { municipality: code });
      const wish = { yes: 'Ja', no: 'Nej', undecided: 'Ikke besluttet' } as const;
      return sendList(request, reply, {
        name: `amk-kontakter-${code}`,
        rows,
        columns: [
          { header: 'Indledende møde/kontakt', value: (row) => row.first_contact_date },
          { header: 'Ønsker kommunen bistand', value: (row) => wish[row.wants_assistance] },
          { header: 'Foretaget afdækning', value: (row) => row.mapping_done },
          { header: 'Indsats i kommunen', value: (row) => row.effort },
        ],
        json: () => plain(rows),
      });
    },
  );

  app.get(
    '/api/municipalities/:code/deadlines',
    {
      schema: {
        tags: ['sager'],
        summary: 'Kommunens frister (kommende, forfaldne, overskredne, opfyldte)',
        params: MunicipalityParams,
        querystring: Type.Object({ on: Type.Optional(DATE), ...FormatQuery }),
        response: { 200: Rows, ...Errors },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      authorize(request, 'read_case', ofMunicipality(code));
      const rows = await listDeadlines(system, { municipality: code, on: request.query.on });
      return sendDeadlines(request, reply, `frister-${code}`, rows, nameOf);
    },
  );

  app.get(
    '/api/deadlines',
    {
      schema: {
        tags: ['sager'],
        summary: 'Alle kommuners frister (hele landet)',
        querystring: Type.Object({ on: Type.Optional(DATE), ...FormatQuery }),
        response: { 200: Rows, ...Errors },
      },
    },
    async (request, reply) => {
      authorize(request, 'read_national', NATION);
      const rows = await listDeadlines(system, { on: request.query.on });
      return sendDeadlines(request, reply, 'frister', rows, nameOf);
    },
  );

  app.post(
    '/api/municipalities/:code/reviews',
    {
      schema: {
        tags: ['sagsgennemgang'],
        summary: 'Ministeriet opretter en stikprøve eller en liste over passive sager',
        params: MunicipalityParams,
        body: Type.Object({
          kind: ReviewKindSchema,
          drawnOn: DATE,
          loadId: Type.Optional(Type.String()),
          description: Type.String({ minLength: 1, maxLength: 5000 }),
          cases: Type.Array(
            Type.Object({
              personKey: Type.String({ minLength: 1, maxLength: 100 }),
              details: Type.Unknown(),
            }),
            { minItems: 1, maxItems: 10_000 },
          ),
        }),
        response: { 201: Created, ...Errors },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const principal = authorize(request, 'manage_reviews', ofMunicipality(code));
      const { cases, ...rest } = request.body;
      const id = await recordCaseReview(system, userActor(principal), {
        municipality: code,
        ...rest,
        cases: cases.map((entry) => ({
          personKey: entry.personKey,
          details: (entry.details ?? null) as never,
        })),
      });
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/municipalities/:code/passive-case-lists',
    {
      schema: {
        tags: ['sagsgennemgang'],
        summary:
          'Ministeriet danner listen over alle passive sager pr. 31. december fra en indlæsning (administration)',
        params: MunicipalityParams,
        body: Type.Object({
          load: Type.String({ minLength: 1, description: '"current" eller et indlæsnings-id' }),
          year: Type.Integer({ minimum: 2000, maximum: 2999 }),
        }),
        response: {
          201: Type.Object({ id: Type.Integer(), cases: Type.Integer() }),
          ...Errors,
        },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const principal = authorize(request, 'manage_reviews', ofMunicipality(code));
      const recorded = await recordPassiveCaseListFromLoad(system, userActor(principal), {
        municipality: code,
        ...request.body,
      });
      return reply.status(201).send(recorded);
    },
  );

  app.post(
    '/api/municipalities/:code/case-samples',
    {
      schema: {
        tags: ['sagsgennemgang'],
        summary:
          'Ministeriet trækker stikprøven til den uvildige sagsgennemgang (bek. 1409 § 8) fra en indlæsning',
        params: MunicipalityParams,
        body: Type.Object({
          load: Type.String({ minLength: 1, description: '"current" eller et indlæsnings-id' }),
          year: Type.Integer({ minimum: 2000, maximum: 2999 }),
          seed: Type.Optional(
            Type.Integer({
              minimum: 0,
              maximum: MAXIMUM_SEED,
              description: 'Tilfældigt valgt, når det ikke angives; svaret oplyser det',
            }),
          ),
          ruleVersion: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 20,
              description: 'Træk efter denne regelversions parametre (fx v2021)',
            }),
          ),
          drawnOn: Type.Optional(DATE),
        }),
        response: {
          201: Type.Object({ id: Type.Integer(), cases: Type.Integer(), seed: Type.Integer() }),
          ...Errors,
        },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const principal = authorize(request, 'manage_reviews', ofMunicipality(code));
      const recorded = await recordCaseSampleFromLoad(system, userActor(principal), {
        municipality: code,
        ...request.body,
      });
      return reply.status(201).send(recorded);
    },
  );

  app.post(
    '/api/reviews/:kind/:id/auditor',
    {
      schema: {
        tags: ['sagsgennemgang'],
        summary: 'Ministeriet tildeler en revisor gennemgangen',
        params: Type.Object({ kind: ReviewKindSchema, id: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({ auditorUsername: Type.String({ minLength: 1 }) }),
        response: { 201: Created, ...Errors },
      },
    },
    async (request, reply) => {
      const { kind, id } = request.params;
      const facts = await reviewFacts(context.database, kind, id);
      const principal = authorize(request, 'manage_reviews', ofMunicipality(facts.municipality));
      const assignment = await assignAuditor(system, userActor(principal), {
        kind,
        reviewId: id,
        auditorUsername: request.body.auditorUsername,
      });
      return reply.status(201).send({ id: assignment });
    },
  );

  app.get(
    '/api/reviews/:kind/:id/cases',
    {
      schema: {
        tags: ['sagsgennemgang'],
        summary: 'Gennemgangens sager med deres fund',
        params: Type.Object({ kind: ReviewKindSchema, id: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object(FormatQuery),
        response: { 200: Rows, ...Errors },
      },
    },
    async (request, reply) => {
      const { kind, id } = request.params;
      const facts = await reviewFacts(context.database, kind, id);
      const principal = authorize(request, 'read_review', { kind: 'review', ...facts });
      const rows = await reviewCases(system, userActor(principal), kind, id);
      return sendList(request, reply, {
        name: `gennemgang-${kind}-${id}`,
        rows: plain(rows),
        columns: Object.keys(plain(rows)[0] ?? {}),
        json: () => plain(rows),
      });
    },
  );

  app.post(
    '/api/reviews/:kind/cases/:caseId/finding',
    {
      schema: {
        tags: ['sagsgennemgang'],
        summary: 'Den tildelte revisor registrerer fundet for én sag',
        params: Type.Object({ kind: ReviewKindSchema, caseId: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({
          compliant: Type.Optional(Type.Boolean()),
          finding: Type.String({ minLength: 1, maxLength: 20_000 }),
        }),
        response: { 201: Created, ...Errors },
      },
    },
    async (request, reply) => {
      const { kind, caseId } = request.params;
      const reviewId = await reviewOfCase(context.database, kind, caseId);
      const facts = await reviewFacts(context.database, kind, reviewId);
      const principal = authorize(request, 'record_finding', { kind: 'review', ...facts });
      const id = await recordFinding(system, userActor(principal), {
        kind,
        caseId,
        ...request.body,
      });
      return reply.status(201).send({ id });
    },
  );
}

const DEADLINE_STATE_LABELS: Readonly<Record<DeadlineState, string>> = {
  fulfilled: 'Opfyldt',
  overdue: 'Overskredet',
  due: 'Forfalder snart',
  later: 'Kommende',
  period: 'Tidsrum (ingen handlepligt)',
};

function sendDeadlines(
  request: Parameters<typeof sendList>[0],
  reply: Parameters<typeof sendList>[1],
  name: string,
  rows: Awaited<ReturnType<typeof listDeadlines>>,
  nameOf: (code: number) => string,
) {
  return sendList(request, reply, {
    name,
    rows,
    columns: [
      { header: 'Kommunekode', value: (row) => row.municipality },
      { header: 'Kommune', value: (row) => nameOf(row.municipality) },
      { header: 'År', value: (row) => row.year },
      { header: 'Frist', value: (row) => row.label },
      { header: 'Dato', value: (row) => row.dueDate },
      { header: 'Tilstand', value: (row) => DEADLINE_STATE_LABELS[row.state] },
      { header: 'Opfyldt', value: (row) => row.fulfilledOn },
    ],
    json: () => plain(rows),
  });
}

function sendMinimumRequirementChecks(
  request: Parameters<typeof sendList>[0],
  reply: Parameters<typeof sendList>[1],
  name: string,
  rows: Awaited<ReturnType<typeof minimumRequirementChecks>>,
) {
  return sendList(request, reply, {
    name,
    rows,
    columns: [
      { header: 'Kommunekode', value: (row) => row.municipality },
      { header: 'Måned', value: (row) => row.month },
      {
        header: 'Minimumskrav',
        value: (row) =>
          isFocusGoal(row.requirement) ? FOCUS_GOAL_LABELS[row.requirement] : row.requirement,
      },
      { header: 'Målgruppe (personer)', value: (row) => row.target },
      { header: 'Opfylder kravet (personer)', value: (row) => row.met },
      { header: 'Andel (%)', value: (row) => row.share, decimals: 1 },
      { header: 'Krav (%)', value: (row) => row.required },
      { header: 'Kravet opfyldt', value: (row) => (row.fulfilled ? 'Ja' : 'Nej') },
      {
        header: 'Administrationen er ophørt',
        value: (row) => (row.administrationEnded ? 'Ja' : 'Nej'),
      },
    ],
    json: () => plain(rows),
  });
}
