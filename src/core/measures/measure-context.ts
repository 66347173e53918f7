/**
 * Everything the engine needs to know before it looks at a person: the months
 * measured with their reference dates and the rule values of each month, the
 * rule values of each event date prepared as day lookups, the municipalities
 * and the scopes. Built once per run from a rule book, so the hot path never
 * parses a date or looks up a rule value by its id. The context is plain
 * data: worker threads receive it whole, with the values of the book it was
 * built from (official or simulated).
 */
import { civilOf, daysInMonth, dayNumberOf, type DayNumber } from '../calendar/day-number.js';
import { isoDateOf, toDayNumber } from '../calendar/iso-date.js';
import { fromMonthIndex, lastDayOf, monthIndex, type YearMonth } from '../calendar/year-month.js';
import {
  BENEFIT_GROUP_OF,
  BENEFIT_GROUPS,
  BENEFIT_TYPES,
  type BenefitType,
} from '../domain/benefit-type.js';
import {
  CONVERSATION_FORMS,
  CONVERSATION_KINDS,
  EXEMPTION_REASONS,
  OFFER_TYPES,
  SECTION_91_OFFER_TYPE,
  type OfferType,
} from '../domain/events.js';
import { MEASURE_SCOPES, type MeasureScope } from '../domain/measure-scope.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import type { RuleBook } from '../rules/rule-book.js';
import type { RuleVersionId } from '../rules/rule-version.js';
import { spellJoinRulesOn, type SpellJoinRules } from './spell-join-rules.js';
import { dayLookupOf, type DayLookup } from './day-lookup.js';

/** A period of the benefit rate (§ 7): a calendar year or a half year. */
export interface RatePeriod {
  /** `2024`, `2024-H1`, `2024-H2`. */
  readonly label: string;
  readonly year: number;
  readonly from: DayNumber;
  readonly to: DayNumber;
}

/** M12 — the requirements of the early effort. */
export interface EarlyEffortRequirements {
  /** The first 6 months of a spell, in countable days; the cohort month is the month this day is reached. */
  readonly periodDays: number;
  /** Job conversations required within the period. */
  readonly conversationsRequired: number;
  /** Whether the first job conversation must be held in person to count (as for the focus goal). */
  readonly firstConversationInPerson: boolean;
}

/** M13 and § 9 — the benchmark measures (seed 001). */
export interface BenchmarkParameters {
  /** Exit to work is measured this many months after the spell started (and ended within them). */
  readonly exitHorizonsMonths: readonly number[];
  /** Hours of ordinary work in the month after the end that make an exit an exit to work. */
  readonly exitMinimumWorkHours: number;
  /** Passive 6 and 12 months: spell length and look-back, in countable days. */
  readonly passiveLookbackDays: readonly number[];
  /** Offer types that are company-directed effort. */
  readonly companyDirectedOfferTypes: readonly OfferType[];
}

/** Includes the spell rules (M1, M2) of {@link SpellJoinRules}. */
export interface MeasureContext extends SpellJoinRules {
  readonly firstMonth: YearMonth;
  readonly lastMonth: YearMonth;
  /** `monthIndex(firstMonth)`. */
  readonly firstMonthIndex: number;
  readonly monthCount: number;
  /** The reference date R (last day) of each month. */
  readonly referenceDay: Int32Array;
  /** The first day of each month. */
  readonly firstDay: Int32Array;

  /** Rule values of each month's measure: those in force on R (the version in force on R). */
  readonly ruleVersion: readonly RuleVersionId[];
  readonly minimumDurationDays: Int32Array;
  readonly windowDays: Int32Array;
  readonly exemptionPercent: Float64Array;
  /** The hours threshold in hundredths of an hour (M9). */
  readonly hoursThresholdScaled: Int32Array;
  readonly conversationsRequired: Int32Array;

  /** Event rules by the event's date. Masks are bit sets over the code lists. */
  readonly countedConversationKinds: DayLookup<number>;
  readonly firstJobConversationInPerson: DayLookup<boolean>;
  readonly countedOfferTypes: DayLookup<number>;
  /** Benefit types whose recipients a § 91 offer counts for, by the offer's start date. */
  readonly section91Recipients: DayLookup<number>;
  readonly section91OfferType: number;
  readonly jobConversationKind: number;
  readonly inPersonForm: number;

  /** M4: exemption reasons that are dead (mask) and the COVID-19 dead period. */
  readonly deadReasonMask: number;
  readonly covidDeadFrom: DayNumber;
  readonly covidDeadTo: DayNumber;

  /** Hours are rounded to 1 / hoursScale of an hour (M9). */
  readonly hoursScale: number;

  readonly earlyEffortTypeMask: number;
  readonly earlyEffort: EarlyEffortRequirements;
  readonly benchmark: BenchmarkParameters;
  readonly companyDirectedOfferMask: number;

  /** Municipalities, by code ascending; `municipalityIndex[code]` is the position or −1. */
  readonly municipalities: readonly MunicipalityCode[];
  readonly municipalityIndex: Int16Array;

