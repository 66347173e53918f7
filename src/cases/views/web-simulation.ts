/**
 * The reform simulation of the web application (the ministry's page
 * `/simulering`): the rule nodes an analyst may change for the figures in
 * use, read generically from the rules tree, and the assessments under the
 * rules in force and with the changes, side by side, per municipality.
 *
 * The assessments are those of `tilsyn assess --set` (src/pipeline/reform-
 * simulation.ts) over the same figures as the pages, so the page and the
 * command line give the same answer. A simulation stores nothing and never
 * touches a case: it reads the figures and returns the comparison.
 *
 * Which nodes can change depends on the figures: from aggregated files only
 * the rules read after the measurement (thresholds, transitional rules,
 * deadlines …); from a load also the measurement rules (the load is then
 * measured again under the simulated rules). Citations of §§ and the § 8
 * sample's rules are never offered.
 */
import { formatDanishDate, parseIsoDate, type IsoDate } from '../../core/calendar/iso-date.js';
import { DomainError } from '../../core/domain-error.js';
import type { FocusGoal } from '../../core/domain/focus-goal.js';
import { FOCUS_GOALS } from '../../core/domain/focus-goal.js';
import type { MunicipalityCode } from '../../core/domain/municipality.js';
import {
  DECISION_LABELS,
  type DecisionKind,
  type SupervisionStatus,
} from '../../core/domain/supervision.js';
import type { FocusGoalOutcome } from '../../core/assessment/focus-goal-assessment.js';
import type {
  DecisionChange,
  DecisionDifference,
  DifferenceReason,
} from '../../core/lifecycle/compare-histories.js';
import type { CaseYear, MunicipalityCaseYear } from '../../core/lifecycle/run-assessments.js';
import { OFFICIAL_RULES } from '../../core/rules/official-rules.js';
import type { RuleBook, RuleId, RuleNodeInfo, RuleOverride } from '../../core/rules/rule-book.js';
import {
  RULE_AREAS,
  RULE_AREA_HEADINGS,
  type RuleArea,
  type RuleNodeDefinition,
  type RuleStage,
  type RuleUnit,
} from '../../core/rules/rule-node.js';
import { sourceRecord, type SourceRecord } from '../../core/rules/rule-record.js';
import { assessmentRuleDate } from '../../core/rules/rule-version.js';
import {
  simulateAssessments,
  type AssessmentSimulation,
  type MeasurementMemo,
} from '../../pipeline/reform-simulation.js';
import { formatRuleValue } from '../../reports/rule-values.js';
import { CHANGE_LABELS, differenceReasonText } from '../../reports/simulation-report.js';
import type { WebDataSource } from './web-data.js';
import { FIRST_ASSESSMENT_YEAR } from './web-letters.js';

/** Said on the page and in every answer: a simulation is not a decision. */
export const SIMULATION_NOTICE =
  'Simuleringen gemmes ikke og ændrer ingen sag, afgørelse eller officielle tal: den regner opgørelserne igen med de ændrede regler og viser forskellen.';

// ---------------------------------------------------------------------------
// The adjustable nodes

/** The unit of a value as the form writes it, in Danish. */
export const UNIT_TEXT: Readonly<Record<RuleUnit, string>> = {
  percent: '%',
  hours: 'timer',
  days: 'dage',
  months: 'måneder',
  count: 'antal',
  fraction: 'brøk fra 0 til 1',
  year: 'årstal',
  boolean: 'ja/nej',
  day_of_year: 'MM-DD',
  month: 'ÅÅÅÅ-MM',
  date_range: 'ÅÅÅÅ-MM-DD..ÅÅÅÅ-MM-DD',
  month_range: 'ÅÅÅÅ-MM..ÅÅÅÅ-MM',
  benefit_types: 'ydelser, kommasepareret',
  offer_types: 'tilbudstyper, kommasepareret',
  conversation_kinds: 'samtaletyper, kommasepareret',
  exemption_reasons: 'fritagelsesgrunde, kommasepareret',
  months_of_year: 'måneder (1–12), kommasepareret',
  spell_gap_rules: 'JSON',
  spell_continuations: 'JSON',
  paragraph: '§',
};

