/**
 * `tilsyn assess`: the annual assessment of one year, or the life of the
 * cases over several years, from the aggregated files.
 */
import { resolve } from 'node:path';
import { missingAssessmentInputs } from '../../core/assessment/assessment-inputs.js';
import type { CaseState } from '../../core/assessment/case-state.js';
import { runAssessments } from '../../core/lifecycle/run-assessments.js';
import { readStatus } from '../../aggregates/read-status.js';
import { assessmentJson } from '../../presentation/assessment-json.js';
import { assessmentReport } from '../../presentation/assessment-report.js';
import type { AssessmentInputs, MissingInput } from '../../core/assessment/assessment-inputs.js';
import type { ExpectedRate } from '../../core/benchmark/expected-rates.js';
import { parseRuleOverrides } from '../../core/rules/rule-overrides.js';
import { simulateAssessments, type SimulationSource } from '../../pipeline/reform-simulation.js';
import { refuseOfficialReportFile } from '../../pipeline/simulation-output.js';
import {
  assessmentSimulationJson,
  assessmentSimulationText,
} from '../../reports/simulation-report.js';
import { ruleSettings } from '../rule-settings.js';
import { MunicipalityNameMatcher } from '../../core/benchmark/municipality-names.js';
import { readOfficialFigures } from '../../benchmark-io/read-official-figures.js';
import { assessmentInputsOfLoad } from '../../pipeline/assessment-inputs-of-load.js';
import { readMunicipalities } from '../../reference/municipalities.js';
import { flag, optionalString, optionalYear, requiredString } from '../arguments.js';
import { EXIT_OK, type Command, type CommandIo } from '../command.js';
import { DATA_DIRECTORY_HELP, DATA_DIRECTORY_OPTION, dataDirectory } from '../data-directory.js';
import { openLoadArgument } from '../load-argument.js';
import { UsageError } from '../usage-error.js';
import {
  emit,
  municipalityNames,
  readAggregatedInputs,
  refuseMissing,
  type InputFiles,
  type MunicipalityNames,
} from '../legal-inputs.js';
import { OFFICIAL_RULES } from '../../core/rules/official-rules.js';

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
    const names = await municipalityNames();
    const settings = ruleSettings(args);
    if (settings.length > 0) return simulate(args, io, names, settings, { fromYear, toYear });
    const { inputs, files } =
      optionalString(args, 'load') === undefined
        ? await readAggregatedInputs(args, io, names)
        : await readLoadInputs(args, io, names, fromYear, toYear);
    for (let year = fromYear; year <= toYear; year += 1)
      refuseMissing(missingAssessmentInputs(OFFICIAL_RULES, inputs, year), files, names);
    const initial = await initialStates(args, io, names, fromYear);
    const history = runAssessments(OFFICIAL_RULES, fromYear, toYear, inputs, initial);
    const text = flag(args, 'json')
      ? `${JSON.stringify(assessmentJson(history, names.plainNameOf), null, 2)}\n`
      : assessmentReport(history, names.nameOf, { all: flag(args, 'all') });
    await emit(args, io, text);
    return EXIT_OK;
  },
};

/** The cases before the first year: from `--status`, or none under supervision. */
async function initialStates(
  args: Parameters<Command['run']>[0],
  io: CommandIo,
  names: MunicipalityNames,
  fromYear: number,
): Promise<Map<number, CaseState>> {
  const statusFile = optionalString(args, 'status');
  return statusFile === undefined
    ? new Map<number, CaseState>()
    : await readStatus(resolve(io.cwd, statusFile), statusFile, names.known, fromYear);
}

