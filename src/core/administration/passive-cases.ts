/**
 * The review of all passive cases under administration (bek. nr. 301 af
 * 20/03/2023 § 12, stk. 1, nr. 2 and stk. 2; bek. nr. 1409 af 16/12/2019
 * § 13): "Kommunen skal hvert år få foretaget en uvildig gennemgang af sager
 * for de ydelsesgrupper, jf. § 2, stk. 2, hvor kommunen fortsat ikke lever
 * op til de fastsatte fokusmål. Sagsgennemgangen skal omfatte alle sager,
 * hvor fokusmålenes minimumskrav til indsats, jf. § 5, ikke er opfyldt ved
 * udgangen af december måned i opgørelsesåret."
 *
 * Precisely (the project's reading, shared with the § 8 sample,
 * `case-sample/missed-benefits.ts`):
 *
 * - the benefit groups ("ydelsesgrupper, jf. § 2, stk. 2") are the eight
 *   benefits of § 2, stk. 2 (`LISTED_BENEFITS`; ressourceforløbsydelse under
 *   ressourceforløb or jobafklaring is one);
 * - the goals "not met" are the focus goals that can ground a decision at
 *   the assessment of the year and that the municipality as a whole misses
 *   (its December focus measure, scope `all`);
 * - a benefit group is reviewed when its own December focus measure misses
 *   one of those goals;
 * - in a reviewed group every case counts where a demand of § 5 was not met
 *   at 31 December: fewer than 4 counted conversations in the last 12 months
 *   of the spell (nr. 2), or neither a counted offer nor the hours of
 *   ordinary work of the offers goal (nr. 1) — "what was missing" is the
 *   offer, the conversations, or both. (The guidance's example says "mindst
 *   1 tilbud og 4 samtaler"; § 5 itself, which the order cites, lets the
 *   hours stand in for an offer, and so does this list: it is the passive
 *   count of the December measures, person by person.)
 *
 * The list is personal data: each case is named by the load's pseudonymised
 * person id, never a CPR number.
 */
import type { DayNumber } from '../calendar/day-number.js';
import { fromDayNumber, isoDateOf, type IsoDate } from '../calendar/iso-date.js';
import type { BenefitType } from '../domain/benefit-type.js';
import type { FocusGoal } from '../domain/focus-goal.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import type { MissedBenefit } from '../case-sample/missed-benefits.js';
import {
  LISTED_BENEFITS,
  LISTED_BENEFIT_OF,
  type ListedBenefit,
} from '../case-sample/listed-benefit.js';
import type { TargetGroupMember } from '../measures/target-group-persons.js';
import { decisionBasis } from '../rules/decision-basis.js';
import type { LegalSource } from '../rules/legal-source.js';
import type { RulesInForce } from '../rules/rules-in-force.js';

/** What a case lacked at 31 December. */
export type MissingDemand = 'offer' | 'conversations' | 'both';

export interface PassiveCase {
  /** The load's pseudonymised person id. */
  readonly personId: string;
  readonly benefit: BenefitType;
  readonly listedBenefit: ListedBenefit;
  readonly spellStart: IsoDate;
  /** Countable days of the spell at 31 December. */
  readonly spellDays: number;
  /** Whole months of the spell at 31 December: countable days × 12 / 365, rounded down. */
  readonly monthsInSpell: number;
  readonly missing: MissingDemand;
  /** The start of the latest counted offer on or before 31 December; `undefined`: none. */
  readonly lastOffer: IsoDate | undefined;
  /** Counted conversations in the last 12 months of the spell. */
  readonly conversations: number;
  /** Hours of ordinary work in the same months (the offers goal's alternative). */
  readonly hours: number;
}

export interface PassiveCaseList {
  readonly municipality: MunicipalityCode;
  /** The assessment year; the cases are those of 31 December of it. */
  readonly year: number;
  readonly referenceDate: IsoDate;
  /** The rules of the assessment of `year` (in force 1 April the year after). */
  readonly ruleVersion: string;
  /** The § that requires the review (§ 12, stk. 1, nr. 2; 2019: § 13). */
  readonly legalBasis: LegalSource;
  /** The § that sets the deadline for its result (§ 12, stk. 2). */
  readonly resultDue: LegalSource;
  /** The goals the municipality misses at the assessment (that can ground a decision). */
  readonly goalsMissed: readonly FocusGoal[];
  /** The benefit groups reviewed, with the goals each misses. */
  readonly groups: readonly MissedBenefit[];
  /** In the order of § 2, stk. 2, then by person id. */
  readonly cases: readonly PassiveCase[];
  readonly counts: Readonly<Record<MissingDemand, number>>;
}

export interface PassiveCaseRequest {
  readonly municipality: MunicipalityCode;
  readonly year: number;
  /** `rulesForAssessment(book, year)`. */
  readonly rules: RulesInForce;
  readonly goalsMissed: readonly FocusGoal[];
  readonly groups: readonly MissedBenefit[];
  /** The municipality's target group at 31 December of `year`. */
  readonly members: readonly TargetGroupMember[];
  /** The pseudonymised id of a member (`member.person` is the load's person_key). */
  readonly personIdOf: (person: number) => string;
}

/** Whole months of a duration in countable days (365 countable days are 12 months). */
export function monthsOfDuration(countableDays: number): number {
  return Math.floor((countableDays * 12) / 365);
}

function missingOf(member: TargetGroupMember): MissingDemand | undefined {
  if (member.passiveForOffers && member.passiveForConversations) return 'both';
  if (member.passiveForOffers) return 'offer';
  if (member.passiveForConversations) return 'conversations';
  return undefined;
}

const day = (value: DayNumber): IsoDate => fromDayNumber(value);

/** The cases of the review: every passive member of a reviewed group. */
export function passiveCaseList(request: PassiveCaseRequest): PassiveCaseList {
  const { municipality, year, rules, members } = request;
  const reviewed = new Set(request.groups.map((group) => group.benefit));
  const cases: PassiveCase[] = [];
  for (const member of members) {
    if (member.municipality !== municipality) continue;
    const listedBenefit = LISTED_BENEFIT_OF[member.benefit];
    if (!reviewed.has(listedBenefit)) continue;
    const missing = missingOf(member);
    if (missing === undefined) continue;
    cases.push({
      personId: request.personIdOf(member.person),
      benefit: member.benefit,
      listedBenefit,
      spellStart: day(member.spellStart),
      spellDays: member.countableDays,
      monthsInSpell: monthsOfDuration(member.countableDays),
      missing,
      lastOffer:
        member.lastCountedOfferStart === undefined ? undefined : day(member.lastCountedOfferStart),
      conversations: member.conversations,
      hours: member.hours,
    });
  }
  const order = (benefit: ListedBenefit) => LISTED_BENEFITS.indexOf(benefit);
  cases.sort(
    (a, b) =>
      order(a.listedBenefit) - order(b.listedBenefit) ||
      (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
  );
  const counts: Record<MissingDemand, number> = { offer: 0, conversations: 0, both: 0 };
  for (const entry of cases) counts[entry.missing] += 1;
  const legalBasis = decisionBasis(rules, 'passive_case_review');
  if (legalBasis === undefined)
    throw new Error(`No review of all passive cases under the rules of ${rules.version.id}`);
  return {
    municipality,
    year,
    referenceDate: isoDateOf(year, 12, 31),
    ruleVersion: rules.version.id,
    legalBasis,
    resultDue: rules.entry('deadlines.case_review_due_months').source,
    goalsMissed: request.goalsMissed,
    groups: request.groups,
    cases,
    counts,
  };
}
