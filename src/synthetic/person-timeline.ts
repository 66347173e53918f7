/**
 * One person's events month by month: the natural rhythm of conversations,
 * offers and work (event-model.ts) proposes the month's events, the
 * municipality's steering may add or hold back some (effort-controller.ts),
 * then they are committed to the unit's columns.
 *
 * The person also answers, at a month's reference date R, whether they are
 * in the target group and how their window looks — the generator's own view
 * (spell-view.ts), by the counting rules the municipality steers by.
 */
import { civilOf, dayNumberOf, daysInMonth, type DayNumber } from '../core/calendar/day-number.js';
import type { BenefitType } from '../core/domain/benefit-type.js';
import {
  CONVERSATION_FORMS,
  CONVERSATION_HOLDERS,
  CONVERSATION_KINDS,
  OFFER_TYPES,
  type ConversationForm,
  type ConversationHolder,
  type ConversationKind,
  type OfferType,
} from '../core/domain/events.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { uniformInteger } from './distributions.js';
import {
  COUNTED_OFFER_TYPES,
  FIRST_IN_PERSON_RULE_DAY,
  OFFER_SUSPENSION,
  SECTION_91_RECIPIENTS,
  SECTION_91_RULE_DAY,
  WORK_AFTER_EXIT_CHANCE,
  WORK_START_CHANCE,
  conversationForm,
  conversationHolder,
  conversationInterval,
  conversationKind,
  firstConversationDelay,
  firstOfferDelay,
  nextOfferGap,
  offerLength,
  offerType,
  otherConversationInterval,
  stintHoursTenths,
} from './event-model.js';
import { countableDays, exemptDays, windowStart, type Spell } from './spell-view.js';
import { yearOfDay, type UnitContext } from './unit-context.js';

export interface TimelinePeriod {
  readonly from: DayNumber;
  readonly to: DayNumber;
  readonly type: BenefitType;
  readonly municipality: MunicipalityCode;
}

interface PendingConversation {
  day: DayNumber;
  readonly kind: ConversationKind;
  form: ConversationForm;
  readonly holder: ConversationHolder;
  /** Proposed as the spell's first job conversation. */
  readonly firstJob: boolean;
}

interface PendingOffer {
  readonly type: OfferType;
  readonly from: DayNumber;
  readonly to: DayNumber;
  /** Counts under the old rules (any of the five offer types). */
  readonly countsOld: boolean;
  /** Counts under the rules in force on its start date. */
  readonly countsTrue: boolean;
}

/** The person at a reference date, as the steering sees them. */
export interface TargetGroupView {
  readonly timeline: PersonTimeline;
  /** Counted conversations in the window, including this month's proposed ones. */
  readonly conversations: number;
  /** Of those, proposed this month. */
  readonly proposedConversations: number;
  /** Non-passive for offers by committed offers or hours alone. */
  readonly offersCovered: boolean;
  /** This month's proposed offer counts. */
  readonly proposedOfferCounts: boolean;
}

/** Lead of the natural rhythm: people are followed by the effort of four months ahead. */
const EFFORT_LEAD_DAYS = 120;
/**
 * The natural rhythm neglects somewhat more people than the effort level
 * (by these shares), so that the steering mostly catches up on overdue
 * cases — which takes effect at once — rather than holding events back,
 * which takes months to show in a 12-month window.
 */
const NATURAL_NEGLECT_MARGIN = { conversations: 0.15, offers: 0.15 };
/** Chance that a sygedagpenge spell gets an offer (rare: sickness follow-up comes first). */
const SICKNESS_OFFER_CHANCE = 0.12;
const NONE = Number.POSITIVE_INFINITY;
const KIND_INDEX = new Map(CONVERSATION_KINDS.map((kind, index) => [kind, index]));
const FORM_INDEX = new Map(CONVERSATION_FORMS.map((form, index) => [form, index]));
const HOLDER_INDEX = new Map(CONVERSATION_HOLDERS.map((holder, index) => [holder, index]));
const OFFER_INDEX = new Map(OFFER_TYPES.map((offer, index) => [offer, index]));

