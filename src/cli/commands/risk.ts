/**
 * `tilsyn risk --month M`: the risk view of a month (the tables of the
 * quarterly status report) from the aggregated files.
 */
import { riskOfMonth } from '../../pipeline/risk.js';
import { riskJson, riskReport } from '../../reports/risk-report.js';
import { UsageError } from '../../files/usage-error.js';
import { riskCsv } from '../../reports/csv/risk-csv.js';
import { flag, optionalString, requiredMonth, requiredString } from '../arguments.js';
import { EXIT_OK, type Command } from '../command.js';
import { checkOutOption, emit, writeOutputFile } from '../output.js';

export const riskCommand: Command = {
  name: 'risk',
  summary: 'Risikobillede for en måned: kommuner, der misser et fokusmål og resultatmålet',
  help: `Brug: tilsyn risk --month ÅÅÅÅ-MM --focus FIL --rates FIL [--json] [--out FIL]

Viser for måneden de kommuner, der ikke opfylder fokusmålet om samtaler
(tabel 1) eller om tilbud mv. (tabel 2) i gennemsnit over de seneste 12
måneder, og som heller ikke opfylder resultatmålet, sorteret efter
passivandel — med landstallene, om målet kan begrunde en afgørelse, og
hvilke kommuner der er "på grænsen". Måneden bedømmes efter grænserne i den
opgørelse, den tæller med i (opgørelsen af månedens år, efter reglerne i
kraft 1. april året efter).
Resultatmålet bruger ydelsesgraderne for det seneste år, der er afsluttet ved
månedens udgang (året før, eller samme år for december).

Tilvalg:
  --month ÅÅÅÅ-MM  måneden
  --focus FIL      månedlige fokusmålinger (focus_measures)
  --rates FIL      forventede og faktiske ydelsesgrader (expected_rates)
  --json           skriv som JSON (skema tilsyn.risk/1, se docs/cli.md)
  --out FIL        skriv til filen i stedet for skærmen
  --excel          skriv --out som CSV til Excel (semikolon, decimalkomma,
                   UTF-8 med BOM, danske overskrifter og kommunenavne)
  --force          overskriv --out, hvis filen findes
  --help           vis denne hjælp`,
  options: {
    month: { type: 'string' },
    focus: { type: 'string' },
    rates: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    excel: { type: 'boolean' },
    force: { type: 'boolean' },
  },
  async run(args, io) {
    const month = requiredMonth(args, 'month');
    const excel = flag(args, 'excel');
    if (excel && optionalString(args, 'out') === undefined)
      throw new UsageError('--excel skriver en fil: angiv --out FIL');
    await checkOutOption(args, io, ['focus', 'rates']);
    const { view, names, files } = await riskOfMonth({
      month,
      files: { focus: requiredString(args, 'focus'), rates: requiredString(args, 'rates') },
      cwd: io.cwd,
    });
    if (excel) {
      await writeOutputFile(args, io, riskCsv(view, names.plainNameOf));
      return EXIT_OK;
    }
    const text = flag(args, 'json')
      ? `${JSON.stringify(riskJson(view, names.plainNameOf), null, 2)}\n`
      : riskReport(view, names.nameOf, files);
    await emit(args, io, text);
    return EXIT_OK;
  },
};
