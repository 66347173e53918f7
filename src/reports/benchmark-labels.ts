/**
 * Danish names of the benchmark measures (measures.md § 9) for reports; the
 * labels live in the pure core (`core/text/benchmark-labels.ts`).
 */
export {
  BENCHMARK_MEASURE_LABEL,
  DIRECTION_LABEL,
  covariateLabel,
} from '../core/text/benchmark-labels.js';
