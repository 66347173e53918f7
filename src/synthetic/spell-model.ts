/**
 * How long people stay on each benefit and where they go next.
 *
 * Durations are mixtures of log-normal distributions (days of receipt,
 * interruptions excluded), chosen to give the familiar shapes: dagpenge from
 * weeks to the two-year maximum, sygedagpenge mostly weeks with a tail
 * beyond the 22-week reassessment that continues in jobafklaring,
 * kontanthjælp, ressourceforløb, selvforsørgelse and ledighedsydelse often
 * for years. After a spell a person moves on to another benefit (touching
 * or after a short gap) or leaves; some come back after a longer gap.
 *
 * The figures are modelling assumptions in the range of published DREAM
 * statistics, not estimates (docs/synthetic-data.md).
 */
import type { BenefitType } from '../core/domain/benefit-type.js';
import type { SeededRandom } from '../core/random/seeded-random.js';
import { logNormal, normalQuantile, uniformInteger, weightedChoice } from './distributions.js';

export interface DurationComponent {
  readonly weight: number;
  readonly medianDays: number;
  readonly sigma: number;
}

/** The gap before the next benefit: 0 (touching) or days in [min, max]. */
export interface GapRange {
  readonly min: number;
  readonly max: number;
}

export interface Transition {
  readonly to: BenefitType;
  /** Probability of this transition (the rest of the probability mass is an exit). */
  readonly probability: number;
  /** The transition is only possible after a spell of at least this many days. */
  readonly minimumDuration?: number;
  /** Possible gaps and their weights. */
  readonly gaps: readonly (readonly [GapRange, number])[];
}

export interface SpellTypeModel {
  readonly durations: readonly DurationComponent[];
  readonly minimumDays: number;
  readonly maximumDays: number;
  readonly transitions: readonly Transition[];
  /** Chance that the spell is interrupted once (a short job, a sanction) by a gap in the range. */
  readonly interruptions: readonly (readonly [GapRange, number])[];
  /** Chance of coming back after an exit, the gap (log-normal) and the benefit on return. */
  readonly reentry: {
    readonly probability: number;
    readonly gapMedianDays: number;
    readonly gapSigma: number;
    readonly types: readonly (readonly [BenefitType, number])[];
  };
}

const TOUCHING: GapRange = { min: 0, max: 0 };
const within = (min: number, max: number): GapRange => ({ min, max });

/**
 * A gap of 3–27 days never contains a whole calendar month, so municipal
 * benefits around it stay one spell (measures.md M1); 30–75 days may or may
 * not, depending on where it falls.
 */
const MUNICIPAL_INTERRUPTIONS: readonly (readonly [GapRange, number])[] = [
  [within(3, 27), 0.12],
  [within(30, 75), 0.05],
];

