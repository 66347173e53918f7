/**
 * `tilsyn status-report --month M`: the data of the agency's quarterly status
 * report (issue 9 § 3) as text, JSON (`tilsyn.status-report/1`) or CSV for
 * Excel. The PDF and workbook come from `tilsyn report status`.
 */
import { UsageError } from '../../files/usage-error.js';
import { statusReportOfMonth } from '../../pipeline/status-report.js';
import { statusReportCsv } from '../../reports/csv/status-report-csv.js';
import { statusReportText } from '../../reports/text/status-report-text.js';
import { flag, optionalString, requiredMonth } from '../arguments.js';
import { assessmentSource } from '../assessment-arguments.js';
import {
  EXIT_OK,
  type Command,
  type CommandIo,
  type OptionsConfig,
  type ParsedArguments,
} from '../command.js';
import { DATA_DIRECTORY_HELP, DATA_DIRECTORY_OPTION } from '../data-directory.js';
import { checkOutOption, FORCE_HELP, writeOutputFile, type InputOption } from '../output.js';
import type { StatusReportRequest } from '../../pipeline/status-report.js';

/** What the status report reads. */
export const STATUS_REPORT_INPUTS: readonly InputOption[] = ['focus', 'rates', 'load', 'contacts'];

export const STATUS_REPORT_OPTIONS: OptionsConfig = {
  ...DATA_DIRECTORY_OPTION,
  month: { type: 'string' },
  load: { type: 'string' },
  focus: { type: 'string' },
  rates: { type: 'string' },
  contacts: { type: 'string' },
};

export const STATUS_REPORT_INPUTS_HELP = `  --month ÅÅÅÅ-MM  rapportens måned
  --focus FIL      månedlige fokusmålinger (focus_measures) for mindst de 29
                   måneder op til måneden (figur 1 og dens gennemsnit)
  --rates FIL      forventede og faktiske ydelsesgrader (expected_rates); med
                   --load: officielle tal (Y30R21 eller expected_rates)
  --load ID|MAPPE  beregn fokusmålingerne og ydelsesgraderne af en indlæsning
                   (benchmarkmodellen giver de forventede, når --rates mangler)
  --contacts FIL   AMK's kontakter til tabel 3 (municipality, first_contact,
                   wants_assistance ja|nej|ikke_besluttet, mapping_done ja|nej,
                   effort); uden den er kolonnerne tomme
${DATA_DIRECTORY_HELP}`;

/** The status report's request of the command line. */
export function statusReportRequestOf(args: ParsedArguments, io: CommandIo): StatusReportRequest {
  const contacts = optionalString(args, 'contacts');
  return {
    month: requiredMonth(args, 'month'),
    cwd: io.cwd,
    source: assessmentSource(args, io),
    ...(contacts === undefined ? {} : { contacts }),
  };
}

export const statusReportCommand: Command = {
  name: 'status-report',
  summary: 'Kvartalsvis status: opfølgning på kommunernes afgivelse af samtaler og tilbud mv.',
  help: `Brug: tilsyn status-report --month ÅÅÅÅ-MM (--focus FIL --rates FIL | --load ID|MAPPE [--rates FIL])
                            [--contacts FIL] [--json | --excel] [--out FIL [--force]]

Beregner alt, hvad den kvartalsvise statusrapport viser for måneden: andelen
af passive på landsplan for hvert fokusmål måned for måned de seneste 18
måneder med grænserne i den opgørelse, hver måned tæller med i (figur 1),
tabel 1 og 2 (kommuner, der ikke opfylder fokusmålet om samtaler hhv. tilbud
mv. og resultatmålet), tabel 3 (AMK's kontakter), bilaget med alle kommuners
fokusmålinger for de seneste 3 måneder og 12-måneders gennemsnittene, samt
anmærkninger og kilde med indlæsningen. PDF og Excel: tilsyn report status.
Se docs/reports.md.

Tilvalg:
${STATUS_REPORT_INPUTS_HELP}
  --json           skriv rapportens data som JSON (skema tilsyn.status-report/1)
  --excel          skriv kommunerne som CSV til Excel (semikolon, decimalkomma,
                   UTF-8 med BOM, danske overskrifter); kræver --out
  --out FIL        skriv til filen i stedet for skærmen
${FORCE_HELP}
  --help           vis denne hjælp`,
  options: {
    ...STATUS_REPORT_OPTIONS,
    json: { type: 'boolean' },
    excel: { type: 'boolean' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run(args, io) {
    if (flag(args, 'json') && flag(args, 'excel'))
      throw new UsageError('vælg enten --json eller --excel');
    if (flag(args, 'excel') && optionalString(args, 'out') === undefined)
      throw new UsageError('--excel skriver en fil: angiv --out FIL');
    await checkOutOption(args, io, STATUS_REPORT_INPUTS);
    const report = await statusReportOfMonth(statusReportRequestOf(args, io));
    const content = flag(args, 'excel')
      ? statusReportCsv(report)
      : flag(args, 'json')
        ? `${JSON.stringify(report, null, 2)}\n`
        : statusReportText(report);
    if (typeof content === 'string' && optionalString(args, 'out') === undefined)
      io.stdout(content);
    else await writeOutputFile(args, io, content);
    return EXIT_OK;
  },
};
