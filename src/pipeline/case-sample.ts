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
import { ruleVersionById, type RuleVersionId } from '../core/rules/rule-version.js';
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
import { readSamplePersons } from '../inputs/read-sample-persons.js';
import { caseSampleRecord, type SampleRecordContext } from '../reports/case-sample-report.js';
import { municipalityNames, refuseMissing, type MunicipalityNames } from './legal-inputs.js';

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
  const seed =
    request.seed === undefined
      ? { value: randomInt(0, MAXIMUM_SEED + 1), chosen: 'random' as const }
      : { value: request.seed, chosen: 'given' as const };
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
  const samplePersons: SamplePerson[] = persons.map((person) => ({
    personId: person.personId,
    benefit: person.benefit,
    passive: goals.some((goal) =>
      goal === 'offers' ? person.passiveOffers : person.passiveConversations,
    ),
  }));
  const sample = drawCaseSample({
    municipality,
    assessmentYear: year,
    rules,
    benefits,
    goals,
    persons: samplePersons,
    seed: seed.value,
  });
  const context: SampleRecordContext = {
    municipalityName: names.plainNameOf(municipality),
    assessmentRuleVersion: rulesForAssessment(year).version.id,
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

/** The rules whose sample parameters apply: the assessment's, or those of the version asked for. */
function sampleRules(year: number, versionId: RuleVersionId | undefined): RulesInForce {
  const assessmentRules = rulesForAssessment(year);
  const rules =
    versionId === undefined ? assessmentRules : rulesInForce(ruleVersionById(versionId).inForce);
  if (rules.sampleCaseReview.value === undefined) {
    const version = assessmentRules.version;
    throw new DomainError(
      'no_sample_case_review',
      versionId === undefined
        ? `Opgørelsen af ${year} følger ${version.id} (${version.instrument.citation}), som ikke har en uvildig ` +
            `stikprøvegennemgang ved udvælgelse (${formatCitation(assessmentRules.sampleCaseReview.source)}); ` +
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
    const goals = source.goals ?? goalsThatCanGround(rulesForAssessment(year), year);
    return { goals, benefits: source.benefits, missedTypes: [], typeSource: 'given' };
  }
  const file = source.focus;
  const aggregates = await readFocusMeasures(resolve(cwd, file), file, names.known);
  refuseMissing(
    missingFocusMonths(aggregates, municipality, assessmentMonth(year)),
    { focus: file, rates: '' },
    names,
  );
  const goals = goalsMissedAtAssessment(aggregates, municipality, year);
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
  const missedTypes = benefitsMissingGoals(aggregates, municipality, year, goals);
  return {
    goals,
    benefits: missedTypes.map((entry) => entry.benefit),
    missedTypes,
    typeSource: 'focus_measures',
  };
}
