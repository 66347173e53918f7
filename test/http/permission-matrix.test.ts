/**
 * The permission matrix: every role × every endpoint × own/other
 * municipality, against PGlite and PostgreSQL. The endpoints are the routes
 * the app registered, so a new route without an entry here fails.
 *
 * "Allowed" means the permission check let the request through: the answer
 * is neither 401 nor 403 (the service may still say 404, 409 or 422 about
 * the state). "Refused" means 401 for the public and 403 for a logged-in
 * role.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { registeredRoutes } from '../../src/http/app.js';
import { CLI_ACTOR } from '../../src/cases/actor.js';
import { assignAuditor, recordCaseReview } from '../../src/cases/case-reviews.js';
import { caseSystem } from '../../src/cases/case-system.js';
import { DATABASE_KINDS } from '../support/databases.js';
import { addTestToken, addTestUser, useTestApi, exampleWebOptions } from '../support/api.js';

type Role = 'ministry' | 'amk' | 'municipality' | 'auditor' | 'public';
type Scope = 'own' | 'other';
/** Which of own/other a role may reach: both, own only, or neither. */
type Reach = 'both' | 'own' | 'none';

const ROLES: readonly Role[] = ['ministry', 'amk', 'municipality', 'auditor', 'public'];
const OWN = 101; // København: the municipality user's own, in AMK Øst
const OTHER = 751; // Aarhus: AMK Midt-Nord

interface Target {
  readonly code: number;
  readonly reviewId: number;
  readonly reviewCaseId: number;
  /** A review of the same municipality that the assignment entry may reassign. */
  readonly spareReviewId: number;
}

interface Entry {
  readonly reach: Readonly<Record<Role, Reach>>;
  readonly body?: (target: Target) => unknown;
  readonly query?: string;
}

const everyone: Entry['reach'] = {
  ministry: 'both',
  amk: 'both',
  municipality: 'both',
  auditor: 'both',
  public: 'both',
};
const loggedIn: Entry['reach'] = { ...everyone, public: 'none' };
const ministryOnly: Entry['reach'] = {
  ministry: 'both',
  amk: 'none',
  municipality: 'none',
  auditor: 'none',
  public: 'none',
};
const caseReaders: Entry['reach'] = {
  ministry: 'both',
  amk: 'own',
  municipality: 'own',
  auditor: 'none',
  public: 'none',
};
const only = (role: Role): Entry['reach'] => ({
  ministry: 'none',
  amk: 'none',
  municipality: 'none',
  auditor: 'none',
  public: 'none',
  [role]: 'own',
});

let usernames = 0;
/** The ministry user's password, for the login entry. */
let ministryPassword = '';

