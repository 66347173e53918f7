/**
 * The natural rhythm of conversations, offers and work while a person is on
 * benefit, before the municipality's steering (effort-controller.ts):
 * intervals between conversations, their kind, form and holder, offer types
 * and lengths, part-time work and work after leaving benefits.
 *
 * Dates of regime changes come from the dated rule parameters; the eras of
 * conversation forms (mostly in person before COVID-19, mostly by phone or
 * digitally from March 2020 to mid 2021) are modelling assumptions.
 */
import type { DayNumber } from '../core/calendar/day-number.js';
import { dayNumberOf } from '../core/calendar/day-number.js';
import { toDayNumber } from '../core/calendar/iso-date.js';
import type { BenefitType } from '../core/domain/benefit-type.js';
import type {
  ConversationForm,
  ConversationHolder,
  ConversationKind,
  OfferType,
} from '../core/domain/events.js';
import { OFFICIAL_RULES } from '../core/rules/official-rules.js';
import type { RuleEntry } from '../core/rules/rule-book.js';
import type { SeededRandom } from '../core/random/seeded-random.js';
import { uniformInteger, weightedChoice } from './distributions.js';
import { COVID_DEAD_DAYS } from './spell-view.js';

/** The first day on which a rule value satisfies `test` (or +∞). */
function firstDayWhere<T>(
  entries: readonly RuleEntry<T>[],
  test: (value: T) => boolean,
): DayNumber {
  const entry = entries.find((candidate) => test(candidate.value));
  return entry ? toDayNumber(entry.from) : Number.POSITIVE_INFINITY;
}

/** From this day the first job conversation of a spell must be in person (v2023). */
export const FIRST_IN_PERSON_RULE_DAY = firstDayWhere(
  OFFICIAL_RULES.entries('focus.conversations.first_in_person'),
  (value) => value,
);

const SECTION_91 = OFFICIAL_RULES.entries('focus.offers.section_91_recipients');

/** From this day § 91 offers count only for some recipients (v2023). */
export const SECTION_91_RULE_DAY = firstDayWhere(SECTION_91, (value) => value !== null);

/** The recipients § 91 offers count for after {@link SECTION_91_RULE_DAY}. */
export const SECTION_91_RECIPIENTS: ReadonlySet<BenefitType> = new Set(
  SECTION_91.find((entry) => entry.value !== null)?.value ?? [],
);

const COVID_START = COVID_DEAD_DAYS[0]?.[0] ?? 0;
/** End of the era of remote conversations (modelling assumption: mid 2021). */
const REMOTE_ERA_END = dayNumberOf(2021, 6, 30);
/** Offers were suspended in the first lockdown (modelling assumption). */
export const OFFER_SUSPENSION: readonly [DayNumber, DayNumber] = [
  dayNumberOf(2020, 3, 12),
  dayNumberOf(2020, 5, 31),
];

const SICKNESS: ReadonlySet<BenefitType> = new Set(['sygedagpenge', 'jobafklaring']);

/** Days until the next counted conversation. */
export function conversationInterval(
  random: SeededRandom,
  type: BenefitType,
  early: boolean,
  neglected: boolean,
): number {
  if (!early)
    return neglected
      ? uniformInteger(random, 125, 210)
      : SICKNESS.has(type)
        ? uniformInteger(random, 28, 56)
        : uniformInteger(random, 50, 92);
  const [low, high] = SICKNESS.has(type)
    ? [14, 28]
    : type === 'dagpenge'
      ? [14, 35]
      : type === 'ledighedsydelse' || type === 'revalidering'
        ? [30, 60]
        : [18, 38];
  const factor = neglected ? 3.5 : 1;
  return uniformInteger(random, Math.round(low * factor), Math.round(high * factor));
}

/** Days from the start of a spell to its first conversation. */
export function firstConversationDelay(random: SeededRandom, neglected: boolean): number {
  return neglected ? uniformInteger(random, 20, 90) : uniformInteger(random, 3, 21);
}

/**
 * Days between conversations of kind `other`, which never count: the
 * unemployment fund's availability and CV talks for dagpenge, the
 * coordinating caseworker's meetings in jobafklaring and ressourceforløb,
 * information and group meetings for the rest.
 */
export function otherConversationInterval(random: SeededRandom, type: BenefitType): number {
  switch (type) {
    case 'dagpenge':
      return uniformInteger(random, 30, 90);
    case 'jobafklaring':
    case 'ressourceforloeb':
      return uniformInteger(random, 21, 60);
    case 'sygedagpenge':
      return uniformInteger(random, 30, 100);
    default:
      return uniformInteger(random, 30, 90);
  }
}

/** The kind of a counted conversation for a recipient of `type`. */
export function conversationKind(random: SeededRandom, type: BenefitType): ConversationKind {
  if (type === 'sygedagpenge') return 'sygeopfoelgning';
  if (type === 'jobafklaring') return random.chance(0.6) ? 'sygeopfoelgning' : 'jobsamtale';
  return 'jobsamtale';
}

/** Who holds the conversation: unemployment funds hold part of the dagpenge conversations. */
export function conversationHolder(
  random: SeededRandom,
  type: BenefitType,
  kind: ConversationKind,
  early: boolean,
): ConversationHolder {
  if (type !== 'dagpenge' || kind === 'sygeopfoelgning') return 'jobcenter';
  const share = kind === 'other' ? 0.5 : early ? 0.45 : 0.15;
  return random.chance(share) ? 'akasse' : 'jobcenter';
}

