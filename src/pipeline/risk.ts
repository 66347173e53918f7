/**
 * The risk view of a month (the tables of the quarterly status report) from
 * the aggregated files.
 */
import type { YearMonth } from '../core/calendar/year-month.js';
import { missingRiskInputs, riskView, type RiskView } from '../core/risk/risk-view.js';
import {
  municipalityNames,
  readAggregatedInputs,
  refuseMissing,
  type InputFiles,
  type MunicipalityNames,
} from './legal-inputs.js';

export interface RiskRequest {
  readonly month: YearMonth;
  readonly files: InputFiles;
  /** The folder relative file names are read from. */
  readonly cwd: string;
}

export interface RiskResult {
  readonly view: RiskView;
  readonly names: MunicipalityNames;
  readonly files: InputFiles;
}

export async function riskOfMonth(request: RiskRequest): Promise<RiskResult> {
  const names = await municipalityNames();
  const { inputs, files } = await readAggregatedInputs(request.files, request.cwd, names);
  refuseMissing(missingRiskInputs(inputs, request.month), files, names);
  return { view: riskView(request.month, inputs), names, files };
}
