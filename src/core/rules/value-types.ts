/**
 * The value types of the rule tree's nodes, with their sensible ranges, and
 * the shapes of the structured values.
 */
import { daysInMonth } from '../calendar/day-number.js';
import { parseIsoDate, type IsoDate } from '../calendar/iso-date.js';
import { parseYearMonth, type YearMonth } from '../calendar/year-month.js';
import { BENEFIT_TYPES, type BenefitType } from '../domain/benefit-type.js';
import {
  CONVERSATION_KINDS,
  EXEMPTION_REASONS,
  OFFER_TYPES,
  type ConversationKind,
  type ExemptionReason,
  type OfferType,
} from '../domain/events.js';
import type { ParsedValue, RuleUnit, ValueType } from './rule-node.js';

/** A day of the year, used for "by 1 April" and "before the end of April". */
export interface DayOfYear {
  readonly month: number;
  readonly day: number;
}

/** A period of days, both ends included. */
export interface DateRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** A period of months, both ends included. */
export interface MonthRange {
  readonly from: YearMonth;
  readonly to: YearMonth;
}

/** How long a gap between two consecutive periods may be for them to form one spell. */
export type SpellGapRule =
  | { readonly kind: 'max_gap_days'; readonly days: number }
  | { readonly kind: 'no_whole_calendar_month' };

/** A change of benefit type that continues the spell, with its duration (M2). */
export interface SpellContinuation {
  readonly from: BenefitType;
  readonly into: readonly BenefitType[];
  readonly gap: SpellGapRule;
}

const parsed = (value: unknown): ParsedValue => ({ value });
const notParsed = (problem: string): ParsedValue => ({ problem });

/** "20", "20,5", "20.5" → number; anything else → a problem. */
function parseNumber(text: string): ParsedValue {
  const trimmed = text.trim();
  if (!/^-?\d+([.,]\d+)?$/.test(trimmed)) return notParsed(`"${text}" er ikke et tal`);
  return parsed(Number(trimmed.replace(',', '.')));
}

const NULL_WORDS = ['null', 'ingen', 'alle'];

function numberType(options: {
  readonly unit: RuleUnit;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  readonly minExclusive?: boolean;
  readonly accepts: string;
}): ValueType<number> {
  const problem = (value: unknown): string | undefined => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'skal være et tal';
    if (options.integer === true && !Number.isInteger(value)) return 'skal være et heltal';
    const tooLow = options.minExclusive === true ? value <= options.min : value < options.min;
    if (tooLow || value > options.max) return `skal være ${options.accepts}, ikke ${value}`;
    return undefined;
  };
  return {
    unit: options.unit,
    accepts: options.accepts,
    overridable: true,
    problem,
    parse: parseNumber,
    is: (value): value is number => problem(value) === undefined,
  };
}

/** Allows `null` (written `null`, `ingen` or `alle` in `--set`) besides the values of `inner`. */
export function nullable<T>(inner: ValueType<T>, nullMeans: string): ValueType<T | null> {
  return {
    unit: inner.unit,
    accepts: `${inner.accepts}, eller null (${nullMeans})`,
    nullMeans,
    overridable: inner.overridable,
    problem: (value) => (value === null ? undefined : inner.problem(value)),
    parse: (text) =>
      NULL_WORDS.includes(text.trim().toLowerCase()) ? parsed(null) : inner.parse(text),
    is: (value): value is T | null => value === null || inner.is(value),
  };
}

/** A percentage: a share from 0 to 100. */
export const PERCENT = numberType({ unit: 'percent', min: 0, max: 100, accepts: 'fra 0 til 100' });

/** Hours: not negative. */
export const HOURS = numberType({
  unit: 'hours',
  min: 0,
  max: 10_000,
  accepts: 'et antal timer fra 0 til 10.000',
});

/** A fraction of an hour to round to (0.01 = hundredths). */
export const HOUR_PRECISION = numberType({
  unit: 'hours',
  min: 0,
  max: 1,
  minExclusive: true,
  accepts: 'en brøkdel af en time over 0 og højst 1',
});

/** A number of days: a whole number from 1. */
export const DAYS = numberType({
  unit: 'days',
  min: 1,
  max: 3660,
  integer: true,
  accepts: 'et helt antal dage fra 1 til 3660',
});

