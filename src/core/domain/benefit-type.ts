/**
 * The benefit types covered by the annual assessment, bek. nr. 301 af
 * 20/03/2023 § 2, stk. 2 (bek. nr. 1409 af 16/12/2019 § 2, stk. 2 likewise),
 * and the benefit groups they are reported in (measures.md § 1).
 *
 * The order of {@link BENEFIT_TYPES} is fixed: stored loads encode a benefit
 * type as its index in this list.
 */

export const BENEFIT_TYPES = [
  'dagpenge',
  'sygedagpenge',
  'jobafklaring',
  'selvforsoergelse',
  'uddannelseshjaelp',
  'kontanthjaelp',
  'revalidering',
  'ressourceforloeb',
  'ledighedsydelse',
] as const;

export type BenefitType = (typeof BENEFIT_TYPES)[number];

export const BENEFIT_GROUPS = ['a_dagpenge', 'sygedagpenge_mv', 'kontanthjaelp_mv'] as const;

export type BenefitGroup = (typeof BENEFIT_GROUPS)[number];

export const BENEFIT_GROUP_OF: Readonly<Record<BenefitType, BenefitGroup>> = {
  dagpenge: 'a_dagpenge',
  sygedagpenge: 'sygedagpenge_mv',
  jobafklaring: 'sygedagpenge_mv',
  selvforsoergelse: 'kontanthjaelp_mv',
  uddannelseshjaelp: 'kontanthjaelp_mv',
  kontanthjaelp: 'kontanthjaelp_mv',
  revalidering: 'kontanthjaelp_mv',
  ressourceforloeb: 'kontanthjaelp_mv',
  ledighedsydelse: 'kontanthjaelp_mv',
};

/** User-facing Danish names. */
export const BENEFIT_TYPE_LABELS: Readonly<Record<BenefitType, string>> = {
  dagpenge: 'Arbejdsløshedsdagpenge',
  sygedagpenge: 'Sygedagpenge',
  jobafklaring: 'Ressourceforløbsydelse under jobafklaringsforløb',
  selvforsoergelse: 'Selvforsørgelses- og hjemrejseydelse, overgangsydelse',
  uddannelseshjaelp: 'Uddannelseshjælp',
  kontanthjaelp: 'Kontanthjælp',
  revalidering: 'Revalideringsydelse',
  ressourceforloeb: 'Ressourceforløbsydelse under ressourceforløb',
  ledighedsydelse: 'Ledighedsydelse',
};

export const BENEFIT_GROUP_LABELS: Readonly<Record<BenefitGroup, string>> = {
  a_dagpenge: 'A-dagpenge mv.',
  sygedagpenge_mv: 'Sygedagpenge mv.',
  kontanthjaelp_mv: 'Kontanthjælp mv.',
};

export function isBenefitType(value: string): value is BenefitType {
  return (BENEFIT_TYPES as readonly string[]).includes(value);
}

export function isBenefitGroup(value: string): value is BenefitGroup {
  return (BENEFIT_GROUPS as readonly string[]).includes(value);
}