export const SPELL_MODELS: Readonly<Record<BenefitType, SpellTypeModel>> = {
  dagpenge: {
    durations: [
      { weight: 0.55, medianDays: 45, sigma: 0.7 },
      { weight: 0.35, medianDays: 150, sigma: 0.55 },
      { weight: 0.1, medianDays: 700, sigma: 0.06 },
    ],
    minimumDays: 7,
    maximumDays: 730,
    transitions: [
      // Exhausted after two years: to kontanthjælp.
      { to: 'kontanthjaelp', probability: 0.3, minimumDuration: 690, gaps: [[within(0, 45), 1]] },
      { to: 'kontanthjaelp', probability: 0.005, gaps: [[within(0, 45), 1]] },
      { to: 'sygedagpenge', probability: 0.04, gaps: [[TOUCHING, 1]] },
    ],
    // Short jobs: dagpenge periods with a gap of up to 365 days are one spell.
    interruptions: [[within(10, 150), 0.18]],
    reentry: {
      probability: 0.35,
      gapMedianDays: 300,
      gapSigma: 0.7,
      types: [
        ['dagpenge', 0.8],
        ['sygedagpenge', 0.17],
        ['kontanthjaelp', 0.03],
      ],
    },
  },
  sygedagpenge: {
    durations: [
      { weight: 0.55, medianDays: 16, sigma: 0.6 },
      { weight: 0.33, medianDays: 60, sigma: 0.5 },
      { weight: 0.12, medianDays: 210, sigma: 0.45 },
    ],
    minimumDays: 3,
    maximumDays: 600,
    transitions: [
      // After the 22-week reassessment: jobafklaringsforløb, touching.
      { to: 'jobafklaring', probability: 0.6, minimumDuration: 150, gaps: [[TOUCHING, 1]] },
      { to: 'ressourceforloeb', probability: 0.02, minimumDuration: 150, gaps: [[TOUCHING, 1]] },
      { to: 'dagpenge', probability: 0.03, gaps: [[within(0, 20), 1]] },
      { to: 'kontanthjaelp', probability: 0.005, gaps: [[within(0, 20), 1]] },
    ],
    // Sygedagpenge join only when touching: an administrative split.
    interruptions: [[TOUCHING, 0.06]],
    reentry: {
      probability: 0.22,
      gapMedianDays: 420,
      gapSigma: 0.8,
      types: [
        ['sygedagpenge', 0.85],
        ['dagpenge', 0.13],
        ['kontanthjaelp', 0.02],
      ],
    },
  },
  jobafklaring: {
    durations: [{ weight: 1, medianDays: 290, sigma: 0.6 }],
    minimumDays: 30,
    maximumDays: 1800,
    transitions: [
      { to: 'ressourceforloeb', probability: 0.25, gaps: [[TOUCHING, 1]] },
      { to: 'ledighedsydelse', probability: 0.08, gaps: [[within(0, 60), 1]] },
      { to: 'kontanthjaelp', probability: 0.08, gaps: [[within(0, 30), 1]] },
      { to: 'sygedagpenge', probability: 0.08, gaps: [[TOUCHING, 1]] },
    ],
    interruptions: [[TOUCHING, 0.05]],
    reentry: {
      probability: 0.1,
      gapMedianDays: 300,
      gapSigma: 0.7,
      types: [['sygedagpenge', 1]],
    },
  },
  selvforsoergelse: {
    durations: [
      { weight: 0.3, medianDays: 250, sigma: 0.6 },
      { weight: 0.7, medianDays: 900, sigma: 0.45 },
    ],
    minimumDays: 30,
    maximumDays: 2600,
    transitions: [
      // measures.md M2: selvforsørgelse continues into kontanthjælp or
      // uddannelseshjælp as one spell when the gap has no whole month.
      {
        to: 'kontanthjaelp',
        probability: 0.32,
        gaps: [
          [TOUCHING, 0.85],
          [within(10, 25), 0.1],
          [within(35, 70), 0.05],
        ],
      },
      {
        to: 'uddannelseshjaelp',
        probability: 0.15,
        gaps: [
          [TOUCHING, 0.85],
          [within(10, 25), 0.1],
          [within(35, 70), 0.05],
        ],
      },
    ],
    interruptions: MUNICIPAL_INTERRUPTIONS,
    reentry: {
      probability: 0.15,
      gapMedianDays: 200,
      gapSigma: 0.7,
      types: [
        ['kontanthjaelp', 0.6],
        ['dagpenge', 0.2],
        ['sygedagpenge', 0.2],
      ],
    },
  },
  uddannelseshjaelp: {
    durations: [
      { weight: 0.45, medianDays: 110, sigma: 0.7 },
      { weight: 0.55, medianDays: 520, sigma: 0.6 },
    ],
    minimumDays: 14,
    maximumDays: 2600,
    transitions: [
      { to: 'kontanthjaelp', probability: 0.05, gaps: [[within(0, 20), 1]] },
      { to: 'sygedagpenge', probability: 0.02, gaps: [[TOUCHING, 1]] },
      { to: 'ressourceforloeb', probability: 0.02, gaps: [[TOUCHING, 1]] },
    ],
    interruptions: MUNICIPAL_INTERRUPTIONS,
    reentry: {
      probability: 0.3,
      gapMedianDays: 200,
      gapSigma: 0.8,
      types: [
        ['uddannelseshjaelp', 0.65],
        ['kontanthjaelp', 0.1],
        ['dagpenge', 0.25],
      ],
    },
  },
  kontanthjaelp: {
    durations: [
      { weight: 0.35, medianDays: 90, sigma: 0.7 },
      { weight: 0.65, medianDays: 800, sigma: 0.7 },
    ],
    minimumDays: 14,
    maximumDays: 5000,
    transitions: [
      {
        to: 'ressourceforloeb',
        probability: 0.12,
        minimumDuration: 365,
        gaps: [[TOUCHING, 1]],
      },
      { to: 'ledighedsydelse', probability: 0.03, gaps: [[within(0, 30), 1]] },
      { to: 'revalidering', probability: 0.02, gaps: [[TOUCHING, 1]] },
      { to: 'sygedagpenge', probability: 0.03, gaps: [[TOUCHING, 1]] },
    ],
    interruptions: MUNICIPAL_INTERRUPTIONS,
    reentry: {
      probability: 0.3,
      gapMedianDays: 150,
      gapSigma: 0.8,
      types: [
        ['kontanthjaelp', 0.7],
        ['dagpenge', 0.1],
        ['sygedagpenge', 0.1],
        ['uddannelseshjaelp', 0.1],
      ],
    },
  },
  revalidering: {
    durations: [{ weight: 1, medianDays: 480, sigma: 0.45 }],
    minimumDays: 60,
    maximumDays: 1800,
    transitions: [
      { to: 'kontanthjaelp', probability: 0.05, gaps: [[within(0, 30), 1]] },
      { to: 'ledighedsydelse', probability: 0.05, gaps: [[within(0, 30), 1]] },
    ],
    interruptions: [],
    reentry: { probability: 0.1, gapMedianDays: 300, gapSigma: 0.6, types: [['dagpenge', 1]] },
  },
  ressourceforloeb: {
    durations: [{ weight: 1, medianDays: 950, sigma: 0.5 }],
    minimumDays: 180,
    maximumDays: 3000,
    transitions: [
      { to: 'ledighedsydelse', probability: 0.12, gaps: [[within(0, 30), 1]] },
      { to: 'kontanthjaelp', probability: 0.15, gaps: [[TOUCHING, 1]] },
      { to: 'jobafklaring', probability: 0.03, gaps: [[TOUCHING, 1]] },
    ],
    interruptions: [[within(3, 27), 0.05]],
    reentry: {
      probability: 0.05,
      gapMedianDays: 300,
      gapSigma: 0.6,
      types: [['kontanthjaelp', 1]],
    },
  },
  ledighedsydelse: {
    durations: [
      { weight: 0.5, medianDays: 110, sigma: 0.6 },
      { weight: 0.5, medianDays: 600, sigma: 0.6 },
    ],
    minimumDays: 14,
    maximumDays: 3000,
    transitions: [{ to: 'ressourceforloeb', probability: 0.03, gaps: [[TOUCHING, 1]] }],
    interruptions: [[within(3, 27), 0.05]],
    reentry: {
      probability: 0.35,
      gapMedianDays: 300,
      gapSigma: 0.7,
      types: [['ledighedsydelse', 1]],
    },
  },
};

