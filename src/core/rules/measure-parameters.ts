/**
 * The parameters of the measurement engine (measures.md M1–M13), as dated
 * parameters with their source. Where the law gives the value, the source
 * quotes it; where the value is the project's reading of measures.md, the
 * source is the project's specification and its `note` says so.
 *
 * The thresholds of the focus goals (hours, conversations, the in-person
 * first conversation, the § 91 recipients), the COVID-19 dead period and the
 * months left out of the averages live in `focus-goal-parameters.ts` and
 * `transitional-parameters.ts`; they are not repeated here.
 */
import { isoDate } from '../calendar/iso-date.js';
import type { BenefitType } from '../domain/benefit-type.js';
import type { ConversationKind, ExemptionReason, OfferType } from '../domain/events.js';
import { defineParameter, type Parameter } from './dated-parameter.js';
import {
  BEK_1409_2019,
  BEK_301_2023,
  STAR_BREV_2021,
  type LegalInstrument,
} from './legal-source.js';

const V2019 = isoDate('2020-01-01');
const V2023 = isoDate('2023-03-22');

/** The project's own specification of the measures, for values the law leaves open. */
export const TILSYN_MEASURES_SPEC = {
  id: 'tilsyn-measures-spec',
  citation: 'tilsyn, specifikation af målingerne (measures.md)',
  title: 'Projektets specifikation af målingerne',
} as const satisfies LegalInstrument;

/** The project's regime specification (regime.md), for agency practice with no seed source. */
export const TILSYN_REGIME_SPEC = {
  id: 'tilsyn-regime-spec',
  citation: 'tilsyn, specifikation af ordningen (regime.md)',
  title: 'Projektets specifikation af ordningen',
} as const satisfies LegalInstrument;

/** How long a gap between two consecutive periods may be for them to form one spell. */
export type SpellGapRule =
  | { readonly kind: 'max_gap_days'; readonly days: number }
  | { readonly kind: 'no_whole_calendar_month' };

/**
 * M1 — consecutive periods of the same benefit type join into one spell when
 * the gap between them (days strictly between them) satisfies the rule of the
 * type: dagpenge at most 365 days (accumulated unemployment), sygedagpenge
 * and jobafklaring no gap, the municipal benefits no whole calendar month.
 *
 * Bek. nr. 301, vejledningen til § 5: "Opgørelsen af ydelsesvarighed i
 * målingerne følger de principper om optælling af periode for afgivelse af
 * samtaler og tilbud, som er forudsat i LAB, dog med enkelte tekniske
 * undtagelser." The gap lengths are the project's reading (measures.md M1).
 */
export const SPELL_GAP_RULES = defineParameter<Readonly<Record<BenefitType, SpellGapRule>>>(
  'spell_gap_rules',
  'M1: per benefit type, the longest gap between consecutive periods that keeps them in one spell.',
  [
    {
      from: V2019,
      value: {
        dagpenge: { kind: 'max_gap_days', days: 365 },
        sygedagpenge: { kind: 'max_gap_days', days: 0 },
        jobafklaring: { kind: 'max_gap_days', days: 0 },
        selvforsoergelse: { kind: 'no_whole_calendar_month' },
        uddannelseshjaelp: { kind: 'no_whole_calendar_month' },
        kontanthjaelp: { kind: 'no_whole_calendar_month' },
        revalidering: { kind: 'no_whole_calendar_month' },
        ressourceforloeb: { kind: 'no_whole_calendar_month' },
        ledighedsydelse: { kind: 'no_whole_calendar_month' },
      },
      source: {
        instrument: TILSYN_MEASURES_SPEC,
        paragraph: 'M1',
        quote:
          'Opgørelsen af ydelsesvarighed i målingerne følger de principper om optælling af periode for afgivelse af samtaler og tilbud, som er forudsat i LAB, dog med enkelte tekniske undtagelser.',
        note: 'Quote: vejledningen til bek. nr. 301 § 5. The gap lengths are the project reading of measures.md M1.',
      },
    },
  ],
);

/** A change of benefit type that continues the spell, with its duration (M2). */
export interface SpellContinuation {
  readonly from: BenefitType;
  readonly into: readonly BenefitType[];
  readonly gap: SpellGapRule;
}

/**
 * M2 — a change of type starts a new spell ("Ved ydelsesskift starter der
 * altså som udgangspunkt en ny periode for opgørelsen", vejledningen til
 * § 5), except a spell of selvforsørgelses- og hjemrejseydelse/overgangsydelse
 * that continues into uddannelseshjælp or kontanthjælp when the gap holds no
 * whole calendar month.
 */
