/**
 * The figures the web pages read, computed once per data load and month and
 * kept in memory: the months the quarterly status report needs (M − 28 … M)
 * measured from the load in use in one run, and the expected rates of the
 * year the result goal uses (the benchmark model fitted on the load). Every
 * aggregated view of the web (the overview, a municipality's measures, the
 * status report) is a pure function of these.
 */
import type { AssessmentInputs } from '../../core/assessment/assessment-inputs.js';
import type { YearMonth } from '../../core/calendar/year-month.js';
import type { Municipality } from '../../core/domain/municipality.js';
import type { RuleBook } from '../../core/rules/rule-book.js';
import { openLoad } from '../../loading/load-catalog.js';
import { statusReportInputsOfLoad } from '../../pipeline/status-report-inputs-of-load.js';
import { readMunicipalities } from '../../reference/municipalities.js';

export interface WebData {
  readonly month: YearMonth;
  readonly loadId: string;
  readonly loadCreatedAt: string;
  readonly inputs: AssessmentInputs;
  readonly municipalities: readonly Municipality[];
  /** "Kilde: …" for the pages. */
  readonly source: string;
}

export class WebDataSource {
  private cached: { readonly key: string; readonly data: Promise<WebData> } | undefined;

  constructor(
    private readonly options: {
      readonly dataDirectory: string;
      readonly month: YearMonth;
      readonly rules: RuleBook;
    },
  ) {}

  get month(): YearMonth {
    return this.options.month;
  }

  get rules(): RuleBook {
    return this.options.rules;
  }

  /** The data of the load in use (measured on first use, then kept until the load changes). */
  async current(): Promise<WebData> {
    const load = await openLoad(this.options.dataDirectory, 'current');
    const key = `${load.id}|${this.options.month}`;
    if (this.cached?.key !== key) {
      const data = this.compute(load.id);
      this.cached = { key, data };
      data.catch(() => {
        if (this.cached?.key === key) this.cached = undefined;
      });
    }
    return this.cached.data;
  }

  private async compute(loadId: string): Promise<WebData> {
    const { dataDirectory, month, rules } = this.options;
    const load = await openLoad(dataDirectory, loadId);
    const municipalities = await readMunicipalities();
    const { inputs } = await statusReportInputsOfLoad({
      load,
      month,
      municipalities: municipalities.map((municipality) => municipality.code),
      rules,
    });
    return {
      month,
      loadId: load.id,
      loadCreatedAt: load.manifest.createdAt,
      inputs,
      municipalities,
      source: `Kilde: indlæsning ${load.id} (${load.manifest.createdAt.slice(0, 10)}); fokusmålinger beregnet af tilsyn, forventede ydelsesgrader fra benchmarkmodellen.`,
    };
  }
}