  /** Scopes in file order: all, the groups, the types. */
  readonly scopes: readonly MeasureScope[];
  /** The benefit types (indices) each scope adds up: all nine, a group's, or one. */
  readonly typesOfScope: readonly Int32Array[];

  readonly ratePeriods: readonly RatePeriod[];

  /** Fields per cell of the benchmark accumulator. */
  readonly benchmarkFields: number;
  /** Running month index of each day from `monthTableStart` (a lookup instead of calendar arithmetic). */
  readonly monthTableStart: DayNumber;
  readonly monthTable: Int32Array;
}

/** Days before the first measured month covered by the month lookup table (spells can be old). */
const MONTH_TABLE_YEARS_BEFORE = 30;

/** Index of a scope in `MEASURE_SCOPES` (the order of the accumulators and the files). */
export function scopeIndex(scope: MeasureScope): number {
  return MEASURE_SCOPES.indexOf(scope);
}

function maskOf<T extends string>(codes: readonly T[], all: readonly T[]): number {
  let mask = 0;
  for (const code of codes) mask |= 1 << all.indexOf(code);
  return mask;
}

/**
 * The context for measuring the months `from` … `to` for `municipalities`
 * under `rules`. Values that are not tied to one month (spell rules, dead
 * reasons, early effort, benchmark) are those in force on the last month's R.
 */
export function createMeasureContext(
  rules: RuleBook,
  from: YearMonth,
  to: YearMonth,
  municipalities: readonly MunicipalityCode[],
): MeasureContext {
  const firstMonthIndex = monthIndex(from);
  const monthCount = monthIndex(to) - firstMonthIndex + 1;
  if (monthCount < 1) throw new RangeError(`The month range ${from} … ${to} is empty`);
  const referenceDay = new Int32Array(monthCount);
  const firstDay = new Int32Array(monthCount);
  const ruleVersion: RuleVersionId[] = [];
  const minimumDurationDays = new Int32Array(monthCount);
  const windowDays = new Int32Array(monthCount);
  const exemptionPercent = new Float64Array(monthCount);
  const hoursThresholdScaled = new Int32Array(monthCount);
  const conversationsRequired = new Int32Array(monthCount);
  const finalDate = lastDayOf(to);
  const hoursPrecision = rules.value('focus.offers.work_hours_precision', finalDate);
  const hoursScale = Math.round(1 / hoursPrecision);
  for (let offset = 0; offset < monthCount; offset += 1) {
    const month = fromMonthIndex(firstMonthIndex + offset);
    const reference = lastDayOf(month);
    const year = Math.floor((firstMonthIndex + offset) / 12);
    const number = ((firstMonthIndex + offset) % 12) + 1;
    referenceDay[offset] = dayNumberOf(year, number, daysInMonth(year, number));
    firstDay[offset] = dayNumberOf(year, number, 1);
    ruleVersion.push(rules.versionOn(reference).id);
    minimumDurationDays[offset] = rules.value(
      'measures.target_group.minimum_duration_days',
      reference,
    );
    windowDays[offset] = rules.value('measures.window_days', reference);
    exemptionPercent[offset] = rules.value('measures.exemption_exclusion_percent', reference);
    hoursThresholdScaled[offset] = Math.round(
      rules.value('focus.offers.ordinary_work_hours', reference) * hoursScale,
    );
    conversationsRequired[offset] = rules.value('focus.conversations.required', reference);
  }

  const spellRules = spellJoinRulesOn(rules, finalDate);
  const covid = rules.value('covid.dead_period', finalDate);

  const codes = [...municipalities].sort((a, b) => a - b);
  const municipalityIndex = new Int16Array(1000).fill(-1);
  codes.forEach((code, index) => {
    if (code < 0 || code >= 1000 || !Number.isInteger(code))
      throw new RangeError(`Not a municipality code: ${code}`);
    municipalityIndex[code] = index;
  });

  const benchmark: BenchmarkParameters = {
    exitHorizonsMonths: rules.value('benchmark.exit_horizons_months', finalDate),
    exitMinimumWorkHours: rules.value('benchmark.exit_minimum_work_hours', finalDate),
    passiveLookbackDays: rules.value('benchmark.passive_lookback_days', finalDate),
    companyDirectedOfferTypes: rules.value('benchmark.company_directed_offer_types', finalDate),
  };
  const firstYear = Math.floor(firstMonthIndex / 12);
  const lastIndex = firstMonthIndex + monthCount - 1;
  const monthTableStart = dayNumberOf(firstYear - MONTH_TABLE_YEARS_BEFORE, 1, 1);
  const monthTableEnd = dayNumberOf(Math.floor(lastIndex / 12) + 2, 12, 31);
  const monthTable = new Int32Array(monthTableEnd - monthTableStart + 1);
  for (let day = monthTableStart; day <= monthTableEnd; day += 1) {
    const civil = civilOf(day);
    monthTable[day - monthTableStart] = civil.year * 12 + civil.month - 1;
  }

  return {
    firstMonth: from,
    lastMonth: to,
    firstMonthIndex,
    monthCount,
    referenceDay,
    firstDay,
    ruleVersion,
    minimumDurationDays,
    windowDays,
    exemptionPercent,
    hoursThresholdScaled,
    conversationsRequired,
    countedConversationKinds: dayLookupOf(
      rules.entries('focus.conversations.counted_kinds'),
      (kinds) => maskOf(kinds, CONVERSATION_KINDS),
    ),
    firstJobConversationInPerson: dayLookupOf(
      rules.entries('focus.conversations.first_in_person'),
      (flag) => flag,
    ),
    countedOfferTypes: dayLookupOf(rules.entries('focus.offers.counted_types'), (types) =>
      maskOf(types, OFFER_TYPES),
    ),
    section91Recipients: dayLookupOf(
      rules.entries('focus.offers.section_91_recipients'),
      (types) => (types === null ? (1 << BENEFIT_TYPES.length) - 1 : maskOf(types, BENEFIT_TYPES)),
    ),
    section91OfferType: OFFER_TYPES.indexOf(SECTION_91_OFFER_TYPE),
    jobConversationKind: CONVERSATION_KINDS.indexOf('jobsamtale'),
    inPersonForm: CONVERSATION_FORMS.indexOf('personligt'),
    ...spellRules,
    deadReasonMask: maskOf(
      rules.value('measures.dead_exemption_reasons', finalDate),
      EXEMPTION_REASONS,
    ),
    covidDeadFrom: toDayNumber(covid.from),
    covidDeadTo: toDayNumber(covid.to),
    hoursScale,
    earlyEffortTypeMask: maskOf(
      rules.value('early_effort.benefit_types', finalDate),
      BENEFIT_TYPES,
    ),
    earlyEffort: {
      periodDays: rules.value('early_effort.period_days', finalDate),
      conversationsRequired: rules.value('early_effort.conversations_required', finalDate),
      firstConversationInPerson: rules.value(
        'early_effort.first_conversation_in_person',
        finalDate,
      ),
    },
    benchmark,
    companyDirectedOfferMask: maskOf(benchmark.companyDirectedOfferTypes, OFFER_TYPES),
    municipalities: codes,
    municipalityIndex,
    scopes: MEASURE_SCOPES,
    typesOfScope: MEASURE_SCOPES.map((scope) =>
      Int32Array.from(
        BENEFIT_TYPES.flatMap((type, index) =>
          scope === 'all' || scope === type || scope === BENEFIT_GROUP_OF[type] ? [index] : [],
        ),
      ),
    ),
    ratePeriods: ratePeriodsWithin(firstMonthIndex, firstMonthIndex + monthCount - 1),
    benchmarkFields:
      2 + 2 * benchmark.exitHorizonsMonths.length + 2 * benchmark.passiveLookbackDays.length + 2,
    monthTableStart,
    monthTable,
  };
}

