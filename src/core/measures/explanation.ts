/**
 * Explanations (measures.md § 10): for one person and month, why the person
 * is or is not in the target group and passive — the spells and how the
 * periods joined, the duration, dead and exempt days, the window, each
 * conversation and offer counted or not with the rule that decided it, and
 * the hours.
 *
 * The explanation runs the same code as the monthly measures (the person
 * timeline, `evaluateFocusMonth`, the conversation and offer verdicts); it
 * only adds the listing. Auditors and municipalities use it to check a case.
 */
import type { DayNumber } from '../calendar/day-number.js';
import { fromDayNumber, type IsoDate } from '../calendar/iso-date.js';
import { fromMonthIndex, lastDayOf, type YearMonth } from '../calendar/year-month.js';
import { BENEFIT_GROUP_OF, type BenefitGroup, type BenefitType } from '../domain/benefit-type.js';
import {
  CONVERSATION_FORMS,
  CONVERSATION_HOLDERS,
  CONVERSATION_KINDS,
  EXEMPTION_REASONS,
  OFFER_TYPES,
  type ConversationForm,
  type ConversationHolder,
  type ConversationKind,
  type ExemptionReason,
  type OfferType,
} from '../domain/events.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import { entryOn } from '../rules/dated-parameter.js';
import {
  CONVERSATIONS_REQUIRED,
  FIRST_JOB_CONVERSATION_IN_PERSON,
  ORDINARY_WORK_HOURS_FOR_OFFER,
  SECTION_91_OFFER_RECIPIENTS,
} from '../rules/focus-goal-parameters.js';
import { formatCitation } from '../rules/legal-source.js';
import {
  COUNTED_CONVERSATION_KINDS,
  COUNTED_OFFER_TYPES,
  DEAD_EXEMPTION_REASONS,
  EXEMPTION_EXCLUSION_PERCENT,
  FOCUS_WINDOW_COUNTABLE_DAYS,
  SPELL_CONTINUATIONS,
  SPELL_GAP_RULES,
  TARGET_GROUP_MINIMUM_DURATION_DAYS,
} from '../rules/measure-parameters.js';
import type { RuleVersionId } from '../rules/rule-version.js';
import {
  CONVERSATION_COUNTED,
  CONVERSATION_FIRST_NOT_IN_PERSON,
  CONVERSATION_KIND_NOT_COUNTED,
  CONVERSATION_OUTSIDE_WINDOW,
  conversationVerdict,
} from './conversation-counting.js';
import { createFocusEvaluation, evaluateFocusMonth } from './focus-evaluation.js';
import { ONGOING, type LoadColumns } from './load-columns.js';
import { benefitTypeAt, createMeasureContext, type MeasureContext } from './measure-context.js';
import {
  benefitOnDay,
  OFFER_COUNTED,
  OFFER_SECTION_91_NO_BENEFIT,
  OFFER_SECTION_91_OTHER_RECIPIENT,
  OFFER_TYPE_NOT_COUNTED,
  offerOverlapsWindow,
} from './offer-counting.js';
import { buildPersonTimeline } from './build-person-timeline.js';
import { PersonTimeline } from './person-timeline.js';
import {
  SPELL_FIRST_PERIOD,
  SPELL_JOINED_CONTINUATION,
  SPELL_JOINED_SAME_TYPE,
  SPELL_NEW_GAP_TOO_LONG,
} from './spells.js';
import { EXEMPT_TOO_LONG, IN_TARGET_GROUP, SPELL_TOO_SHORT } from './target-group.js';

export type JoinVerdict =
  'first' | 'joined_same_type' | 'joined_continuation' | 'new_type_change' | 'new_gap_too_long';

export type TargetGroupStatus = 'in_target_group' | 'not_covered' | 'too_short' | 'exempt_too_long';

export type ConversationStatus =
  'counted' | 'outside_window' | 'kind_not_counted' | 'first_not_in_person';

export type OfferStatus =
  | 'counted'
  | 'outside_window'
  | 'type_not_counted'
  | 'section_91_other_recipient'
  | 'section_91_no_benefit';

export interface ExplainedPeriod {
  readonly municipality: MunicipalityCode;
  readonly benefit: BenefitType;
  readonly from: IsoDate;
  /** `null`: ongoing. */
  readonly to: IsoDate | null;
  /** 1-based spell number. */
  readonly spell: number;
  /** Days strictly between this period and the one before (null for the first). */
  readonly gapBefore: number | null;
  readonly join: JoinVerdict;
  /** The rule that decided the join (M1/M2). */
  readonly rule: string;
}

