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
import {
  ASSESSMENT_INPUT_OPTIONS,
  MINIMUM_REQUIREMENTS_HELP,
  assessRequestOf,
} from '../assessment-arguments.js';
import { EXIT_OK, type Command } from '../command.js';
import { DATA_DIRECTORY_HELP } from '../data-directory.js';
import { checkOutOption, emit, outputRuleOf, writeOutputFile } from '../output.js';
import { checkOutputFile } from '../../files/output-target.js';
import { OFFICIAL_RULES } from '../../core/rules/official-rules.js';
import { parseRuleOverrides } from '../../core/rules/rule-overrides.js';
import type { RuleOverride } from '../../core/rules/rule-book.js';
import { simulateAssessments } from '../../pipeline/reform-simulation.js';
import { refuseOfficialReportFile } from '../../pipeline/simulation-output.js';
import {
  assessmentSimulationJson,
  assessmentSimulationText,
} from '../../reports/simulation-report.js';
import { ruleSettings } from '../rule-settings.js';
import { dataDirectory } from '../data-directory.js';
import { resolve } from 'node:path';
import type { CommandIo, ParsedArguments } from '../command.js';

/** What an assessment reads. */
const ASSESSMENT_INPUTS = ['focus', 'rates', 'status', 'minimum-requirements', 'load'] as const;

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
${MINIMUM_REQUIREMENTS_HELP}
  --json           skriv resultatet som JSON (skema tilsyn.assess/1, se docs/cli.md)
  --all            vis alle kommuner i tabellen, ikke kun dem med en afgørelse
  --out FIL        skriv til filen i stedet for skærmen
  --excel          skriv --out som CSV til Excel: én række pr. kommune og år
                   (semikolon, decimalkomma, UTF-8 med BOM, danske overskrifter)
  --force          overskriv --out, hvis filen findes
  --set ID=VÆRDI   reformsimulering: opgør også med reglen ID sat til VÆRDI (på
                   alle datoer; ID@ÅÅÅÅ-MM-DD=VÆRDI fra datoen) og vis, hvilke
                   kommuners afgørelser der ændres, og hvorfor. Kan gentages; id'erne
                   er dem, tilsyn rules --json viser. En regel for målingerne
                   kræver --load. Resultatet er en simulering og siger det; det
                   skrives aldrig over officielle resultater eller i datamappen
${DATA_DIRECTORY_HELP}
  --help           vis denne hjælp`,
  options: {
    ...ASSESSMENT_INPUT_OPTIONS,
    json: { type: 'boolean' },
    all: { type: 'boolean' },
    excel: { type: 'boolean' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    set: { type: 'string', multiple: true },
  },
  async run(args, io) {
    const overrides = parseRuleOverrides(OFFICIAL_RULES, ruleSettings(args));
    if (overrides.length > 0) return simulate(args, io, overrides);
    if (flag(args, 'excel') && optionalString(args, 'out') === undefined)
      throw new UsageError('--excel skriver en fil: angiv --out FIL');
    if (flag(args, 'excel') && flag(args, 'json'))
      throw new UsageError('vælg enten --json eller --excel');
    await checkOutOption(args, io, ASSESSMENT_INPUTS);
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

/**
 * `--set`: the reform simulation — the assessments under the rules in force
 * and with the overrides, compared (src/pipeline/reform-simulation.ts).
 */
async function simulate(
  args: ParsedArguments,
  io: CommandIo,
  overrides: readonly RuleOverride[],
): Promise<number> {
  if (flag(args, 'excel'))
    throw new UsageError('--excel skriver officielle resultater, ikke en simulering');
  const out = optionalString(args, 'out');
  if (out !== undefined) {
    await refuseOfficialReportFile(resolve(io.cwd, out), dataDirectory(args, io));
    // An earlier simulation's report may be replaced; inputs and the store never.
    await checkOutputFile(resolve(io.cwd, out), {
      ...outputRuleOf(args, io, ASSESSMENT_INPUTS),
      force: true,
    });
  }
  const simulation = await simulateAssessments({ ...assessRequestOf(args, io), overrides });
  const { names, files } = simulation;
  await emit(
    args,
    io,
    flag(args, 'json')
      ? `${JSON.stringify(assessmentSimulationJson(simulation, names.plainNameOf, files), null, 2)}\n`
      : assessmentSimulationText(simulation, names.nameOf, files),
  );
  return EXIT_OK;
}
