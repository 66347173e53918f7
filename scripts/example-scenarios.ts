/**
 * The named scenario municipalities of the example aggregates
 * (examples/aggregates/): their focus measures and result-goal differences
 * year by year, and the decisions the law gives for them. The generator
 * (make-example-aggregates.ts) writes the files and the README from this
 * list; the CLI test runs the whole example and checks every decision.
 *
 * The figures are invented: they do not describe the real municipalities.
 */
import type { BenefitType } from '../src/core/domain/benefit-type.js';
import type { DecisionKind } from '../src/core/domain/supervision.js';

/** Passive per 1000 in the target group, every month of the year. */
export interface ScenarioYear {
  readonly offers: number;
  readonly conversations: number;
  /** Actual minus expected full-time persons, in percent of the expected count. */
  readonly resultPercent?: number;
  /** Actual minus expected full-time persons, as a count (overrides resultPercent). */
  readonly resultPersons?: number;
}

export interface Scenario {
  readonly code: number;
  readonly title: string;
  readonly story: string;
  /** 2019 … 2025. */
  readonly years: Readonly<Record<number, ScenarioYear>>;
  /** The decision of each assessment year 2020 … 2025. */
  readonly decisions: Readonly<Record<number, DecisionKind>>;
}

export const EXAMPLE_FIRST_YEAR = 2019;
export const EXAMPLE_LAST_YEAR = 2025;

const steady = (offers: number, conversations: number, resultPercent: number): ScenarioYear => ({
  offers,
  conversations,
  resultPercent,
});

/**
 * Lolland's conversations goal is given per benefit type (scope column), so
 * that the 2019 § 8 case sample can find the types that missed it. Per-type
 * share of the target group (per 1000) and the passive share per type in
 * 2021 (per 1000); other years scale the passive shares.
 */
export const PER_TYPE_MUNICIPALITY = 360;
export const PER_TYPE_WEIGHTS: Readonly<Record<BenefitType, number>> = {
  dagpenge: 200,
  sygedagpenge: 150,
  jobafklaring: 50,
  selvforsoergelse: 50,
  uddannelseshjaelp: 100,
  kontanthjaelp: 250,
  revalidering: 30,
  ressourceforloeb: 120,
  ledighedsydelse: 50,
};
export const PER_TYPE_CONVERSATIONS_2021: Readonly<Record<BenefitType, number>> = {
  dagpenge: 300,
  sygedagpenge: 150,
  jobafklaring: 150,
  selvforsoergelse: 300,
  uddannelseshjaelp: 350,
  kontanthjaelp: 380,
  revalidering: 100,
  ressourceforloeb: 190,
  ledighedsydelse: 150,
};
/** Factor on the 2021 per-type conversations shares, by year. */
export const PER_TYPE_FACTOR: Readonly<Record<number, number>> = {
  2019: 0.55,
  2020: 0.6,
  2021: 1,
  2022: 0.6,
  2023: 0.55,
  2024: 0.55,
  2025: 0.55,
};

