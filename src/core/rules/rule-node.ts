/**
 * A node of the rule tree, in the manner of OpenFisca: one rule value with a
 * stable dotted id, the area it belongs to, a unit, a Danish label, the stage
 * that reads it, and its values by version, each with its legal source.
 *
 * Each node's value type checks the values it may take (type and sensible
 * range): the official values are checked when a rule book is built, and an
 * analyst's override (`--set ID=VALUE`) is refused with the reason when it is
 * not one of them.
 */
import type { LegalSource } from './legal-source.js';
import type { RuleVersionId } from './rule-version.js';

/** Areas of the tree, in the order listings show them. */
export const RULE_AREAS = [
  'focus_goals',
  'target_group',
  'covid',
  'decisions',
  'deadlines',
  'supervision',
  'administration',
  'case_review',
  'early_effort',
  'benchmark',
] as const;

export type RuleArea = (typeof RULE_AREAS)[number];

/** The Danish heading of each area. */
export const RULE_AREA_HEADINGS: Readonly<Record<RuleArea, string>> = {
  focus_goals: 'Fokusmål',
  target_group: 'Målgruppe, forløb og døde perioder',
  covid: 'COVID-19 og overgangsregler',
  decisions: 'Afgørelser og hjemmel',
  deadlines: 'Frister',
  supervision: 'Genopretning og forlængelse',
  administration: 'Administration',
  case_review: 'Uvildig sagsgennemgang',
  early_effort: 'Tidlig indsats',
  benchmark: 'Benchmarkmålinger',
};

/**
 * Which stage reads the node, and so what must be recomputed when it
 * changes: `measurement` from the person-level data (a load), `assessment`
 * and `lifecycle` from the monthly aggregates and rates, `case_sample` only
 * the § 8 sample.
 */
export type RuleStage = 'measurement' | 'assessment' | 'lifecycle' | 'case_sample';

/** The unit of a node's value, as `tilsyn rules --json` prints it. */
export type RuleUnit =
  | 'percent'
  | 'hours'
  | 'days'
  | 'months'
  | 'count'
  | 'fraction'
  | 'year'
  | 'boolean'
  | 'day_of_year'
  | 'month'
  | 'date_range'
  | 'month_range'
  | 'benefit_types'
  | 'offer_types'
  | 'conversation_kinds'
  | 'exemption_reasons'
  | 'months_of_year'
  | 'spell_gap_rules'
  | 'spell_continuations'
  | 'paragraph';

/** What a value parsed from text turned out to be. */
export type ParsedValue = { readonly value: unknown } | { readonly problem: string };

/** The type of a node's values: unit, check of type and range, parsing of `--set`. */
export interface ValueType<T> {
  readonly unit: RuleUnit;
  /** The values accepted, in Danish, for messages ("et tal fra 0 til 100"). */
  readonly accepts: string;
  /** What `null` means for a node that allows it ("ingen grænse", "alle modtagere"), in Danish. */
  readonly nullMeans?: string;
  /** Whether an analyst may set it in a simulation. Citations of §§ are not values to change. */
  readonly overridable: boolean;
  /** Why `value` is not a value of this type, in Danish; `undefined` when it is. */
  problem(value: unknown): string | undefined;
  /** Reads the text after `=` in `--set ID=VALUE` (a JSON text is read before this is asked). */
  parse(text: string): ParsedValue;
  /** Narrows a checked value to `T`. */
  is(value: unknown): value is T;
}

/** One value of a node: from which version, what, and why. */
export interface RuleValueDefinition<T> {
  /** The version (of the version table) with which the value starts to apply. */
  readonly since: RuleVersionId;
  readonly value: T;
  readonly source: LegalSource;
}

export interface RuleNodeDefinition<T> {
  readonly area: RuleArea;
  /** What the value is, in Danish, for users (one line). */
  readonly label: string;
  readonly stage: RuleStage;
  readonly type: ValueType<T>;
  /** Values in version order; each applies until the next one's version. */
  readonly values: readonly RuleValueDefinition<T>[];
}

/** Declares a node (types the values by the value type). */
export function ruleNode<T>(definition: RuleNodeDefinition<T>): RuleNodeDefinition<T> {
  return definition;
}
