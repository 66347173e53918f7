/**
 * The sample for the independent case review of the 2019 rules (bek. nr.
 * 1409 § 8), drawn from the target group at 31 December in a per-person file
 * and recorded with its seed, rule version and parameters. A recorded sample
 * is never replaced without `force`.
 */
import { createHash, randomInt } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { assessmentMonth, missingFocusMonths } from '../core/assessment/assessment-inputs.js';
import {
  drawCaseSample,
  MAXIMUM_SEED,
  type CaseSample,
  type SamplePerson,
} from '../core/case-sample/draw-case-sample.js';
import type { ListedBenefit } from '../core/case-sample/listed-benefit.js';
import {
  benefitsMissingGoals,
  goalsMissedAtAssessment,
  hasPerTypeAggregates,
  type MissedBenefit,
} from '../core/case-sample/missed-benefits.js';
import { DomainError } from '../core/domain-error.js';
import type { FocusGoal } from '../core/domain/focus-goal.js';
import { formatCitation } from '../core/rules/legal-source.js';
import type { RuleVersionId } from '../core/rules/rule-version.js';
import {
  goalsThatCanGround,
  rulesForAssessment,
  rulesInForce,
  type RulesInForce,
} from '../core/rules/rules-in-force.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { InputError } from '../files/input-error.js';
import { UsageError } from '../files/usage-error.js';
import { readFocusMeasures } from '../inputs/read-focus-measures.js';
import { readSamplePersons, type TargetGroupPerson } from '../inputs/read-sample-persons.js';
import { caseSampleRecord, type SampleRecordContext } from '../reports/case-sample-report.js';
import { municipalityNames, refuseMissing, type MunicipalityNames } from './legal-inputs.js';
import { OFFICIAL_RULES } from '../core/rules/official-rules.js';
import { sampleReviewRule } from '../core/case-sample/sample-size.js';
import { withLoad, type LoadSource } from './open-load.js';
import { measureAssessment, targetGroupPersonsOf } from './passive-cases.js';

/** Which benefits and goals the sample covers: found in a focus file, or given. */
export type SampleScopeSource =
  | { readonly focus: string }
  | {
      readonly benefits: readonly ListedBenefit[];
      /** The missed goals; default: those that could ground a decision that year. */
      readonly goals?: readonly FocusGoal[];
    };

export interface CaseSampleRequest {
  /** The per-person file, as the user named it. */
  readonly persons: string;
  readonly municipality: number;
  /** The assessment year that selected the municipality. */
  readonly year: number;
  /** Where the sample is recorded (JSON). */
  readonly out: string;
  /** Replace a recorded sample. */
  readonly force: boolean;
  /** The seed; chosen at random (and recorded) when not given. */
  readonly seed?: number;
  /** Draw under this version's parameters instead of the assessment's. */
  readonly ruleVersion?: RuleVersionId;
  readonly scope: SampleScopeSource;
  /** The folder relative file names are read from. */
  readonly cwd: string;
  readonly now: Date;
}

export interface CaseSampleResult {
  readonly sample: CaseSample;
  readonly context: SampleRecordContext;
  /** The recorded sample, as written to `out`. */
  readonly record: string;
}

export async function drawAndRecordSample(request: CaseSampleRequest): Promise<CaseSampleResult> {
  const { municipality, year, cwd } = request;
  const names = await municipalityNames();
  if (!names.known.has(municipality))
    throw new UsageError(`--municipality ${municipality} er ikke en af de 98 kommunekoder`);
  const rules = sampleRules(year, request.ruleVersion);
  const seed = chooseSeed(request.seed);
  await refuseToOverwrite(resolve(cwd, request.out), request.out, request.force);
  const { goals, benefits, missedTypes, typeSource } = await sampleScope(
    request.scope,
    cwd,
    names,
    municipality,
    year,
  );
  const personsFile = request.persons;
  const personsPath = resolve(cwd, personsFile);
  const persons = (await readSamplePersons(personsPath, personsFile, names.known)).filter(
    (person) => person.municipality === municipality,
  );
  const personsDigest = createHash('sha256')
    .update(await readFile(personsPath))
    .digest('hex');
  if (persons.length === 0) {
    throw new InputError({
      file: personsFile,
      reason: `filen har ingen personer i ${names.nameOf(municipality)}`,
    });
  }
  const sample = drawSampleOf({
    municipality,
    year,
    rules,
    goals,
    benefits,
    persons,
    seed: seed.value,
  });
  const context: SampleRecordContext = {
    municipalityName: names.plainNameOf(municipality),
    assessmentRuleVersion: rulesForAssessment(OFFICIAL_RULES, year).version.id,
    drawnAt: request.now.toISOString(),
    personsFile: { name: personsFile, sha256: personsDigest },
    seedChosen: seed.chosen,
    typeSource,
    missedTypes,
  };
  const record = `${JSON.stringify(caseSampleRecord(sample, context), null, 2)}\n`;
  await writeFileAtomic(resolve(cwd, request.out), record);
  return { sample, context, record };
}

