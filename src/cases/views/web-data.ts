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
import { earlyEffortFiguresOf, type EarlyEffortFigure } from '../../measuring/measure-results.js';
import type { AssessmentSource } from '../../pipeline/assess.js';
import { statusReportInputsOfLoad } from '../../pipeline/status-report-inputs-of-load.js';
import { municipalityNames, readAggregatedInputs } from '../../pipeline/legal-inputs.js';
import { readMunicipalities } from '../../reference/municipalities.js';

export interface WebData {
  readonly month: YearMonth;
  readonly loadId: string;
  readonly loadCreatedAt: string;
  readonly inputs: AssessmentInputs;
  readonly municipalities: readonly Municipality[];
  /** "Kilde: …" for the pages. */
  readonly source: string;
  /**
   * The early effort per municipality, benefit group and month (for the
   * AMK's alert rule); undefined when the figures are aggregated files,
   * which do not hold it.
   */
  readonly earlyEffort: readonly EarlyEffortFigure[] | undefined;
  /** Whether person-level data (a load) is behind the figures. */
  readonly hasLoad: boolean;
}

/**
 * Where the figures come from: the load in use in the data directory, or
 * aggregated files (a `focus_measures` and an `expected_rates` file, as
 * `tilsyn assess --focus --rates` reads them).
 */
export type WebFigures =
  | { readonly kind: 'load'; readonly dataDirectory: string }
  | { readonly kind: 'files'; readonly focus: string; readonly rates: string };

export class WebDataSource {
  private cached: { readonly key: string; readonly data: Promise<WebData> } | undefined;

  constructor(
    private readonly options: {
      readonly figures: WebFigures;
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

  /** Where an assessment reads its inputs from: the same files, or the load in use. */
  assessmentSource(): AssessmentSource {
    const figures = this.options.figures;
    if (figures.kind === 'files')
      return { kind: 'files', files: { focus: figures.focus, rates: figures.rates } };
    return {
      kind: 'load',
      load: {
        value: 'current',
        dataDirectory: figures.dataDirectory,
        cwd: process.cwd(),
        env: {},
        now: () => new Date(),
        createdBy: 'tilsyn serve',
      },
    };
  }

  /** The data of the load in use (measured on first use, then kept until the load changes). */
  async current(): Promise<WebData> {
    const figures = this.options.figures;
    const loadId =
      figures.kind === 'load' ? (await openLoad(figures.dataDirectory, 'current')).id : 'filer';
    const key = `${loadId}|${this.options.month}`;
    if (this.cached?.key !== key) {
      const data =
        figures.kind === 'load'
          ? this.compute(figures.dataDirectory, loadId)
          : this.computeFiles(figures);
      this.cached = { key, data };
      data.catch(() => {
        if (this.cached?.key === key) this.cached = undefined;
      });
    }
    return this.cached.data;
  }

  private async computeFiles(figures: {
    readonly focus: string;
    readonly rates: string;
  }): Promise<WebData> {
    const { inputs } = await readAggregatedInputs(
      { focus: figures.focus, rates: figures.rates },
      process.cwd(),
      await municipalityNames(),
    );
    return {
      month: this.options.month,
      loadId: 'filer',
      loadCreatedAt: '',
      inputs,
      municipalities: await readMunicipalities(),
      source: `Kilde: fokusmålinger fra ${figures.focus}; forventede og faktiske ydelsesgrader fra ${figures.rates}.`,
      earlyEffort: undefined,
      hasLoad: false,
    };
  }

  private async compute(dataDirectory: string, loadId: string): Promise<WebData> {
    const { month, rules } = this.options;
    const load = await openLoad(dataDirectory, loadId);
    const municipalities = await readMunicipalities();
    const { inputs, run } = await statusReportInputsOfLoad({
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
      earlyEffort: earlyEffortFiguresOf(run),
      hasLoad: true,
    };
  }
}