/** Years and half years that lie wholly within the measured months (§ 7). */
function ratePeriodsWithin(firstIndex: number, lastIndex: number): RatePeriod[] {
  const periods: RatePeriod[] = [];
  const firstYear = Math.floor(firstIndex / 12);
  const lastYear = Math.floor(lastIndex / 12);
  for (let year = firstYear; year <= lastYear; year += 1) {
    const candidates: [string, number, number][] = [
      [String(year), 1, 12],
      [`${year}-H1`, 1, 6],
      [`${year}-H2`, 7, 12],
    ];
    for (const [label, fromMonth, toMonth] of candidates) {
      const start = year * 12 + fromMonth - 1;
      const end = year * 12 + toMonth - 1;
      if (start < firstIndex || end > lastIndex) continue;
      periods.push({
        label,
        year,
        from: toDayNumber(isoDateOf(year, fromMonth, 1)),
        to: toDayNumber(isoDateOf(year, toMonth, daysInMonth(year, toMonth))),
      });
    }
  }
  return periods;
}

/** The benefit type with index `index`. */
export function benefitTypeAt(index: number): BenefitType {
  const type = BENEFIT_TYPES[index];
  if (type === undefined) throw new RangeError(`No benefit type with index ${index}`);
  return type;
}

/** Number of benefit groups (for array sizes). */
export const GROUP_COUNT = BENEFIT_GROUPS.length;

/** The running month index (year × 12 + month − 1) of a day. */
export function monthIndexOfDay(context: MeasureContext, day: DayNumber): number {
  const fromTable = context.monthTable[day - context.monthTableStart];
  if (fromTable !== undefined) return fromTable;
  const { year, month } = civilOf(day);
  return year * 12 + month - 1;
}

/** The offset of `day`'s month among the measured months (may be outside 0 … monthCount − 1). */
export function monthOffsetOfDay(context: MeasureContext, day: DayNumber): number {
  return monthIndexOfDay(context, day) - context.firstMonthIndex;
}

/** The index of a municipality code in the context; throws for a code the load does not list. */
export function municipalityIndexOf(context: MeasureContext, code: number): number {
  const index = context.municipalityIndex[code] ?? -1;
  if (index < 0)
    throw new Error(
      `Municipality ${code} in the benefit periods is not in the load's municipalities; the loader must reject it`,
    );
  return index;
}
