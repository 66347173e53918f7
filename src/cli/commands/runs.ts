/**
 * `tilsyn runs measure|assess|list|approve|issue|differences`: the case
 * system's measurement and assessment runs from the command line
 * (docs/cli.md). `measure` and `assess` start the job and wait for it.
 */
import { CLI_ACTOR } from '../../cases/actor.js';
import {
  approveRun,
  differencesToIssued,
  listAssessmentRuns,
  runAssessment,
  STATUS_LABELS,
} from '../../cases/assessment-runs.js';
import { issueRun } from '../../cases/issue-run.js';
import { listMeasurementRuns, runMeasurement } from '../../cases/measurement-runs.js';
import { DECISION_LABELS, type DecisionKind } from '../../core/domain/supervision.js';
import { formatDanishNumber } from '../../core/danish-format.js';
import { UsageError } from '../../files/usage-error.js';
import {
  flag,
  optionalString,
  optionalYear,
  requiredInteger,
  requiredString,
  requiredYear,
} from '../arguments.js';
import { DATABASE_HELP, DATABASE_OPTIONS, withCaseSystem } from '../case-database.js';
import { EXIT_BAD_INPUT, EXIT_OK, type Command } from '../command.js';

export const runsCommand: Command = {
  name: 'runs',
  summary: 'Målekørsler og vurderingskørsler i sagssystemet (start, godkend, udsted)',
  help: `Brug: tilsyn runs measure --load ID --from ÅR [--to ÅR]
       tilsyn runs assess --measurement KØRSEL --year ÅR
       tilsyn runs list [--json]
       tilsyn runs approve --run KØRSEL
       tilsyn runs issue --run KØRSEL [--send-date ÅÅÅÅ-MM-DD]
       tilsyn runs differences --run KØRSEL [--json]

measure   måler en gemt indlæsning (januar i --from til december i --to) og
          gemmer fokusmål, minimumskrav, ydelsesandele og de forventede
          andele fra benchmarkmodellen i databasen; venter på kørslen.
assess    vurderer året fra en målekørsel, ud fra de udstedte afgørelser for
          årene før; resultatet er en kladde.
list      viser kørslerne, nyeste først.
approve   godkender en kladde.
issue     udsteder en godkendt kørsel: afgørelser, underretninger med
          afsendelsesdato (--send-date, ellers i dag) og de frister, der løber
          fra dem. Afgørelser, der kræver vurdering, skal være truffet først.
differences viser, hvor kørslen afviger fra den udstedte kørsel for samme år.

Tilvalg:
  --load ID            indlæsningen ("current" eller et id)
  --from ÅR, --to ÅR   de målte år
  --measurement N      målekørslen
  --year ÅR            vurderingsåret
  --run N              vurderingskørslen
  --send-date DATO     underretningernes afsendelsesdato
  --json               skriv som JSON
${DATABASE_HELP}
  --help               vis denne hjælp`,
  positionals: { min: 1, max: 1 },
  options: {
    load: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    measurement: { type: 'string' },
    year: { type: 'string' },
    run: { type: 'string' },
    'send-date': { type: 'string' },
    json: { type: 'boolean' },
    ...DATABASE_OPTIONS,
  },
  async run(args, io) {
    const action = args.positionals[0];
    const json = flag(args, 'json');
    switch (action) {
      case 'measure': {
        const load = requiredString(args, 'load');
        const fromYear = requiredYear(args, 'from');
        const toYear = optionalYear(args, 'to') ?? fromYear;
        const run = await withCaseSystem(args, io, (system) =>
          runMeasurement(system, CLI_ACTOR, { load, fromYear, toYear }),
        );
        if (run.status !== 'done') {
          io.stderr(`Målekørsel ${run.id} fejlede: ${run.error ?? 'ukendt fejl'}\n`);
          return EXIT_BAD_INPUT;
        }
        io.stdout(
          `Målekørsel ${run.id}: indlæsning ${run.load_id}, ${run.from_month} – ${run.to_month}, regler ${run.rules_version}: færdig.\n`,
        );
        return EXIT_OK;
      }
      case 'assess': {
        const measurementRunId = requiredInteger(args, 'measurement');
        const year = requiredYear(args, 'year');
        const { run, decisions } = await withCaseSystem(args, io, (system) =>
          runAssessment(system, CLI_ACTOR, { measurementRunId, year }),
        );
        if (run.status !== 'draft') {
          io.stderr(`Vurderingskørsel ${run.id} fejlede: ${run.error ?? 'ukendt fejl'}\n`);
          return EXIT_BAD_INPUT;
        }
        const counts = Object.entries(decisions)
          .map(
            ([kind, count]) =>
              `  ${DECISION_LABELS[kind as DecisionKind]}: ${formatDanishNumber(count)}`,
          )
          .join('\n');
        io.stdout(
          `Vurderingskørsel ${run.id} for ${year} (regler ${run.rules_version}) er en kladde:\n${counts}\n`,
        );
        return EXIT_OK;
      }
      case 'list': {
        const runs = await withCaseSystem(args, io, async (system) => ({
          measurements: await listMeasurementRuns(system.database),
          assessments: await listAssessmentRuns(system.database),
        }));
        if (json) {
          io.stdout(`${JSON.stringify(runs, null, 2)}\n`);
          return EXIT_OK;
        }
        const lines = ['Målekørsler:'];
        for (const run of runs.measurements)
          lines.push(
            `  ${run.id}  ${run.status}  indlæsning ${run.load_id}  ${run.from_month} – ${run.to_month}${run.error === null ? '' : `  ${run.error}`}`,
          );
        lines.push('Vurderingskørsler:');
        for (const run of runs.assessments)
          lines.push(
            `  ${run.id}  ${run.year}  ${STATUS_LABELS[run.status]}  målekørsel ${run.measurement_run_id ?? '-'}${run.error === null ? '' : `  ${run.error}`}`,
          );
        io.stdout(`${lines.join('\n')}\n`);
        return EXIT_OK;
      }
      case 'approve': {
        const runId = requiredInteger(args, 'run');
        await withCaseSystem(args, io, (system) => approveRun(system, CLI_ACTOR, runId));
        io.stdout(`Vurderingskørsel ${runId} er godkendt.\n`);
        return EXIT_OK;
      }
      case 'issue': {
        const runId = requiredInteger(args, 'run');
        const sendDate = optionalString(args, 'send-date');
        const result = await withCaseSystem(args, io, (system) =>
          issueRun(system, CLI_ACTOR, { runId, sendDate }),
        );
        io.stdout(
          `Vurderingskørsel ${runId} for ${result.year} er udstedt: ${formatDanishNumber(result.decisions)} afgørelser, ${formatDanishNumber(result.notices)} underretninger, ${formatDanishNumber(result.deadlines)} frister, ${formatDanishNumber(result.letters)} breve gemt.\n`,
        );
        return EXIT_OK;
      }
      case 'differences': {
        const runId = requiredInteger(args, 'run');
        const result = await withCaseSystem(args, io, (system) =>
          differencesToIssued(system.database, runId),
        );
        if (json) {
          io.stdout(`${JSON.stringify(result, null, 2)}\n`);
          return EXIT_OK;
        }
        if (result.issuedRunId === undefined) {
          io.stdout(`Der er ingen udstedt kørsel for ${result.year} at sammenligne med.\n`);
          return EXIT_OK;
        }
        const lines = [
          `Vurderingskørsel ${runId} mod den udstedte kørsel ${result.issuedRunId} for ${result.year}: ${result.differences.length} kommuner afviger.`,
        ];
        for (const difference of result.differences)
          lines.push(
            `  ${difference.municipality}: ${difference.issued.decision} → ${difference.run.decision} (${difference.changes.join(', ')})`,
          );
        io.stdout(`${lines.join('\n')}\n`);
        return EXIT_OK;
      }
      default:
        throw new UsageError(
          `ukendt handling "${action ?? ''}"; brug measure, assess, list, approve, issue eller differences`,
        );
    }
  },
};