const MATRIX: Readonly<Record<string, Entry>> = {
  'GET /api/health': { reach: everyone },
  'GET /api/openapi.json': { reach: everyone },
  'POST /api/session': {
    reach: everyone,
    body: () => ({ username: 'ministeriet', password: ministryPassword }),
  },
  'GET /api/session': { reach: loggedIn },
  'GET /api/session/options': { reach: everyone },
  'DELETE /api/session': { reach: loggedIn },
  // Not configured in this app: 404 for everyone (test/http/oidc.test.ts logs in).
  'GET /api/session/oidc': { reach: everyone },
  'GET /api/session/oidc/callback': { reach: everyone },
  'GET /api/public/focus-measures': { reach: everyone, query: 'municipality=101' },
  'GET /api/public/minimum-requirements': { reach: everyone, query: 'format=csv' },
  'GET /api/overview': {
    reach: { ...caseReaders, amk: 'both', municipality: 'both' },
  },
  'GET /api/measurement-runs': { reach: ministryOnly },
  'POST /api/measurement-runs': {
    reach: ministryOnly,
    body: () => ({ load: 'none-such', fromYear: 2024, toYear: 2024 }),
  },
  'GET /api/measurement-runs/:id': { reach: ministryOnly },
  'GET /api/assessment-runs': { reach: ministryOnly },
  'POST /api/assessment-runs': {
    reach: ministryOnly,
    body: () => ({ measurementRunId: 999, year: 2024 }),
  },
  'GET /api/assessment-runs/:id': { reach: ministryOnly },
  'GET /api/assessment-runs/:id/decisions': { reach: ministryOnly },
  'GET /api/assessment-runs/:id/differences': { reach: ministryOnly },
  'POST /api/assessment-runs/:id/approve': { reach: ministryOnly },
  'POST /api/assessment-runs/:id/judgements': {
    reach: ministryOnly,
    body: (t) => ({ municipality: t.code, decision: 'continue', reason: 'fordi' }),
  },
  'POST /api/assessment-runs/:id/issue': { reach: ministryOnly, body: () => ({}) },
  'POST /api/decisions/:id/notice-date': {
    reach: ministryOnly,
    body: () => ({ sendDate: '2025-04-20' }),
  },
  'GET /api/deadlines': { reach: ministryOnly },
  'GET /api/minimum-requirement-checks': { reach: ministryOnly },
  'GET /api/users': { reach: ministryOnly },
  'POST /api/users': {
    reach: ministryOnly,
    body: () => ({ username: `ny${++usernames}`, role: 'auditor', password: 'lang-nok-kode' }),
  },
  'GET /api/municipalities/:code/case': { reach: caseReaders },
  'GET /api/municipalities/:code/measures': { reach: caseReaders },
  'GET /api/municipalities/:code/recovery-plan': { reach: caseReaders },
  'GET /api/municipalities/:code/milestone-checks': { reach: caseReaders },
  'GET /api/municipalities/:code/minimum-requirement-checks': { reach: caseReaders },
  'GET /api/municipalities/:code/meetings': { reach: caseReaders },
  'GET /api/municipalities/:code/amk-contacts': { reach: caseReaders },
  'GET /api/municipalities/:code/deadlines': { reach: caseReaders },
  'GET /api/municipalities/:code/persons': {
    reach: caseReaders,
    query: 'month=2024-06&goal=offers&scope=all&reason=opf%C3%B8lgning',
  },
  'GET /api/municipalities/:code/persons/:personKey/explanation': {
    reach: caseReaders,
    query: 'month=2024-06&reason=opf%C3%B8lgning',
  },
  'POST /api/municipalities/:code/accounts': {
    reach: only('municipality'),
    body: () => ({ submittedOn: '2025-05-20', summary: 'Redegørelse' }),
  },
  'POST /api/municipalities/:code/recovery-plans': {
    reach: only('municipality'),
    body: () => ({
      submittedOn: '2025-05-20',
      description: 'Plan',
      milestones: [{ goal: 'offers', month: '2025-09', targetPassiveShare: 25 }],
    }),
  },
  'POST /api/municipalities/:code/meetings': {
    reach: { ...ministryOnly },
    body: () => ({ invitationDate: '2025-05-01', meetingDate: '2025-05-20' }),
  },
  'POST /api/municipalities/:code/amk-contacts': {
    reach: only('amk'),
    body: () => ({
      firstContactDate: '2025-05-02',
      wantsAssistance: 'yes',
      mappingDone: false,
      effort: 'Første møde',
    }),
  },
  'POST /api/municipalities/:code/reviews': {
    reach: ministryOnly,
    body: () => ({
      kind: 'sample',
      drawnOn: '2025-05-01',
      description: 'Stikprøve',
      cases: [{ personKey: 'p-9', details: {} }],
    }),
  },
  // No load in this app's data directory: the ministry is let through and told so (422).
  'POST /api/municipalities/:code/passive-case-lists': {
    reach: ministryOnly,
    body: () => ({ load: 'current', year: 2024 }),
  },
  // Likewise: no load, so the ministry is told so (422).
  'POST /api/municipalities/:code/case-samples': {
    reach: ministryOnly,
    body: () => ({ load: 'current', year: 2024, ruleVersion: 'v2021', seed: 7 }),
  },
  'POST /api/reviews/:kind/:id/auditor': {
    reach: ministryOnly,
    body: () => ({ auditorUsername: 'revisor-2' }),
  },
  'GET /api/reviews/:kind/:id/cases': {
    reach: { ...caseReaders, auditor: 'own' },
  },
  'POST /api/reviews/:kind/cases/:caseId/finding': {
    reach: only('auditor'),
    body: () => ({ compliant: true, finding: 'I orden' }),
  },
  // The web application's views: the aggregated figures are public (reports.md),
  // the case and its letters are read as the case is.
  'GET /api/web/overview': { reach: everyone },
  'GET /api/web/municipalities/:code/measures': { reach: everyone },
  'GET /api/web/reports/status': { reach: everyone },
  'GET /api/web/reports/status.pdf': { reach: everyone },
  'GET /api/web/reports/status.xlsx': { reach: everyone },
  'GET /api/web/reports/assessment': { reach: everyone },
  'GET /api/web/reports/assessment.pdf': { reach: everyone },
  'GET /api/web/reports/assessment.xlsx': { reach: everyone },
  // The benchmark report: rankings of aggregated rates, no person-level data (reports.md).
  'GET /api/web/reports/benchmark': { reach: everyone },
  'GET /api/web/reports/benchmark.pdf': { reach: everyone },
  'GET /api/web/reports/benchmark.xlsx': { reach: everyone },
  'GET /api/web/municipalities/:code/case': { reach: caseReaders },
  // The AMK sees the alerts of its region (the list filtered by the policy), the ministry all.
  'GET /api/web/amk/alerts': {
    reach: { ...ministryOnly, amk: 'both' },
  },
  // The auditor gets only its assigned reviews (test/web/auditor.test.ts), the ministry all.
  'GET /api/web/reviews': { reach: { ...ministryOnly, auditor: 'both' } },
  'GET /api/web/municipalities/:code/letters/:year.:format': { reach: caseReaders },
  'GET /api/web/municipalities/:code/letters/:id/verify': { reach: caseReaders },
  'GET /api/web/municipalities/:code/meetings/:meetingId/letter.:format': { reach: caseReaders },
  // The reform simulation: the ministry only (it stores nothing).
  'GET /api/web/simulation/rules': { reach: ministryOnly, query: 'year=2024' },
  'POST /api/web/simulation': {
    reach: ministryOnly,
    body: () => ({
      fromYear: 2024,
      toYear: 2024,
      overrides: [{ id: 'focus.offers.threshold', value: '24,8' }],
    }),
  },
};

