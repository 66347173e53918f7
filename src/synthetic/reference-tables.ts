/**
 * The two small tables of the data set: `municipalities` (data.md layout,
 * with delegations) and `framework_conditions` (residents 16–66 and the
 * covariates, per municipality and year).
 */
import type { Municipality, MunicipalityCode } from '../core/domain/municipality.js';
import { COVARIATE_NAMES, covariatesIn, residentsIn } from './framework-conditions.js';

/**
 * Delegations in the synthetic data set: a small municipality whose
 * employment tasks another municipality carries out. The delegating
 * municipality keeps the responsibility (seed 000, § 6): its benefit
 * periods carry its own code and its measures stay its own. Modelled on the
 * island municipalities served by a neighbour's job centre.
 */
export const DELEGATIONS: readonly {
  readonly from: MunicipalityCode;
  readonly to: MunicipalityCode;
}[] = [
  { from: 563, to: 561 },
  { from: 825, to: 813 },
];

export const MUNICIPALITY_COLUMNS = ['code', 'name', 'region', 'amk', 'delegated_to'] as const;

export const FRAMEWORK_COLUMNS = [
  'municipality',
  'year',
  'residents_16_66',
  ...COVARIATE_NAMES,
] as const;

/** Lines of `municipalities.csv` (without header). */
export function municipalityLines(municipalities: readonly Municipality[]): string[] {
  return municipalities.map((municipality) => {
    const delegation = DELEGATIONS.find((entry) => entry.from === municipality.code);
    const delegatedTo = delegation?.to ?? municipality.delegatedTo;
    return [
      municipality.code,
      municipality.name,
      municipality.region,
      municipality.amk,
      delegatedTo ?? '',
    ].join(',');
  });
}

/** Lines of `framework_conditions.csv` (without header) for the years `from`…`to`. */
export function frameworkLines(
  codes: readonly MunicipalityCode[],
  fromYear: number,
  toYear: number,
  scale: number,
): string[] {
  const lines: string[] = [];
  for (const code of codes) {
    for (let year = fromYear; year <= toYear; year += 1) {
      const covariates = covariatesIn(code, year);
      const values = COVARIATE_NAMES.map((name) =>
        covariates[name].toFixed(name === 'jobs_per_resident' ? 3 : 2),
      );
      lines.push([code, year, residentsIn(code, year, scale), ...values].join(','));
    }
  }
  return lines;
}
