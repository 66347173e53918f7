/**
 * The recorded case sample (JSON file, schema `tilsyn.case-sample/1`) and its
 * Danish summary for the terminal.
 */
import type { CaseSample } from '../core/case-sample/draw-case-sample.js';
import type { MissedBenefit } from '../core/case-sample/missed-benefits.js';
import { LISTED_BENEFIT_LABELS } from '../core/case-sample/listed-benefit.js';
import { formatCitation } from '../core/rules/legal-source.js';
import { formatDanishNumber } from '../core/danish-format.js';
import { legalSourceJson } from './legal-source-json.js';
import { GOAL_IN_SENTENCE } from './legal-text.js';
import { renderTable } from './text-table.js';

export const CASE_SAMPLE_SCHEMA = 'tilsyn.case-sample/1';

export interface SampleRecordContext {
  readonly municipalityName: string;
  /** The rule version that governs the assessment (may differ from the sample's parameters). */
  readonly assessmentRuleVersion: string;
  readonly drawnAt: string;
  readonly personsFile: { readonly name: string; readonly sha256: string };
  readonly seedChosen: 'given' | 'random';
  /** How the benefits were chosen, with the figures when derived from the focus file. */
  readonly typeSource: 'focus_measures' | 'given';
  readonly missedTypes: readonly MissedBenefit[];
}

export function caseSampleRecord(
  sample: CaseSample,
  context: SampleRecordContext,
): Record<string, unknown> {
  return {
    schema: CASE_SAMPLE_SCHEMA,
    municipality: sample.municipality,
    municipalityName: context.municipalityName,
    assessmentYear: sample.assessmentYear,
    assessmentRuleVersion: context.assessmentRuleVersion,
    ruleVersion: sample.ruleVersion,
    parameters: sample.parameters,
    legalBasis: legalSourceJson(sample.legalBasis),
    seed: sample.seed,
    seedChosen: context.seedChosen,
    drawnAt: context.drawnAt,
    personsFile: context.personsFile,
    goals: sample.goals,
    typeSource: context.typeSource,
    missedTypes: context.missedTypes,
    method:
      'Unit: each benefit listed in § 2, stk. 2 (jobafklaring and ressourceforloeb together as ressourceforloebsydelse). Sizes: n < 20 → n, else max(20, ⌈15 % × n⌉) in integers; above 300 in total each benefit keeps min(20, n) and the rest is shared in proportion to the excess by largest remainder (ties: order of § 2, stk. 2). Within a benefit, passive and non-passive cases in proportion by largest remainder (tie: passive), at least one of each when both exist. Persons sorted by person_id; benefits in the order of § 2, stk. 2, passive stratum first, drawn with SeededRandom(seed).',
    strata: sample.strata,
    total: sample.total,
    capApplied: sample.capApplied,
    cases: sample.cases,
  };
}

export function caseSampleSummary(
  sample: CaseSample,
  context: SampleRecordContext,
  out: string,
): string {
  const parameters = sample.parameters;
  const lines = [
    `Stikprøve til uvildig sagsgennemgang — ${context.municipalityName}, opgørelsen af ${sample.assessmentYear}`,
    `Hjemmel: ${formatCitation(sample.legalBasis)}; parametre fra ${sample.ruleVersion}: ${parameters.sharePercent} % pr. ydelse i § 2, stk. 2 (rundet op), mindst ${parameters.minimumPerType}, højst ${parameters.maximumTotal} i alt.`,
    `Fokusmål: ${sample.goals.map((goal) => GOAL_IN_SENTENCE[goal]).join(' og ')}; en sag er passiv, når personen er passiv for et af dem.`,
    `Seed: ${sample.seed}${context.seedChosen === 'random' ? ' (valgt tilfældigt)' : ''} — samme seed og samme personfil giver samme stikprøve.`,
    '',
    ...renderTable(
      [
        'Ydelse (§ 2, stk. 2)',
        'Målgruppe',
        'Heraf passive',
        'Stikprøve',
        'Passive',
        'Ikke-passive',
      ],
      sample.strata.map((stratum) => [
        LISTED_BENEFIT_LABELS[stratum.benefit],
        formatDanishNumber(stratum.population),
        formatDanishNumber(stratum.passive),
        stratum.size === stratum.sizeBeforeCap
          ? formatDanishNumber(stratum.size)
          : `${formatDanishNumber(stratum.size)} (før loft ${formatDanishNumber(stratum.sizeBeforeCap)})`,
        formatDanishNumber(stratum.passiveDrawn),
        formatDanishNumber(stratum.nonPassiveDrawn),
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
    `I alt ${formatDanishNumber(sample.total)} sager${sample.capApplied ? ` (loftet på ${parameters.maximumTotal} er anvendt)` : ''}. Stikprøven er gemt i ${out}.`,
  ];
  return `${lines.join('\n')}\n`;
}
