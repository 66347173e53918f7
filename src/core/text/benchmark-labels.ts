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

/**
 * Danish names of the framework conditions' covariates the project knows:
 * those of the synthetic data set and their Danish-named counterparts. A
 * covariate of a real extract's own naming is shown as its column name.
 */
const COVARIATE_LABEL: Readonly<Record<string, string>> = {
  share_aged_50_66: 'andel 50-66 år',
  andel_50_66: 'andel 50-66 år',
  andel_60_66: 'andel 60-66 år',
  share_low_education: 'andel kun med grundskole',
  andel_kun_grundskole: 'andel kun med grundskole',
  share_non_western: 'andel ikke-vestlige',
  andel_ikke_vestlige: 'andel ikke-vestlige',
  share_social_housing: 'andel i almene boliger',
  andel_almene_boliger: 'andel i almene boliger',
  jobs_per_resident: 'job pr. indbygger',
  jobtaethed: 'jobtæthed',
};

export function covariateLabel(name: string): string {
  return COVARIATE_LABEL[name] ?? name;
}
