/**
 * The rules that join benefit periods into spells (measures.md M1, M2), read
 * from the rule nodes `measures.spell.gap_rules` and
 * `measures.spell.continuations` into integer form. The measurement engine
 * and the synthetic generator's own view of spells both use them, so the
 * generator steers by the engine's rules.
 */
import type { IsoDate } from '../calendar/iso-date.js';
import { BENEFIT_TYPES } from '../domain/benefit-type.js';
import type { RuleBook } from '../rules/rule-book.js';
import type { SpellGapRule } from '../rules/value-types.js';

/** The gap rule of M1/M2 in integer form: `maxGapDays`, or −1 for "no whole calendar month". */
export const NO_WHOLE_CALENDAR_MONTH = -1;

export interface SpellJoinRules {
  /** Per benefit type (index in `BENEFIT_TYPES`), the gap rule of M1. */
  readonly maxGapDays: Int32Array;
  /** Per benefit type, the mask of types it continues into (M2), or 0. */
  readonly continuesInto: Int32Array;
  /** Per benefit type, the gap rule of the continuation. */
  readonly continuationMaxGapDays: Int32Array;
}

function gapDays(rule: SpellGapRule): number {
  return rule.kind === 'max_gap_days' ? rule.days : NO_WHOLE_CALENDAR_MONTH;
}

/** The spell rules of `rules` in force on `date`. */
export function spellJoinRulesOn(rules: RuleBook, date: IsoDate): SpellJoinRules {
  const gapRules = rules.value('measures.spell.gap_rules', date);
  const maxGapDays = Int32Array.from(BENEFIT_TYPES.map((type) => gapDays(gapRules[type])));
  const continuesInto = new Int32Array(BENEFIT_TYPES.length);
  const continuationMaxGapDays = new Int32Array(BENEFIT_TYPES.length);
  for (const continuation of rules.value('measures.spell.continuations', date)) {
    const index = BENEFIT_TYPES.indexOf(continuation.from);
    let mask = 0;
    for (const type of continuation.into) mask |= 1 << BENEFIT_TYPES.indexOf(type);
    continuesInto[index] = mask;
    continuationMaxGapDays[index] = gapDays(continuation.gap);
  }
  return { maxGapDays, continuesInto, continuationMaxGapDays };
}