export interface ExplainedSpell {
  readonly number: number;
  readonly start: IsoDate;
  /** `null`: ongoing. */
  readonly end: IsoDate | null;
  readonly benefits: readonly BenefitType[];
}

export interface ExplainedConversation {
  readonly date: IsoDate;
  readonly kind: ConversationKind;
  readonly form: ConversationForm;
  readonly heldBy: ConversationHolder;
  readonly status: ConversationStatus;
  /** The spell's first jobsamtale (M7). */
  readonly firstJobConversationOfSpell: boolean;
  readonly rule: string;
}

export interface ExplainedOffer {
  readonly type: OfferType;
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly status: OfferStatus;
  /** The benefit on the offer's start date (for § 91 offers). */
  readonly benefitOnStart: BenefitType | null;
  readonly rule: string;
}

export interface ExplainedHoursMonth {
  readonly month: YearMonth;
  readonly hours: number;
}

export interface Explanation {
  readonly month: YearMonth;
  readonly reference: IsoDate;
  readonly ruleVersion: RuleVersionId;
  readonly rules: {
    readonly minimumDurationDays: number;
    readonly windowDays: number;
    readonly exemptionExclusionPercent: number;
    readonly conversationsRequired: number;
    readonly hoursThreshold: number;
    readonly sources: Readonly<Record<string, string>>;
  };
  readonly periods: readonly ExplainedPeriod[];
  readonly spells: readonly ExplainedSpell[];
  /** The period covering R (index in `periods`), or null. */
  readonly periodAtReference: number | null;
  readonly municipality: MunicipalityCode | null;
  readonly benefit: BenefitType | null;
  readonly group: BenefitGroup | null;
  readonly spell: number | null;
  readonly spellStart: IsoDate | null;
  /** Days covered by the spell's periods up to R. */
  readonly coveredDays: number;
  readonly countableDays: number;
  readonly deadDays: {
    readonly total: number;
    /** Each dead day once, under the first reason that makes it dead: COVID-19, then the exemption reasons. */
    readonly byReason: Readonly<Partial<Record<'covid19' | ExemptionReason, number>>>;
  };
  readonly exemptDays: number;
  /** Exempt days / countable days × 100 (null when not computed). */
  readonly exemptSharePercent: number | null;
  readonly targetGroup: TargetGroupStatus;
  readonly window: { readonly from: IsoDate; readonly to: IsoDate } | null;
  readonly conversations: readonly ExplainedConversation[];
  readonly conversationsCounted: number;
  readonly passiveForConversations: boolean | null;
  readonly offers: readonly ExplainedOffer[];
  readonly offerCounted: boolean;
  readonly hours: {
    readonly fromMonth: YearMonth;
    readonly toMonth: YearMonth;
    readonly months: readonly ExplainedHoursMonth[];
    readonly total: number;
    readonly threshold: number;
  } | null;
  readonly passiveForOffers: boolean | null;
}

const JOIN_NAMES: readonly JoinVerdict[] = [
  'first',
  'joined_same_type',
  'joined_continuation',
  'new_type_change',
  'new_gap_too_long',
];

function isoOrNull(day: DayNumber): IsoDate | null {
  return day === ONGOING ? null : fromDayNumber(day);
}

function cite(parameter: Parameters<typeof entryOn>[0], date: IsoDate): string {
  return formatCitation(entryOn(parameter, date).source);
}

/**
 * Explains person `person` of `columns` (usually a load of that one person)
 * at the R of `month`.
 */