export const SPELL_CONTINUATIONS = defineParameter<readonly SpellContinuation[]>(
  'spell_continuations',
  'M2: the changes of benefit type that continue a spell instead of starting a new one.',
  [
    {
      from: V2019,
      value: [
        {
          from: 'selvforsoergelse',
          into: ['uddannelseshjaelp', 'kontanthjaelp'],
          gap: { kind: 'no_whole_calendar_month' },
        },
      ],
      source: {
        instrument: TILSYN_MEASURES_SPEC,
        paragraph: 'M2',
        quote:
          'Et ydelsesskift medfører som hovedregel en ny situation for personen […] Ved ydelsesskift starter der altså som udgangspunkt en ny periode for opgørelsen.',
        note: 'Quote: vejledningen til bek. nr. 301 § 5 ("som udgangspunkt"). The exception is the project reading of measures.md M2.',
      },
    },
  ],
);

/**
 * M4 — exemption reasons whose days are dead: they do not count as duration.
 *
 * Vejledningen til bek. nr. 301 § 5: "Hvis personer i kontaktforløbet er
 * registreret med fritagelsesforholdet Opfølgning uden kontakt (standby
 * ordningen), tælles denne periode som en død periode […] Barsel tælles også
 * som død periode i opgørelserne."
 */
export const DEAD_EXEMPTION_REASONS = defineParameter<readonly ExemptionReason[]>(
  'dead_exemption_reasons',
  'M4: exemption reasons whose days do not count as spell duration (dead days).',
  [
    {
      from: V2019,
      value: ['standby', 'barsel'],
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 5',
        quote:
          'Hvis personer i kontaktforløbet er registreret med fritagelsesforholdet Opfølgning uden kontakt (standby ordningen), tælles denne periode som en død periode. […] Barsel tælles også som død periode i opgørelserne.',
        note: 'Vejledningen til § 5.',
      },
    },
    {
      from: V2023,
      value: ['standby', 'barsel'],
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 5',
        quote:
          'Hvis personer i kontaktforløbet er registreret med fritagelsesforholdet Opfølgning uden kontakt (standby ordningen), tælles denne periode som en død periode. […] Barsel tælles også som død periode i opgørelserne.',
        note: 'Vejledningen til § 5.',
      },
    },
  ],
);

/**
 * M5 — the target group holds persons whose spell has lasted at least this
 * many countable days at the reference date ("12 months").
 *
 * Bek. nr. 301 § 5, nr. 1 and 2: "som har haft et ydelsesforløb med en samlet
 * varighed på mindst 12 måneder".
 */
export const TARGET_GROUP_MINIMUM_DURATION_DAYS = defineParameter<number>(
  'target_group_minimum_duration_days',
  'M5: countable days of the spell at R needed to be in the target group of the focus goals.',
  [
    {
      from: V2019,
      value: 365,
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 5',
        quote: 'borgere med mindst 12 måneders anciennitet i ydelsessystemet',
        note: 'Vejledningen til § 5. 12 months read as 365 countable days (measures.md M5).',
      },
    },
    {
      from: V2023,
      value: 365,
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 5',
        nr: 1,
        quote: 'som har haft et ydelsesforløb med en samlet varighed på mindst 12 måneder',
        note: '12 months read as 365 countable days (measures.md M5).',
      },
    },
  ],
);

/**
 * The window of the focus goals: the last this-many countable days of the
 * spell up to R ("de seneste 12 måneder af ydelsesforløbet", § 5).
 */
export const FOCUS_WINDOW_COUNTABLE_DAYS = defineParameter<number>(
  'focus_window_countable_days',
  'The window [W, R]: the last this-many countable days of the spell.',
  [
    {
      from: V2019,
      value: 365,
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 5',
        nr: 1,
        quote:
          'som i de seneste 12 måneder af ydelsesforløbet ikke har modtaget mindst 1 beskæftigelsesrettet tilbud',
        note: '12 months read as 365 countable days (measures.md § 3).',
      },
    },
    {
      from: V2023,
      value: 365,
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 5',
        nr: 1,
        quote:
          'som i de seneste 12 måneder af ydelsesforløbet ikke har modtaget mindst et beskæftigelsesrettet tilbud',
        note: '12 months read as 365 countable days (measures.md § 3).',
      },
    },
  ],
);