/** `--rates` as official figures (an expected_rates file or a Y30R21 export), when given with `--load`. */
async function officialFigures(
  args: Parameters<Command['run']>[0],
  io: CommandIo,
  names: MunicipalityNames,
): Promise<readonly ExpectedRate[] | undefined> {
  const ratesFile = optionalString(args, 'rates');
  if (ratesFile === undefined) return undefined;
  const figures = await readOfficialFigures(
    resolve(io.cwd, ratesFile),
    ratesFile,
    names.known,
    new MunicipalityNameMatcher(await readMunicipalities()),
  );
  return figures.rates;
}

/**
 * `--set`: the reform simulation. The assessments under the rules in force
 * and with the overrides, compared (src/pipeline/reform-simulation.ts).
 */
async function simulate(
  args: Parameters<Command['run']>[0],
  io: CommandIo,
  names: MunicipalityNames,
  settings: readonly string[],
  years: { fromYear: number; toYear: number },
): Promise<number> {
  const overrides = parseRuleOverrides(OFFICIAL_RULES, settings);
  const out = optionalString(args, 'out');
  if (out !== undefined)
    await refuseOfficialReportFile(resolve(io.cwd, out), dataDirectory(args, io));
  const initialStatesBefore = await initialStates(args, io, names, years.fromYear);
  const request = (source: SimulationSource, files: InputFiles) => ({
    overrides,
    ...years,
    initialStates: initialStatesBefore,
    source,
    refuseMissing: (missing: readonly MissingInput[]) => {
      refuseMissing(missing, files, names);
    },
  });
  let simulation;
  let files: InputFiles;
  if (optionalString(args, 'load') === undefined) {
    const read = await readAggregatedInputs(args, io, names);
    files = read.files;
    simulation = await simulateAssessments(request({ kind: 'files', inputs: read.inputs }, files));
  } else {
    if (optionalString(args, 'focus') !== undefined)
      throw new UsageError('--load beregner fokusmålingerne og kan ikke kombineres med --focus');
    const official = await officialFigures(args, io, names);
    const opened = await openLoadArgument(
      requiredString(args, 'load'),
      dataDirectory(args, io),
      io,
    );
    try {
      const loadName = `indlæsning ${opened.load.id}`;
      files = {
        focus: loadName,
        rates: optionalString(args, 'rates') ?? `benchmarkmodellen (${loadName})`,
      };
      simulation = await simulateAssessments(
        request(
          {
            kind: 'load',
            load: opened.load,
            municipalities: names.codes,
            ...(official === undefined ? {} : { official }),
          },
          files,
        ),
      );
    } finally {
      await opened.release();
    }
  }
  const text = flag(args, 'json')
    ? `${JSON.stringify(assessmentSimulationJson(simulation, names.plainNameOf, files), null, 2)}\n`
    : assessmentSimulationText(simulation, names.nameOf, files);
  await emit(args, io, text);
  return EXIT_OK;
}

/** `--load`: the focus measures and actual rates computed from a load; expected rates official or modelled. */
async function readLoadInputs(
  args: Parameters<Command['run']>[0],
  io: CommandIo,
  names: MunicipalityNames,
  fromYear: number,
  toYear: number,
): Promise<{ inputs: AssessmentInputs; files: InputFiles }> {
  if (optionalString(args, 'focus') !== undefined)
    throw new UsageError('--load beregner fokusmålingerne og kan ikke kombineres med --focus');
  const ratesFile = optionalString(args, 'rates');
  const official = await officialFigures(args, io, names);
  const opened = await openLoadArgument(requiredString(args, 'load'), dataDirectory(args, io), io);
  try {
    const { inputs } = await assessmentInputsOfLoad({
      load: opened.load,
      fromYear,
      toYear,
      municipalities: names.codes,
      rules: OFFICIAL_RULES,
      ...(official === undefined ? {} : { official }),
    });
    const loadName = `indlæsning ${opened.load.id}`;
    return {
      inputs,
      files: { focus: loadName, rates: ratesFile ?? `benchmarkmodellen (${loadName})` },
    };
  } finally {
    await opened.release();
  }
}

function assessmentYears(args: Parameters<Command['run']>[0]): {
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
