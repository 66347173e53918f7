/**
 * AN APPROXIMATION, for checking the synthetic data set only: the December
 * focus measures, a weighted least-squares benchmark of the benefit rate on
 * the framework conditions, and the decisions of the annual assessments,
 * from the figures of approximate-measures.ts. The project's assessment and
 * benchmark modules are authoritative; the rule values come from the dated
 * parameters of the core.
 */
import { isoDateOf } from '../../src/core/calendar/iso-date.js';
import type { DecisionKind } from '../../src/core/domain/supervision.js';
import { valueOn } from '../../src/core/rules/dated-parameter.js';
import {
  assessmentCanSelect,
  goalsThatCanGround,
  rulesForAssessment,
} from '../../src/core/rules/rules-in-force.js';
import { MONTHS_EXCLUDED_FROM_AVERAGES } from '../../src/core/rules/transitional-parameters.js';
import { solveLinearSystem } from '../../src/synthetic/benefit-rate-model.js';
import type { FocusRow, RateRow } from './approximate-measures.js';

export interface YearFocus {
  readonly conversations: number | undefined;
  readonly offers: number | undefined;
}

/** Focus measures of December of each year: the mean of the defined monthly shares of Jan–Dec. */
export function decemberFocus(rows: readonly FocusRow[]): Map<number, Map<number, YearFocus>> {
  const result = new Map<number, Map<number, YearFocus>>();
  const sums = new Map<string, { conversations: number; offers: number; months: number }>();
  for (const row of rows) {
    if (row.target === 0) continue;
    const excluded = valueOn(
      MONTHS_EXCLUDED_FROM_AVERAGES,
      isoDateOf(Number(row.month.slice(0, 4)), Number(row.month.slice(5, 7)), 1),
    );
    if (row.month >= excluded.from && row.month <= excluded.to) continue;
    const key = `${row.municipality}:${row.month.slice(0, 4)}`;
    const sum = sums.get(key) ?? { conversations: 0, offers: 0, months: 0 };
    sum.conversations += (100 * row.passiveConversations) / row.target;
    sum.offers += (100 * row.passiveOffers) / row.target;
    sum.months += 1;
    sums.set(key, sum);
  }
  for (const [key, sum] of sums) {
    const [code, year] = key.split(':').map(Number);
    if (code === undefined || year === undefined) continue;
    const byYear = result.get(code) ?? new Map<number, YearFocus>();
    byYear.set(year, {
      conversations: sum.conversations / sum.months,
      offers: sum.offers / sum.months,
    });
    result.set(code, byYear);
  }
  return result;
}

export interface BenchmarkRow {
  readonly municipality: number;
  readonly actual: number;
  readonly expected: number;
}

/** Weighted least squares of the actual rate on the covariates, per year (weights: residents). */
export function benchmark(rates: readonly RateRow[], year: number): BenchmarkRow[] {
  const rows = rates.filter((row) => row.year === year && row.residents > 0);
  const p = (rows[0]?.covariates.length ?? 0) + 1;
  const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty = new Array<number>(p).fill(0);
  for (const row of rows) {
    const x = [1, ...row.covariates];
    const y = (100 * row.fullTimePersons) / row.residents;
    for (let i = 0; i < p; i += 1) {
      xty[i] = (xty[i] ?? 0) + row.residents * (x[i] ?? 0) * y;
      const line = xtx[i];
      if (!line) continue;
      for (let j = 0; j < p; j += 1)
        line[j] = (line[j] ?? 0) + row.residents * (x[i] ?? 0) * (x[j] ?? 0);
    }
  }
  const beta = solveLinearSystem(xtx, xty);
  return rows.map((row) => {
    const x = [1, ...row.covariates];
    let expected = 0;
    for (let i = 0; i < p; i += 1) expected += (x[i] ?? 0) * (beta[i] ?? 0);
    return {
      municipality: row.municipality,
      actual: (100 * row.fullTimePersons) / row.residents,
      expected,
    };
  });
}

/** The decisions of the assessments of `years` for one municipality (simplified lifecycle). */
export function decisions(
  years: readonly number[],
  focus: ReadonlyMap<number, YearFocus>,
  resultMissed: ReadonlyMap<number, boolean>,
): Map<number, DecisionKind> {
  const out = new Map<number, DecisionKind>();
  let status: 'none' | 'supervised' | 'extended' | 'administration' = 'none';
  let baseline: YearFocus = { conversations: undefined, offers: undefined };
  for (const year of years) {
    const rules = rulesForAssessment(year);
    const grounding = goalsThatCanGround(rules, year);
    const current = focus.get(year) ?? { conversations: undefined, offers: undefined };
    const threshold = (goal: 'offers' | 'conversations') => rules.goalThreshold[goal].value;
    const missed = grounding.filter((goal) => {
      const value = current[goal];
      return value !== undefined && value >= threshold(goal);
    });
    let decision: DecisionKind;
    if (status === 'none') {
      if (
        assessmentCanSelect(rules, year) &&
        resultMissed.get(year) === true &&
        missed.length > 0
      ) {
        decision = 'selected';
        baseline = current;
      } else decision = 'stays_out';
    } else if (status === 'supervised') {
      if (missed.length === 0) decision = 'supervision_ends';
      else {
        const halfway = missed.every((goal) => {
          const b = baseline[goal];
          const c = current[goal];
          return b !== undefined && c !== undefined && b - c >= (b - threshold(goal)) / 2;
        });
        decision = halfway ? 'extended' : 'administration';
      }
    } else if (status === 'extended') {
      decision = missed.length === 0 ? 'supervision_ends' : 'administration';
    } else {
      decision = missed.length === 0 ? 'administration_ends' : 'administration_continues';
    }
    status =
      decision === 'selected'
        ? 'supervised'
        : decision === 'extended'
          ? 'extended'
          : decision === 'administration' || decision === 'administration_continues'
            ? 'administration'
            : 'none';
    out.set(year, decision);
  }
  return out;
}
