/**
 * Case reviews: the sample of cases a selected municipality has reviewed
 * (2019 rules, bek. 1409 § 8) and, under administration, the list of all
 * passive cases (bek. 301 § 12, stk. 1, nr. 2). Each is assigned to an
 * external auditor, who records one finding per case; a changed finding is
 * a new record that corrects the first. Cases are named by the person's key
 * in the load (the pseudonym), never by a CPR number.
 */
import type { Kysely } from 'kysely';
import { isLoadId } from '../loading/load-id.js';
import { municipalityNames } from '../pipeline/legal-inputs.js';
import { passiveCasesOfLoad } from '../pipeline/passive-cases.js';
import { caseSampleOfLoad } from '../pipeline/case-sample.js';
import { MAXIMUM_SEED } from '../core/case-sample/draw-case-sample.js';
import { sampleReviewRule } from '../core/case-sample/sample-size.js';
import { formatCitation } from '../core/rules/legal-source.js';
import { OFFICIAL_RULES } from '../core/rules/official-rules.js';
import { RULE_VERSIONS, type RuleVersionId } from '../core/rules/rule-version.js';
import { rulesForAssessment, rulesInForce } from '../core/rules/rules-in-force.js';
import type { DatabaseSchema, JsonValue } from '../storage/schema.js';
import { requireRole, type Actor } from './actor.js';
import { appendAudit } from './audit.js';
import { requireScope } from './case-access.js';
import { CaseError } from './case-error.js';
import { enteredDate, today, type CaseSystem } from './case-system.js';
import { notCorrected } from './corrections.js';
import { appendCaseEvent, caseIdOf } from './supervision-cases.js';

type Db = Kysely<DatabaseSchema>;

export type ReviewKind = 'sample' | 'passive_cases';

export interface ReviewCaseInput {
  /** The person's key in the load (the pseudonym). */
  readonly personKey: string;
  /** What the reviewer needs to know of the case (no CPR number). */
  readonly details: JsonValue;
}

export interface ReviewInput {
  readonly kind: ReviewKind;
  readonly municipality: number;
  /** The reference day of the sample or list. */
  readonly drawnOn: string;
  readonly loadId?: string | undefined;
  readonly description: string;
  readonly cases: readonly ReviewCaseInput[];
}

const CPR_LIKE = /^\d{6}-?\d{4}$/;