/** Units whose values are numbers: their input reads Danish numbers (`24,8`, `1.000`). */
const NUMBER_UNITS: ReadonlySet<RuleUnit> = new Set([
  'percent',
  'hours',
  'days',
  'months',
  'count',
  'fraction',
  'year',
]);

export interface RuleValueView {
  readonly from: string;
  /** The last day; `null` while no later value is known. */
  readonly to: string | null;
  readonly version: string | null;
  /** The value in Danish, e.g. "30 %". */
  readonly valueText: string;
  readonly reference: SourceRecord;
}

export interface AdjustableRule {
  readonly id: RuleId;
  readonly label: string;
  readonly unit: RuleUnit;
  /** The unit as the field shows it ("%", "timer", "ÅÅÅÅ-MM"). */
  readonly unitText: string;
  /** The values accepted, in Danish. */
  readonly accepts: string;
  readonly stage: RuleStage;
  /** The value in force for the assessment of the year asked for. */
  readonly value: unknown;
  readonly valueText: string;
  /** The value as the field takes it (`30`, `24,8`, `ja`, `04-30`, JSON …). */
  readonly input: string;
  /** The value's legal source: a citation (instrument, §, stk., quote) or an interpretation. */
  readonly reference: SourceRecord;
  /** Every official value of the node, in date order. */
  readonly official: readonly RuleValueView[];
}

export interface AdjustableRuleGroup {
  readonly area: RuleArea;
  readonly heading: string;
  readonly rules: readonly AdjustableRule[];
}

export interface SimulationRules {
  /** The assessment year whose rules the values are read for. */
  readonly year: number;
  /** The day those rules are in force (1 April of the following year). */
  readonly ruleDate: string;
  readonly ruleVersion: string;
  /** The years a simulation may show. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** Whether the figures in use are a load (measurement rules can change) or aggregated files. */
  readonly figures: 'load' | 'files';
  /** Why some rules are not offered, in Danish. */
  readonly limits: string;
  readonly notice: string;
  readonly groups: readonly AdjustableRuleGroup[];
}

/** The stages a simulation over these figures can change. */
export function adjustableStages(figures: 'load' | 'files'): readonly RuleStage[] {
  return figures === 'load'
    ? ['measurement', 'assessment', 'lifecycle']
    : ['assessment', 'lifecycle'];
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const twoDigits = (value: unknown) => String(value).padStart(2, '0');

/**
 * A value written as its node's type reads it (`ValueType.parse`): the text
 * the form starts from. Numbers with a decimal comma; anything without a
 * short form as JSON (which the parser also reads).
 */
export function settingText(node: RuleNodeInfo, value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((entry) => ['string', 'number'].includes(typeof entry)))
    return value.map(String).join(',');
  if (isRecord(value)) {
    if (node.unit === 'day_of_year')
      return `${twoDigits(value['month'])}-${twoDigits(value['day'])}`;
    if (
      (node.unit === 'date_range' || node.unit === 'month_range') &&
      typeof value['from'] === 'string' &&
      typeof value['to'] === 'string'
    )
      return `${value['from']}..${value['to']}`;
  }
  return JSON.stringify(value);
}

function valueView(book: RuleBook, id: RuleId): RuleValueView[] {
  const node = book.node(id);
  return book.entries(id).map((entry) => ({
    from: entry.from,
    to: entry.to ?? null,
    version: entry.version ?? null,
    valueText: formatRuleValue(node, entry.value),
    reference: sourceRecord(entry.source),
  }));
}

/**
 * The nodes a simulation over these figures may change, grouped by the
 * tree's areas, each with its value for the assessment of `year`, its unit
 * and its legal source; every node of the tree that is a value (not a §) and
 * is read by a stage the figures allow — nothing listed by hand.
 */
