/**
 * `tilsyn report status|assessment|benchmark … --format pdf|xlsx|json --out
 * FIL`: the reports people read — the quarterly status report, the annual
 * assessment report and the benchmark report — as a PDF, an Excel workbook
 * or their data as JSON.
 */
import { extname } from 'node:path';
import { assessmentReport } from '../../core/assessment-report/assessment-report.js';
import { benchmarkReportData } from '../../core/benchmark/benchmark-report-data.js';
import { UsageError } from '../../files/usage-error.js';
import { assessYears } from '../../pipeline/assess.js';
import { benchmarkPeriod } from '../../pipeline/benchmark.js';
import { statusReportOfMonth } from '../../pipeline/status-report.js';
import { assessmentReportWorkbook } from '../../reports/excel/assessment-report-workbook.js';
import { benchmarkReportWorkbook } from '../../reports/excel/benchmark-report-workbook.js';
import { statusReportWorkbook } from '../../reports/excel/status-report-workbook.js';
import { assessmentReportPdf } from '../../reports/pdf/assessment-report-pdf.js';
import { benchmarkReportPdf } from '../../reports/pdf/benchmark-report-pdf.js';
import { loadPdfFonts } from '../../reports/pdf/pdf-fonts.js';
import { statusReportPdf } from '../../reports/pdf/status-report-pdf.js';
import { optionalString, requiredString } from '../arguments.js';
import { ASSESSMENT_INPUT_OPTIONS, assessRequestOf } from '../assessment-arguments.js';
import { BENCHMARK_SOURCE_OPTIONS, benchmarkRequestOf } from '../benchmark-arguments.js';
import { EXIT_OK, type Command, type CommandIo, type ParsedArguments } from '../command.js';
import { checkOutOption, FORCE_HELP, writeOutputFile } from '../output.js';
import {
  STATUS_REPORT_INPUTS_HELP,
  STATUS_REPORT_OPTIONS,
  statusReportRequestOf,
} from './status-report.js';

export const REPORT_FORMATS = ['pdf', 'xlsx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_KINDS = ['status', 'assessment', 'benchmark'] as const;
type ReportKind = (typeof REPORT_KINDS)[number];

interface Rendered {
  readonly pdf: () => Promise<Uint8Array>;
  readonly xlsx: () => Promise<Uint8Array>;
  readonly json: () => unknown;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'Rapporterne som PDF, Excel eller JSON: kvartalsvis status, årlig opgørelse, benchmark',
  help: `Brug: tilsyn report status     --month ÅÅÅÅ-MM KILDER [--contacts FIL] --out FIL [--format pdf|xlsx|json] [--force]
       tilsyn report assessment (--year ÅR | --from ÅR --to ÅR) KILDER [--status FIL]
                                [--minimum-requirements FIL] --out FIL [...]
       tilsyn report benchmark  --year ÅR KILDER [--measures FIL] --out FIL [...]

Skriver en rapport som PDF (med indlejrede skrifter, figurer som
vektorgrafik), som Excel-projektmappe (rigtige celler med danske talformater,
frosne overskrifter) eller rapportens data som JSON:

  status      Opfølgning på kommunernes afgivelse af samtaler og tilbud mv.:
              figur 1, tabel 1-3, bilag, anmærkninger og kilde
  assessment  Den årlige opgørelse for det sidste år (--year eller --to):
              resultatmål, fokusmål, status før og efter, afgørelse med
              hjemmel og frister for hver kommune
  benchmark   Placering 1-98 på resultatmålet og benchmarkmålingerne, de
              bedste og dårligste fremhævet, hver kommune mod sin klynge

Kilder: som tilsyn status-report, tilsyn assess og tilsyn benchmark
(--focus og --rates, eller --load; benchmark: --load, --framework og
--actual, --official, --measures).

Tilvalg:
  --out FIL        filen der skrives
  --format F       pdf, xlsx eller json (standard: efter filens endelse)
${FORCE_HELP}
Status:
${STATUS_REPORT_INPUTS_HELP}
  --help           vis denne hjælp`,
  options: {
    ...STATUS_REPORT_OPTIONS,
    ...ASSESSMENT_INPUT_OPTIONS,
    ...BENCHMARK_SOURCE_OPTIONS,
    format: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const kind = reportKind(args.positionals[0] ?? '');
    const format = reportFormat(args);
    await checkOutOption(args, io, [
      'focus',
      'rates',
      'status',
      'minimum-requirements',
      'load',
      'contacts',
      'framework',
      'actual',
      'official',
      'measures',
    ]);
    const rendered = await render(kind, args, io);
    const content =
      format === 'json'
        ? `${JSON.stringify(rendered.json(), null, 2)}\n`
        : format === 'pdf'
          ? await rendered.pdf()
          : await rendered.xlsx();
    await writeOutputFile(args, io, content);
    return EXIT_OK;
  },
};

function reportKind(text: string): ReportKind {
  const kind = REPORT_KINDS.find((candidate) => candidate === text);
  if (kind === undefined)
    throw new UsageError(`ukendt rapport "${text}"; vælg status, assessment eller benchmark`);
  return kind;
}

/** `--format`, or the extension of `--out`. */
function reportFormat(args: ParsedArguments): ReportFormat {
  const out = requiredString(args, 'out');
  const text = optionalString(args, 'format') ?? extname(out).slice(1).toLowerCase();
  const format = REPORT_FORMATS.find((candidate) => candidate === text);
  if (format === undefined)
    throw new UsageError(
      `--format skal være pdf, xlsx eller json (eller --out skal ende på .pdf, .xlsx eller .json), ikke "${text}"`,
    );
  return format;
}

async function render(kind: ReportKind, args: ParsedArguments, io: CommandIo): Promise<Rendered> {
  switch (kind) {
    case 'status': {
      const report = await statusReportOfMonth(statusReportRequestOf(args, io));
      return {
        pdf: async () => statusReportPdf(report, await loadPdfFonts()),
        xlsx: () => statusReportWorkbook(report),
        json: () => report,
      };
    }
    case 'assessment': {
      const { history, names } = await assessYears(assessRequestOf(args, io));
      const last = history.years[history.years.length - 1];
      if (last === undefined) throw new UsageError('ingen opgørelsesår');
      const report = assessmentReport(last, names.plainNameOf);
      return {
        pdf: async () => assessmentReportPdf(report, await loadPdfFonts()),
        xlsx: () => assessmentReportWorkbook(report),
        json: () => report,
      };
    }
    case 'benchmark': {
      const { report, notes, nameOf } = await benchmarkPeriod(benchmarkRequestOf(args, io));
      const data = benchmarkReportData(report, nameOf, notes);
      return {
        pdf: async () => benchmarkReportPdf(data, await loadPdfFonts()),
        xlsx: () => benchmarkReportWorkbook(data),
        json: () => data,
      };
    }
  }
}
