/**
 * The benefits listed in § 2, stk. 2 — the unit of the sample case review.
 *
 * Bek. nr. 1409 § 8, stk. 1 (vejledningen): the review covers "personsager
 * fra hver af de i § 2, stk. 2, nævnte ydelsesgrupper", and stk. 2 samples
 * "15 pct. af sagerne i hver ydelsesgruppe […] dog minimum 20 sager fra hver
 * ydelsesgruppe". § 2, stk. 2 lists eight benefits; nr. 7 is one:
 * "Ressourceforløbsydelse under ressourceforløb eller jobafklaring" (bek.
 * nr. 301 § 2, stk. 2, nr. 7; seed 004 likewise). The measures (measures.md
 * § 1) split it into `jobafklaring` and `ressourceforloeb`; for the sample
 * they form one listed benefit. (These "ydelsesgrupper" are not the three
 * benefit groups of Jobindsats, `BENEFIT_GROUPS`.)
 */
import type { BenefitType } from '../domain/benefit-type.js';

/** In the order of § 2, stk. 2, nr. 1–8. */
export const LISTED_BENEFITS = [
  'dagpenge',
  'sygedagpenge',
  'selvforsoergelse',
  'uddannelseshjaelp',
  'kontanthjaelp',
  'revalidering',
  'ressourceforloebsydelse',
  'ledighedsydelse',
] as const;

export type ListedBenefit = (typeof LISTED_BENEFITS)[number];

export const LISTED_BENEFIT_OF: Readonly<Record<BenefitType, ListedBenefit>> = {
  dagpenge: 'dagpenge',
  sygedagpenge: 'sygedagpenge',
  jobafklaring: 'ressourceforloebsydelse',
  selvforsoergelse: 'selvforsoergelse',
  uddannelseshjaelp: 'uddannelseshjaelp',
  kontanthjaelp: 'kontanthjaelp',
  revalidering: 'revalidering',
  ressourceforloeb: 'ressourceforloebsydelse',
  ledighedsydelse: 'ledighedsydelse',
};

/** The benefit types (measure scopes) that make up a listed benefit. */
export function benefitTypesOf(listed: ListedBenefit): BenefitType[] {
  return (Object.keys(LISTED_BENEFIT_OF) as BenefitType[]).filter(
    (type) => LISTED_BENEFIT_OF[type] === listed,
  );
}

export function isListedBenefit(value: string): value is ListedBenefit {
  return (LISTED_BENEFITS as readonly string[]).includes(value);
}

export const LISTED_BENEFIT_LABELS: Readonly<Record<ListedBenefit, string>> = {
  dagpenge: 'Arbejdsløshedsdagpenge',
  sygedagpenge: 'Sygedagpenge',
  selvforsoergelse: 'Selvforsørgelses- og hjemrejseydelse, overgangsydelse',
  uddannelseshjaelp: 'Uddannelseshjælp',
  kontanthjaelp: 'Kontanthjælp',
  revalidering: 'Revalideringsydelse',
  ressourceforloebsydelse: 'Ressourceforløbsydelse (ressourceforløb eller jobafklaring)',
  ledighedsydelse: 'Ledighedsydelse',
};