export const SCENARIOS: readonly Scenario[] = [
  {
    code: 360,
    title: 'Udvalgt 2021, ophør 2022 (med stikprøve efter 2019-reglerne)',
    story:
      'Misser resultatmålet og samtalemålet i 2021 (27,0 %) og udvælges i april 2022 under bek. nr. 564 (2019-reglernes §§, med stikprøvegennemgang efter § 8). Samtaler under 20 % i 2022: tilsynet ophører (2019 § 11). Samtalemålet er opgjort pr. ydelsestype, og examples/case-sample/ har målgruppen pr. 31. december 2021 til stikprøven.',
    years: {
      2019: steady(180, 0, 2),
      2020: steady(180, 0, 2),
      2021: steady(180, 0, 3),
      2022: steady(180, 0, 3),
      2023: steady(220, 0, 2),
      2024: steady(220, 0, 2),
      2025: steady(220, 0, 2),
    },
    decisions: {
      2020: 'stays_out',
      2021: 'selected',
      2022: 'supervision_ends',
      2023: 'stays_out',
      2024: 'stays_out',
      2025: 'stays_out',
    },
  },
  {
    code: 376,
    title: 'Udvalgt 2021, forlænget 2022, ophør 2023',
    story:
      'Samtaler 30 % i 2021: udvalgt. 24 % i 2022: påkrævet fremgang 10 point, opnået 6 ≥ 5: genopretningsperioden forlænges til 31. december 2023 (bek. nr. 301 § 11). 18 % i 2023: tilsynet ophører efter forlængelsesbestemmelsen (§ 11, 2. pkt.).',
    years: {
      2019: steady(150, 180, 2),
      2020: steady(150, 190, 2),
      2021: steady(150, 300, 2),
      2022: steady(150, 240, 2),
      2023: steady(220, 180, 2),
      2024: steady(150, 150, 2),
      2025: steady(150, 150, 2),
    },
    decisions: {
      2020: 'stays_out',
      2021: 'selected',
      2022: 'extended',
      2023: 'supervision_ends',
      2024: 'stays_out',
      2025: 'stays_out',
    },
  },
  {
    code: 430,
    title: 'Udvalgt 2021, forlænget 2022, administration 2023, administration ophører 2024',
    story:
      'Samtaler 32 % i 2021: udvalgt. 25 % i 2022: opnået 7 af 12 point (≥ 6): forlænget. 23 % i 2023 efter forlængelsen: sættes under administration (§ 12) med minimumskrav fra 1. maj 2024 og gennemgang af alle passivsager. 19 % og tilbud 25 % (< 30 %) i 2024: administrationen ophører (§ 13).',
    years: {
      2019: steady(150, 180, 1.5),
      2020: steady(150, 190, 1.5),
      2021: steady(150, 320, 1.5),
      2022: steady(150, 250, 1.5),
      2023: steady(150, 230, 1.5),
      2024: steady(250, 190, 1.5),
      2025: steady(200, 170, 1.5),
    },
    decisions: {
      2020: 'stays_out',
      2021: 'selected',
      2022: 'extended',
      2023: 'administration',
      2024: 'administration_ends',
      2025: 'stays_out',
    },
  },
  {
    code: 330,
    title: 'Udvalgt 2022, administration 2023 (under halvdelen), fortsat 2024, ophører 2025',
    story:
      'Samtaler 28 % i 2022: udvalgt under bek. nr. 301 (ingen stikprøve). 26 % i 2023: opnået 2 af de 4 point, der kræves for forlængelse: administration. 24 % i 2024: administrationen fortsætter med en ny gennemgang af alle passivsager. 18 % og tilbud 25 % i 2025: administrationen ophører.',
    years: {
      2019: steady(150, 170, 2),
      2020: steady(150, 180, 2),
      2021: steady(150, 190, 2),
      2022: steady(150, 280, 2),
      2023: steady(150, 260, 2),
      2024: steady(150, 240, 2),
      2025: steady(250, 180, 2),
    },
    decisions: {
      2020: 'stays_out',
      2021: 'stays_out',
      2022: 'selected',
      2023: 'administration',
      2024: 'administration_continues',
      2025: 'administration_ends',
    },
  },
  {
    code: 461,
    title:
      'Misser kun tilbudsmålet: ikke udvalgt 2021–2022, udvalgt 2023, forlænget 2024, ophør 2025',
    story:
      'Tilbud 26 % i 2021 og 34 % i 2022 (samtaler 15 %) og resultatmålet misset, men tilbudsmålet kan ikke begrunde en afgørelse før opgørelsen af 2023 (COVID-19, bek. nr. 564). Tilbud 36 % i 2023: udvalgt. 32 % i 2024: påkrævet fremgang 6 point, opnået 4 ≥ 3: forlænget. 28 % i 2025: ophør.',
    years: {
      2019: steady(180, 150, 2),
      2020: steady(200, 150, 2),
      2021: steady(260, 150, 2),
      2022: steady(340, 150, 2),
      2023: steady(360, 150, 2),
      2024: steady(320, 150, 2),
      2025: steady(280, 150, 2),
    },
    decisions: {
      2020: 'stays_out',
      2021: 'stays_out',
      2022: 'stays_out',
      2023: 'selected',
      2024: 'extended',
      2025: 'supervision_ends',
    },
  },
  {
    code: 183,
    title: 'På grænsen: 3 fuldtidspersoner over det forventede, udvalgt 2024, ophør 2025',
    story:
      'Den faktiske ydelsesgrad ligger hvert år 3 fuldtidspersoner over den forventede: forskellen afrundes til 0 (tiere), men resultatmålet er ikke opfyldt (uafrundet sammenligning). Samtaler 22 % i 2024: udvalgt. Risikobilledet for 2024-12 nævner kommunen som "på grænsen".',
    years: {
      2019: { offers: 150, conversations: 150, resultPersons: 3 },
      2020: { offers: 150, conversations: 150, resultPersons: 3 },
      2021: { offers: 150, conversations: 150, resultPersons: 3 },
      2022: { offers: 150, conversations: 150, resultPersons: 3 },
      2023: { offers: 150, conversations: 150, resultPersons: 3 },
      2024: { offers: 150, conversations: 220, resultPersons: 3 },
      2025: { offers: 150, conversations: 160, resultPersons: 3 },
    },
    decisions: {
      2020: 'stays_out',
      2021: 'stays_out',
      2022: 'stays_out',
      2023: 'stays_out',
      2024: 'selected',
      2025: 'supervision_ends',
    },
  },
  {
    code: 165,
    title: 'Ville være udvalgt på 2020, men ingen udvælgelse på opgørelsen af 2020 (COVID-19)',
    story:
      'Samtaler 30 % og tilbud 25 % i 2020 og resultatmålet misset: ingen udvælgelse på opgørelsen af 2020 (bek. nr. 564). Samtaler 15 % i 2021: ikke udvalgt.',
    years: {
      2019: steady(150, 250, 2),
      2020: steady(250, 300, 2),
      2021: steady(150, 150, 2),
      2022: steady(150, 150, 2),
      2023: steady(150, 150, 2),
      2024: steady(150, 150, 2),
      2025: steady(150, 150, 2),
    },
    decisions: {
      2020: 'stays_out',
      2021: 'stays_out',
      2022: 'stays_out',
      2023: 'stays_out',
      2024: 'stays_out',
      2025: 'stays_out',
    },
  },
  {
    code: 153,
    title:
      'Samtaler præcis 20,0 % i 2021: målet er ikke opfyldt ("mindre end"), udvalgt; ophør 2022',
    story:
      'En passivandel på præcis grænseværdien opfylder ikke fokusmålet, som kræver "mindre end 20 pct.". Udvalgt 2021, samtaler 16 % i 2022: ophør.',
    years: {
      2019: steady(150, 150, 1),
      2020: steady(150, 150, 1),
      2021: steady(150, 200, 1),
      2022: steady(150, 160, 1),
      2023: steady(150, 150, 1),
      2024: steady(150, 150, 1),
      2025: steady(150, 150, 1),
    },
    decisions: {
      2020: 'stays_out',
      2021: 'selected',
      2022: 'supervision_ends',
      2023: 'stays_out',
      2024: 'stays_out',
      2025: 'stays_out',
    },
  },
  {
    code: 751,
    title: 'Faktisk ydelsesgrad lig med den forventede: resultatmålet er opfyldt, ingen udvælgelse',
    story:
      'Samtaler 25 % i 2023, men den faktiske ydelsesgrad er præcis den forventede (forskel 0): resultatmålet ("ikke må overstige") er opfyldt, og kommunen udvælges ikke.',
    years: {
      2019: steady(150, 150, 0),
      2020: steady(150, 150, 0),
      2021: steady(150, 150, 0),
      2022: steady(150, 150, 0),
      2023: steady(150, 250, 0),
      2024: steady(150, 150, 0),
      2025: steady(150, 150, 0),
    },
    decisions: {
      2020: 'stays_out',
      2021: 'stays_out',
      2022: 'stays_out',
      2023: 'stays_out',
      2024: 'stays_out',
      2025: 'stays_out',
    },
  },
];
