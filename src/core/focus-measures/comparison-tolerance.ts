/**
 * Focus measures are compared with their thresholds, and improvements with
 * the required improvement, with a tolerance (measures.md § 6): "Compare
 * focus measures with a tolerance of 1e-9: the order of summation may differ
 * in the last digit." A measure within 1e-9 of its threshold counts as equal
 * to it, so it does not meet a goal that requires "mindre end".
 */
export const FOCUS_MEASURE_TOLERANCE = 1e-9;