export function simulationRules(
  book: RuleBook,
  figures: 'load' | 'files',
  year: number,
  years: { readonly first: number; readonly last: number },
): SimulationRules {
  const stages = adjustableStages(figures);
  const date = assessmentRuleDate(year);
  const groups = RULE_AREAS.map((area): AdjustableRuleGroup => {
    const rules = book.ids
      .map((id) => book.node(id))
      .filter((node) => node.area === area && node.overridable && stages.includes(node.stage))
      .map((node): AdjustableRule => {
        const entry = book.entry(node.id, date);
        return {
          id: node.id,
          label: node.label,
          unit: node.unit,
          unitText: UNIT_TEXT[node.unit],
          accepts: node.accepts,
          stage: node.stage,
          value: entry.value,
          valueText: formatRuleValue(node, entry.value),
          input: settingText(node, entry.value),
          reference: sourceRecord(entry.source),
          official: valueView(book, node.id),
        };
      });
    return { area, heading: RULE_AREA_HEADINGS[area], rules };
  }).filter((group) => group.rules.length > 0);
  return {
    year,
    ruleDate: date,
    ruleVersion: book.versionOn(date).id,
    firstYear: years.first,
    lastYear: years.last,
    figures,
    limits:
      figures === 'load'
        ? 'Siderne bygger på en indlæsning: også reglerne for målingerne kan ændres (indlæsningen måles så igen). Reglerne for stikprøven (§ 8) og paragrafhenvisninger kan ikke ændres her.'
        : 'Siderne bygger på aggregerede fokusmålinger: reglerne for målingerne fra persondata kan ikke ændres, da tallene ikke kan beregnes igen. Reglerne for stikprøven (§ 8) og paragrafhenvisninger kan heller ikke ændres her.',
    notice: SIMULATION_NOTICE,
    groups,
  };
}

// ---------------------------------------------------------------------------
// Reading the analyst's changes

/** One change as the form sends it: a node, the value as typed, and from when (absent: all dates). */
export interface RuleSetting {
  readonly id: string;
  readonly value: string;
  readonly from?: string;
}

export interface WebSimulationRequest {
  readonly fromYear: number;
  readonly toYear: number;
  readonly overrides: readonly RuleSetting[];
}

/** A change the tree refuses, with the field (the rule id, or `fromYear`/`toYear`) it is about. */
function refuse(message: string, field?: string): never {
  throw new DomainError('simulation_refused', message, field);
}

/** `1.234,5` → `1234,5`: a Danish number with thousands points, as the type's parser reads it. */
function danishNumberText(text: string): string {
  const trimmed = text.trim();
  return /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(trimmed) ? trimmed.replace(/\./g, '') : trimmed;
}

const STAGE_REFUSALS: Readonly<Record<RuleStage, string>> = {
  measurement:
    'er en regel for målingerne fra persondata; de aggregerede fokusmålinger, som siderne bygger på, kan ikke beregnes igen med den',
  assessment: 'påvirker ikke den årlige opgørelse',
  lifecycle: 'påvirker ikke den årlige opgørelse',
  case_sample: 'påvirker kun stikprøven ved udvælgelse (§ 8), ikke den årlige opgørelse',
};

/**
 * Reads the analyst's changes against the tree: a known node, a value (not a
 * §), read by a stage these figures allow, one change per node, and a value
 * of the node's type and range. Refuses the first that is not, in Danish,
 * naming the rule.
 */