/** Month index (year × 12 + month − 1) of a day. */
export function monthIndexOfDay(day: DayNumber): number {
  const { year, month } = civilOf(day);
  return year * 12 + month - 1;
}

/** One person's spells and propensities, from which the timeline draws the events. */
export interface TimelinePerson {
  readonly person: number;
  readonly periods: readonly TimelinePeriod[];
  readonly spells: readonly Spell[];
  readonly conversationPropensity: number;
  readonly offerPropensity: number;
  /** The first day events are drawn for (spells before it are skipped). */
  readonly activationDay: DayNumber;
}

export class PersonTimeline {
  readonly person: number;
  readonly periods: readonly TimelinePeriod[];
  readonly spells: readonly Spell[];
  readonly conversationPropensity: number;
  readonly offerPropensity: number;
  /** Month index of the last month that needs processing. */
  readonly lastMonth: number;
  private readonly spellOfPeriod: number[];
  private nextSpell = 0;
  private nextConversation = NONE;
  private nextOther = NONE;
  private nextOffer = NONE;
  private onlyOneOffer = false;
  private readonly conversationDays: number[] = [];
  private readonly firstJobDay: number[];
  private readonly firstJobCounts: boolean[];
  private coverEndOld = Number.NEGATIVE_INFINITY;
  private coverEndTrue = Number.NEGATIVE_INFINITY;
  private readonly hoursMonths: number[] = [];
  private readonly hoursTenths: number[] = [];
  private stintMonthsLeft = 0;
  private stintTenths = 0;
  private readonly exitWork: { from: number; to: number; tenths: number }[] = [];
  private readonly pending: PendingConversation[] = [];
  private pendingOffer: PendingOffer | undefined;

  constructor(
    private readonly context: UnitContext,
    timelinePerson: TimelinePerson,
  ) {
    const { periods, spells, activationDay } = timelinePerson;
    this.person = timelinePerson.person;
    this.periods = periods;
    this.spells = spells;
    this.conversationPropensity = timelinePerson.conversationPropensity;
    this.offerPropensity = timelinePerson.offerPropensity;
    this.spellOfPeriod = new Array<number>(periods.length).fill(0);
    spells.forEach((spell, index) => {
      for (let period = spell.firstPeriod; period <= spell.lastPeriod; period += 1)
        this.spellOfPeriod[period] = index;
    });
    this.firstJobDay = new Array<number>(spells.length).fill(NONE);
    this.firstJobCounts = new Array<boolean>(spells.length).fill(false);
    const random = context.random;
    let last = context.eventsFirstMonth;
    for (let index = 0; index < spells.length; index += 1) {
      const spell = spells[index];
      if (!spell) continue;
      const end = Math.min(spell.end, context.lastDay);
      last = Math.max(last, monthIndexOfDay(end));
      const following = spells[index + 1];
      const leaves =
        spell.end < context.lastDay && (!following || following.start > spell.end + 60);
      if (leaves && random.chance(WORK_AFTER_EXIT_CHANCE)) {
        const from = monthIndexOfDay(spell.end) + 1;
        const to = from + random.nextInt(12);
        this.exitWork.push({ from, to, tenths: uniformInteger(random, 800, 1600) });
        last = Math.max(last, to);
      }
    }
    this.lastMonth = Math.min(last, monthIndexOfDay(context.lastDay));
    while (this.nextSpell < spells.length && (spells[this.nextSpell]?.start ?? 0) < activationDay)
      this.nextSpell += 1;
    const ongoing = spells[this.nextSpell - 1];
    if (ongoing && ongoing.end >= activationDay) this.startSpell(ongoing, activationDay, true);
  }

  // ── The natural rhythm ────────────────────────────────────────────────

  /** Proposes the events of the month [first, last] (month index `month`). */
  proposeMonth(first: DayNumber, last: DayNumber, month: number): void {
    this.pending.length = 0;
    this.pendingOffer = undefined;
    let cursor = first;
    for (;;) {
      const spell = this.spells[this.nextSpell];
      if (!spell || spell.start > last) break;
      this.advance(cursor, spell.start - 1);
      this.startSpell(spell, spell.start, false);
      cursor = spell.start;
      this.nextSpell += 1;
    }
    this.advance(cursor, last);
    this.workInMonth(first, last, month);
  }