export function explainPerson(
  columns: LoadColumns,
  person: number,
  month: YearMonth,
  municipalities: readonly MunicipalityCode[],
): Explanation {
  const context = createMeasureContext(month, month, municipalities);
  const timeline = new PersonTimeline();
  buildPersonTimeline(columns, person, context, timeline);
  const reference = context.referenceDay[0] ?? 0;
  const referenceDate = lastDayOf(month);
  const periods = columns.periods;

  const explainedPeriods: ExplainedPeriod[] = [];
  let periodAtReference = -1;
  for (let local = 0; local < timeline.periodCount; local += 1) {
    const row = timeline.periodFirst + local;
    const from = periods.from[row] ?? 0;
    const to = periods.to[row] ?? 0;
    if (from <= reference && reference <= to) periodAtReference = local;
    const decision = timeline.joinDecision[local] ?? 0;
    explainedPeriods.push({
      municipality: periods.municipality[row] ?? 0,
      benefit: benefitTypeAt(periods.benefit[row] ?? 0),
      from: fromDayNumber(from),
      to: isoOrNull(to),
      spell: (timeline.spellOfPeriod[local] ?? 0) + 1,
      gapBefore: local === 0 ? null : (timeline.gapBefore[local] ?? 0),
      join: JOIN_NAMES[decision] ?? 'first',
      rule: joinRule(decision, fromDayNumber(from)),
    });
  }
  const spells: ExplainedSpell[] = [];
  for (let spell = 0; spell < timeline.spellCount; spell += 1) {
    const firstLocal = timeline.spellFirstPeriod[spell] ?? 0;
    const lastLocal = timeline.spellLastPeriod[spell] ?? 0;
    const benefits: BenefitType[] = [];
    for (let local = firstLocal; local <= lastLocal; local += 1) {
      const type = benefitTypeAt(periods.benefit[timeline.periodFirst + local] ?? 0);
      if (!benefits.includes(type)) benefits.push(type);
    }
    spells.push({
      number: spell + 1,
      start: fromDayNumber(timeline.spellStart[spell] ?? 0),
      end: isoOrNull(periods.to[timeline.periodFirst + lastLocal] ?? 0),
      benefits,
    });
  }

  const rules = {
    minimumDurationDays: context.minimumDurationDays[0] ?? 0,
    windowDays: context.windowDays[0] ?? 0,
    exemptionExclusionPercent: context.exemptionPercent[0] ?? 0,
    conversationsRequired: context.conversationsRequired[0] ?? 0,
    hoursThreshold: (context.hoursThresholdScaled[0] ?? 0) / context.hoursScale,
    sources: {
      minimumDuration: cite(TARGET_GROUP_MINIMUM_DURATION_DAYS, referenceDate),
      window: cite(FOCUS_WINDOW_COUNTABLE_DAYS, referenceDate),
      exemptionExclusion: cite(EXEMPTION_EXCLUSION_PERCENT, referenceDate),
      conversationsRequired: cite(CONVERSATIONS_REQUIRED, referenceDate),
      hoursThreshold: cite(ORDINARY_WORK_HOURS_FOR_OFFER, referenceDate),
      deadDays: cite(DEAD_EXEMPTION_REASONS, referenceDate),
    },
  };

  const base = {
    month,
    reference: referenceDate,
    ruleVersion: context.ruleVersion[0] ?? 'v2019',
    rules,
    periods: explainedPeriods,
    spells,
  };
  if (periodAtReference < 0) {
    return {
      ...base,
      periodAtReference: null,
      municipality: null,
      benefit: null,
      group: null,
      spell: null,
      spellStart: null,
      coveredDays: 0,
      countableDays: 0,
      deadDays: { total: 0, byReason: {} },
      exemptDays: 0,
      exemptSharePercent: null,
      targetGroup: 'not_covered',
      window: null,
      conversations: listConversations(columns, context, timeline, {
        spell: -1,
        windowStart: 1,
        reference: 0,
      }),
      conversationsCounted: 0,
      passiveForConversations: null,
      offers: listOffers(columns, context, timeline, { person, windowStart: 1, reference: 0 }),
      offerCounted: false,
      hours: null,
      passiveForOffers: null,
    };
  }

  const evaluation = createFocusEvaluation();
  const member = evaluateFocusMonth(columns, timeline, context, periodAtReference, 0, evaluation);
  const spell = evaluation.spell;
  const row = timeline.periodFirst + periodAtReference;
  const benefit = benefitTypeAt(periods.benefit[row] ?? 0);
  const coveredDays = coveredDaysUpTo(columns, timeline, spell, reference);
  const deadTotal = coveredDays - evaluation.countableDays;
  const windowStart = member ? evaluation.windowStart : 1;
  const windowEnd = member ? reference : 0;
  const status: TargetGroupStatus =
    evaluation.status === IN_TARGET_GROUP
      ? 'in_target_group'
      : evaluation.status === SPELL_TOO_SHORT
        ? 'too_short'
        : evaluation.status === EXEMPT_TOO_LONG
          ? 'exempt_too_long'
          : 'not_covered';
  const hoursScale = context.hoursScale;
  return {
    ...base,
    periodAtReference,
    municipality: periods.municipality[row] ?? 0,
    benefit,
    group: BENEFIT_GROUP_OF[benefit],
    spell: spell + 1,
    spellStart: fromDayNumber(timeline.spellStart[spell] ?? 0),
    coveredDays,
    countableDays: evaluation.countableDays,
    deadDays: {
      total: deadTotal,
      byReason: deadDaysByReason(columns, context, timeline, { person, spell, reference }),
    },
    exemptDays: evaluation.exemptDays,
    exemptSharePercent:
      evaluation.status === SPELL_TOO_SHORT || evaluation.countableDays === 0
        ? null
        : (evaluation.exemptDays / evaluation.countableDays) * 100,
    targetGroup: status,
    window: member ? { from: fromDayNumber(evaluation.windowStart), to: referenceDate } : null,
    conversations: listConversations(columns, context, timeline, {
      spell,
      windowStart,
      reference: windowEnd,
    }),
    conversationsCounted: evaluation.conversations,
    passiveForConversations: member ? evaluation.passiveForConversations : null,
    offers: listOffers(columns, context, timeline, {
      person,
      windowStart,
      reference: windowEnd,
    }),
    offerCounted: evaluation.offerCounted,
    hours: member
      ? {
          fromMonth: fromMonthIndex(evaluation.hoursFromMonth),
          toMonth: month,
          months: listHours(
            columns,
            timeline,
            evaluation.hoursFromMonth,
            context.firstMonthIndex,
            hoursScale,
          ),
          total: evaluation.hoursScaled / hoursScale,
          threshold: rules.hoursThreshold,
        }
      : null,
    passiveForOffers: member ? evaluation.passiveForOffers : null,
  };
}

