/**
 * `tilsyn status-report --month M`: the data of the agency's quarterly status
 * report (issue 9 § 3) as text, JSON (`tilsyn.status-report/1`) or CSV for
 * Excel. The PDF and workbook come from `tilsyn report status`.
 */
import { statusReport } from '../../core/status-report/status-report.js';
import { statusReportCsv } from '../../reports/csv/status-report-csv.js';
import { statusReportText } from '../../reports/text/status-report-text.js';
import { flag, optionalString, requiredMonth } from '../arguments.js';
import { EXIT_OK, type Command } from '../command.js';
import { FORCE_HELP, refuseExistingOutput, writeOutputFile } from '../output-file.js';
import {
  readStatusReportRequest,
  STATUS_REPORT_INPUTS_HELP,
  STATUS_REPORT_OPTIONS,
} from '../status-report-inputs.js';
import { UsageError } from '../usage-error.js';

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
    const month = requiredMonth(args, 'month');
    await refuseExistingOutput(args, io);
    if (flag(args, 'json') && flag(args, 'excel'))
      throw new UsageError('vælg enten --json eller --excel');
    if (flag(args, 'excel') && optionalString(args, 'out') === undefined)
      throw new UsageError('--excel skriver en fil: angiv --out FIL');
    const report = statusReport(await readStatusReportRequest(args, io, month));
    const content = flag(args, 'excel')
      ? statusReportCsv(report)
      : flag(args, 'json')
        ? `${JSON.stringify(report, null, 2)}\n`
        : statusReportText(report);
    if (optionalString(args, 'out') === undefined) io.stdout(content as string);
    else await writeOutputFile(args, io, content);
    return EXIT_OK;
  },
};
