/**
 * `tilsyn demo`: the main job. Generates a synthetic national data set (or
 * reuses it), loads it, computes every measure, fits the benchmark model and
 * runs the annual assessments with the life of the cases — the whole system
 * on an embedded store, end to end. Writes every result to an output folder
 * and prints a summary.
 */
import { join } from 'node:path';
import { runAssessments } from '../../core/lifecycle/run-assessments.js';
import { writeFileAtomic } from '../../files/atomic-write.js';
import { writeExpectedRates } from '../../reports/write-expected-rates.js';
import { writeMeasures } from '../../measuring/write-measures.js';
import { assessmentInputsOfLoad } from '../../pipeline/assessment-inputs-of-load.js';
import { prepareSyntheticLoad } from '../../pipeline/synthetic-load.js';
import { assessmentJson } from '../../reports/assessment-json.js';
import { assessmentReport, decisionCounts, lifeOfCases } from '../../reports/assessment-report.js';
import { formatDanishNumber } from '../../core/danish-format.js';
import { optionalNumber, optionalYear } from '../arguments.js';
import { EXIT_OK, type Command } from '../command.js';
import { DATA_DIRECTORY_HELP, DATA_DIRECTORY_OPTION, dataDirectory } from '../data-directory.js';
import { municipalityNames } from '../../pipeline/legal-inputs.js';
import { whoIsRunning } from '../load-argument.js';
import { UsageError } from '../../files/usage-error.js';

export const DEMO_DEFAULTS = { scale: 0.1, seed: 1, fromYear: 2021, toYear: 2025 } as const;

export const demoCommand: Command = {
  name: 'demo',
  summary:
    'Hele systemet på syntetiske data: generér, indlæs, beregn, benchmark, årlige opgørelser',
  help: `Brug: tilsyn demo [--scale S] [--seed N] [--from ÅR] [--to ÅR] [--data-dir MAPPE]

Kører hele kæden på et syntetisk nationalt datasæt:
  1. genererer datasættet (tilsyn generate; genbruges ved næste kørsel),
  2. indlæser det (tilsyn load; genbruges, når det allerede er i brug),
  3. beregner alle målinger og benchmarkmodellen for hvert år,
  4. foretager de årlige opgørelser i rækkefølge med sagsforløbet.
Resultaterne skrives til MAPPE/demo/resultater: målingerne (som tilsyn
measure), opgørelsesrapporten og den samme som JSON.

Tilvalg:
  --scale S          datasættets størrelse, 1 ≈ hele landet (standard ${DEMO_DEFAULTS.scale})
  --seed N           frø til den syntetiske generator (standard ${DEMO_DEFAULTS.seed})
  --from ÅR          første opgørelsesår (standard ${DEMO_DEFAULTS.fromYear})
  --to ÅR            sidste opgørelsesår (standard ${DEMO_DEFAULTS.toYear})
${DATA_DIRECTORY_HELP}
  --help             vis denne hjælp`,
  options: {
    ...DATA_DIRECTORY_OPTION,
    scale: { type: 'string' },
    seed: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  },
  async run(args, io) {
    const scale = optionalNumber(args, 'scale') ?? DEMO_DEFAULTS.scale;
    if (!(scale > 0 && scale <= 10)) throw new UsageError(`--scale skal være over 0 og højst 10`);
    const seed = optionalNumber(args, 'seed') ?? DEMO_DEFAULTS.seed;
    if (!Number.isInteger(seed) || seed < 0)
      throw new UsageError('--seed skal være et ikke-negativt heltal');
    const fromYear = optionalYear(args, 'from') ?? DEMO_DEFAULTS.fromYear;
    const toYear = optionalYear(args, 'to') ?? DEMO_DEFAULTS.toYear;
    if (toYear < fromYear) throw new UsageError(`--to (${toYear}) ligger før --from (${fromYear})`);
    if (fromYear < 2020 || toYear > 2025)
      throw new UsageError(
        'det syntetiske datasæt dækker 2019–2025: vælg opgørelsesår i 2020–2025',
      );

    const data = dataDirectory(args, io);
    const demoFolder = join(data, 'demo');
    const started = performance.now();
    const elapsed = () => `${formatDanishNumber((performance.now() - started) / 1000, 1)} s`;
    io.stdout(
      `tilsyn demo — syntetisk datasæt i skala ${formatDanishNumber(scale, 2)}, frø ${seed}\n`,
    );
    const synthetic = await prepareSyntheticLoad({
      folder: demoFolder,
      dataDirectory: data,
      scale,
      seed,
      now: io.now(),
      createdBy: whoIsRunning(io),
      progress: (step) => {
        io.stdout(
          {
            generate: '  1. Genererer datasættet …\n',
            'reuse-raw': '  1. Datasættet findes allerede og genbruges\n',
            load: `  2. Indlæser og kontrollerer det … (${elapsed()})\n`,
            'reuse-load': '  2. Indlæsningen er allerede i brug og genbruges\n',
          }[step],
        );
      },
    });
    const load = synthetic.load;
    io.stdout(
      `     indlæsning ${load.id}: ${formatDanishNumber(load.manifest.persons)} personer (${elapsed()})\n` +
        `  3. Beregner målinger ${fromYear}-01 … ${toYear}-12 og benchmarkmodellen for hvert år …\n`,
    );
    const names = await municipalityNames();
    const { inputs, run, expectedRates } = await assessmentInputsOfLoad({
      load,
      fromYear,
      toYear,
      municipalities: names.codes,
    });
    const output = join(demoFolder, 'resultater');
    await writeMeasures(output, run, { loadId: load.id, loadFolder: load.folder });
    await writeExpectedRates(join(output, 'expected_rates.csv'), expectedRates);
    io.stdout(`  4. Foretager de årlige opgørelser ${fromYear}–${toYear} … (${elapsed()})\n\n`);
    const history = runAssessments(fromYear, toYear, inputs);
    await writeFileAtomic(
      join(output, 'opgoerelser.txt'),
      assessmentReport(history, names.nameOf, { all: false }),
    );
    await writeFileAtomic(
      join(output, 'opgoerelser.json'),
      `${JSON.stringify(assessmentJson(history, names.plainNameOf), null, 2)}\n`,
    );
    io.stdout(
      [
        ...history.years.map((year) => `Opgørelsen af ${year.year}: ${decisionCounts(year)}.`),
        '',
        lifeOfCases(history, names.nameOf),
        '',
        `Færdig på ${elapsed()}. Resultater i ${output}:`,
        '  focus_measures.csv, benefit_rates.csv, … (målingerne, som tilsyn measure skriver dem)',
        '  expected_rates.csv (benchmarkmodellens forventede ydelsesgrader for hvert år)',
        '  opgoerelser.txt (afgørelser med begrundelse, hjemmel og frister), opgoerelser.json',
        '',
        'Videre herfra:',
        `  tilsyn assess --from ${fromYear} --to ${toYear} --load current --all    hele opgørelsen`,
        `  tilsyn risk --month ${toYear}-06 --focus ${join(output, 'focus_measures.csv')} --rates ${join(output, 'expected_rates.csv')}`,
        `  tilsyn explain --load current --person <person_id> --month ${toYear}-12   én persons forløb`,
        '  tilsyn --help                                                   alle kommandoer',
        '',
      ].join('\n'),
    );
    return EXIT_OK;
  },
};
