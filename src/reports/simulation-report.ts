/**
 * The reports of a reform simulation (`--set`), in Danish text and JSON
 * (schema `tilsyn.simulation/1`): every override first, then year by year
 * the municipalities whose decision differs from the rules in force, and why.
 */
import { formatDanishDate } from '../core/calendar/iso-date.js';
import {
  DECISION_LABELS,
  SUPERVISION_STATUS_LABELS,
  type DecisionKind,
} from '../core/domain/supervision.js';
import type {
  DecisionChange,
  DecisionDifference,
  DifferenceReason,
  FocusGoalSide,
  HistoryComparison,
  ImprovementSide,
  YearComparison,
} from '../core/lifecycle/compare-histories.js';
import type { RuleBook, RuleOverride } from '../core/rules/rule-book.js';
import { formatCitation } from '../core/rules/legal-source.js';
import { OFFICIAL_RULES } from '../core/rules/official-rules.js';
import { overrideRecord } from '../core/rules/rule-record.js';
import type { MeasureComparison } from '../measuring/compare-measure-tables.js';
import { formatDanishCount, formatDanishNumber } from '../core/danish-format.js';
import { DEADLINE_LABELS, GOAL_IN_SENTENCE, OUTCOME_TEXT } from './legal-text.js';
import { formatRuleValue } from './rule-values.js';
import { wrap } from './rules-report.js';

/** The first words of every text report of a simulation. */
export const SIMULATION_TEXT_MARK = 'SIMULERING';

/** The JSON schema of an assessment simulation. */
export const SIMULATION_SCHEMA = 'tilsyn.simulation/1';

/** The first line of a simulation's text report: every override, so it cannot be taken for official. */
export function simulationHeader(overrides: readonly RuleOverride[]): string {
  return `${SIMULATION_TEXT_MARK} — ikke gældende regler. Ændrede regler: ${overrides
    .map((override) => override.setting)
    .join('; ')}`;
}

/** What the reports show of an assessment simulation. */
export interface AssessmentSimulationView {
  readonly overrides: readonly RuleOverride[];
  /** The simulated rules. */
  readonly rules: RuleBook;
  /** Whether the load was measured again under the simulated rules. */
  readonly remeasured: boolean;
  readonly comparison: HistoryComparison;
}

export const CHANGE_LABELS: Readonly<Record<DecisionChange, string>> = {
  selected_instead: 'udvælges i stedet',
  no_longer_selected: 'udvælges ikke længere',
  other_decision: 'anden afgørelse',
  other_deadlines: 'samme afgørelse, andre frister',
};

const decision = (kind: DecisionKind) => DECISION_LABELS[kind].toLowerCase();
const percent = (value: number | undefined) =>
  value === undefined ? 'ikke opgjort' : `${formatDanishNumber(value, 1)} %`;
const points = (value: number | undefined) =>
  value === undefined ? 'ikke opgjort' : `${formatDanishNumber(value, 2)} pct.-point`;

/** What each override sets, in Danish, with the official values it replaces. */
export function overrideLines(rules: RuleBook, overrides: readonly RuleOverride[]): string[] {
  return overrides.flatMap((override) => {
    const node = rules.node(override.id);
    const when =
      override.from === undefined ? 'på alle datoer' : `fra ${formatDanishDate(override.from)}`;
    const official = OFFICIAL_RULES.entries(override.id)
      .map(
        (entry) =>
          `${formatRuleValue(node, entry.value)} fra ${formatDanishDate(entry.from)} (${formatCitation(entry.source)})`,
      )
      .join('; ');
    return wrap(
      `${override.id} — ${node.label}: ${formatRuleValue(node, override.value)} ${when}. Gældende: ${official}.`,
      '  ',
      '      ',
    );
  });
}

function focusText(side: FocusGoalSide): string {
  return (
    `${percent(side.measure)} mod grænsen ${formatDanishNumber(side.threshold)} % — ${OUTCOME_TEXT[side.outcome]}` +
    (side.canGround ? '' : ', kan ikke begrunde en afgørelse')
  );
}

function improvementText(side: ImprovementSide | undefined): string {
  if (side === undefined) return 'ikke vurderet';
  return `opnået ${points(side.reached)} af de ${points(side.needed)}, der kræves — ${side.sufficient ? 'nok' : 'ikke nok'} til forlængelse`;
}

/** One Danish sentence per difference reason: the simulation, then the rules in force. */
export function differenceReasonText(reason: DifferenceReason): string {
  switch (reason.code) {
    case 'status_before':
      return `Status før opgørelsen: ${SUPERVISION_STATUS_LABELS[reason.simulated].toLowerCase()}; efter gældende regler: ${SUPERVISION_STATUS_LABELS[reason.official].toLowerCase()} (en anden afgørelse et tidligere år).`;
    case 'can_select':
      return `Opgørelsen kan${reason.simulated ? '' : ' ikke'} udvælge kommuner; efter gældende regler kan den${reason.official ? '' : ' ikke'}.`;
    case 'result_goal':
      return `Resultatmålet er ${reason.simulated.met ? 'opfyldt' : 'ikke opfyldt'} (forskel ${formatDanishNumber(reason.simulated.differencePoints, 2)} pct.-point); efter gældende regler ${reason.official.met ? 'opfyldt' : 'ikke opfyldt'} (${formatDanishNumber(reason.official.differencePoints, 2)}).`;
    case 'focus_goal':
      return `Fokusmålet om ${GOAL_IN_SENTENCE[reason.goal]}: ${focusText(reason.simulated)}; efter gældende regler ${focusText(reason.official)}.`;
    case 'improvement':
      return `Fremgang for ${GOAL_IN_SENTENCE[reason.goal]}: ${improvementText(reason.simulated)}; efter gældende regler ${improvementText(reason.official)}.`;
    case 'deadline':
      return `${DEADLINE_LABELS[reason.kind]}: ${reason.simulated === undefined ? 'ingen' : formatDanishDate(reason.simulated)}; efter gældende regler ${reason.official === undefined ? 'ingen' : formatDanishDate(reason.official)}.`;
  }
}

