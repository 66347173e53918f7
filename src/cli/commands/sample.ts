/**
 * `tilsyn sample`: draws the sample for the independent case review of the
 * 2019 rules (bek. nr. 1409 § 8) from the target group at 31 December, and
 * records it with its seed, rule version and parameters. Never overwrites a
 * recorded sample without `--force`.
 */
import { resolve } from 'node:path';
import { checkOutputFile } from '../../files/output-target.js';
import { dataDirectory } from '../data-directory.js';
import { isBenefitType } from '../../core/domain/benefit-type.js';
import { isFocusGoal } from '../../core/domain/focus-goal.js';
import { MAXIMUM_SEED } from '../../core/case-sample/draw-case-sample.js';
import {
  isListedBenefit,
  LISTED_BENEFIT_OF,
  type ListedBenefit,
} from '../../core/case-sample/listed-benefit.js';
import type { RuleVersionId } from '../../core/rules/rule-version.js';
import { OFFICIAL_RULES } from '../../core/rules/official-rules.js';
import { UsageError } from '../../files/usage-error.js';
import { drawAndRecordSample, type SampleScopeSource } from '../../pipeline/case-sample.js';
import { caseSampleSummary } from '../../reports/case-sample-report.js';
import {
  flag,
  optionalInteger,
  optionalString,
  requiredInteger,
  requiredString,
  requiredYear,
} from '../arguments.js';
import { EXIT_OK, type Command, type ParsedArguments } from '../command.js';

/** The order versions (bekendtgørelser) whose sample parameters `--rule-version` may name. */
const ORDER_VERSION_IDS = OFFICIAL_RULES.versions
  .filter((version) => version.kind === 'order')
  .map((version) => version.id);

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
  --rule-version ID   træk efter denne versions parametre (${ORDER_VERSION_IDS.join(', ')})
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
    const persons = requiredString(args, 'persons');
    const municipality = requiredInteger(args, 'municipality');
    const year = requiredYear(args, 'year');
    const out = requiredString(args, 'out');
    // The sample's own check below refuses an existing file without --force
    // (naming the recorded sample); inputs and the store are never written.
    await checkOutputFile(resolve(io.cwd, out), {
      inputs: [persons, optionalString(args, 'focus')]
        .filter((path) => path !== undefined)
        .map((path) => resolve(io.cwd, path)),
      dataDirectory: dataDirectory(args, io),
      force: true,
    });
    const ruleVersion = ruleVersionArgument(args);
    const seed = seedArgument(args);
    const { sample, context, record } = await drawAndRecordSample({
      persons,
      municipality,
      year,
      out,
      force: flag(args, 'force'),
      ...(seed === undefined ? {} : { seed }),
      ...(ruleVersion === undefined ? {} : { ruleVersion }),
      scope: scopeArgument(args),
      cwd: io.cwd,
      now: io.now(),
    });
    io.stdout(flag(args, 'json') ? record : caseSampleSummary(sample, context, out));
    return EXIT_OK;
  },
};

function ruleVersionArgument(args: ParsedArguments): RuleVersionId | undefined {
  const versionText = optionalString(args, 'rule-version');
  if (versionText === undefined) return undefined;
  if (!ORDER_VERSION_IDS.includes(versionText))
    throw new UsageError(
      `--rule-version skal være ${ORDER_VERSION_IDS.join(', ')}, ikke "${versionText}"`,
    );
  return versionText;
}

function seedArgument(args: ParsedArguments): number | undefined {
  const given = optionalInteger(args, 'seed');
  if (given !== undefined && (given < 0 || given > MAXIMUM_SEED))
    throw new UsageError(`--seed skal være et heltal fra 0 til ${MAXIMUM_SEED}, ikke ${given}`);
  return given;
}

/** `--focus FILE`, or `--types` with optional `--goals`. */
function scopeArgument(args: ParsedArguments): SampleScopeSource {
  const focusFile = optionalString(args, 'focus');
  const typesText = optionalString(args, 'types');
  if ((focusFile === undefined) === (typesText === undefined))
    throw new UsageError('angiv enten --focus FIL eller --types TYPE,... (ikke begge)');
  if (typesText !== undefined) {
    const benefits = benefitList(typesText);
    const goalsText = optionalString(args, 'goals');
    return goalsText === undefined
      ? { benefits }
      : {
          benefits,
          goals: codeList(goalsText, 'goals', isFocusGoal, 'et fokusmål (offers, conversations)'),
        };
  }
  if (optionalString(args, 'goals') !== undefined)
    throw new UsageError('--goals bruges kun med --types; med --focus findes målene i filen');
  return { focus: focusFile ?? '' };
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
