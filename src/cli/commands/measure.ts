/**
 * `tilsyn measure --load ID|DIR --from YYYY-MM --to YYYY-MM --out DIR`:
 * computes every measure of measures.md from a stored load and writes the
 * monthly focus measures (the aggregated `focus_measures` format) and the
 * other measures as files.
 */
import { resolve } from 'node:path';
import { checkOutputFile, checkOutputFolder } from '../../files/output-target.js';
import { outputRuleOf } from '../output.js';
import { refuseSimulationMeasureFolder } from '../../pipeline/simulation-output.js';
import { monthIndex } from '../../core/calendar/year-month.js';
import { defaultWorkers } from '../../measuring/run-measures.js';
import { measureLoad } from '../../pipeline/measure.js';
import { formatDanishNumber } from '../../core/danish-format.js';
import {
  flag,
  optionalInteger,
  optionalString,
  requiredMonth,
  requiredString,
} from '../arguments.js';
import { personsMonth } from '../../pipeline/passive-cases.js';
import { EXIT_OK, type Command } from '../command.js';
import { DATA_DIRECTORY_HELP, DATA_DIRECTORY_OPTION } from '../data-directory.js';
import { LOAD_ARGUMENT_HELP, loadSource } from '../load-argument.js';
import { UsageError } from '../../files/usage-error.js';
import { OFFICIAL_RULES } from '../../core/rules/official-rules.js';
import { parseRuleOverrides } from '../../core/rules/rule-overrides.js';
import { simulateMeasures } from '../../pipeline/reform-simulation.js';
import { measureSimulationText } from '../../reports/simulation-report.js';
import { ruleSettings } from '../rule-settings.js';

