/**
 * `tilsyn demo`: the main job. Generates a synthetic national data set (or
 * reuses it), loads it, computes every measure, fits the benchmark model and
 * runs the annual assessments with the life of the cases — the whole system
 * on an embedded store, end to end. Writes every result to an output folder
 * and prints a summary.
 */
import { join } from 'node:path';
import { formatDanishNumber } from '../../core/danish-format.js';
import { UsageError } from '../../files/usage-error.js';
import { DEMO_DEFAULTS, runDemo } from '../../pipeline/demo.js';
import { decisionCounts, lifeOfCases } from '../../reports/assessment-report.js';
import { optionalNumber, optionalYear } from '../arguments.js';
import { EXIT_OK, type Command } from '../command.js';
import { DATA_DIRECTORY_HELP, DATA_DIRECTORY_OPTION, dataDirectory } from '../data-directory.js';
import { whoIsRunning } from '../load-argument.js';

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

    const started = performance.now();
    const seconds = (milliseconds: number) => `${formatDanishNumber(milliseconds / 1000, 1)} s`;
    const elapsed = () => seconds(performance.now() - started);
    // Each step's own time, on its own line when the step ends.
    let stepStarted = started;
    const stepDone = () => {
      const now = performance.now();
      const line = `     tog ${seconds(now - stepStarted)}\n`;
      stepStarted = now;
      return line;
    };
    io.stdout(
      `tilsyn demo — syntetisk datasæt i skala ${formatDanishNumber(scale, 2)}, frø ${seed}\n`,
    );
    const { history, names, output } = await runDemo({
      dataDirectory: dataDirectory(args, io),
      scale,
      seed,
      fromYear,
      toYear,
      now: io.now(),
      createdBy: whoIsRunning(io),
      progress: (event) => {
        switch (event.step) {
          case 'generate':
            io.stdout('  1. Genererer datasættet …\n');
            return;
          case 'reuse-raw':
            io.stdout('  1. Datasættet findes allerede og genbruges\n');
            return;
          case 'load':
            io.stdout(`${stepDone()}  2. Indlæser og kontrollerer det …\n`);
            return;
          case 'reuse-load':
            io.stdout(`${stepDone()}  2. Indlæsningen er allerede i brug og genbruges\n`);
            return;
          case 'measure':
            io.stdout(
              `     indlæsning ${event.load.id}: ${formatDanishNumber(event.load.manifest.persons)} personer\n` +
                stepDone() +
                `  3. Beregner målinger ${fromYear}-01 … ${toYear}-12 og benchmarkmodellen for hvert år …\n`,
            );
            return;
          case 'assess':
            io.stdout(`${stepDone()}  4. Foretager de årlige opgørelser ${fromYear}–${toYear} …\n`);
            return;
        }
      },
    });
    io.stdout(
      [
        stepDone().trimEnd(),
        '',
        ...history.years.map((year) => `Opgørelsen af ${year.year}: ${decisionCounts(year)}.`),
        '',
        lifeOfCases(history, names.nameOf),
        '',
        `Færdig på ${elapsed()} i alt. Resultater i ${output}:`,
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
