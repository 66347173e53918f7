/**
 * Danish names of the benchmark measures (measures.md § 9) for reports.
 */
import type { BenchmarkMeasure } from '../benchmark/benchmark-measures.js';
import type { RankingDirection } from '../benchmark/rankings.js';

export const BENCHMARK_MEASURE_LABEL: Readonly<Record<BenchmarkMeasure, string>> = {
  duration: 'Varighed: gennemsnitlig varighed af afsluttede forløb (dage)',
  exit_to_work_3: 'Afgang til beskæftigelse inden for 3 måneder (%)',
  exit_to_work_6: 'Afgang til beskæftigelse inden for 6 måneder (%)',
  passive_6: 'Passive: uden tilbud de seneste 6 måneder (%)',
  passive_12: 'Passive: uden tilbud de seneste 12 måneder (%)',
  company_directed_effort: 'Virksomhedsrettet indsats i målgruppen (%)',
};

export const DIRECTION_LABEL: Readonly<Record<RankingDirection, string>> = {
  'lower-is-better': 'lavest er bedst',
  'higher-is-better': 'højest er bedst',
};
