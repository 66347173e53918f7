/**
 * The generator's own view of spells, countable days and windows, computed
 * from exactly the periods and exemptions it writes, so that it can steer
 * each municipality's passive shares (effort-controller.ts).
 *
 * It follows measures.md §§ 2–3: periods join into spells by M1 and M2, dead
 * days (standby, barsel and the COVID-19 dead period, M4) do not count,
 * exempt days (other exemption reasons) count towards the 50 % rule (M6),
 * and the window is the last 365 countable days of the spell. It is the
 * generator's working model, not the measurement engine (src/core/measures
 * is authoritative).
 */
import type { DayNumber } from '../core/calendar/day-number.js';
import { fromDayNumber, toDayNumber } from '../core/calendar/iso-date.js';
import { BENEFIT_TYPES, type BenefitType } from '../core/domain/benefit-type.js';
import { spellJoinRulesOn, type SpellJoinRules } from '../core/measures/spell-join-rules.js';
import {
  SPELL_JOINED_CONTINUATION,
  SPELL_JOINED_SAME_TYPE,
  spellJoinDecision,
} from '../core/measures/spells.js';
import { OFFICIAL_RULES } from '../core/rules/official-rules.js';

export interface ViewPeriod {
  readonly from: DayNumber;
  readonly to: DayNumber;
  readonly type: BenefitType;
}

export interface ViewExemption {
  readonly from: DayNumber;
  readonly to: DayNumber;
  /** Dead days (standby, barsel) rather than exempt days. */
  readonly dead: boolean;
}

/** A spell: consecutive periods joined by M1/M2, with its countable-day calendar. */
export interface Spell {
  readonly firstPeriod: number;
  readonly lastPeriod: number;
  readonly start: DayNumber;
  readonly end: DayNumber;
  /** Countable segments [start, end] in order, with the countable days before each. */
  readonly segmentStart: readonly number[];
  readonly segmentEnd: readonly number[];
  readonly segmentBefore: readonly number[];
  /** Exempt (countable, non-dead, exempted) segments, likewise. */
  readonly exemptStart: readonly number[];
  readonly exemptEnd: readonly number[];
  readonly exemptBefore: readonly number[];
}

/** The COVID-19 dead periods, as day numbers (from the official rules). */
export const COVID_DEAD_DAYS: readonly (readonly [DayNumber, DayNumber])[] = OFFICIAL_RULES.entries(
  'covid.dead_period',
).map((entry) => [toDayNumber(entry.value.from), toDayNumber(entry.value.to)] as const);

/** The spell rules (M1, M2) in force on a day, read once per day asked for (one per run). */
const rulesByDay = new Map<DayNumber, SpellJoinRules>();

function spellRulesOn(day: DayNumber): SpellJoinRules {
  let rules = rulesByDay.get(day);
  if (rules === undefined) {
    rules = spellJoinRulesOn(OFFICIAL_RULES, fromDayNumber(day));
    rulesByDay.set(day, rules);
  }
  return rules;
}

/**
 * Whether `next` continues the spell that `previous` ends (measures.md M1,
 * M2), by the measurement engine's own rule and the parameters in force on
 * `ruleDay` (the engine reads them on the last measured day).
 */
export function continuesSpell(
  previous: ViewPeriod,
  next: ViewPeriod,
  ruleDay: DayNumber,
): boolean {
  const decision = spellJoinDecision(
    spellRulesOn(ruleDay),
    BENEFIT_TYPES.indexOf(previous.type),
    previous.to,
    BENEFIT_TYPES.indexOf(next.type),
    next.from,
  );
  return decision === SPELL_JOINED_SAME_TYPE || decision === SPELL_JOINED_CONTINUATION;
}

/**
 * The spells of one person. `periods` are sorted by `from` and do not
 * overlap; days after `horizon` are not counted.
 */
export function buildSpells(
  periods: readonly ViewPeriod[],
  exemptions: readonly ViewExemption[],
  horizon: DayNumber,
): Spell[] {
  const spells: Spell[] = [];
  let first = 0;
  for (let index = 1; index <= periods.length; index += 1) {
    const previous = periods[index - 1];
    const next = periods[index];
    if (previous && next && continuesSpell(previous, next, horizon)) continue;
    spells.push(makeSpell(periods, exemptions, first, index - 1, horizon));
    first = index;
  }
  return spells;
}