/** A number of months: a whole number from 0. */
export const MONTHS = numberType({
  unit: 'months',
  min: 0,
  max: 120,
  integer: true,
  accepts: 'et helt antal måneder fra 0 til 120',
});

/** A number of months from 1 (averaging windows, consecutive months). */
export const MONTHS_FROM_ONE = numberType({
  unit: 'months',
  min: 1,
  max: 120,
  integer: true,
  accepts: 'et helt antal måneder fra 1 til 120',
});

/** A count of things (conversations, persons, cases): a whole number from 0. */
export const COUNT = numberType({
  unit: 'count',
  min: 0,
  max: 1_000_000,
  integer: true,
  accepts: 'et helt tal fra 0',
});

/** A fraction from 0 to 1. */
export const FRACTION = numberType({
  unit: 'fraction',
  min: 0,
  max: 1,
  accepts: 'en brøk fra 0 til 1',
});

/** A calendar year. */
export const YEAR = numberType({
  unit: 'year',
  min: 1900,
  max: 2999,
  integer: true,
  accepts: 'et årstal',
});

const TRUE_WORDS = ['true', 'ja', '1'];
const FALSE_WORDS = ['false', 'nej', '0'];

/** Yes or no. */
export const BOOLEAN: ValueType<boolean> = {
  unit: 'boolean',
  accepts: 'ja eller nej',
  overridable: true,
  problem: (value) => (typeof value === 'boolean' ? undefined : 'skal være ja eller nej'),
  parse: (text) => {
    const word = text.trim().toLowerCase();
    if (TRUE_WORDS.includes(word)) return parsed(true);
    if (FALSE_WORDS.includes(word)) return parsed(false);
    return notParsed(`"${text}" er hverken ja eller nej`);
  },
  is: (value): value is boolean => typeof value === 'boolean',
};

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function dayOfYearProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'skal være en dag i året, fx 04-30';
  const { month, day } = value;
  if (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > 12)
    return 'skal have en måned fra 1 til 12';
  if (
    typeof day !== 'number' ||
    !Number.isInteger(day) ||
    day < 1 ||
    day > daysInMonth(2001, month)
  )
    return `skal have en dag, der findes i måned ${month}`;
  return undefined;
}

/** A day of the year, written MM-DD ("04-30" is 30 April). */
export const DAY_OF_YEAR: ValueType<DayOfYear> = {
  unit: 'day_of_year',
  accepts: 'en dag i året på formen MM-DD',
  overridable: true,
  problem: dayOfYearProblem,
  parse: (text) => {
    const match = /^(\d{1,2})-(\d{1,2})$/.exec(text.trim());
    if (!match) return notParsed(`"${text}" er ikke en dag på formen MM-DD`);
    return parsed({ month: Number(match[1]), day: Number(match[2]) });
  },
  is: (value): value is DayOfYear => dayOfYearProblem(value) === undefined,
};

function rangeParts(text: string): [string, string] | undefined {
  const parts = text.trim().split('..');
  return parts.length === 2 && parts[0] !== undefined && parts[1] !== undefined
    ? [parts[0].trim(), parts[1].trim()]
    : undefined;
}

function dateRangeProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'skal være en periode ÅÅÅÅ-MM-DD..ÅÅÅÅ-MM-DD';
  const from = typeof value['from'] === 'string' ? parseIsoDate(value['from']) : undefined;
  const to = typeof value['to'] === 'string' ? parseIsoDate(value['to']) : undefined;
  if (!from || !to) return 'skal have datoer på formen ÅÅÅÅ-MM-DD';
  if (to < from) return 'slutter før den begynder';
  return undefined;
}

/** A period of days, written FROM..TO. */
export const DATE_RANGE: ValueType<DateRange> = {
  unit: 'date_range',
  accepts: 'en periode på formen ÅÅÅÅ-MM-DD..ÅÅÅÅ-MM-DD',
  overridable: true,
  problem: dateRangeProblem,
  parse: (text) => {
    const parts = rangeParts(text);
    return parts
      ? parsed({ from: parts[0], to: parts[1] })
      : notParsed(`"${text}" er ikke FRA..TIL`);
  },
  is: (value): value is DateRange => dateRangeProblem(value) === undefined,
};

function monthRangeProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'skal være en periode ÅÅÅÅ-MM..ÅÅÅÅ-MM';
  const from = typeof value['from'] === 'string' ? parseYearMonth(value['from']) : undefined;
  const to = typeof value['to'] === 'string' ? parseYearMonth(value['to']) : undefined;
  if (!from || !to) return 'skal have måneder på formen ÅÅÅÅ-MM';
  if (to < from) return 'slutter før den begynder';
  return undefined;
}

/** A period of months, written FROM..TO. */
export const MONTH_RANGE: ValueType<MonthRange> = {
  unit: 'month_range',
  accepts: 'en periode på formen ÅÅÅÅ-MM..ÅÅÅÅ-MM',
  overridable: true,
  problem: monthRangeProblem,
  parse: (text) => {
    const parts = rangeParts(text);
    return parts
      ? parsed({ from: parts[0], to: parts[1] })
      : notParsed(`"${text}" er ikke FRA..TIL`);
  },
  is: (value): value is MonthRange => monthRangeProblem(value) === undefined,
};

function monthProblem(value: unknown): string | undefined {
  return typeof value === 'string' && parseYearMonth(value) !== undefined
    ? undefined
    : 'skal være en måned på formen ÅÅÅÅ-MM';
}

/** A calendar month, written ÅÅÅÅ-MM ("2021-06" is June 2021). */
export const MONTH: ValueType<YearMonth> = {
  unit: 'month',
  accepts: 'en måned på formen ÅÅÅÅ-MM',
  overridable: true,
  problem: monthProblem,
  parse: (text) => {
    const month = parseYearMonth(text.trim());
    return month === undefined ? notParsed(`"${text}" er ikke en måned ÅÅÅÅ-MM`) : parsed(month);
  },
  is: (value): value is YearMonth => monthProblem(value) === undefined,
};

function listProblem(
  value: unknown,
  item: (entry: unknown) => string | undefined,
): string | undefined {
  if (!Array.isArray(value)) return 'skal være en liste';
  const seen = new Set<unknown>();
  for (const entry of value as readonly unknown[]) {
    const problem = item(entry);
    if (problem !== undefined) return problem;
    if (seen.has(entry)) return `nævner ${String(entry)} to gange`;
    seen.add(entry);
  }
  return undefined;
}

function splitList(text: string): string[] {
  return text.trim() === '' ? [] : text.split(',').map((part) => part.trim());
}

/** A list of codes from `all` (each at most once), written "a,b,c". */
function codeList<T extends string>(unit: RuleUnit, all: readonly T[]): ValueType<readonly T[]> {
  const item = (entry: unknown) =>
    typeof entry === 'string' && (all as readonly string[]).includes(entry)
      ? undefined
      : `indeholder ${JSON.stringify(entry)}, som ikke er en af ${all.join(', ')}`;
  return {
    unit,
    accepts: `en kommasepareret liste af ${all.join(', ')}`,
    overridable: true,
    problem: (value) => listProblem(value, item),
    parse: (text) => parsed(splitList(text)),
    is: (value): value is readonly T[] => listProblem(value, item) === undefined,
  };
}

export const BENEFIT_TYPE_LIST = codeList<BenefitType>('benefit_types', BENEFIT_TYPES);
export const OFFER_TYPE_LIST = codeList<OfferType>('offer_types', OFFER_TYPES);
export const CONVERSATION_KIND_LIST = codeList<ConversationKind>(
  'conversation_kinds',
  CONVERSATION_KINDS,
);
export const EXEMPTION_REASON_LIST = codeList<ExemptionReason>(
  'exemption_reasons',
  EXEMPTION_REASONS,
);

/** A non-empty list of whole numbers in a range, written "3,6". */
function integerList(
  unit: RuleUnit,
  min: number,
  max: number,
  accepts: string,
): ValueType<readonly number[]> {
  const item = (entry: unknown) =>
    typeof entry === 'number' && Number.isInteger(entry) && entry >= min && entry <= max
      ? undefined
      : `indeholder ${JSON.stringify(entry)}; hvert tal skal være et heltal fra ${min} til ${max}`;
  const problem = (value: unknown) =>
    Array.isArray(value) && value.length === 0 ? 'må ikke være tom' : listProblem(value, item);
  return {
    unit,
    accepts,
    overridable: true,
    problem,
    parse: (text) => {
      const numbers = splitList(text).map((part) => parseNumber(part));
      const bad = numbers.find((entry) => 'problem' in entry);
      if (bad && 'problem' in bad) return bad;
      return parsed(numbers.map((entry) => ('value' in entry ? entry.value : undefined)));
    },
    is: (value): value is readonly number[] => problem(value) === undefined,
  };
}