export function readRuleSettings(
  book: RuleBook,
  figures: 'load' | 'files',
  settings: readonly RuleSetting[],
): RuleOverride[] {
  const stages = adjustableStages(figures);
  const seen = new Set<string>();
  return settings.map((setting): RuleOverride => {
    const id = setting.id.trim();
    if (!(book.ids as readonly string[]).includes(id))
      refuse(`"${id}" er ikke en regel i regeltræet.`, setting.id);
    const ruleId = id as RuleId;
    const node = book.node(ruleId);
    const name = `${node.label} (${id})`;
    if (!node.overridable)
      refuse(`${name} er en paragrafhenvisning, ikke en værdi, og kan ikke ændres.`, id);
    if (!stages.includes(node.stage)) refuse(`${name} ${STAGE_REFUSALS[node.stage]}.`, id);
    if (seen.has(id)) refuse(`${name} er ændret mere end én gang.`, id);
    seen.add(id);
    const text = setting.value.trim();
    if (text === '') refuse(`${name} skal have en værdi (${node.accepts}).`, id);
    const type = (book.tree[ruleId] as RuleNodeDefinition<unknown>).type;
    let value: unknown;
    if (text.startsWith('{') || text.startsWith('[')) {
      try {
        value = JSON.parse(text) as unknown;
      } catch {
        refuse(`${name}: værdien er ikke gyldig JSON.`, id);
      }
    } else {
      const parsed = type.parse(NUMBER_UNITS.has(node.unit) ? danishNumberText(text) : text);
      if ('problem' in parsed) refuse(`${name} skal være ${node.accepts}: ${parsed.problem}.`, id);
      value = parsed.value;
    }
    const problem = type.problem(value);
    if (problem !== undefined) refuse(`${name} ${problem}.`, id);
    let from: IsoDate | undefined;
    if (setting.from !== undefined && setting.from.trim() !== '') {
      from = parseIsoDate(setting.from.trim());
      if (from === undefined)
        refuse(`${name}: "${setting.from}" er ikke en dato på formen ÅÅÅÅ-MM-DD.`, id);
    }
    return {
      id: ruleId,
      value,
      ...(from === undefined ? {} : { from }),
      setting: `${id}${from === undefined ? '' : `@${from}`}=${text}`,
    };
  });
}

// ---------------------------------------------------------------------------
// The result

export interface FocusGoalView {
  /** The 12-month average of December, percent. */
  readonly measure: number | null;
  readonly threshold: number;
  readonly outcome: FocusGoalOutcome;
  readonly canGround: boolean;
}

/** One side (the rules in force, or the simulation) of a municipality's assessment. */
export interface DecisionView {
  readonly decision: DecisionKind;
  readonly decisionText: string;
  readonly statusBefore: SupervisionStatus;
  readonly statusAfter: SupervisionStatus;
  readonly focusGoals: Readonly<Record<FocusGoal, FocusGoalView>>;
  readonly resultGoal: { readonly met: boolean; readonly differencePoints: number };
}

export interface SimulatedMunicipality {
  readonly code: MunicipalityCode;
  readonly name: string;
  readonly official: DecisionView;
  readonly simulated: DecisionView;
  /** How it differs; `null` when both sides agree (decision and deadlines). */
  readonly change: DecisionChange | null;
  readonly changeText: string | null;
  /** Why the sides differ, structured and as Danish sentences. */
  readonly reasons: readonly (DifferenceReason & { readonly text: string })[];
}

export interface SimulatedYear {
  readonly year: number;
  readonly ruleVersion: { readonly official: string; readonly simulated: string };
  /** Municipalities with another decision. */
  readonly changedDecisions: number;
  /** Municipalities with the same decision and other deadlines. */
  readonly changedDeadlines: number;
  /** Every municipality: those with another decision first, then other deadlines, then the rest; each in code order. */
  readonly municipalities: readonly SimulatedMunicipality[];
}

export interface WebSimulationResult {
  readonly simulation: true;
  readonly notice: string;
  readonly fromYear: number;
  readonly toYear: number;
  readonly overrides: readonly {
    readonly id: RuleId;
    readonly label: string;
    readonly valueText: string;
    /** "på alle datoer" or "fra 1. januar 2023". */
    readonly when: string;
    readonly setting: string;
  }[];
  /** Whether the load was measured again under the simulated rules. */
  readonly remeasured: boolean;
  readonly inputs: { readonly focus: string; readonly rates: string };
  /** Over the years shown: municipalities × years with another decision. */
  readonly changedDecisions: number;
  readonly years: readonly SimulatedYear[];
}