function makeSpell(
  periods: readonly ViewPeriod[],
  exemptions: readonly ViewExemption[],
  firstPeriod: number,
  lastPeriod: number,
  horizon: DayNumber,
): Spell {
  const start = periods[firstPeriod]?.from ?? 0;
  const end = periods[lastPeriod]?.to ?? 0;
  const dead: [number, number][] = COVID_DEAD_DAYS.map(([from, to]) => [from, to]);
  const exempt: [number, number][] = [];
  for (const exemption of exemptions) {
    if (exemption.to < start || exemption.from > end) continue;
    (exemption.dead ? dead : exempt).push([exemption.from, exemption.to]);
  }
  dead.sort((a, b) => a[0] - b[0]);
  exempt.sort((a, b) => a[0] - b[0]);
  const segmentStart: number[] = [];
  const segmentEnd: number[] = [];
  const segmentBefore: number[] = [];
  let counted = 0;
  for (let index = firstPeriod; index <= lastPeriod; index += 1) {
    const period = periods[index];
    if (!period) continue;
    let cursor = period.from;
    const last = Math.min(period.to, horizon);
    for (const [deadFrom, deadTo] of dead) {
      if (deadTo < cursor) continue;
      if (deadFrom > last) break;
      if (deadFrom > cursor) {
        segmentStart.push(cursor);
        segmentEnd.push(deadFrom - 1);
        segmentBefore.push(counted);
        counted += deadFrom - cursor;
      }
      cursor = Math.max(cursor, deadTo + 1);
    }
    if (cursor <= last) {
      segmentStart.push(cursor);
      segmentEnd.push(last);
      segmentBefore.push(counted);
      counted += last - cursor + 1;
    }
  }
  const exemptStart: number[] = [];
  const exemptEnd: number[] = [];
  const exemptBefore: number[] = [];
  let exemptCounted = 0;
  for (const [from, to] of exempt) {
    for (let index = 0; index < segmentStart.length; index += 1) {
      const a = Math.max(from, segmentStart[index] ?? 0);
      const b = Math.min(to, segmentEnd[index] ?? 0);
      if (a > b) continue;
      exemptStart.push(a);
      exemptEnd.push(b);
      exemptBefore.push(exemptCounted);
      exemptCounted += b - a + 1;
    }
  }
  return {
    firstPeriod,
    lastPeriod,
    start,
    end,
    segmentStart,
    segmentEnd,
    segmentBefore,
    exemptStart,
    exemptEnd,
    exemptBefore,
  };
}

/** Counted days in segments up to and including `day`. */
function countUpTo(
  starts: readonly number[],
  ends: readonly number[],
  before: readonly number[],
  day: DayNumber,
): number {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((starts[middle] ?? 0) <= day) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (found < 0) return 0;
  const start = starts[found] ?? 0;
  const end = ends[found] ?? 0;
  return (before[found] ?? 0) + Math.min(day, end) - start + 1;
}

/** Countable days of the spell up to and including `day` (its duration at `day`). */
export function countableDays(spell: Spell, day: DayNumber): number {
  return countUpTo(spell.segmentStart, spell.segmentEnd, spell.segmentBefore, day);
}

/** Exempt days of the spell up to and including `day`. */
export function exemptDays(spell: Spell, day: DayNumber): number {
  return countUpTo(spell.exemptStart, spell.exemptEnd, spell.exemptBefore, day);
}

/**
 * The window start W at `day`: the latest date such that the spell has
 * `length` countable days in [W, day]; `undefined` when it has fewer.
 */
export function windowStart(spell: Spell, day: DayNumber, length: number): DayNumber | undefined {
  const total = countableDays(spell, day);
  if (total < length) return undefined;
  const wanted = total - length; // 0-based index of the first countable day of the window
  let low = 0;
  let high = spell.segmentStart.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((spell.segmentBefore[middle] ?? 0) <= wanted) low = middle;
    else high = middle - 1;
  }
  return (spell.segmentStart[low] ?? 0) + wanted - (spell.segmentBefore[low] ?? 0);
}