function differenceLines(
  difference: DecisionDifference,
  nameOf: (code: number) => string,
): string[] {
  const { official, simulated } = difference;
  const head =
    difference.change === 'other_deadlines'
      ? `${nameOf(difference.municipality)}: ${CHANGE_LABELS[difference.change]} (${decision(simulated.decision)})`
      : `${nameOf(difference.municipality)}: ${CHANGE_LABELS[difference.change]} — ${decision(simulated.decision)}; efter gældende regler ${decision(official.decision)}`;
  return [
    ...wrap(head, '  ', '      '),
    ...difference.reasons.flatMap((reason) =>
      wrap(`• ${differenceReasonText(reason)}`, '    ', '      '),
    ),
  ];
}

function countsText(year: YearComparison): string {
  const kinds = Object.keys(DECISION_LABELS) as DecisionKind[];
  return kinds
    .filter(
      (kind) =>
        kind !== 'stays_out' &&
        (year.decisionCounts.official[kind] ?? 0) + (year.decisionCounts.simulated[kind] ?? 0) > 0,
    )
    .map(
      (kind) =>
        `${decision(kind)} ${year.decisionCounts.official[kind] ?? 0} → ${year.decisionCounts.simulated[kind] ?? 0}`,
    )
    .join(', ');
}

export interface SimulationSources {
  readonly focus: string;
  readonly rates: string;
}

/** The simulation of the assessments as Danish text. */
export function assessmentSimulationText(
  simulation: AssessmentSimulationView,
  nameOf: (code: number) => string,
  sources: SimulationSources,
): string {
  const { comparison } = simulation;
  const lines = [
    ...wrap(simulationHeader(simulation.overrides), '', '  '),
    ...overrideLines(simulation.rules, simulation.overrides),
    ...wrap(
      `Opgørelserne ${comparison.fromYear}–${comparison.toYear} efter gældende regler og med ændringerne. ` +
        `Inddata: ${sources.focus}, ${sources.rates}` +
        (simulation.remeasured
          ? '; indlæsningen er målt igen med de ændrede regler.'
          : '; de samme målinger på begge sider.'),
      '',
      '  ',
    ),
  ];
  for (const year of comparison.years) {
    const changed = year.differences.filter((entry) => entry.change !== 'other_deadlines').length;
    lines.push(
      '',
      `Opgørelsen af ${year.year} (regler ${year.ruleVersion.simulated}): ` +
        (year.differences.length === 0
          ? 'ingen kommune får en anden afgørelse.'
          : `${changed} ${changed === 1 ? 'kommune får' : 'kommuner får'} en anden afgørelse` +
            (year.differences.length > changed
              ? `, ${year.differences.length - changed} andre frister.`
              : '.')),
    );
    const totals = countsText(year);
    if (totals !== '')
      lines.push(...wrap(`Afgørelser, gældende → simulering: ${totals}.`, '  ', '    '));
    for (const difference of year.differences) lines.push(...differenceLines(difference, nameOf));
  }
  return `${lines.join('\n')}\n`;
}

/** The simulation of the assessments as JSON (schema `tilsyn.simulation/1`). */
export function assessmentSimulationJson(
  simulation: AssessmentSimulationView,
  nameOf: (code: number) => string,
  sources: SimulationSources,
): Record<string, unknown> {
  const { comparison } = simulation;
  return {
    schema: SIMULATION_SCHEMA,
    simulation: true,
    overrides: simulation.overrides.map(overrideRecord),
    fromYear: comparison.fromYear,
    toYear: comparison.toYear,
    inputs: { focus: sources.focus, rates: sources.rates, remeasured: simulation.remeasured },
    years: comparison.years.map((year) => ({
      year: year.year,
      ruleVersion: year.ruleVersion,
      decisionCounts: year.decisionCounts,
      differences: year.differences.map((difference) => ({
        code: difference.municipality,
        name: nameOf(difference.municipality),
        change: difference.change,
        official: difference.official,
        simulated: difference.simulated,
        reasons: difference.reasons.map((reason) => ({
          ...reason,
          text: differenceReasonText(reason),
        })),
      })),
    })),
  };
}

/** The summary of a measure simulation: which files' figures change. */
export function measureSimulationText(
  rules: RuleBook,
  overrides: readonly RuleOverride[],
  comparison: MeasureComparison,
): string {
  const lines = [
    ...wrap(simulationHeader(overrides), '', '  '),
    ...overrideLines(rules, overrides),
    'Tal, der ændres i forhold til gældende regler:',
  ];
  for (const table of comparison.tables) {
    const parts = [
      `${formatDanishNumber(table.changedRows)} af ${formatDanishCount(table.rows, 'række', 'rækker')} ændret`,
      ...(table.addedRows > 0 ? [`${formatDanishNumber(table.addedRows)} nye`] : []),
      ...(table.removedRows > 0 ? [`${formatDanishNumber(table.removedRows)} bortfaldet`] : []),
      ...(table.columnsDiffer ? ['andre kolonner'] : []),
    ];
    lines.push(`  ${table.file.padEnd(30)} ${parts.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