/**
 * M6 — a person whose exempt days are at least this percentage of the spell's
 * countable days up to R leaves the count (exactly 50 % leaves).
 *
 * Vejledningen til § 5: "Personer, der har været fritaget mindst 50 pct. af
 * ydelsesforløbet, udgår af optællingen."
 */
export const EXEMPTION_EXCLUSION_PERCENT = defineParameter<number>(
  'exemption_exclusion_percent',
  'M6: exempt days at or above this percentage of the countable days up to R exclude the person.',
  [
    {
      from: V2019,
      value: 50,
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 5',
        quote:
          'Personer, der har været fritaget mindst 50 pct. af ydelsesforløbet, udgår af optællingen.',
        note: 'Vejledningen til § 5. Measured over the whole spell up to R, not only the window.',
      },
    },
    {
      from: V2023,
      value: 50,
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 5',
        quote:
          'Personer, der har været fritaget mindst 50 pct. af ydelsesforløbet, udgår af optællingen.',
        note: 'Vejledningen til § 5. Measured over the whole spell up to R, not only the window.',
      },
    },
  ],
);

/**
 * M7 — the kinds of conversation that count: individual job conversations
 * (LAB §§ 31–32, also those held by an unemployment fund) and sickness
 * follow-up conversations (SDP § 13 b).
 *
 * Bek. nr. 301 § 3, stk. 1: "Ved samtaler forstås i denne bekendtgørelse
 * individuelle jobsamtaler i kontaktforløbet, jf. §§ 31 og 32 i lov om en
 * aktiv beskæftigelsesindsats, samt sygeopfølgningssamtaler efter § 13 b i
 * lov om sygedagpenge."
 */
export const COUNTED_CONVERSATION_KINDS = defineParameter<readonly ConversationKind[]>(
  'counted_conversation_kinds',
  'M7: conversation kinds that count towards the conversations goal.',
  [
    {
      from: V2019,
      value: ['jobsamtale', 'sygeopfoelgning'],
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 3',
        stk: 1,
        quote:
          'Ved samtaler forstås i denne bekendtgørelse individuelle jobsamtaler i kontaktforløbet, jf. §§ 31 og 32 i lov om en aktiv beskæftigelsesindsats, samt sygeopfølgningssamtaler efter § 13 b i lov om sygedagpenge.',
      },
    },
    {
      from: V2023,
      value: ['jobsamtale', 'sygeopfoelgning'],
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 3',
        stk: 1,
        quote:
          'Ved samtaler forstås i denne bekendtgørelse individuelle jobsamtaler i kontaktforløbet, jf. §§ 31 og 32 i lov om en aktiv beskæftigelsesindsats, samt sygeopfølgningssamtaler efter § 13 b i lov om sygedagpenge.',
      },
    },
  ],
);

/**
 * M8 — the offer types that count: offers under LAB chapters 11–14. The LAB
 * § 91 offer ("øvrig vejledning og opkvalificering") is
 * `oevrig_vejledning_opkvalificering`; whom it counts for is
 * `SECTION_91_OFFER_RECIPIENTS`.
 *
 * Bek. nr. 301 § 3, stk. 2: "Ved beskæftigelsesrettet tilbud forstås i denne
 * bekendtgørelse et tilbud efter reglerne i kapitel 11-14 i lov om en aktiv
 * beskæftigelsesindsats".
 */
export const COUNTED_OFFER_TYPES = defineParameter<readonly OfferType[]>(
  'counted_offer_types',
  'M8: offer types that count towards the offers goal (LAB chapters 11–14).',
  [
    {
      from: V2019,
      value: [
        'virksomhedspraktik',
        'loentilskud',
        'nytteindsats',
        'vejledning_opkvalificering',
        'oevrig_vejledning_opkvalificering',
      ],
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 3',
        stk: 2,
        quote: 'tilbud efter reglerne i kapitel 11-14 i lov om en aktiv beskæftigelsesindsats',
      },
    },
    {
      from: V2023,
      value: [
        'virksomhedspraktik',
        'loentilskud',
        'nytteindsats',
        'vejledning_opkvalificering',
        'oevrig_vejledning_opkvalificering',
      ],
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 3',
        stk: 2,
        quote:
          'Ved beskæftigelsesrettet tilbud forstås i denne bekendtgørelse et tilbud efter reglerne i kapitel 11-14 i lov om en aktiv beskæftigelsesindsats',
      },
    },
  ],
);