function joinRule(decision: number, from: IsoDate): string {
  if (decision === SPELL_FIRST_PERIOD) return '';
  if (decision === SPELL_JOINED_CONTINUATION) return cite(SPELL_CONTINUATIONS, from);
  if (decision === SPELL_JOINED_SAME_TYPE || decision === SPELL_NEW_GAP_TOO_LONG)
    return cite(SPELL_GAP_RULES, from);
  return cite(SPELL_CONTINUATIONS, from);
}

function coveredDaysUpTo(
  columns: LoadColumns,
  timeline: PersonTimeline,
  spell: number,
  reference: DayNumber,
): number {
  let days = 0;
  const last = timeline.spellLastPeriod[spell] ?? 0;
  for (let local = timeline.spellFirstPeriod[spell] ?? 0; local <= last; local += 1) {
    const row = timeline.periodFirst + local;
    const from = columns.periods.from[row] ?? 0;
    const to = Math.min(columns.periods.to[row] ?? 0, reference);
    if (to >= from) days += to - from + 1;
  }
  return days;
}

/** Dead days of the spell up to R, each under the first reason that makes it dead. */
function deadDaysByReason(
  columns: LoadColumns,
  context: MeasureContext,
  timeline: PersonTimeline,
  at: { readonly person: number; readonly spell: number; readonly reference: DayNumber },
): Partial<Record<'covid19' | ExemptionReason, number>> {
  const { person, spell, reference } = at;
  const counts: Partial<Record<'covid19' | ExemptionReason, number>> = {};
  const exemptions = columns.exemptions;
  const first = exemptions.offsets[person] ?? 0;
  const end = exemptions.offsets[person + 1] ?? 0;
  const last = timeline.spellLastPeriod[spell] ?? 0;
  for (let local = timeline.spellFirstPeriod[spell] ?? 0; local <= last; local += 1) {
    const row = timeline.periodFirst + local;
    const from = columns.periods.from[row] ?? 0;
    const to = Math.min(columns.periods.to[row] ?? 0, reference);
    for (let day = from; day <= to; day += 1) {
      if (day >= context.covidDeadFrom && day <= context.covidDeadTo) {
        counts.covid19 = (counts.covid19 ?? 0) + 1;
        continue;
      }
      for (let exemption = first; exemption < end; exemption += 1) {
        const reason = exemptions.reason[exemption] ?? 0;
        if (((1 << reason) & context.deadReasonMask) === 0) continue;
        if ((exemptions.from[exemption] ?? 0) <= day && day <= (exemptions.to[exemption] ?? 0)) {
          const name = EXEMPTION_REASONS[reason] ?? 'other';
          counts[name] = (counts[name] ?? 0) + 1;
          break;
        }
      }
    }
  }
  return counts;
}