  private startSpell(spell: Spell, from: DayNumber, alreadyRunning: boolean): void {
    const random = this.context.random;
    const period = this.periods[spell.firstPeriod];
    if (!period) return;
    const effort = this.context.effort.of(period.municipality, yearOfDay(from));
    const neglectedConversations = this.neglectsConversations(
      effort.conversations,
      period.municipality,
    );
    const neglectedOffers = this.neglectsOffers(effort.offers, period.municipality);
    if (alreadyRunning) {
      this.nextConversation =
        from +
        random.nextInt(conversationInterval(random, period.type, false, neglectedConversations));
      this.nextOther = from + random.nextInt(otherConversationInterval(random, period.type));
      this.nextOffer = from + random.nextInt(300);
    } else {
      this.nextConversation = from + firstConversationDelay(random, neglectedConversations);
      this.nextOther = from + uniformInteger(random, 14, 120);
      this.nextOffer = from + firstOfferDelay(random, neglectedOffers);
    }
    this.onlyOneOffer = period.type === 'sygedagpenge';
    if (this.onlyOneOffer) {
      this.nextOffer = random.chance(SICKNESS_OFFER_CHANCE)
        ? from + uniformInteger(random, 40, 120)
        : NONE;
    }
  }

  /** The index of the period covering `day`, or −1. */
  periodAt(day: DayNumber): number {
    let low = 0;
    let high = this.periods.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const period = this.periods[middle];
      if (!period) break;
      if (period.to < day) low = middle + 1;
      else if (period.from > day) high = middle - 1;
      else return middle;
    }
    return -1;
  }

  /** The first period starting after `day`, or −1. */
  private periodAfter(day: DayNumber): number {
    for (let index = 0; index < this.periods.length; index += 1) {
      if ((this.periods[index]?.from ?? 0) > day) return index;
    }
    return -1;
  }

  private advance(from: DayNumber, to: DayNumber): void {
    if (to < from) return;
    const random = this.context.random;
    while (this.nextConversation <= to) {
      const day = Math.max(this.nextConversation, from);
      const periodIndex = this.periodAt(day);
      const period = this.periods[periodIndex];
      if (!period) {
        const after = this.periods[this.periodAfter(day)];
        this.nextConversation = after ? after.from + uniformInteger(random, 3, 20) : NONE;
        continue;
      }
      const spellIndex = this.spellOfPeriod[periodIndex] ?? 0;
      const spell = this.spells[spellIndex];
      if (!spell) break;
      const early = countableDays(spell, day) < 182;
      const effort = this.context.effort.of(period.municipality, yearOfDay(day + EFFORT_LEAD_DAYS));
      const neglected = this.neglectsConversations(effort.conversations, period.municipality);
      const kind = conversationKind(random, period.type);
      const firstJob =
        kind === 'jobsamtale' &&
        this.firstJobDay[spellIndex] === NONE &&
        !this.pending.some((entry) => entry.firstJob);
      const form = conversationForm(random, day, firstJob, effort.phoneFirstShare);
      const holder = conversationHolder(random, period.type, kind, early);
      this.pending.push({ day, kind, form, holder, firstJob });
      this.nextConversation = day + conversationInterval(random, period.type, early, neglected);
    }
    while (this.nextOther <= to) {
      const day = Math.max(this.nextOther, from);
      const period = this.periods[this.periodAt(day)];
      if (!period) {
        const after = this.periods[this.periodAfter(day)];
        this.nextOther = after ? after.from + uniformInteger(random, 14, 120) : NONE;
        continue;
      }
      if (!this.pending.some((entry) => entry.day === day)) {
        const form = conversationForm(random, day, false, 0);
        const holder = conversationHolder(random, period.type, 'other', false);
        this.pending.push({ day, kind: 'other', form, holder, firstJob: false });
      }
      this.nextOther = day + otherConversationInterval(random, period.type);
    }
    while (this.nextOffer <= to && !this.pendingOffer) {
      const day = Math.max(this.nextOffer, from);
      const period = this.periods[this.periodAt(day)];
      if (!period) {
        const after = this.periods[this.periodAfter(day)];
        this.nextOffer = after ? after.from + uniformInteger(random, 30, 120) : NONE;
        continue;
      }
      if (day >= OFFER_SUSPENSION[0] && day <= OFFER_SUSPENSION[1]) {
        this.nextOffer = OFFER_SUSPENSION[1] + 1 + random.nextInt(30);
        continue;
      }
      const effort = this.context.effort.of(period.municipality, yearOfDay(day + EFFORT_LEAD_DAYS));
      const offer = this.makeOffer(period.type, period.municipality, day, false);
      this.pendingOffer = offer;
      this.nextOffer = this.onlyOneOffer
        ? NONE
        : offer.to +
          1 +
          nextOfferGap(random, this.neglectsOffers(effort.offers, period.municipality));
    }
  }

  /**
   * Whether the natural rhythm neglects this person's conversations at an
   * effort level. Only the unit's own municipality steers its people; a
   * person who has moved elsewhere is followed at the plain level.
   */
  private neglectsConversations(level: number, municipality: MunicipalityCode): boolean {
    const margin = municipality === this.context.code ? NATURAL_NEGLECT_MARGIN.conversations : 0;
    return this.conversationPropensity < level + margin;
  }

  private neglectsOffers(level: number, municipality: MunicipalityCode): boolean {
    const margin = municipality === this.context.code ? NATURAL_NEGLECT_MARGIN.offers : 0;
    return this.offerPropensity < level + margin;
  }

  private makeOffer(
    benefit: BenefitType,
    municipality: MunicipalityCode,
    day: DayNumber,
    mustCount: boolean,
  ): PendingOffer {
    const random = this.context.random;
    const effort = this.context.effort.of(municipality, yearOfDay(day));
    const restricted = day >= SECTION_91_RULE_DAY && !SECTION_91_RECIPIENTS.has(benefit);
    const share = restricted && effort.followsNewRules ? 0.03 : effort.section91Reliance;
    let type = offerType(random, benefit, share);
    if (mustCount) {
      if (type === 'other') type = 'virksomhedspraktik';
      if (type === 'oevrig_vejledning_opkvalificering' && restricted && effort.followsNewRules)
        type = 'vejledning_opkvalificering';
    }
    const to = day + offerLength(random, type) - 1;
    const countsOld = COUNTED_OFFER_TYPES.has(type);
    const countsTrue = countsOld && !(type === 'oevrig_vejledning_opkvalificering' && restricted);
    return { type, from: day, to, countsOld, countsTrue };
  }

  private workInMonth(first: DayNumber, last: DayNumber, month: number): void {
    const random = this.context.random;
    let tenths = 0;
    if (this.stintMonthsLeft > 0) {
      tenths += this.stintTenths;
      this.stintMonthsLeft -= 1;
    } else {
      const period = this.periods[this.periodAt(last)] ?? this.periods[this.periodAt(first)];
      if (period && random.chance(WORK_START_CHANCE[period.type])) {
        this.stintTenths = stintHoursTenths(random);
        this.stintMonthsLeft = random.nextInt(8);
        tenths += this.stintTenths;
      }
    }
    for (const work of this.exitWork) {
      if (month >= work.from && month <= work.to) tenths += work.tenths;
    }
    if (tenths > 0 && month >= this.context.eventsFirstMonth) {
      this.hoursMonths.push(month);
      this.hoursTenths.push(tenths);
      const events = this.context.events;
      events.hoursPerson.push(this.person);
      events.hoursMonth.push(month);
      events.hoursTenths.push(tenths);
    }
  }

  // ── The view at a reference date ──────────────────────────────────────

  /**
   * The person's standing in the target group of `municipality` at `day`
   * (the last day of month `month`), or `undefined` when not in it.
   * `followsNewRules` chooses the counting rules; `hoursThresholdTenths`
   * is the hours threshold in force at `day`.
   */
  viewAt(
    municipality: MunicipalityCode,
    day: DayNumber,
    month: number,
    followsNewRules: boolean,
    hoursThresholdTenths: number,
  ): TargetGroupView | undefined {
    const periodIndex = this.periodAt(day);
    const period = this.periods[periodIndex];
    if (!period || period.municipality !== municipality) return undefined;
    const spellIndex = this.spellOfPeriod[periodIndex] ?? 0;
    const spell = this.spells[spellIndex];
    if (!spell || day - spell.start + 1 < 365) return undefined;
    const countable = countableDays(spell, day);
    if (countable < 365 || 2 * exemptDays(spell, day) >= countable) return undefined;
    const window = windowStart(spell, day, 365);
    if (window === undefined) return undefined;
    let conversations = countBetween(this.conversationDays, window, day);
    const firstDay = this.firstJobDay[spellIndex] ?? NONE;
    if (
      followsNewRules &&
      firstDay >= window &&
      firstDay <= day &&
      !this.firstJobCounts[spellIndex]
    )
      conversations -= 1;
    let proposed = 0;
    for (const entry of this.pending) {
      if (entry.kind === 'other') continue;
      if (
        followsNewRules &&
        entry.firstJob &&
        entry.day >= FIRST_IN_PERSON_RULE_DAY &&
        entry.form !== 'personligt'
      )
        continue;
      proposed += 1;
    }
    const coverEnd = followsNewRules ? this.coverEndTrue : this.coverEndOld;
    let covered = coverEnd >= window;
    if (!covered) {
      const fromMonth = monthIndexOfDay(window);
      let hours = 0;
      for (let index = this.hoursMonths.length - 1; index >= 0; index -= 1) {
        const hoursMonth = this.hoursMonths[index] ?? 0;
        if (hoursMonth < fromMonth) break;
        if (hoursMonth <= month) hours += this.hoursTenths[index] ?? 0;
      }
      covered = hours >= hoursThresholdTenths;
    }
    const offer = this.pendingOffer;
    return {
      timeline: this,
      conversations: conversations + proposed,
      proposedConversations: proposed,
      offersCovered: covered,
      proposedOfferCounts: offer ? (followsNewRules ? offer.countsTrue : offer.countsOld) : false,
    };
  }

  // ── Steering actions ──────────────────────────────────────────────────

  /** Adds `count` counted conversations on free days in [first, last] (the person is on benefit at `last`). */
  addConversations(count: number, first: DayNumber, last: DayNumber): void {
    const random = this.context.random;
    const periodIndex = this.periodAt(last);
    const period = this.periods[periodIndex];
    if (!period) return;
    const spellIndex = this.spellOfPeriod[periodIndex] ?? 0;
    const from = Math.max(first, period.from);
    const effort = this.context.effort.of(period.municipality, yearOfDay(last));
    for (let added = 0; added < count; added += 1) {
      let day = from + random.nextInt(last - from + 1);
      for (
        let attempt = 0;
        attempt < 40 && this.pending.some((entry) => entry.day === day);
        attempt += 1
      )
        day = from + random.nextInt(last - from + 1);
      if (this.pending.some((entry) => entry.day === day)) return;
      const kind = conversationKind(random, period.type);
      const firstJob =
        kind === 'jobsamtale' &&
        this.firstJobDay[spellIndex] === NONE &&
        !this.pending.some((entry) => entry.firstJob);
      let form = conversationForm(random, day, firstJob, effort.phoneFirstShare);
      if (firstJob && effort.followsNewRules) form = 'personligt';
      const holder = conversationHolder(random, period.type, kind, false);
      this.pending.push({ day, kind, form, holder, firstJob });
    }
    const latest = Math.max(...this.pending.map((entry) => entry.day));
    this.nextConversation = Math.max(
      this.nextConversation,
      latest + conversationInterval(random, period.type, false, false),
    );
  }

  /** Holds back this month's counted conversations: they are postponed. */
  holdBackConversations(last: DayNumber): void {
    const random = this.context.random;
    for (let index = this.pending.length - 1; index >= 0; index -= 1) {
      if (this.pending[index]?.kind !== 'other') this.pending.splice(index, 1);
    }
    this.nextConversation = last + uniformInteger(random, 15, 60);
  }

  /** Starts a counted offer in [first, last] (the person is on benefit at `last`). */
  addOffer(first: DayNumber, last: DayNumber): void {
    const random = this.context.random;
    const period = this.periods[this.periodAt(last)];
    if (!period) return;
    const from = Math.max(first, period.from);
    const day = from + random.nextInt(last - from + 1);
    const offer = this.makeOffer(period.type, period.municipality, day, true);
    this.pendingOffer = offer;
    const effort = this.context.effort.of(period.municipality, yearOfDay(day));
    this.nextOffer = this.onlyOneOffer
      ? NONE
      : offer.to +
        1 +
        nextOfferGap(random, this.neglectsOffers(effort.offers, period.municipality));
  }

  /** Holds back this month's offer: it is postponed. */
  holdBackOffer(last: DayNumber): void {
    this.pendingOffer = undefined;
    this.nextOffer = last + uniformInteger(this.context.random, 20, 90);
  }

  // ── Commit ────────────────────────────────────────────────────────────

  /** Writes the month's events to the unit's columns. */
  commitMonth(): void {
    const events = this.context.events;
    this.pending.sort((a, b) => a.day - b.day);
    for (const entry of this.pending) {
      events.conversationPerson.push(this.person);
      events.conversationDay.push(entry.day);
      events.conversationCodes.push(
        (KIND_INDEX.get(entry.kind) ?? 0) * 100 +
          (FORM_INDEX.get(entry.form) ?? 0) * 10 +
          (HOLDER_INDEX.get(entry.holder) ?? 0),
      );
      if (entry.kind === 'other') continue;
      this.conversationDays.push(entry.day);
      if (entry.kind === 'jobsamtale') {
        const spellIndex = this.spellAt(entry.day);
        if (spellIndex >= 0 && this.firstJobDay[spellIndex] === NONE) {
          this.firstJobDay[spellIndex] = entry.day;
          this.firstJobCounts[spellIndex] =
            entry.form === 'personligt' || entry.day < FIRST_IN_PERSON_RULE_DAY;
        }
      }
    }
    this.pending.length = 0;
    const offer = this.pendingOffer;
    if (offer) {
      events.offerPerson.push(this.person);
      events.offerType.push(OFFER_INDEX.get(offer.type) ?? 0);
      events.offerFrom.push(offer.from);
      events.offerTo.push(offer.to);
      if (offer.countsOld) this.coverEndOld = Math.max(this.coverEndOld, offer.to);
      if (offer.countsTrue) this.coverEndTrue = Math.max(this.coverEndTrue, offer.to);
      this.pendingOffer = undefined;
    }
    if (this.conversationDays.length > 96) this.conversationDays.splice(0, 48);
    if (this.hoursMonths.length > 72) {
      this.hoursMonths.splice(0, 36);
      this.hoursTenths.splice(0, 36);
    }
  }

  /** The spell whose span [start, end] contains `day`, or −1. */
  private spellAt(day: DayNumber): number {
    for (let index = this.spells.length - 1; index >= 0; index -= 1) {
      const spell = this.spells[index];
      if (spell && spell.start <= day && day <= spell.end) return index;
    }
    return -1;
  }
}

/** Number of values of the sorted array in [from, to]. */
function countBetween(values: readonly number[], from: number, to: number): number {
  let count = 0;
  for (let index = values.length - 1; index >= 0; index -= 1) {
    const value = values[index] ?? 0;
    if (value < from) break;
    if (value <= to) count += 1;
  }
  return count;
}

/** First and last day of month index `month`. */
export function monthBounds(month: number): [DayNumber, DayNumber] {
  const year = Math.floor(month / 12);
  const number = (month % 12) + 1;
  const first = dayNumberOf(year, number, 1);
  return [first, first + daysInMonth(year, number) - 1];
}