/**
 * The form of a conversation on `day`. A first job conversation after the
 * in-person rule is held by phone or digitally with probability
 * `phoneFirstShare` (the municipality's non-compliance).
 */
export function conversationForm(
  random: SeededRandom,
  day: DayNumber,
  firstJobConversation: boolean,
  phoneFirstShare: number,
): ConversationForm {
  if (firstJobConversation && day >= FIRST_IN_PERSON_RULE_DAY) {
    if (!random.chance(phoneFirstShare)) return 'personligt';
    return random.chance(0.7) ? 'telefon' : 'digitalt';
  }
  const weights: readonly (readonly [ConversationForm, number])[] =
    day < COVID_START
      ? [
          ['personligt', 0.88],
          ['telefon', 0.09],
          ['digitalt', 0.03],
        ]
      : day <= REMOTE_ERA_END
        ? [
            ['personligt', 0.12],
            ['telefon', 0.58],
            ['digitalt', 0.3],
          ]
        : day < FIRST_IN_PERSON_RULE_DAY
          ? [
              ['personligt', 0.65],
              ['telefon', 0.22],
              ['digitalt', 0.13],
            ]
          : [
              ['personligt', 0.6],
              ['telefon', 0.25],
              ['digitalt', 0.15],
            ];
  return weightedChoice(random, weights);
}

/** Offer types that count towards the offers goal (all but `other`). */
export const COUNTED_OFFER_TYPES: ReadonlySet<OfferType> = new Set([
  'virksomhedspraktik',
  'loentilskud',
  'nytteindsats',
  'vejledning_opkvalificering',
  'oevrig_vejledning_opkvalificering',
]);

/**
 * The type of an offer to a recipient of `type`. `section91Share` is the
 * weight of § 91 øvrig vejledning og opkvalificering for recipients other
 * than uddannelseshjælp and selvforsørgelse.
 */
export function offerType(
  random: SeededRandom,
  type: BenefitType,
  section91Share: number,
): OfferType {
  const youngOrIntegration = type === 'uddannelseshjaelp' || type === 'selvforsoergelse';
  const section91 = youngOrIntegration ? 0.3 : section91Share;
  const rest = 1 - section91 - 0.06;
  const base: Record<string, readonly (readonly [OfferType, number])[]> = {
    dagpenge: [
      ['virksomhedspraktik', 0.3],
      ['loentilskud', 0.3],
      ['vejledning_opkvalificering', 0.4],
    ],
    sickness: [
      ['virksomhedspraktik', 0.7],
      ['vejledning_opkvalificering', 0.3],
    ],
    municipal: [
      ['virksomhedspraktik', 0.45],
      ['nytteindsats', 0.2],
      ['loentilskud', 0.1],
      ['vejledning_opkvalificering', 0.25],
    ],
    revalidering: [
      ['vejledning_opkvalificering', 0.75],
      ['virksomhedspraktik', 0.25],
    ],
  };
  const group =
    type === 'dagpenge'
      ? 'dagpenge'
      : SICKNESS.has(type)
        ? 'sickness'
        : type === 'revalidering'
          ? 'revalidering'
          : 'municipal';
  const weights: (readonly [OfferType, number])[] = (base[group] ?? []).map(
    ([offer, weight]) => [offer, weight * rest] as const,
  );
  weights.push([
    'oevrig_vejledning_opkvalificering',
    type === 'dagpenge' ? section91 * 0.3 : section91,
  ]);
  weights.push(['other', 0.06]);
  return weightedChoice(random, weights);
}

/** Length of an offer in days. */
export function offerLength(random: SeededRandom, type: OfferType): number {
  switch (type) {
    case 'virksomhedspraktik':
    case 'nytteindsats':
      return uniformInteger(random, 28, 91);
    case 'loentilskud':
      return uniformInteger(random, 90, 365);
    case 'vejledning_opkvalificering':
      return uniformInteger(random, 7, 182);
    case 'oevrig_vejledning_opkvalificering':
      return uniformInteger(random, 14, 182);
    case 'other':
      return uniformInteger(random, 7, 56);
  }
}

/** Days from the start of a spell to its first offer. */
export function firstOfferDelay(random: SeededRandom, neglected: boolean): number {
  return neglected ? uniformInteger(random, 400, 700) : uniformInteger(random, 60, 170);
}

/** Days from the end of an offer to the start of the next. */
export function nextOfferGap(random: SeededRandom, neglected: boolean): number {
  return neglected ? uniformInteger(random, 500, 900) : uniformInteger(random, 60, 240);
}

/** Chance per month on benefit of starting a stint of part-time ordinary work. */
export const WORK_START_CHANCE: Readonly<Record<BenefitType, number>> = {
  dagpenge: 0.1,
  sygedagpenge: 0.02,
  jobafklaring: 0.015,
  selvforsoergelse: 0.02,
  uddannelseshjaelp: 0.05,
  kontanthjaelp: 0.025,
  revalidering: 0.02,
  ressourceforloeb: 0.015,
  ledighedsydelse: 0.01,
};

/** Monthly hours of a part-time stint, in tenths of an hour (small, medium or large). */
export function stintHoursTenths(random: SeededRandom): number {
  const size = random.next();
  if (size < 0.45) return uniformInteger(random, 40, 140);
  if (size < 0.8) return uniformInteger(random, 150, 300);
  return uniformInteger(random, 350, 1100);
}

/** Chance that a person leaving benefits has ordinary work in the following months. */
export const WORK_AFTER_EXIT_CHANCE = 0.6;
