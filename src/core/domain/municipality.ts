/**
 * A municipality, by its official three-digit code (kommunekode), with the
 * region and the agency's labour market office (AMK) that follows it.
 */

export type MunicipalityCode = number;

export interface Municipality {
  readonly code: MunicipalityCode;
  readonly name: string;
  readonly regionCode: number;
  readonly region: string;
  readonly amk: string;
  /**
   * The municipality that carries out its employment tasks, when they are
   * delegated. The delegating municipality keeps the responsibility: its
   * measures stay its own (seed 000, § 6).
   */
  readonly delegatedTo?: MunicipalityCode;
}
