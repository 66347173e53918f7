/**
 * The benchmark measures (measures.md § 9, M13). The 2018 agreement (seed
 * 001) names the measures with examples ("fx"); the values are the
 * project's, so each is marked "fortolkning".
 */
import type { OfferType } from '../../domain/events.js';
import { fortolkning } from '../legal-source.js';
import { ruleNode } from '../rule-node.js';
import { DAY_LIST, HOURS, MONTH_LIST, OFFER_TYPE_LIST } from '../value-types.js';

export const BENCHMARK_NODES = {
  /** Exit to work is measured this many months after the spell started (and ended within them). */
  'benchmark.exit_horizons_months': ruleNode<readonly number[]>({
    area: 'benchmark',
    label: 'Afgang til beskæftigelse måles efter (måneder)',
    stage: 'measurement',
    type: MONTH_LIST,
    values: [
      {
        since: 'v2019',
        value: [3, 6],
        source: fortolkning(
          'Seed 001 (the 2018 agreement) names "Afgangsmål: Den gennemsnitlige afgang (andel) fra ledighed til beskæftigelse efter fx 3 eller 6 måneder"; the project measures both of its examples.',
          'measures.md § 9',
        ),
      },
    ],
  }),

  /** Hours of ordinary work in the month after the end that make an exit an exit to work. */
  'benchmark.exit_minimum_work_hours': ruleNode<number>({
    area: 'benchmark',
    label: 'Afgang til beskæftigelse: timer ordinær beskæftigelse i måneden efter',
    stage: 'measurement',
    type: HOURS,
    values: [
      {
        since: 'v2019',
        value: 37,
        source: fortolkning(
          'No source says when an exit is an exit to work; the project requires a week of full-time work (37 hours) in the month after the spell ended.',
          'measures.md M13',
        ),
      },
    ],
  }),

  /** Passive 6 and 12 months: spell length and look-back, in countable days. */
  'benchmark.passive_lookback_days': ruleNode<readonly number[]>({
    area: 'benchmark',
    label: 'Passivmåling: forløbslængde og tilbageblik (tællende dage)',
    stage: 'measurement',
    type: DAY_LIST,
    values: [
      {
        since: 'v2019',
        value: [182, 365],
        source: fortolkning(
          'Seed 001 names "Passivmåling: Andel ledige, som har/ikke har modtaget en aktiv indsats i løbet af de seneste fx 6 eller 12 måneder"; the project measures both, with 6 months read as 182 and 12 months as 365 countable days.',
          'measures.md § 9',
        ),
      },
    ],
  }),

  /** Offer types that are company-directed effort. */
  'benchmark.company_directed_offer_types': ruleNode<readonly OfferType[]>({
    area: 'benchmark',
    label: 'Virksomhedsrettede tilbud',
    stage: 'measurement',
    type: OFFER_TYPE_LIST,
    values: [
      {
        since: 'v2019',
        value: ['virksomhedspraktik', 'loentilskud'],
        source: fortolkning(
          'Seed 001 names "brugen af virksomhedsrettede tilbud" among the measures of effort; the project counts virksomhedspraktik and ansættelse med løntilskud as company-directed.',
          'measures.md § 9',
        ),
      },
    ],
  }),
};
