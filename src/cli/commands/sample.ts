/**
 * `tilsyn sample`: draws the sample for the independent case review of the
 * 2019 rules (bek. nr. 1409 § 8) from the target group at 31 December, and
 * records it with its seed, rule version and parameters. Never overwrites a
 * recorded sample without `--force`.
 */
import { createHash, randomInt } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isBenefitType } from '../../core/domain/benefit-type.js';
import { DomainError } from '../../core/domain-error.js';
import { isFocusGoal, type FocusGoal } from '../../core/domain/focus-goal.js';
import {
  drawCaseSample,
  MAXIMUM_SEED,
  type SamplePerson,
} from '../../core/case-sample/draw-case-sample.js';
import {
  isListedBenefit,
  LISTED_BENEFIT_OF,
  type ListedBenefit,
} from '../../core/case-sample/listed-benefit.js';
import {
  benefitsMissingGoals,
  goalsMissedAtAssessment,
  hasPerTypeAggregates,
  type MissedBenefit,
} from '../../core/case-sample/missed-benefits.js';
import { assessmentMonth, missingFocusMonths } from '../../core/assessment/assessment-inputs.js';
import { formatCitation } from '../../core/rules/legal-source.js';
import { RULE_VERSION_IDS, ruleVersionById } from '../../core/rules/rule-version.js';
import {
  goalsThatCanGround,
  rulesForAssessment,
  rulesInForce,
  type RulesInForce,
} from '../../core/rules/rules-in-force.js';
import { readFocusMeasures } from '../../inputs/read-focus-measures.js';
import { readSamplePersons } from '../../inputs/read-sample-persons.js';
import { writeFileAtomic } from '../../files/atomic-write.js';
import { InputError } from '../../files/input-error.js';
import {
  caseSampleRecord,
  caseSampleSummary,
  type SampleRecordContext,
} from '../../reports/case-sample-report.js';
import {
  flag,
  optionalInteger,
  optionalString,
  requiredInteger,
  requiredString,
  requiredYear,
} from '../arguments.js';
import { EXIT_OK, type Command, type CommandIo, type ParsedArguments } from '../command.js';
import {
  municipalityNames,
  refuseMissing,
  type MunicipalityNames,
} from '../../pipeline/legal-inputs.js';
import { UsageError } from '../../files/usage-error.js';

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'Træk stikprøven til den uvildige sagsgennemgang (2019-reglerne, § 8)',
  help: `Brug: tilsyn sample --persons FIL --municipality KODE --year ÅR --out FIL
                     (--focus FIL | --types TYPE,... [--goals MÅL,...])
                     [--seed HELTAL] [--rule-version v2019|v2021] [--force] [--json]

Trækker stikprøven til den uvildige sagsgennemgang ved udvælgelse (bek. nr.
1409 af 16/12/2019 § 8): 15 % af sagerne (rundet op) i hver af ydelserne i
§ 2, stk. 2, hvor kommunen ikke opfyldte fokusmålene ved den opgørelse, der
udvalgte den, dog mindst 20 (alle, hvis der er færre) og højst 300 i alt;
stratificeret, så både passive og ikke-passive sager er med i forhold til
deres antal. Ressourceforløbsydelse under ressourceforløb eller jobafklaring
(§ 2, stk. 2, nr. 7) er én ydelse. Stikprøven gemmes med seed, regelversion og
parametre; samme seed og samme personfil giver samme stikprøve.

Reglerne fra 22. marts 2023 (bek. nr. 301) har ingen stikprøvegennemgang:
for en udvælgelse på opgørelsen af 2022 eller senere afvises kommandoen,
medmindre --rule-version beder om 2019-reglernes parametre.

Tilvalg:
  --persons FIL       målgruppen pr. 31. december, én person pr. linje: person_id,
                      municipality, benefit, passive_offers, passive_conversations
  --municipality KODE den udvalgte kommune (kommunekode)
  --year ÅR           opgørelsesåret, der udvalgte kommunen
  --focus FIL         fokusmålinger med rækker pr. ydelsestype (scope): de
                      ydelser og mål, kommunen missede, findes heri
  --types TYPE,...    ydelserne, angivet direkte som ydelsestyper (i stedet for
                      --focus); jobafklaring og ressourceforloeb er én ydelse
  --goals MÅL,...     de missede fokusmål (offers, conversations) ved --types;
                      standard: de mål, der kunne begrunde en afgørelse det år
  --seed HELTAL       0 … ${MAXIMUM_SEED}; uden --seed vælges et tilfældigt og gemmes
  --rule-version ID   træk efter denne versions parametre (${RULE_VERSION_IDS.join(', ')})
  --out FIL           hvor stikprøven gemmes (JSON); en eksisterende fil erstattes
                      kun med --force
  --force             erstat en registreret stikprøve (en ny trækning erstatter den)
  --json              skriv hele stikprøven som JSON på skærmen
  --help              vis denne hjælp`,
  options: {
    persons: { type: 'string' },
    municipality: { type: 'string' },
    year: { type: 'string' },
    focus: { type: 'string' },
    types: { type: 'string' },
    goals: { type: 'string' },
    seed: { type: 'string' },
    'rule-version': { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const personsFile = requiredString(args, 'persons');
    const municipality = requiredInteger(args, 'municipality');
    const year = requiredYear(args, 'year');
    const out = requiredString(args, 'out');
    const names = await municipalityNames();
    if (!names.known.has(municipality))
      throw new UsageError(`--municipality ${municipality} er ikke en af de 98 kommunekoder`);
    const rules = sampleRules(args, year);
    const seed = chosenSeed(args);
    await refuseToOverwrite(args, io, out);
    const { goals, benefits, missedTypes, typeSource } = await sampleScope(
      args,
      io,
      names,
      municipality,
      year,
    );
    const personsPath = resolve(io.cwd, personsFile);
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
      drawnAt: io.now().toISOString(),
      personsFile: { name: personsFile, sha256: personsDigest },
      seedChosen: seed.chosen,
      typeSource,
      missedTypes,
    };
    const record = `${JSON.stringify(caseSampleRecord(sample, context), null, 2)}\n`;
    await writeFileAtomic(resolve(io.cwd, out), record);
    io.stdout(flag(args, 'json') ? record : caseSampleSummary(sample, context, out));
    return EXIT_OK;
  },
};