/** Months of the year (1–12), written "6,12". */
export const MONTHS_OF_YEAR = integerList(
  'months_of_year',
  1,
  12,
  'en kommasepareret liste af måneder fra 1 til 12',
);

/** Months, written "3,6". */
export const MONTH_LIST = integerList(
  'months',
  1,
  120,
  'en kommasepareret liste af antal måneder fra 1 til 120',
);

/** Days, written "182,365". */
export const DAY_LIST = integerList(
  'days',
  1,
  3660,
  'en kommasepareret liste af antal dage fra 1 til 3660',
);

function gapRuleProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'skal være en regel for mellemrum';
  if (value['kind'] === 'no_whole_calendar_month') return undefined;
  if (value['kind'] === 'max_gap_days') {
    const days = value['days'];
    return typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= 3660
      ? undefined
      : 'max_gap_days skal have days: et helt antal dage fra 0 til 3660';
  }
  return 'kind skal være max_gap_days eller no_whole_calendar_month';
}

function gapRulesProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'skal være en regel pr. ydelse (JSON)';
  for (const key of Object.keys(value))
    if (!(BENEFIT_TYPES as readonly string[]).includes(key)) return `${key} er ikke en ydelse`;
  for (const type of BENEFIT_TYPES) {
    if (!(type in value)) return `mangler en regel for ${type}`;
    const problem = gapRuleProblem(value[type]);
    if (problem !== undefined) return `${type}: ${problem}`;
  }
  return undefined;
}

const jsonOnly = (what: string) => (): ParsedValue =>
  notParsed(`angives som JSON (${what}); se tilsyn rules --json`);

/** M1: per benefit type, the gap that keeps two periods in one spell (JSON). */
export const SPELL_GAP_RULES_TYPE: ValueType<Readonly<Record<BenefitType, SpellGapRule>>> = {
  unit: 'spell_gap_rules',
  accepts: 'en regel pr. ydelse som JSON',
  overridable: true,
  problem: gapRulesProblem,
  parse: jsonOnly('en regel pr. ydelse'),
  is: (value): value is Readonly<Record<BenefitType, SpellGapRule>> =>
    gapRulesProblem(value) === undefined,
};

function continuationsProblem(value: unknown): string | undefined {
  return listProblem(value, (entry) => {
    if (!isRecord(entry)) return 'hvert element skal være {from, into, gap}';
    const { from, into, gap } = entry;
    if (typeof from !== 'string' || !(BENEFIT_TYPES as readonly string[]).includes(from))
      return `from ${JSON.stringify(from)} er ikke en ydelse`;
    const intoProblem = BENEFIT_TYPE_LIST.problem(into);
    if (intoProblem !== undefined) return `into ${intoProblem}`;
    return gapRuleProblem(gap);
  });
}

/** M2: the changes of benefit that continue a spell (JSON). */
export const SPELL_CONTINUATIONS_TYPE: ValueType<readonly SpellContinuation[]> = {
  unit: 'spell_continuations',
  accepts: 'en liste af {from, into, gap} som JSON',
  overridable: true,
  problem: continuationsProblem,
  parse: jsonOnly('en liste af {from, into, gap}'),
  is: (value): value is readonly SpellContinuation[] => continuationsProblem(value) === undefined,
};

/**
 * The § a decision or duty cites ("§ 6, stk. 1"), or `null` where the rules
 * have no such step. Not a value to change in a simulation.
 */
export const PARAGRAPH: ValueType<string | null> = {
  unit: 'paragraph',
  accepts: 'en paragrafhenvisning',
  nullMeans: 'ingen sådan bestemmelse',
  overridable: false,
  problem: (value) =>
    value === null || typeof value === 'string' ? undefined : 'skal være en paragrafhenvisning',
  parse: (text) => parsed(text),
  is: (value): value is string | null => value === null || typeof value === 'string',
};