function decisionView(entry: MunicipalityCaseYear): DecisionView {
  const focusGoals = Object.fromEntries(
    FOCUS_GOALS.map((goal): [FocusGoal, FocusGoalView] => {
      const assessed = entry.focusGoals[goal];
      return [
        goal,
        {
          measure: assessed.measure ?? null,
          threshold: assessed.threshold.value,
          outcome: assessed.outcome,
          canGround: assessed.canGround,
        },
      ];
    }),
  ) as Record<FocusGoal, FocusGoalView>;
  return {
    decision: entry.decision.kind,
    decisionText: DECISION_LABELS[entry.decision.kind],
    statusBefore: entry.before.status,
    statusAfter: entry.after.status,
    focusGoals,
    resultGoal: {
      met: entry.resultGoal.met,
      differencePoints: entry.resultGoal.differencePoints,
    },
  };
}

const CHANGE_ORDER: Readonly<Record<DecisionChange | 'none', number>> = {
  selected_instead: 0,
  no_longer_selected: 0,
  other_decision: 0,
  other_deadlines: 1,
  none: 2,
};

function yearView(
  official: CaseYear,
  simulated: CaseYear,
  differences: readonly DecisionDifference[],
  ruleVersion: SimulatedYear['ruleVersion'],
  nameOf: (code: number) => string,
): SimulatedYear {
  const simulatedOf = new Map(simulated.municipalities.map((entry) => [entry.municipality, entry]));
  const differenceOf = new Map(differences.map((entry) => [entry.municipality, entry]));
  const municipalities = official.municipalities
    .map((entry): SimulatedMunicipality => {
      const other = simulatedOf.get(entry.municipality);
      if (other === undefined)
        throw new Error(`The simulation has no assessment of ${String(entry.municipality)}`);
      const difference = differenceOf.get(entry.municipality);
      return {
        code: entry.municipality,
        name: nameOf(entry.municipality),
        official: decisionView(entry),
        simulated: decisionView(other),
        change: difference?.change ?? null,
        changeText: difference === undefined ? null : CHANGE_LABELS[difference.change],
        reasons: (difference?.reasons ?? []).map((reason) => ({
          ...reason,
          text: differenceReasonText(reason),
        })),
      };
    })
    .sort(
      (a, b) =>
        CHANGE_ORDER[a.change ?? 'none'] - CHANGE_ORDER[b.change ?? 'none'] || a.code - b.code,
    );
  const changedDecisions = differences.filter((entry) => entry.change !== 'other_deadlines').length;
  return {
    year: official.year,
    ruleVersion,
    changedDecisions,
    changedDeadlines: differences.length - changedDecisions,
    municipalities,
  };
}

/**
 * The page's result from a simulation: the years `fromYear` … `toYear` of
 * it, every municipality with both decisions, the measures behind them and
 * why they differ. Pure.
 */
export function simulationResult(
  simulation: Pick<
    AssessmentSimulation,
    'overrides' | 'rules' | 'remeasured' | 'official' | 'simulated' | 'comparison' | 'files'
  >,
  nameOf: (code: number) => string,
  fromYear: number,
  toYear: number,
): WebSimulationResult {
  const years = simulation.comparison.years
    .filter((year) => year.year >= fromYear && year.year <= toYear)
    .map((comparison) => {
      const official = simulation.official.years.find((year) => year.year === comparison.year);
      const simulated = simulation.simulated.years.find((year) => year.year === comparison.year);
      if (official === undefined || simulated === undefined)
        throw new Error(`The simulation has no assessment of ${String(comparison.year)}`);
      return yearView(official, simulated, comparison.differences, comparison.ruleVersion, nameOf);
    });
  return {
    simulation: true,
    notice: SIMULATION_NOTICE,
    fromYear,
    toYear,
    overrides: simulation.overrides.map((override) => {
      const node = simulation.rules.node(override.id);
      return {
        id: override.id,
        label: node.label,
        valueText: formatRuleValue(node, override.value),
        when:
          override.from === undefined ? 'på alle datoer' : `fra ${formatDanishDate(override.from)}`,
        setting: override.setting,
      };
    }),
    remeasured: simulation.remeasured,
    inputs: { focus: simulation.files.focus, rates: simulation.files.rates },
    changedDecisions: years.reduce((sum, year) => sum + year.changedDecisions, 0),
    years,
  };
}

