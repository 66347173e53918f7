/**
 * `tilsyn assess`: the annual assessment of one year, or the life of the
 * cases over several years, from the aggregated files.
 */
import { assessmentReport as assessmentReportData } from '../../core/assessment-report/assessment-report.js';
import { assessmentJson } from '../../reports/assessment-json.js';
import { assessmentReport } from '../../reports/assessment-report.js';
import { assessmentCsv } from '../../reports/csv/assessment-csv.js';
import { assessYears } from '../../pipeline/assess.js';
import { UsageError } from '../../files/usage-error.js';
import { flag, optionalString } from '../arguments.js';
import { ASSESSMENT_INPUT_OPTIONS, assessRequestOf } from '../assessment-arguments.js';
import { EXIT_OK, type Command } from '../command.js';
import { DATA_DIRECTORY_HELP } from '../data-directory.js';
import { emit, refuseExistingOutput, writeOutputFile } from '../output.js';

export const assessCommand: Command = {
  name: 'assess',
  summary: 'Den årlige opgørelse: afgørelser, begrundelser, §§ og frister for alle 98 kommuner',
  help: `Brug: tilsyn assess --year ÅR --focus FIL --rates FIL [--status FIL] [--json] [--all] [--out FIL]
       tilsyn assess --from ÅR --to ÅR --focus FIL --rates FIL [--status FIL] [--json] [--all] [--out FIL]
       tilsyn assess --from ÅR --to ÅR --load ID|MAPPE [--rates FIL] [--status FIL] [...]

Foretager den årlige opgørelse af året (eller årene i rækkefølge, så hver
kommunes status og måling ved udvælgelsen føres videre) for alle 98 kommuner:
resultatmålet, fokusmålene og afgørelsen — udvælgelse, ophør, forlængelse,
administration — med begrundelse, hjemmel (§ i den regelversion, der gælder
1. april året efter) og de frister, afgørelsen sætter.

Tilvalg:
  --year ÅR        opgørelsesåret
  --from ÅR        første opgørelsesår (med --to)
  --to ÅR          sidste opgørelsesår
  --focus FIL      månedlige fokusmålinger (focus_measures: municipality, month,
                   goal, target, passive [, scope])
  --rates FIL      forventede og faktiske ydelsesgrader: en expected_rates-fil
                   eller en Jobindsats Y30R21-eksport (officielle tal)
  --load ID|MAPPE  beregn fokusmålingerne og de faktiske ydelsesgrader af en
                   indlæsning (id, "current", indlæsningsmappe eller mappe med
                   rå datafiler); de forventede ydelsesgrader kommer fra
                   --rates, når den er angivet, og ellers fra benchmarkmodellen
                   estimeret på indlæsningens rammevilkår for hvert år
  --status FIL     status før det første år (municipality, status [, selected_year,
                   baseline_offers, baseline_conversations]); uden den er ingen
                   kommune under skærpet tilsyn
  --json           skriv resultatet som JSON (skema tilsyn.assess/1, se docs/cli.md)
  --all            vis alle kommuner i tabellen, ikke kun dem med en afgørelse
  --out FIL        skriv til filen i stedet for skærmen
  --excel          skriv --out som CSV til Excel: én række pr. kommune og år
                   (semikolon, decimalkomma, UTF-8 med BOM, danske overskrifter)
  --force          overskriv --out med --excel, hvis filen findes
${DATA_DIRECTORY_HELP}
  --help           vis denne hjælp`,
  options: {
    ...ASSESSMENT_INPUT_OPTIONS,
    json: { type: 'boolean' },
    all: { type: 'boolean' },
    excel: { type: 'boolean' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run(args, io) {
    if (flag(args, 'excel') && optionalString(args, 'out') === undefined)
      throw new UsageError('--excel skriver en fil: angiv --out FIL');
    if (flag(args, 'excel') && flag(args, 'json'))
      throw new UsageError('vælg enten --json eller --excel');
    if (flag(args, 'excel')) await refuseExistingOutput(args, io);
    const { history, names } = await assessYears(assessRequestOf(args, io));
    if (flag(args, 'excel')) {
      const years = history.years.map((year) => assessmentReportData(year, names.plainNameOf));
      await writeOutputFile(args, io, assessmentCsv(years));
      return EXIT_OK;
    }
    const text = flag(args, 'json')
      ? `${JSON.stringify(assessmentJson(history, names.plainNameOf), null, 2)}\n`
      : assessmentReport(history, names.nameOf, { all: flag(args, 'all') });
    await emit(args, io, text);
    return EXIT_OK;
  },
};