/**
 * A spell duration in days for `type`. With `quantile` (in (0, 1)) the draw
 * is stratified instead of random: the quantile picks the mixture component
 * by its weight and the point within it, so that well-spread quantiles give
 * the durations of a municipality's entrants almost exactly their
 * distribution (less noise in its benefit rate).
 */
export function drawDuration(random: SeededRandom, type: BenefitType, quantile?: number): number {
  const model = SPELL_MODELS[type];
  let days: number;
  if (quantile === undefined) {
    const component = weightedChoice(
      random,
      model.durations.map((entry) => [entry, entry.weight] as const),
    );
    days = Math.round(logNormal(random, component.medianDays, component.sigma));
  } else {
    let total = 0;
    for (const component of model.durations) total += component.weight;
    let rest = quantile * total;
    let chosen = model.durations[model.durations.length - 1];
    let within = 0.5;
    for (const component of model.durations) {
      if (rest < component.weight) {
        chosen = component;
        within = rest / component.weight;
        break;
      }
      rest -= component.weight;
    }
    if (!chosen) throw new RangeError(`No durations for ${type}`);
    const point = Math.min(1 - 1e-9, Math.max(1e-9, within));
    days = Math.round(chosen.medianDays * Math.exp(chosen.sigma * normalQuantile(point)));
  }
  return Math.min(model.maximumDays, Math.max(model.minimumDays, days));
}

/** A gap drawn from weighted ranges. */
export function drawGap(
  random: SeededRandom,
  gaps: readonly (readonly [GapRange, number])[],
): number {
  const range = weightedChoice(random, gaps);
  return uniformInteger(random, range.min, range.max);
}

/**
 * The next benefit after a spell of `type` lasting `duration` days, or
 * `undefined` for an exit. `uniform` replaces the random pick (stratified).
 */
export function drawTransition(
  random: SeededRandom,
  type: BenefitType,
  duration: number,
  uniform?: number,
): { readonly to: BenefitType; readonly gap: number } | undefined {
  let pick = uniform ?? random.next();
  for (const transition of SPELL_MODELS[type].transitions) {
    if (transition.minimumDuration !== undefined && duration < transition.minimumDuration) continue;
    pick -= transition.probability;
    if (pick < 0) return { to: transition.to, gap: drawGap(random, transition.gaps) };
  }
  return undefined;
}

/**
 * Inflow multipliers by benefit type and year, against the steady state of
 * the reference year: COVID-19 unemployment in 2020, the tight labour market
 * of 2022, refugees in 2015–2016 and from Ukraine in 2022, the long decline
 * of kontanthjælp and uddannelseshjælp.
 */
export function inflowFactor(type: BenefitType, year: number, month: number): number {
  switch (type) {
    case 'dagpenge': {
      if (year === 2020) return month === 3 ? 3.5 : month === 4 ? 2.2 : month === 5 ? 1.4 : 1;
      const byYear: Record<number, number> = {
        2021: 0.95,
        2022: 0.78,
        2023: 0.88,
        2024: 0.92,
        2025: 0.92,
      };
      return byYear[year] ?? 1;
    }
    case 'sygedagpenge': {
      const byYear: Record<number, number> = { 2020: 1.05, 2021: 1.08, 2022: 1.15, 2023: 1.05 };
      return byYear[year] ?? 1;
    }
    case 'selvforsoergelse': {
      const byYear: Record<number, number> = {
        2015: 1.6,
        2016: 1.4,
        2017: 0.9,
        2018: 0.7,
        2019: 0.6,
        2020: 0.45,
        2021: 0.5,
        2022: 1.8,
        2023: 0.8,
        2024: 0.6,
        2025: 0.6,
      };
      return byYear[year] ?? 1;
    }
    case 'kontanthjaelp':
    case 'uddannelseshjaelp':
      return Math.pow(0.975, year - 2020);
    default:
      return 1;
  }
}