// ---------------------------------------------------------------------------
// Over the figures of the web application

/** The kind of figures the pages are built on. */
export function figuresOf(source: WebDataSource): 'load' | 'files' {
  return source.assessmentSource().kind;
}

/**
 * The years a simulation over the pages' figures may show: from the first
 * assessment of the regime to the last year whose December the figures
 * hold.
 */
export function simulationYears(source: WebDataSource): {
  readonly first: number;
  readonly last: number;
} {
  const [year = '0', month = '0'] = source.month.split('-');
  return {
    first: FIRST_ASSESSMENT_YEAR,
    last: Number(month) === 12 ? Number(year) : Number(year) - 1,
  };
}

/** The adjustable nodes for the assessment of `year` (the last year the pages can show when absent). */
export function webSimulationRules(source: WebDataSource, year?: number): SimulationRules {
  const years = simulationYears(source);
  const asked = year ?? years.last;
  if (asked < years.first || asked > years.last)
    refuse(
      `Året skal være fra ${String(years.first)} til ${String(years.last)}, ikke ${String(asked)}.`,
      'year',
    );
  return simulationRules(OFFICIAL_RULES, figuresOf(source), asked, years);
}

/** How many official measurements of a load (per load and years) are kept in memory. */
const KEPT_MEASUREMENTS = 4;
const measurements = new Map<string, Promise<unknown>>();

/**
 * The official measurement of a load for a range of years, kept: every
 * simulation over the same load and years reads the same figures on the
 * official side, so only the simulated side is computed again (and only
 * when a measurement rule changes). A failed measurement is not kept.
 */
const officialMeasurements: MeasurementMemo = <T>(key: string, compute: () => Promise<T>) => {
  const kept = measurements.get(key) as Promise<T> | undefined;
  if (kept !== undefined) return kept;
  const computed = compute();
  measurements.set(key, computed);
  computed.catch(() => measurements.delete(key));
  while (measurements.size > KEPT_MEASUREMENTS) {
    const [oldest] = measurements.keys();
    if (oldest === undefined) break;
    measurements.delete(oldest);
  }
  return computed;
};

/**
 * Simulates the assessments over the pages' figures with the analyst's
 * changes and returns the years asked for. The assessments always run from
 * the regime's first assessment year, so that each year starts from the
 * cases the years before left (as the official history does); only the years
 * `fromYear` … `toYear` are returned.
 */
export async function webReformSimulation(
  source: WebDataSource,
  request: WebSimulationRequest,
): Promise<WebSimulationResult> {
  const years = simulationYears(source);
  for (const [field, year] of [
    ['fromYear', request.fromYear],
    ['toYear', request.toYear],
  ] as const)
    if (year < years.first || year > years.last)
      refuse(
        `Årene skal være fra ${String(years.first)} til ${String(years.last)}, ikke ${String(year)}.`,
        field,
      );
  if (request.fromYear > request.toYear)
    refuse('Det første år må ikke ligge efter det sidste.', 'fromYear');
  const overrides = readRuleSettings(OFFICIAL_RULES, figuresOf(source), request.overrides);
  if (overrides.length === 0) refuse('Ændr mindst én regel for at simulere.');
  const simulation = await simulateAssessments({
    fromYear: years.first,
    toYear: request.toYear,
    cwd: process.cwd(),
    source: source.assessmentSource(),
    overrides,
    memo: officialMeasurements,
  });
  return simulationResult(
    simulation,
    simulation.names.plainNameOf,
    request.fromYear,
    request.toYear,
  );
}