/** The seed given, or one chosen at random (and recorded as such). */
function chooseSeed(given: number | undefined): {
  readonly value: number;
  readonly chosen: 'random' | 'given';
} {
  return given === undefined
    ? { value: randomInt(0, MAXIMUM_SEED + 1), chosen: 'random' }
    : { value: given, chosen: 'given' };
}

/**
 * The draw itself, from the target group at 31 December of the municipality
 * (read from a persons file or evaluated from a load): a person is passive
 * when passive for one of the goals missed.
 */
function drawSampleOf(input: {
  readonly municipality: number;
  readonly year: number;
  readonly rules: RulesInForce;
  readonly goals: readonly FocusGoal[];
  readonly benefits: readonly ListedBenefit[];
  readonly persons: readonly TargetGroupPerson[];
  readonly seed: number;
}): CaseSample {
  const samplePersons: SamplePerson[] = input.persons.map((person) => ({
    personId: person.personId,
    benefit: person.benefit,
    passive: input.goals.some((goal) =>
      goal === 'offers' ? person.passiveOffers : person.passiveConversations,
    ),
  }));
  return drawCaseSample({
    municipality: input.municipality,
    assessmentYear: input.year,
    rules: input.rules,
    benefits: input.benefits,
    goals: input.goals,
    persons: samplePersons,
    seed: input.seed,
  });
}

export interface LoadSampleRequest {
  readonly load: LoadSource;
  readonly municipality: number;
  /** The assessment year that selected the municipality. */
  readonly year: number;
  /** The seed; chosen at random (and answered) when not given. */
  readonly seed?: number | undefined;
  /** Draw under this version's parameters instead of the assessment's. */
  readonly ruleVersion?: RuleVersionId | undefined;
  readonly workers?: number | undefined;
}

export interface LoadSampleResult {
  readonly loadId: string;
  readonly seedChosen: 'random' | 'given';
  /** The goals missed at the assessment; none: the municipality was not selected, and no sample is drawn. */
  readonly goalsMissed: readonly FocusGoal[];
  readonly sample: CaseSample | undefined;
}

/**
 * The § 8 sample drawn from a load: the same as `tilsyn measure --persons`
 * (the target group at 31 December, person by person, with the load's
 * pseudonyms) followed by `tilsyn sample --persons --focus` on the focus
 * measures of the same run, in one step and with the same draw.
 */
export async function caseSampleOfLoad(request: LoadSampleRequest): Promise<LoadSampleResult> {
  const { municipality, year } = request;
  const names = await municipalityNames();
  if (!names.known.has(municipality))
    throw new UsageError(`--municipality ${municipality} er ikke en af de 98 kommunekoder`);
  const rules = sampleRules(year, request.ruleVersion);
  const seed = chooseSeed(request.seed);
  return withLoad(request.load, async (load) => {
    const { run, goalsMissed, groups } = await measureAssessment(
      load,
      municipality,
      year,
      request.workers,
    );
    if (goalsMissed.length === 0)
      return { loadId: load.id, seedChosen: seed.chosen, goalsMissed, sample: undefined };
    const persons = (await targetGroupPersonsOf(load.folder, run))
      .filter((row) => row.member.municipality === municipality)
      .map(({ personId, member }): TargetGroupPerson => ({
        personId,
        municipality: member.municipality,
        benefit: member.benefit,
        passiveOffers: member.passiveForOffers,
        passiveConversations: member.passiveForConversations,
      }));
    const sample = drawSampleOf({
      municipality,
      year,
      rules,
      goals: goalsMissed,
      benefits: groups.map((group) => group.benefit),
      persons,
      seed: seed.value,
    });
    return { loadId: load.id, seedChosen: seed.chosen, goalsMissed, sample };
  });
}

