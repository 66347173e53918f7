/**
 * `tilsyn assess`: the annual assessment of one year, or the life of the
 * cases over several years, from the aggregated files.
 */
import { assessmentReport as assessmentReportData } from '../../core/assessment-report/assessment-report.js';
import { assessmentJson } from '../../presentation/assessment-json.js';
import { assessmentReport } from '../../presentation/assessment-report.js';
import { assessmentCsv } from '../../reports/csv/assessment-csv.js';
import { readMunicipalities } from '../../reference/municipalities.js';
import { flag, optionalString } from '../arguments.js';
import { ASSESSMENT_INPUT_OPTIONS, assessmentsFromArguments } from '../assessment-arguments.js';
import { EXIT_OK, type Command } from '../command.js';
import { DATA_DIRECTORY_HELP } from '../data-directory.js';
import { emit } from '../legal-inputs.js';
import { writeOutputFile } from '../output-file.js';
import { UsageError } from '../usage-error.js';

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
  --json           skriv resultatet som JSON (skema tilsyn.assess/1, se README)
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
    const { history, names } = await assessmentsFromArguments(args, io);
    if (flag(args, 'excel')) {
      const municipalities = await readMunicipalities();
      await writeOutputFile(
        args,
        io,
        assessmentCsv(history.years.map((year) => assessmentReportData(year, municipalities))),
      );
      return EXIT_OK;
    }
    const text = flag(args, 'json')
      ? `${JSON.stringify(assessmentJson(history, names.plainNameOf), null, 2)}\n`
      : assessmentReport(history, names.nameOf, { all: flag(args, 'all') });
    await emit(args, io, text);
    return EXIT_OK;
  },
};