/** The person's conversations judged for the spell's window [W, R] (spell −1: no window). */
function listConversations(
  columns: LoadColumns,
  context: MeasureContext,
  timeline: PersonTimeline,
  window: {
    readonly spell: number;
    readonly windowStart: DayNumber;
    readonly reference: DayNumber;
  },
): ExplainedConversation[] {
  const { spell, windowStart, reference } = window;
  const conversations = columns.conversations;
  const listed: ExplainedConversation[] = [];
  for (let local = 0; local < timeline.conversationCount; local += 1) {
    const row = timeline.conversationFirst + local;
    const date = conversations.date[row] ?? 0;
    const iso = fromDayNumber(date);
    const verdict =
      spell < 0
        ? CONVERSATION_OUTSIDE_WINDOW
        : conversationVerdict(conversations, context, timeline, {
            local,
            spell,
            windowStart,
            reference,
          });
    const first = spell >= 0 && timeline.spellFirstJobConversation[spell] === local;
    listed.push({
      date: iso,
      kind: CONVERSATION_KINDS[conversations.kind[row] ?? 0] ?? 'other',
      form: CONVERSATION_FORMS[conversations.form[row] ?? 0] ?? 'personligt',
      heldBy: CONVERSATION_HOLDERS[conversations.heldBy[row] ?? 0] ?? 'jobcenter',
      status:
        verdict === CONVERSATION_COUNTED
          ? 'counted'
          : verdict === CONVERSATION_KIND_NOT_COUNTED
            ? 'kind_not_counted'
            : verdict === CONVERSATION_FIRST_NOT_IN_PERSON
              ? 'first_not_in_person'
              : 'outside_window',
      firstJobConversationOfSpell: first,
      rule:
        verdict === CONVERSATION_FIRST_NOT_IN_PERSON || (first && verdict === CONVERSATION_COUNTED)
          ? cite(FIRST_JOB_CONVERSATION_IN_PERSON, iso)
          : cite(COUNTED_CONVERSATION_KINDS, iso),
    });
  }
  return listed;
}

/** The person's offers judged for the window [W, R] (W after R: no window). */
function listOffers(
  columns: LoadColumns,
  context: MeasureContext,
  timeline: PersonTimeline,
  window: {
    readonly person: number;
    readonly windowStart: DayNumber;
    readonly reference: DayNumber;
  },
): ExplainedOffer[] {
  const { person, windowStart, reference } = window;
  const offers = columns.offers;
  const listed: ExplainedOffer[] = [];
  for (let local = 0; local < timeline.offerCount; local += 1) {
    const row = timeline.offerFirst + local;
    const type = offers.type[row] ?? 0;
    const from = offers.from[row] ?? 0;
    const to = offers.to[row] ?? 0;
    const iso = fromDayNumber(from);
    const verdict = timeline.offerVerdict[local] ?? OFFER_TYPE_NOT_COUNTED;
    const benefit = benefitOnDay(columns.periods, person, from);
    let status: OfferStatus;
    if (verdict === OFFER_TYPE_NOT_COUNTED) status = 'type_not_counted';
    else if (verdict === OFFER_SECTION_91_OTHER_RECIPIENT) status = 'section_91_other_recipient';
    else if (verdict === OFFER_SECTION_91_NO_BENEFIT) status = 'section_91_no_benefit';
    else if (verdict === OFFER_COUNTED && offerOverlapsWindow(from, to, windowStart, reference))
      status = 'counted';
    else status = 'outside_window';
    listed.push({
      type: OFFER_TYPES[type] ?? 'other',
      from: iso,
      to: isoOrNull(to),
      status,
      benefitOnStart: benefit < 0 ? null : benefitTypeAt(benefit),
      rule:
        type === context.section91OfferType
          ? cite(SECTION_91_OFFER_RECIPIENTS, iso)
          : cite(COUNTED_OFFER_TYPES, iso),
    });
  }
  return listed;
}

function listHours(
  columns: LoadColumns,
  timeline: PersonTimeline,
  fromMonth: number,
  toMonth: number,
  scale: number,
): ExplainedHoursMonth[] {
  const listed: ExplainedHoursMonth[] = [];
  for (let local = 0; local < timeline.hoursCount; local += 1) {
    const row = timeline.hoursFirst + local;
    const month = columns.workHours.month[row] ?? 0;
    if (month < fromMonth || month > toMonth) continue;
    listed.push({
      month: fromMonthIndex(month),
      hours: Math.round((columns.workHours.hours[row] ?? 0) * scale) / scale,
    });
  }
  return listed;
}