export const measureCommand: Command = {
  name: 'measure',
  summary: 'Beregn månedlige fokusmålinger og de øvrige målinger fra en indlæsning',
  help: `Brug: tilsyn measure --load ID|MAPPE --from ÅÅÅÅ-MM --to ÅÅÅÅ-MM --out MAPPE [--workers N]
                       [--persons FIL [--persons-month ÅÅÅÅ-MM]]

Beregner alle målinger fra en gemt indlæsning (mikrodata): målgruppe og
passive for fokusmålene pr. kommune, måned, ydelsesgruppe og ydelse, den
faktiske ydelsesgrad, den tidlige indsats med AMK-reglen og
benchmarkmålingerne. Skriver til MAPPE:

  focus_measures.csv            kommune, måned, mål, afgrænsning, målgruppe, passive
  national_focus_measures.csv   hele landet (summen af kommunerne) med andel
  minimum_requirements.csv      minimumskravene under administration (§ 12, stk. 1,
                                nr. 1) pr. kommune og måned: målgruppe, opfylder,
                                andel, krav i kraft, opfyldt
  benefit_rates.csv             faktisk ydelsesgrad pr. år og halvår
  early_effort.csv              tidlig indsats pr. måned (kohorte, krav ikke opfyldt)
  early_effort_alerts.csv       henvendelser og redegørelser (STARs brev af 4. maj 2021)
  benchmark_measures.csv        varighed, afgang til job, passivmål, virksomhedsrettet indsats
  measure_run.json              indlæsning, regelversioner, parametre, tider

Samme indlæsning giver de samme tal, kørsel efter kørsel. Måneder efter
indlæsningens dataperiode (se tilsyn loads) afvises.

Tilvalg:
${LOAD_ARGUMENT_HELP}
  --from ÅÅÅÅ-MM     første måned
  --to ÅÅÅÅ-MM       sidste måned
  --out MAPPE        hvor filerne skrives (de skrives i en midlertidig mappe og
                     flyttes på plads samlet; en mappe, der ikke er tom,
                     kræver --force)
  --force            erstat resultaterne i en mappe, der ikke er tom, og en
                     eksisterende --persons FIL
  --workers N        antal tråde (standard: ${defaultWorkers()})
  --persons FIL      skriv også målgruppen person for person i en måned til FIL
                     (person_id som pseudonym, municipality, benefit,
                     passive_offers, passive_conversations): personfilen til
                     tilsyn sample --persons. Personhenførbare data
  --persons-month ÅÅÅÅ-MM
                     måneden for --persons (standard: --to), fx december i det
                     år, der udvalgte kommunen
  --excel            skriv også CSV-filerne til Excel i MAPPE/excel/ (semikolon,
                     decimalkomma, UTF-8 med BOM, danske overskrifter og
                     kommunenavne); filerne ovenfor er uændrede
  --set ID=VÆRDI     reformsimulering: mål også med reglen ID sat til VÆRDI (på
                     alle datoer; ID@ÅÅÅÅ-MM-DD=VÆRDI fra datoen), skriv de
                     simulerede filer og simulation_changes.csv (hvert tal, der
                     ændres) og vis, hvilke tal der ændres. Kan gentages; kun
                     regler for målingerne (se tilsyn rules --json). Mappen må
                     ikke indeholde officielle målinger og ikke ligge i datamappen
${DATA_DIRECTORY_HELP}
  --help             vis denne hjælp`,
  options: {
    load: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    workers: { type: 'string' },
    persons: { type: 'string' },
    'persons-month': { type: 'string' },
    excel: { type: 'boolean' },
    force: { type: 'boolean' },
    set: { type: 'string', multiple: true },
    ...DATA_DIRECTORY_OPTION,
  },
  async run(args, io) {
    const from = requiredMonth(args, 'from');
    const to = requiredMonth(args, 'to');
    if (monthIndex(to) < monthIndex(from))
      throw new UsageError(`--to (${to}) ligger før --from (${from})`);
    requiredString(args, 'out');
    const workers = optionalInteger(args, 'workers');
    if (workers !== undefined && (workers < 1 || workers > 64))
      throw new UsageError(`--workers skal være mellem 1 og 64, ikke ${workers}`);
    const overrides = parseRuleOverrides(OFFICIAL_RULES, ruleSettings(args));
    const personsFile = optionalString(args, 'persons');
    const personsMonthGiven =
      optionalString(args, 'persons-month') === undefined
        ? undefined
        : requiredMonth(args, 'persons-month');
    if (personsFile === undefined && personsMonthGiven !== undefined)
      throw new UsageError('--persons-month kræver --persons FIL');
    const rule = outputRuleOf(args, io, ['load']);
    const out = resolve(io.cwd, requiredString(args, 'out'));
    if (overrides.length > 0) {
      // An earlier simulation may be replaced; inputs and the store never.
      await checkOutputFolder(out, { ...rule, force: true });
      if (personsFile !== undefined)
        throw new UsageError('--persons skriver den officielle målgruppe, ikke en simulering');
      if (flag(args, 'excel'))
        throw new UsageError('--excel skriver officielle målinger, ikke en simulering');
      const simulation = await simulateMeasures({
        overrides,
        load: loadSource(args, io),
        from,
        to,
        out,
        workers,
      });
      io.stdout(
        measureSimulationText(simulation.rules, simulation.overrides, simulation.comparison) +
          `Skrevet til ${out}: ${simulation.files.map((file) => file.name).join(', ')}\n`,
      );
      return EXIT_OK;
    }
    await refuseSimulationMeasureFolder(out);
    await checkOutputFolder(out, rule);
    if (personsFile !== undefined)
      await checkOutputFile(resolve(io.cwd, personsFile), rule, '--persons');
    const { loadId, run, files, persons, excel } = await measureLoad({
      load: loadSource(args, io),
      from,
      to,
      out,
      workers,
      excel: flag(args, 'excel'),
      ...(personsFile === undefined
        ? {}
        : {
            persons: {
              file: resolve(io.cwd, personsFile),
              month: personsMonth(from, to, personsMonthGiven),
            },
          }),
    });
    const seconds = (milliseconds: number) => formatDanishNumber(milliseconds / 1000, 1);
    io.stdout(
      [
        `Målinger ${from} … ${to} fra indlæsning ${loadId}`,
        `  ${formatDanishNumber(run.personCount)} personer, ${formatDanishNumber(run.events)} rækker`,
        `  læst på ${seconds(run.timings.readMilliseconds)} s, beregnet på ${seconds(run.timings.measureMilliseconds)} s (${run.workers} tråde)`,
        `Skrevet til ${out}:`,
        ...files.map((file) => `  ${file.name.padEnd(30)} ${formatDanishNumber(file.rows)} rækker`),
        ...excel.map((name) => `  excel/${name.padEnd(24)} til Excel`),
        ...(persons === undefined || personsFile === undefined
          ? []
          : [
              `Målgruppen person for person (${personsMonth(from, to, personsMonthGiven)}): ${formatDanishNumber(persons.count)} personer i ${personsFile}`,
            ]),
        '',
      ].join('\n'),
    );
    return EXIT_OK;
  },
};
