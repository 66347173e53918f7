/**
 * `tilsyn assess`: the annual assessment of one year, or the life of the
 * cases over several years, from the aggregated files.
 */
import { assessmentJson } from '../../reports/assessment-json.js';
import { assessmentReport } from '../../reports/assessment-report.js';
import { assessYears, type AssessmentSource } from '../../pipeline/assess.js';
import { flag, optionalString, optionalYear, requiredString } from '../arguments.js';
import { EXIT_OK, type Command, type CommandIo, type ParsedArguments } from '../command.js';
import { DATA_DIRECTORY_HELP, DATA_DIRECTORY_OPTION, dataDirectory } from '../data-directory.js';
import { loadSource } from '../load-argument.js';
import { emit } from '../output.js';
import { UsageError } from '../../files/usage-error.js';
import { resolve } from 'node:path';
import { OFFICIAL_RULES } from '../../core/rules/official-rules.js';
import { parseRuleOverrides } from '../../core/rules/rule-overrides.js';
import { simulateAssessments } from '../../pipeline/reform-simulation.js';
import { refuseOfficialReportFile } from '../../pipeline/simulation-output.js';
import {
  assessmentSimulationJson,
  assessmentSimulationText,
} from '../../reports/simulation-report.js';
import { ruleSettings } from '../rule-settings.js';

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
  --set ID=VÆRDI   reformsimulering: opgør også med reglen ID sat til VÆRDI (på
                   alle datoer; ID@ÅÅÅÅ-MM-DD=VÆRDI fra datoen) og vis, hvilke
                   kommuners afgørelser der ændres, og hvorfor. Kan gentages; id'erne
                   er dem, tilsyn rules --json viser. En regel for målingerne
                   kræver --load. Resultatet er en simulering og siger det; det
                   skrives aldrig over officielle resultater eller i datamappen
${DATA_DIRECTORY_HELP}
  --help           vis denne hjælp`,
  options: {
    ...DATA_DIRECTORY_OPTION,
    load: { type: 'string' },
    year: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    focus: { type: 'string' },
    rates: { type: 'string' },
    status: { type: 'string' },
    json: { type: 'boolean' },
    all: { type: 'boolean' },
    out: { type: 'string' },
    set: { type: 'string', multiple: true },
  },
  async run(args, io) {
    const { fromYear, toYear } = assessmentYears(args);
    const status = optionalString(args, 'status');
    const overrides = parseRuleOverrides(OFFICIAL_RULES, ruleSettings(args));
    if (overrides.length > 0) {
      const out = optionalString(args, 'out');
      if (out !== undefined)
        await refuseOfficialReportFile(resolve(io.cwd, out), dataDirectory(args, io));
      const simulation = await simulateAssessments({
        overrides,
        fromYear,
        toYear,
        cwd: io.cwd,
        source: assessmentSource(args, io),
        ...(status === undefined ? {} : { status }),
      });
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
    const { history, names } = await assessYears({
      fromYear,
      toYear,
      cwd: io.cwd,
      source: assessmentSource(args, io),
      ...(status === undefined ? {} : { status }),
    });
    const text = flag(args, 'json')
      ? `${JSON.stringify(assessmentJson(history, names.plainNameOf), null, 2)}\n`
      : assessmentReport(history, names.nameOf, { all: flag(args, 'all') });
    await emit(args, io, text);
    return EXIT_OK;
  },
};

/** `--focus` and `--rates`, or `--load` with optional official `--rates`. */
function assessmentSource(args: ParsedArguments, io: CommandIo): AssessmentSource {
  if (optionalString(args, 'load') === undefined)
    return {
      kind: 'files',
      files: { focus: requiredString(args, 'focus'), rates: requiredString(args, 'rates') },
    };
  if (optionalString(args, 'focus') !== undefined)
    throw new UsageError('--load beregner fokusmålingerne og kan ikke kombineres med --focus');
  const rates = optionalString(args, 'rates');
  return { kind: 'load', load: loadSource(args, io), ...(rates === undefined ? {} : { rates }) };
}

function assessmentYears(args: ParsedArguments): {
  fromYear: number;
  toYear: number;
} {
  const year = optionalYear(args, 'year');
  const from = optionalYear(args, 'from');
  const to = optionalYear(args, 'to');
  if (year !== undefined) {
    if (from !== undefined || to !== undefined)
      throw new UsageError('brug enten --year eller --from og --to, ikke begge');
    return { fromYear: year, toYear: year };
  }
  if (from === undefined || to === undefined)
    throw new UsageError('angiv --year ÅR, eller --from ÅR og --to ÅR');
  if (to < from) throw new UsageError(`--to (${to}) ligger før --from (${from})`);
  return { fromYear: from, toYear: to };
}