/** The offer type that is LAB § 91 "øvrig vejledning og opkvalificering" (M8). */
export const SECTION_91_OFFER_TYPE: OfferType = 'oevrig_vejledning_opkvalificering';

/**
 * M9 — hours of ordinary work are counted in whole months, from the month of
 * W to the month of R, and to the hundredth of an hour (each month's hours
 * are rounded to 0.01 before they are added, so that sums are exact).
 */
export const WORK_HOURS_PRECISION = defineParameter<number>(
  'work_hours_precision',
  'M9: hours of ordinary work are rounded to this fraction of an hour before they are added.',
  [
    {
      from: V2019,
      value: 0.01,
      source: {
        instrument: TILSYN_MEASURES_SPEC,
        paragraph: 'M9',
        note: 'Project convention: eIndkomst reports hours with two decimals; rounding to 0.01 makes sums exact, so 99.99 hours is below 100 on every machine.',
      },
    },
  ],
);

/**
 * M11 — the benefit types whose spells the early effort follows (LAB §§ 31
 * and 102): dagpenge, kontanthjælp, uddannelseshjælp and
 * selvforsørgelses-/hjemrejse-/overgangsydelse.
 */
export const EARLY_EFFORT_BENEFIT_TYPES = defineParameter<readonly BenefitType[]>(
  'early_effort_benefit_types',
  'M11: benefit types whose spells are followed in their first 6 months (early effort).',
  [
    {
      from: V2019,
      value: ['dagpenge', 'selvforsoergelse', 'uddannelseshjaelp', 'kontanthjaelp'],
      source: {
        instrument: STAR_BREV_2021,
        paragraph: 'Opfølgning på den tidlige beskæftigelsesindsats',
        quote:
          'hvordan styrelsen fra juni følger op på lovkravene i den tidlige beskæftigelsesindsats, dvs. de første seks måneder af ledighedsforløbet, jf. §§ 31 og 102 i lov om en aktiv beskæftigelsesindsats',
        note: 'The benefit types are the project reading of measures.md M11.',
      },
    },
  ],
);

/** M12 — the requirements of the early effort. */
export interface EarlyEffortRequirements {
  /** The first 6 months of a spell, in countable days; the cohort month is the month this day is reached. */
  readonly periodDays: number;
  /** Job conversations required within the period. */
  readonly conversationsRequired: number;
  /** Whether the first job conversation must be held in person to count (as for the focus goal). */
  readonly firstConversationInPerson: boolean;
}

/**
 * M12 — at least 4 job conversations in the first 6 months of the spell, and
 * an offer starting within them.
 *
 * STAR, 4 May 2021: "STAR vil løbende følge op på kommunens overholdelse af
 * lovkravet om minimum fire samtaler i de første 6 måneder af
 * ledighedsperioden."
 */
export const EARLY_EFFORT_REQUIREMENTS = defineParameter<EarlyEffortRequirements>(
  'early_effort_requirements',
  'M12: conversations and offer required in the first 6 months (182 countable days) of a spell.',
  [
    {
      from: V2019,
      value: { periodDays: 182, conversationsRequired: 4, firstConversationInPerson: false },
      source: {
        instrument: STAR_BREV_2021,
        paragraph: 'Opfølgning på den tidlige beskæftigelsesindsats',
        quote:
          'STAR vil løbende følge op på kommunens overholdelse af lovkravet om minimum fire samtaler i de første 6 måneder af ledighedsperioden.',
        note: '6 months read as 182 countable days (measures.md M12). Every jobsamtale counts whatever its form: the in-person rule of M7 belongs to the focus goal.',
      },
    },
  ],
);

/** One parameter set of the early-effort alert rule (regime.md § 6). */
export interface EarlyEffortAlertRule {
  /** Stable name of the set, as written in files. */
  readonly name: string;
  /** A month is "unmet" when the share of the cohort without the requirement is above this percentage. */
  readonly unmetSharePercentAbove: number;
  /** …and the cohort of the benefit group holds at least this many persons. */
  readonly minimumCohort: number;
  /** A contact follows this many consecutive unmet months. */
  readonly consecutiveMonths: number;
  /**
   * Months of the year (1–12) in which the agency follows up; `undefined`:
   * every month. A contact is made in the first follow-up month at which the
   * run of unmet months is long enough.
   */
  readonly followUpMonths: readonly number[] | undefined;
  /** An account is required when the month this many months after the contact is still unmet. */
  readonly accountAfterMonths: number;
}