function concreteUrl(url: string, target: Target, query: string | undefined): string {
  const path = url
    .replace(':code', String(target.code))
    .replace(':year.:format', '2024.html')
    .replace(':meetingId/letter.:format', '1/letter.html')
    .replace(':personKey', 'p-1')
    .replace(':kind', 'sample')
    .replace(':caseId', String(target.reviewCaseId))
    .replace(
      ':id',
      String(
        url.endsWith('/auditor')
          ? target.spareReviewId
          : url.startsWith('/api/reviews')
            ? target.reviewId
            : 1,
      ),
    );
  return query === undefined ? path : `${path}?${query}`;
}

describe.each(DATABASE_KINDS)('the permission matrix (%s)', (kind) => {
  // With the web application's routes (not its built client files): every route is in the matrix.
  const api = useTestApi(kind, exampleWebOptions());
  const tokens = new Map<Role, string>();
  const targets = new Map<Scope, Target>();

  beforeAll(async () => {
    const database = api.database.database;
    const users = {
      ministry: await addTestUser(database, { username: 'ministeriet', role: 'ministry' }),
      amk: await addTestUser(database, { username: 'amk-oest', role: 'amk', amk: 'AMK Øst' }),
      municipality: await addTestUser(database, {
        username: 'koebenhavn',
        role: 'municipality',
        municipality: OWN,
      }),
      auditor: await addTestUser(database, { username: 'revisor', role: 'auditor' }),
    };
    await addTestUser(database, { username: 'revisor-2', role: 'auditor' });
    ministryPassword = users.ministry.password;
    for (const [role, user] of Object.entries(users))
      tokens.set(role as Role, await addTestToken(database, user.username));
    const system = caseSystem({ database, dataDirectory: '/nonexistent-tilsyn-data' });
    for (const [scope, code] of [
      ['own', OWN],
      ['other', OTHER],
    ] as const) {
      const review = () =>
        recordCaseReview(system, CLI_ACTOR, {
          kind: 'sample',
          municipality: code,
          drawnOn: '2025-04-30',
          description: 'Stikprøve til matrixtesten',
          cases: [{ personKey: 'p-1', details: {} }],
        });
      const reviewId = await review();
      const spareReviewId = await review();
      // The auditor is assigned the own municipality's review only.
      if (scope === 'own')
        await assignAuditor(system, CLI_ACTOR, {
          kind: 'sample',
          reviewId,
          auditorUsername: 'revisor',
        });
      const reviewCase = await database
        .selectFrom('case_review_sample_cases')
        .select('id')
        .where('sample_id', '=', reviewId)
        .executeTakeFirstOrThrow();
      targets.set(scope, { code, reviewId, reviewCaseId: reviewCase.id, spareReviewId });
    }
  });

  it('has an entry for every registered route, and no entry for a route that is gone', () => {
    const registered = registeredRoutes(api.app)
      .filter((route) => route.method !== 'HEAD')
      .map((route) => `${route.method} ${route.url}`);
    expect(registered.filter((route) => !(route in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !registered.includes(route))).toEqual([]);
  });

  it('lets each role reach exactly what the policy gives it, own and other municipality', async () => {
    const problems: string[] = [];
    for (const [route, entry] of Object.entries(MATRIX)) {
      const [method = 'GET', url = ''] = route.split(' ');
      for (const role of ROLES) {
        for (const scope of ['own', 'other'] as const) {
          const target = targets.get(scope);
          if (target === undefined) throw new Error('no target');
          const token = tokens.get(role);
          const response = await api.app.inject({
            method: method as 'GET',
            url: concreteUrl(url, target, entry.query),
            headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
            ...(entry.body === undefined ? {} : { payload: entry.body(target) as object }),
          });
          const reach = entry.reach[role];
          const allowed = reach === 'both' || (reach === 'own' && scope === 'own');
          const status = response.statusCode;
          const ok = allowed
            ? status !== 401 && status !== 403 && status !== 400 && status < 500
            : status === (role === 'public' ? 401 : 403);
          if (!ok)
            problems.push(
              `${role} ${scope} ${route}: ${status} (${allowed ? 'expected allowed' : 'expected refused'}) ${response.body.slice(0, 160)}`,
            );
        }
      }
    }
    expect(problems).toEqual([]);
  }, 300_000); // some 700 requests, PDFs among them: minutes on a busy 2-core machine
});