/** The rules whose sample parameters apply: the assessment's, or those of the version asked for. */
function sampleRules(year: number, versionId: RuleVersionId | undefined): RulesInForce {
  const assessmentRules = rulesForAssessment(OFFICIAL_RULES, year);
  const rules =
    versionId === undefined
      ? assessmentRules
      : rulesInForce(OFFICIAL_RULES, OFFICIAL_RULES.version(versionId).inForce);
  if (sampleReviewRule(rules).rule === undefined) {
    const version = assessmentRules.version;
    throw new DomainError(
      'no_sample_case_review',
      versionId === undefined
        ? `Opgørelsen af ${year} følger ${version.id} (${version.instrument.citation}), som ikke har en uvildig ` +
            `stikprøvegennemgang ved udvælgelse (${formatCitation(sampleReviewRule(assessmentRules).source)}); ` +
            `der trækkes ingen stikprøve. Skal der alligevel trækkes en stikprøve efter 2019-reglernes parametre ` +
            `(fx til en frivillig gennemgang), så angiv --rule-version v2021.`
        : `Regelversion ${rules.version.id} (${rules.version.instrument.citation}) har ingen uvildig stikprøvegennemgang ved udvælgelse.`,
    );
  }
  return rules;
}

/** A recorded sample is never replaced silently. */
async function refuseToOverwrite(path: string, out: string, force: boolean): Promise<void> {
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (!exists || force) return;
  let recorded = '';
  try {
    const previous = JSON.parse(await readFile(path, 'utf8')) as {
      seed?: unknown;
      municipality?: unknown;
      assessmentYear?: unknown;
      drawnAt?: unknown;
    };
    if (typeof previous.seed === 'number')
      recorded = ` (kommune ${String(previous.municipality)}, opgørelsen af ${String(previous.assessmentYear)}, seed ${previous.seed}, trukket ${String(previous.drawnAt)})`;
  } catch {
    recorded = '';
  }
  throw new UsageError(
    `${out} findes allerede${recorded === '' ? '' : ` og indeholder en registreret stikprøve${recorded}`}. ` +
      'En ny trækning erstatter den registrerede stikprøve; brug --force, hvis det er meningen.',
  );
}

interface SampleScope {
  readonly goals: readonly FocusGoal[];
  readonly benefits: readonly ListedBenefit[];
  readonly missedTypes: readonly MissedBenefit[];
  readonly typeSource: 'focus_measures' | 'given';
}

async function sampleScope(
  source: SampleScopeSource,
  cwd: string,
  names: MunicipalityNames,
  municipality: number,
  year: number,
): Promise<SampleScope> {
  if ('benefits' in source) {
    const goals =
      source.goals ?? goalsThatCanGround(rulesForAssessment(OFFICIAL_RULES, year), year);
    return { goals, benefits: source.benefits, missedTypes: [], typeSource: 'given' };
  }
  const file = source.focus;
  const aggregates = await readFocusMeasures(resolve(cwd, file), file, names.known);
  refuseMissing(
    missingFocusMonths(OFFICIAL_RULES, aggregates, municipality, assessmentMonth(year)),
    { focus: file, rates: '' },
    names,
  );
  const goals = goalsMissedAtAssessment(OFFICIAL_RULES, aggregates, municipality, year);
  if (goals.length === 0) {
    throw new DomainError(
      'no_goal_missed',
      `${names.nameOf(municipality)} missede ikke et fokusmål, der kunne begrunde en afgørelse ved opgørelsen af ${year}: ` +
        'kommunen er ikke udvalgt på den opgørelse, og der er ingen stikprøve at trække.',
    );
  }
  if (!hasPerTypeAggregates(aggregates, municipality)) {
    throw new InputError({
      file,
      reason: `har ingen rækker pr. ydelsestype (kolonnen scope) for ${names.nameOf(municipality)}; angiv ydelsestyperne med --types`,
    });
  }
  const missedTypes = benefitsMissingGoals(OFFICIAL_RULES, aggregates, municipality, year, goals);
  return {
    goals,
    benefits: missedTypes.map((entry) => entry.benefit),
    missedTypes,
    typeSource: 'focus_measures',
  };
}