/**
 * The two parameter sets of the early-effort alert rule (regime.md § 6).
 *
 * 2021 — STAR, 4 May 2021: "rette henvendelse til kommuner, som i tre
 * sammenhængende måneder har en andel på mere end 20 pct. i en ydelsesgruppe
 * med mindst ti borgere, hvor lovens minimumskrav til samtaler eller tilbud
 * ikke er opfyldt" and "Skulle en kommune mod forventning ikke have
 * genoprettet indsatsen seks måneder efter arbejdsmarkedskontorets
 * henvendelse, vil kommunen blive bedt om en skriftlig redegørelse".
 *
 * 2023 — 6 consecutive months with less than 80 % meeting the requirement
 * (more than 20 % unmet), followed up twice a year (June and December). No
 * seed gives this set: its source is regime.md § 6.
 */
export const EARLY_EFFORT_ALERT_RULES = defineParameter<readonly EarlyEffortAlertRule[]>(
  'early_effort_alert_rules',
  'Regime § 6: the parameter sets of the early-effort alert rule, all computed side by side.',
  [
    {
      from: V2019,
      value: [
        {
          name: '2021',
          unmetSharePercentAbove: 20,
          minimumCohort: 10,
          consecutiveMonths: 3,
          followUpMonths: undefined,
          accountAfterMonths: 6,
        },
        {
          name: '2023',
          unmetSharePercentAbove: 20,
          minimumCohort: 10,
          consecutiveMonths: 6,
          followUpMonths: [6, 12],
          accountAfterMonths: 6,
        },
      ],
      source: {
        instrument: STAR_BREV_2021,
        paragraph: 'Opfølgning på den tidlige beskæftigelsesindsats',
        quote:
          'rette henvendelse til kommuner, som i tre sammenhængende måneder har en andel på mere end 20 pct. i en ydelsesgruppe med mindst ti borgere, hvor lovens minimumskrav til samtaler eller tilbud ikke er opfyldt',
        note: 'Set 2021 from the letter. Set 2023 (6 consecutive months below 80 %, follow-up twice a year, read as June and December; minimum cohort 10 kept) has no seed source: regime.md § 6.',
      },
    },
  ],
);

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

/**
 * § 9 — benchmark measures. Seed 001 names them ("Varighedsmål", "Afgangsmål
 * … efter fx 3 eller 6 måneder", "Passivmåling: Andel ledige, som har/ikke har
 * modtaget en aktiv indsats i løbet af de seneste fx 6 eller 12 måneder",
 * "brugen af virksomhedsrettede tilbud"); the values are the project's.
 */
export const BENCHMARK_PARAMETERS = defineParameter<BenchmarkParameters>(
  'benchmark_parameters',
  'M13 and § 9: horizons, hours and look-backs of the benchmark measures.',
  [
    {
      from: V2019,
      value: {
        exitHorizonsMonths: [3, 6],
        exitMinimumWorkHours: 37,
        passiveLookbackDays: [182, 365],
        companyDirectedOfferTypes: ['virksomhedspraktik', 'loentilskud'],
      },
      source: {
        instrument: TILSYN_MEASURES_SPEC,
        paragraph: '§ 9',
        quote:
          'Passivmåling: Andel ledige, som har/ikke har modtaget en aktiv indsats i løbet af de seneste fx 6 eller 12 måneder.',
        note: 'Quote: seed 001 (the 2018 agreement). 37 hours (M13), 6 months as 182 and 12 months as 365 countable days: project reading of measures.md § 9.',
      },
    },
  ],
);

/** Every parameter of the measurement engine, for listings and the run record. */
export const MEASURE_PARAMETERS: readonly Parameter<unknown>[] = [
  SPELL_GAP_RULES,
  SPELL_CONTINUATIONS,
  DEAD_EXEMPTION_REASONS,
  TARGET_GROUP_MINIMUM_DURATION_DAYS,
  FOCUS_WINDOW_COUNTABLE_DAYS,
  EXEMPTION_EXCLUSION_PERCENT,
  COUNTED_CONVERSATION_KINDS,
  COUNTED_OFFER_TYPES,
  WORK_HOURS_PRECISION,
  EARLY_EFFORT_BENEFIT_TYPES,
  EARLY_EFFORT_REQUIREMENTS,
  EARLY_EFFORT_ALERT_RULES,
  BENCHMARK_PARAMETERS,
];