/** Records a case-review sample or a passive-case list with its cases. */
export async function recordCaseReview(
  system: CaseSystem,
  actor: Actor,
  input: ReviewInput,
): Promise<number> {
  requireRole(actor, ['ministry'], 'At oprette en sagsgennemgang');
  const drawnOn = enteredDate(input.drawnOn, 'Opgørelsesdagen');
  if (input.cases.length === 0)
    throw new CaseError('no_cases', 'En sagsgennemgang skal have mindst én sag.');
  for (const entry of input.cases) {
    if (CPR_LIKE.test(entry.personKey))
      throw new CaseError(
        'cpr_number',
        'En sag må ikke være angivet med et CPR-nummer; brug personens nøgle i indlæsningen.',
      );
  }
  const sampleKind = input.kind === 'sample';
  return system.database.transaction().execute(async (transaction) => {
    const caseId = await caseIdOf(transaction, input.municipality);
    const header = {
      case_id: caseId,
      municipality_code: input.municipality,
      load_id: input.loadId ?? null,
      description: input.description,
      created_by: actor.userId ?? null,
    };
    let id: number;
    if (sampleKind) {
      id = (
        await transaction
          .insertInto('case_review_samples')
          .values({ ...header, drawn_on: drawnOn })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await transaction
        .insertInto('case_review_sample_cases')
        .values(
          input.cases.map((entry) => ({
            sample_id: id,
            person_key: entry.personKey,
            details: JSON.stringify(entry.details),
          })),
        )
        .execute();
    } else {
      id = (
        await transaction
          .insertInto('passive_case_lists')
          .values({ ...header, as_of: drawnOn })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await transaction
        .insertInto('passive_case_list_cases')
        .values(
          input.cases.map((entry) => ({
            list_id: id,
            person_key: entry.personKey,
            details: JSON.stringify(entry.details),
          })),
        )
        .execute();
    }
    const table = sampleKind ? 'case_review_samples' : 'passive_case_lists';
    await appendCaseEvent(transaction, actor, {
      caseId,
      kind: sampleKind ? 'case_review_sample' : 'passive_case_list',
      eventDate: today(system),
      summary: `${sampleKind ? 'Stikprøve til sagsgennemgang' : 'Liste over alle passive sager'} pr. ${drawnOn}: ${input.cases.length} sager`,
      subjectTable: table,
      subjectId: id,
    });
    await appendAudit(transaction, actor, {
      action: sampleKind ? 'case_review_sample.record' : 'passive_case_list.record',
      subjectTable: table,
      subjectId: id,
      municipalityCode: input.municipality,
      details: { cases: input.cases.length },
    });
    return id;
  });
}

/**
 * The list of all passive cases of a municipality under administration at
 * 31 December of `year`, computed from a stored load (the pipeline of
 * `tilsyn passive-cases`) and recorded for review. `load` is `current` or a
 * stored load's id (never a folder: the API must not read paths of the
 * server). Answers the list's id and its number of cases.
 */
export async function recordPassiveCaseListFromLoad(
  system: CaseSystem,
  actor: Actor,
  request: { readonly municipality: number; readonly year: number; readonly load: string },
): Promise<{ readonly id: number; readonly cases: number }> {
  requireRole(actor, ['ministry'], 'At oprette en liste over passive sager');
  await refuseBadLoadRequest(request);
  const result = await passiveCasesOfLoad({
    load: {
      value: request.load,
      dataDirectory: system.dataDirectory,
      cwd: system.dataDirectory,
      env: system.env,
      now: system.now,
      createdBy: actor.name,
    },
    municipality: request.municipality,
    year: request.year,
  });
  const { list } = result;
  if (list.cases.length === 0)
    throw new CaseError(
      'no_passive_cases',
      `Kommune ${request.municipality} har ingen passive sager pr. ${list.referenceDate} i indlæsning ${result.loadId}; der er ingen liste at gennemgå.`,
      'conflict',
    );
  const id = await recordCaseReview(system, actor, {
    kind: 'passive_cases',
    municipality: request.municipality,
    drawnOn: list.referenceDate,
    loadId: result.loadId,
    description: `Alle passive sager pr. ${list.referenceDate} (regler ${list.ruleVersion})`,
    cases: list.cases.map((entry) => ({
      personKey: entry.personId,
      details: JSON.parse(JSON.stringify({ ...entry, personId: undefined })) as JsonValue,
    })),
  });
  return { id, cases: list.cases.length };
}

/** A load named through the API, a municipality and a year, checked before anything is measured. */
async function refuseBadLoadRequest(request: {
  readonly municipality: number;
  readonly year: number;
  readonly load: string;
}): Promise<void> {
  if (request.load !== 'current' && !isLoadId(request.load))
    throw new CaseError(
      'bad_load',
      `Indlæsningen "${request.load}" skal være "current" eller et indlæsnings-id (fx 20261123T130512Z-3f9a).`,
    );
  const names = await municipalityNames();
  if (!names.known.has(request.municipality))
    throw new CaseError(
      'unknown_municipality',
      `Kommunekoden ${request.municipality} er ikke en af de 98 kommuner.`,
    );
  if (!Number.isInteger(request.year) || request.year < 2000 || request.year > 2999)
    throw new CaseError('bad_year', `Opgørelsesåret ${request.year} er ikke et år.`);
}

/** The rule versions (orders) that have the § 8 sample review, e.g. v2019 and v2021. */
function versionsWithSampleReview(): RuleVersionId[] {
  return RULE_VERSIONS.filter(
    (version) =>
      version.kind === 'order' &&
      sampleReviewRule(rulesInForce(OFFICIAL_RULES, version.inForce)).rule !== undefined,
  ).map((version) => version.id);
}

/** The sample is drawn under the assessment's rules, or under a version asked for that has it. */
function refuseRulesWithoutSample(year: number, ruleVersion: RuleVersionId | undefined): void {
  const withSample = versionsWithSampleReview();
  const listed = withSample.join(' eller ');
  if (ruleVersion !== undefined) {
    if (!withSample.includes(ruleVersion))
      throw new CaseError(
        'bad_rule_version',
        `Regelversion "${ruleVersion}" har ingen uvildig stikprøvegennemgang ved udvælgelse; angiv ${listed}.`,
      );
    return;
  }
  const version = rulesForAssessment(OFFICIAL_RULES, year).version;
  if (!withSample.includes(version.id))
    throw new CaseError(
      'no_sample_case_review',
      `Opgørelsen af ${year} følger ${version.id} (${version.instrument.citation}), som ikke har en uvildig ` +
        `stikprøvegennemgang ved udvælgelse; der trækkes ingen stikprøve. Skal der alligevel trækkes en ` +
        `stikprøve efter 2019-reglernes parametre (fx til en frivillig gennemgang), så angiv ruleVersion ${listed}.`,
    );
}

/**
 * The sample for the independent case review at selection (bek. nr. 1409
 * § 8) drawn from a stored load with the draw of `tilsyn sample` (the
 * target group at 31 December of `year`, the benefit groups that missed a
 * goal, the sample sizes of the rules tree, the seeded draw) and recorded
 * for review. `load` is `current` or a stored load's id (never a folder).
 * Without a seed one is chosen at random; the seed is answered and kept in
 * the sample's description, so the draw can be repeated. Answers the
 * sample's id, its number of cases and the seed.
 */
export async function recordCaseSampleFromLoad(
  system: CaseSystem,
  actor: Actor,
  request: {
    readonly municipality: number;
    readonly year: number;
    readonly load: string;
    readonly seed?: number | undefined;
    /** Draw under this version's sample parameters instead of the assessment's. */
    readonly ruleVersion?: RuleVersionId | undefined;
    /** The day the sample is drawn; default today. */
    readonly drawnOn?: string | undefined;
  },
): Promise<{ readonly id: number; readonly cases: number; readonly seed: number }> {
  requireRole(actor, ['ministry'], 'At oprette en stikprøve til sagsgennemgang');
  await refuseBadLoadRequest(request);
  if (
    request.seed !== undefined &&
    (!Number.isSafeInteger(request.seed) || request.seed < 0 || request.seed > MAXIMUM_SEED)
  )
    throw new CaseError(
      'bad_seed',
      `Seed ${request.seed} skal være et helt tal fra 0 til ${MAXIMUM_SEED}.`,
    );
  refuseRulesWithoutSample(request.year, request.ruleVersion);
  const drawnOn = enteredDate(request.drawnOn ?? today(system), 'Trækningsdagen');
  const result = await caseSampleOfLoad({
    load: {
      value: request.load,
      dataDirectory: system.dataDirectory,
      cwd: system.dataDirectory,
      env: system.env,
      now: system.now,
      createdBy: actor.name,
    },
    municipality: request.municipality,
    year: request.year,
    seed: request.seed,
    ruleVersion: request.ruleVersion,
  });
  const { sample } = result;
  if (sample === undefined)
    throw new CaseError(
      'not_selected',
      `Kommune ${request.municipality} missede ikke et fokusmål, der kunne begrunde en afgørelse ved opgørelsen af ${request.year}, i indlæsning ${result.loadId}; der er ingen stikprøve at trække.`,
      'conflict',
    );
  if (sample.cases.length === 0)
    throw new CaseError(
      'no_sample_cases',
      `Kommune ${request.municipality} har ingen sager i de ydelsesgrupper, der missede målet, pr. 31. december ${request.year} i indlæsning ${result.loadId}; der er ingen stikprøve at trække.`,
      'conflict',
    );
  const id = await recordCaseReview(system, actor, {
    kind: 'sample',
    municipality: request.municipality,
    drawnOn,
    loadId: result.loadId,
    description:
      `Stikprøve til uvildig sagsgennemgang (${formatCitation(sample.legalBasis)}) ved opgørelsen af ${request.year} ` +
      `(regler ${sample.ruleVersion}, seed ${sample.seed}${result.seedChosen === 'random' ? ' valgt tilfældigt' : ''}): ` +
      `${sample.total} sager af målgruppen pr. 31. december ${request.year}`,
    cases: sample.cases.map((entry) => ({
      personKey: entry.personId,
      details: { benefit: entry.benefit, passive: entry.passive },
    })),
  });
  return { id, cases: sample.cases.length, seed: sample.seed };
}

export interface AssignmentInput {
  readonly kind: ReviewKind;
  /** The sample's or list's id. */
  readonly reviewId: number;
  readonly auditorUsername: string;
}

/** Assigns a sample or list to an auditor (a new assignment replaces the old). */
export async function assignAuditor(
  system: CaseSystem,
  actor: Actor,
  input: AssignmentInput,
): Promise<number> {
  requireRole(actor, ['ministry'], 'At tildele en revisor');
  return system.database.transaction().execute(async (transaction) => {
    const review = await reviewHeader(transaction, input.kind, input.reviewId);
    const auditor = await transaction
      .selectFrom('users')
      .select(['id', 'role', 'disabled_at'])
      .where('username', '=', input.auditorUsername)
      .executeTakeFirst();
    if (auditor?.role !== 'auditor' || auditor.disabled_at !== null)
      throw new CaseError(
        'not_an_auditor',
        `"${input.auditorUsername}" er ikke en aktiv bruger med rollen auditor.`,
      );
    const previous = await currentAssignment(transaction, input.kind, input.reviewId);
    const row = await transaction
      .insertInto('review_assignments')
      .values({
        sample_id: input.kind === 'sample' ? input.reviewId : null,
        list_id: input.kind === 'passive_cases' ? input.reviewId : null,
        auditor_user_id: auditor.id,
        assigned_by: actor.userId ?? null,
        corrects_id: previous?.id ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(transaction, actor, {
      action: 'review.assign_auditor',
      subjectTable: 'review_assignments',
      subjectId: row.id,
      municipalityCode: review.municipality_code,
      details: { kind: input.kind, reviewId: input.reviewId, auditor: input.auditorUsername },
    });
    return row.id;
  });
}

async function reviewHeader(database: Db, kind: ReviewKind, id: number) {
  const row =
    kind === 'sample'
      ? await database
          .selectFrom('case_review_samples')
          .select(['id', 'case_id', 'municipality_code'])
          .where('id', '=', id)
          .executeTakeFirst()
      : await database
          .selectFrom('passive_case_lists')
          .select(['id', 'case_id', 'municipality_code'])
          .where('id', '=', id)
          .executeTakeFirst();
  if (row === undefined)
    throw new CaseError(
      'no_such_review',
      `${kind === 'sample' ? 'Stikprøve' : 'Liste over passive sager'} ${id} findes ikke.`,
      'not_found',
    );
  return row;
}

async function currentAssignment(database: Db, kind: ReviewKind, reviewId: number) {
  return database
    .selectFrom('review_assignments as assignment')
    .select(['assignment.id', 'assignment.auditor_user_id'])
    .where(kind === 'sample' ? 'assignment.sample_id' : 'assignment.list_id', '=', reviewId)
    .where(notCorrected('review_assignments', 'assignment'))
    .orderBy('assignment.id', 'desc')
    .executeTakeFirst();
}

/** The auditor assigned to a sample or list now, if any (user id). */
export async function assignedAuditor(
  database: Db,
  kind: ReviewKind,
  reviewId: number,
): Promise<number | undefined> {
  return (await currentAssignment(database, kind, reviewId))?.auditor_user_id;
}

export interface FindingInput {
  readonly kind: ReviewKind;
  /** The id of the case in the sample or list. */
  readonly caseId: number;
  readonly compliant?: boolean | undefined;
  readonly finding: string;
}

/**
 * Records the finding of one case: by the auditor assigned to its sample or
 * list (or the ministry). A case has one finding; a second one corrects it.
 */
export async function recordFinding(
  system: CaseSystem,
  actor: Actor,
  input: FindingInput,
): Promise<number> {
  requireRole(actor, ['auditor', 'ministry'], 'At registrere et fund');
  const finding = input.finding.trim();
  if (finding === '') throw new CaseError('finding_required', 'Fundet skal beskrives.');
  const sampleKind = input.kind === 'sample';
  return system.database.transaction().execute(async (transaction) => {
    const reviewCase = sampleKind
      ? await transaction
          .selectFrom('case_review_sample_cases')
          .select(['id', 'sample_id as review_id'])
          .where('id', '=', input.caseId)
          .executeTakeFirst()
      : await transaction
          .selectFrom('passive_case_list_cases')
          .select(['id', 'list_id as review_id'])
          .where('id', '=', input.caseId)
          .executeTakeFirst();
    if (reviewCase === undefined)
      throw new CaseError('no_such_case', `Sag ${input.caseId} findes ikke.`, 'not_found');
    const review = await reviewHeader(transaction, input.kind, reviewCase.review_id);
    if (actor.role === 'auditor') {
      const assigned = await assignedAuditor(transaction, input.kind, reviewCase.review_id);
      if (assigned !== actor.userId)
        throw new CaseError(
          'not_assigned',
          `${actor.name} er ikke tildelt denne sagsgennemgang.`,
          'forbidden',
        );
    }
    const column = sampleKind ? 'sample_case_id' : 'list_case_id';
    const previous = await transaction
      .selectFrom('review_findings as finding')
      .select('finding.id')
      .where(`finding.${column}`, '=', input.caseId)
      .where(notCorrected('review_findings', 'finding'))
      .executeTakeFirst();
    const row = await transaction
      .insertInto('review_findings')
      .values({
        sample_case_id: sampleKind ? input.caseId : null,
        list_case_id: sampleKind ? null : input.caseId,
        compliant: input.compliant ?? null,
        finding,
        auditor_user_id: actor.userId ?? null,
        corrects_id: previous?.id ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(transaction, actor, {
      action: 'review.finding',
      subjectTable: 'review_findings',
      subjectId: row.id,
      municipalityCode: review.municipality_code,
      details: { kind: input.kind, caseId: input.caseId, corrects: previous?.id ?? null },
    });
    return row.id;
  });
}

export interface ReviewCaseView {
  readonly id: number;
  readonly personKey: string;
  readonly details: JsonValue;
  readonly finding: string | null;
  readonly compliant: boolean | null;
}

/** The cases of a sample or list with their current findings; an auditor sees only its own. */
export async function reviewCases(
  system: CaseSystem,
  actor: Actor,
  kind: ReviewKind,
  reviewId: number,
): Promise<ReviewCaseView[]> {
  const { database } = system;
  const review = await reviewHeader(database, kind, reviewId);
  if (actor.role === 'auditor') {
    if ((await assignedAuditor(database, kind, reviewId)) !== actor.userId)
      throw new CaseError(
        'not_assigned',
        `${actor.name} er ikke tildelt denne sagsgennemgang.`,
        'forbidden',
      );
  } else {
    await requireScope(
      actor,
      ['ministry', 'municipality', 'amk'],
      review.municipality_code,
      'At se en sagsgennemgang',
    );
  }
  const cases =
    kind === 'sample'
      ? await database
          .selectFrom('case_review_sample_cases')
          .select(['id', 'person_key', 'details'])
          .where('sample_id', '=', reviewId)
          .orderBy('id')
          .execute()
      : await database
          .selectFrom('passive_case_list_cases')
          .select(['id', 'person_key', 'details'])
          .where('list_id', '=', reviewId)
          .orderBy('id')
          .execute();
  const column = kind === 'sample' ? 'sample_case_id' : 'list_case_id';
  const findings = await database
    .selectFrom('review_findings as finding')
    .select([`finding.${column} as case_id`, 'finding.finding', 'finding.compliant'])
    .where(`finding.${column}`, 'in', cases.length === 0 ? [-1] : cases.map((entry) => entry.id))
    .where(notCorrected('review_findings', 'finding'))
    .execute();
  const byCase = new Map(findings.map((row) => [row.case_id, row]));
  return cases.map((entry) => ({
    id: entry.id,
    personKey: entry.person_key,
    details: entry.details,
    finding: byCase.get(entry.id)?.finding ?? null,
    compliant: byCase.get(entry.id)?.compliant ?? null,
  }));
}