/** The rules whose sample parameters apply: the assessment's, or those of `--rule-version`. */
function sampleRules(args: ParsedArguments, year: number): RulesInForce {
  const assessmentRules = rulesForAssessment(year);
  const versionText = optionalString(args, 'rule-version');
  let rules = assessmentRules;
  if (versionText !== undefined) {
    const id = RULE_VERSION_IDS.find((candidate) => candidate === versionText);
    if (id === undefined)
      throw new UsageError(
        `--rule-version skal være ${RULE_VERSION_IDS.join(', ')}, ikke "${versionText}"`,
      );
    rules = rulesInForce(ruleVersionById(id).inForce);
  }
  if (rules.sampleCaseReview.value === undefined) {
    const version = assessmentRules.version;
    throw new DomainError(
      'no_sample_case_review',
      versionText === undefined
        ? `Opgørelsen af ${year} følger ${version.id} (${version.instrument.citation}), som ikke har en uvildig ` +
            `stikprøvegennemgang ved udvælgelse (${formatCitation(assessmentRules.sampleCaseReview.source)}); ` +
            `der trækkes ingen stikprøve. Skal der alligevel trækkes en stikprøve efter 2019-reglernes parametre ` +
            `(fx til en frivillig gennemgang), så angiv --rule-version v2021.`
        : `Regelversion ${rules.version.id} (${rules.version.instrument.citation}) har ingen uvildig stikprøvegennemgang ved udvælgelse.`,
    );
  }
  return rules;
}

function chosenSeed(args: ParsedArguments): { value: number; chosen: 'given' | 'random' } {
  const given = optionalInteger(args, 'seed');
  if (given === undefined) return { value: randomInt(0, MAXIMUM_SEED + 1), chosen: 'random' };
  if (given < 0 || given > MAXIMUM_SEED)
    throw new UsageError(`--seed skal være et heltal fra 0 til ${MAXIMUM_SEED}, ikke ${given}`);
  return { value: given, chosen: 'given' };
}

/** A recorded sample is never replaced silently. */
async function refuseToOverwrite(args: ParsedArguments, io: CommandIo, out: string): Promise<void> {
  const path = resolve(io.cwd, out);
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (!exists || flag(args, 'force')) return;
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
  args: ParsedArguments,
  io: CommandIo,
  names: MunicipalityNames,
  municipality: number,
  year: number,
): Promise<SampleScope> {
  const focusFile = optionalString(args, 'focus');
  const typesText = optionalString(args, 'types');
  if ((focusFile === undefined) === (typesText === undefined))
    throw new UsageError('angiv enten --focus FIL eller --types TYPE,... (ikke begge)');
  if (typesText !== undefined) {
    const benefits = benefitList(typesText);
    const goalsText = optionalString(args, 'goals');
    const goals =
      goalsText === undefined
        ? goalsThatCanGround(rulesForAssessment(year), year)
        : codeList(goalsText, 'goals', isFocusGoal, 'et fokusmål (offers, conversations)');
    return { goals, benefits, missedTypes: [], typeSource: 'given' };
  }
  if (optionalString(args, 'goals') !== undefined)
    throw new UsageError('--goals bruges kun med --types; med --focus findes målene i filen');
  const file = focusFile ?? '';
  const aggregates = await readFocusMeasures(resolve(io.cwd, file), file, names.known);
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

/**
 * `--types`: benefit type codes of measures.md § 1 or `ressourceforloebsydelse`;
 * `jobafklaring` and `ressourceforloeb` both mean ressourceforløbsydelse, one
 * benefit of § 2, stk. 2.
 */
function benefitList(text: string): ListedBenefit[] {
  const codes = codeList(
    text,
    'types',
    (code): code is string => isBenefitType(code) || isListedBenefit(code),
    'en ydelsestype',
  );
  const listed = codes.map((code) => (isBenefitType(code) ? LISTED_BENEFIT_OF[code] : code));
  return [...new Set(listed.filter(isListedBenefit))];
}

function codeList<T extends string>(
  text: string,
  option: string,
  isCode: (value: string) => value is T,
  what: string,
): T[] {
  const codes = text
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
  if (codes.length === 0) throw new UsageError(`--${option} mangler en værdi`);
  const bad = codes.find((code) => !isCode(code));
  if (bad !== undefined) throw new UsageError(`--${option}: "${bad}" er ikke ${what}`);
  return [...new Set(codes.filter(isCode))];
}
