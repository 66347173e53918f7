/**
 * `tilsyn risk --month M`: the risk view of a month (the tables of the
 * quarterly status report) from the aggregated files.
 */
import { riskOfMonth } from '../../pipeline/risk.js';
import { riskJson, riskReport } from '../../reports/risk-report.js';
import { flag, requiredMonth, requiredString } from '../arguments.js';
import { EXIT_OK, type Command } from '../command.js';
import { emit } from '../output.js';

export const riskCommand: Command = {
  name: 'risk',
  summary: 'Risikobillede for en måned: kommuner, der misser et fokusmål og resultatmålet',
  help: `Brug: tilsyn risk --month ÅÅÅÅ-MM --focus FIL --rates FIL [--json] [--out FIL]

Viser for måneden de kommuner, der ikke opfylder fokusmålet om samtaler
(tabel 1) eller om tilbud mv. (tabel 2) i gennemsnit over de seneste 12
måneder, og som heller ikke opfylder resultatmålet, sorteret efter
passivandel — med landstallene, om målet kan begrunde en afgørelse efter
reglerne i kraft ved månedens udgang, og hvilke kommuner der er "på grænsen".
Resultatmålet bruger ydelsesgraderne for det seneste år, der er afsluttet ved
månedens udgang (året før, eller samme år for december).

Tilvalg:
  --month ÅÅÅÅ-MM  måneden
  --focus FIL      månedlige fokusmålinger (focus_measures)
  --rates FIL      forventede og faktiske ydelsesgrader (expected_rates)
  --json           skriv som JSON (skema tilsyn.risk/1, se docs/cli.md)
  --out FIL        skriv til filen i stedet for skærmen
  --help           vis denne hjælp`,
  options: {
    month: { type: 'string' },
    focus: { type: 'string' },
    rates: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
  },
  async run(args, io) {
    const month = requiredMonth(args, 'month');
    const { view, names, files } = await riskOfMonth({
      month,
      files: { focus: requiredString(args, 'focus'), rates: requiredString(args, 'rates') },
      cwd: io.cwd,
    });
    const text = flag(args, 'json')
      ? `${JSON.stringify(riskJson(view, names.plainNameOf), null, 2)}\n`
      : riskReport(view, names.nameOf, files);
    await emit(args, io, text);
    return EXIT_OK;
  },
};
