/**
 * "Which rules are in force on date D": the rule book read at one date. The
 * assessment, the lifecycle and the risk view hold one of these; every value
 * is read by its id, so a simulated book reaches them like the official one.
 * `all()` lists every node of the tree (generated, nothing hand-listed).
 */
import type { IsoDate } from '../calendar/iso-date.js';
import { formatDanishDate } from '../calendar/iso-date.js';
import { DomainError } from '../domain-error.js';
import type { FocusGoal } from '../domain/focus-goal.js';
import type { RuleBook, RuleEntry, RuleId, RuleNodeInfo, RuleValue } from './rule-book.js';
import { assessmentRuleDate, type RuleVersion } from './rule-version.js';

/** One node's value in force, with what the node is. */
export interface RuleInForce extends RuleEntry<unknown> {
  readonly node: RuleNodeInfo;
}

export interface RulesInForce {
  readonly date: IsoDate;
  /** The order version in force on `date`. */
  readonly version: RuleVersion;
  readonly book: RuleBook;
  entry<K extends RuleId>(id: K): RuleEntry<RuleValue<K>>;
  value<K extends RuleId>(id: K): RuleValue<K>;
  /**
   * Every node's value in force, in tree order. Refuses
   * (`before_first_rules`) a date before the first rules entered into force.
   */
  all(): readonly RuleInForce[];
}

/** The rules of `book` in force on `date`. */
export function rulesInForce(book: RuleBook, date: IsoDate): RulesInForce {
  return {
    date,
    version: book.versionOn(date),
    book,
    entry: (id) => book.entry(id, date),
    value: (id) => book.value(id, date),
    all() {
      refuseBeforeFirstRules(book, date);
      return book.ids.map((id) => ({ ...book.entry(id, date), node: book.node(id) }));
    },
  };
}

/** Refuses a date before the first rules entered into force, naming the first date that has rules. */
export function refuseBeforeFirstRules(book: RuleBook, date: IsoDate): void {
  if (date < book.firstDate)
    throw new DomainError(
      'before_first_rules',
      `Der var ingen regler om skærpet tilsyn i kraft den ${formatDanishDate(date)}: de første regler trådte i kraft den ${formatDanishDate(book.firstDate)} (${book.firstDate}).`,
    );
}

/** The rules that govern the annual assessment of `year` (those in force on 1 April of year + 1). */
export function rulesForAssessment(book: RuleBook, year: number): RulesInForce {
  return rulesInForce(book, assessmentRuleDate(year));
}

/** The threshold of `goal` in force (§ 5): the goal is met below it. */
export function goalThreshold(rules: RulesInForce, goal: FocusGoal): RuleEntry<number> {
  return goal === 'offers'
    ? rules.entry('focus.offers.threshold')
    : rules.entry('focus.conversations.threshold');
}

/**
 * The first assessment year in which `goal` can ground a decision under
 * `rules`; `null` for no limit.
 */
export function firstGroundingYear(rules: RulesInForce, goal: FocusGoal): RuleEntry<number | null> {
  return goal === 'offers'
    ? rules.entry('transition.offers.first_grounding_year')
    : rules.entry('transition.conversations.first_grounding_year');
}

/**
 * The focus goals that can ground a decision at the assessment of `year`
 * under `rules` (regime.md § 1; seed 003).
 */
export function goalsThatCanGround(rules: RulesInForce, year: number): readonly FocusGoal[] {
  return (['offers', 'conversations'] as const).filter((goal) => {
    const first = firstGroundingYear(rules, goal).value;
    return first === null || year >= first;
  });
}

/** Whether the assessment of `year` can select municipalities at all (regime.md § 4). */
export function assessmentCanSelect(rules: RulesInForce, year: number): boolean {
  const first = rules.value('transition.first_selection_year');
  return first === null || year >= first;
}
