/**
 * Measurement runs: a stored load measured under the rule book, as a job.
 * The run computes every municipality's monthly focus-goal aggregates, the
 * minimum requirements under administration, the actual benefit rates and
 * the expected rates (official figures are not given here: the benchmark
 * model fitted per year on the load's framework conditions), with the
 * existing pipeline (`assessmentInputsOfLoad`), and stores them in one
 * transaction with the run's `done`. A failure records the error and
 * changes nothing else.
 */
import type { Kysely } from 'kysely';
import { yearOfQuarter } from '../core/benchmark/benchmark-period.js';
import { lastDayOf, yearMonthOf } from '../core/calendar/year-month.js';
import { formatDanishNumber } from '../core/danish-format.js';
import { rulesInForce } from '../core/rules/rules-in-force.js';
import { openLoad } from '../loading/load-catalog.js';
import {
  benefitRatesOf,
  minimumRequirementsOf,
  monthlyAggregatesOf,
} from '../measuring/measure-results.js';
import { assessmentInputsOfLoad } from '../pipeline/assessment-inputs-of-load.js';
import { municipalityNames } from '../pipeline/legal-inputs.js';
import { legalSourceJson } from '../reports/legal-source-json.js';
import type { DatabaseSchema, MeasurementRunRow } from '../storage/schema.js';
import type { Actor } from './actor.js';
import { requireRole } from './actor.js';
import { appendAudit } from './audit.js';
import { CaseError } from './case-error.js';
import type { CaseSystem } from './case-system.js';
import type { JobHandle } from './job-runner.js';

export interface MeasurementRunRequest {
  /** `current`, a load id or a load folder. */
  readonly load: string;
  /** The first and last calendar year measured (January … December). */
  readonly fromYear: number;
  readonly toYear: number;
}

export interface StartedJob extends JobHandle {
  readonly runId: number;
}

const BATCH = 1000;

/** Queues a measurement run of a stored load; the run's row tracks the job. */
export async function startMeasurementRun(
  system: CaseSystem,
  actor: Actor,
  request: MeasurementRunRequest,
): Promise<StartedJob> {
  requireRole(actor, ['ministry'], 'At starte en målekørsel');
  const { fromYear, toYear } = request;
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || toYear < fromYear)
    throw new CaseError('bad_years', `Årene ${fromYear}–${toYear} er ikke en periode.`);
  const load = await openLoad(system.dataDirectory, request.load);
  const fromMonth = yearMonthOf(fromYear, 1);
  const toMonth = yearMonthOf(toYear, 12);
  const rules = rulesInForce(system.book, lastDayOf(toMonth));
  const run = await system.database.transaction().execute(async (transaction) => {
    const inserted = await transaction
      .insertInto('measurement_runs')
      .values({
        load_id: load.id,
        rules_version: rules.version.id,
        from_month: fromMonth,
        to_month: toMonth,
        created_by: actor.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(transaction, actor, {
      action: 'measurement_run.start',
      subjectTable: 'measurement_runs',
      subjectId: inserted.id,
      details: { load: load.id, fromMonth, toMonth },
    });
    return inserted;
  });
  const handle = system.jobs.enqueue(() =>
    measure(system, actor, run.id, { ...request, load: load.folder }),
  );
  return { runId: run.id, finished: handle.finished };
}

async function measure(
  system: CaseSystem,
  actor: Actor,
  runId: number,
  request: MeasurementRunRequest,
): Promise<void> {
  const { database } = system;
  let current: Step = MEASUREMENT_STEPS.reading;
  const step = async (next: Step, options: { started?: Date } = {}) => {
    current = next;
    await progress(database, runId, next, options);
  };
  try {
    await step(MEASUREMENT_STEPS.reading, { started: system.now() });
    // The run is recorded as official: every stored byte is checked against the manifest.
    const load = await openLoad(system.dataDirectory, request.load, { check: 'checksum' });
    const names = await municipalityNames();
    const { run, expectedRates } = await assessmentInputsOfLoad({
      load,
      fromYear: request.fromYear,
      toYear: request.toYear,
      municipalities: names.codes,
      rules: system.book,
      onStep: (name) => step(MEASUREMENT_STEPS[name]),
    });
    const focus = monthlyAggregatesOf(run);
    const minimum = minimumRequirementsOf(run);
    const rates = benefitRatesOf(run);
    await step({
      fraction: MEASUREMENT_STEPS.storing.fraction,
      text: `Gemmer ${formatDanishNumber(focus.length)} fokusmål, ${formatDanishNumber(minimum.length)} minimumskrav, ${formatDanishNumber(rates.length)} ydelsesandele og ${formatDanishNumber(expectedRates.length)} benchmarkresultater`,
    });
    // One transaction: a failure while storing leaves nothing of the run behind.
    await database.transaction().execute(async (transaction) => {
      for (const batch of batches(focus)) {
        await transaction
          .insertInto('measured_focus_measures')
          .values(
            batch.map((row) => ({
              measurement_run_id: runId,
              municipality_code: row.municipality,
              month: row.month,
              goal: row.goal,
              scope: row.scope,
              target: row.target,
              passive: row.passive,
              passive_share: row.target === 0 ? null : (row.passive / row.target) * 100,
            })),
          )
          .execute();
      }
      for (const batch of batches(minimum)) {
        await transaction
          .insertInto('measured_minimum_requirements')
          .values(
            batch.map((row) => ({
              measurement_run_id: runId,
              municipality_code: row.municipality,
              month: row.month,
              requirement: row.requirement,
              target: row.target,
              met: row.met,
              share: row.share ?? null,
              required: row.required,
              fulfilled: row.fulfilled,
              legal_basis: JSON.stringify(legalSourceJson(row.legalBasis)),
            })),
          )
          .execute();
      }
      for (const batch of batches(rates)) {
        await transaction
          .insertInto('measured_benefit_rates')
          .values(
            batch.map((row) => ({
              measurement_run_id: runId,
              municipality_code: row.municipality,
              period: row.period.label,
              year: row.period.year,
              benefit_days: row.benefitDays,
              days_in_period: row.daysInPeriod,
              full_time_persons: row.fullTimePersons,
              residents: row.residents ?? null,
              actual_share: row.actualShare ?? null,
            })),
          )
          .execute();
      }
      for (const batch of batches(expectedRates)) {
        await transaction
          .insertInto('benchmark_results')
          .values(
            batch.map((rate) => ({
              measurement_run_id: runId,
              municipality_code: rate.municipality,
              year: yearOfQuarter(rate.period.lastQuarter),
              expected_share: rate.expectedShare,
              actual_share: rate.actualShare,
              details: JSON.stringify(rate),
            })),
          )
          .execute();
      }
      await transaction
        .updateTable('measurement_runs')
        .set({
          status: 'done',
          progress: MEASUREMENT_STEPS.done.fraction,
          progress_text: MEASUREMENT_STEPS.done.text,
          finished_at: system.now(),
        })
        .where('id', '=', runId)
        .execute();
      await appendAudit(transaction, actor, {
        action: 'measurement_run.done',
        subjectTable: 'measurement_runs',
        subjectId: runId,
        details: {
          focusMeasures: focus.length,
          minimumRequirements: minimum.length,
          benefitRates: rates.length,
          expectedRates: expectedRates.length,
        },
      });
    });
  } catch (error) {
    await failRun(system, actor, 'measurement_runs', runId, error, current.text);
  }
}

/**
 * Records a job's failure: status, message and time; nothing else changes
 * (the progress stays where the failing step set it). `during` names the
 * step that failed, for the message.
 */
export async function failRun(
  system: CaseSystem,
  actor: Actor,
  table: 'measurement_runs' | 'assessment_runs',
  runId: number,
  error: unknown,
  during?: string,
): Promise<void> {
  const cause = error instanceof Error ? error.message : String(error);
  const message =
    during === undefined
      ? cause
      : `Kørslen fejlede under trinnet "${during}": ${cause.replace(/\.?$/, '.')} Intet fra kørslen er gemt.`;
  await system.database.transaction().execute(async (transaction) => {
    await transaction
      .updateTable(table)
      .set({ status: 'failed', error: message, progress_text: 'Fejlet', finished_at: system.now() })
      .where('id', '=', runId)
      .execute();
    await appendAudit(transaction, actor, {
      action: `${table === 'measurement_runs' ? 'measurement_run' : 'assessment_run'}.failed`,
      subjectTable: table,
      subjectId: runId,
      outcome: 'ok',
      details: { error: message },
    });
  });
}

interface Step {
  readonly fraction: number;
  readonly text: string;
}

/**
 * The steps of a measurement run as its progress shows them (GET on the
 * run): each step sets its fraction and Danish text when it begins, so the
 * progress only increases; `Færdig` at 1 when everything is stored. The
 * fractions are rough shares of the time a national load takes.
 */
export const MEASUREMENT_STEPS = {
  reading: { fraction: 0.05, text: 'Læser indlæsningen og kontrollerer filerne' },
  measuring: {
    fraction: 0.15,
    text: 'Måler fokusmål, minimumskrav og ydelsesandele måned for måned',
  },
  benchmark: { fraction: 0.6, text: 'Beregner benchmark (forventede ydelsesandele)' },
  storing: { fraction: 0.8, text: 'Gemmer resultaterne' },
  done: { fraction: 1, text: 'Færdig' },
} as const satisfies Record<string, Step>;

async function progress(
  database: Kysely<DatabaseSchema>,
  runId: number,
  step: Step,
  options: { started?: Date } = {},
): Promise<void> {
  await database
    .updateTable('measurement_runs')
    .set({
      ...(options.started === undefined ? {} : { status: 'running', started_at: options.started }),
      progress: step.fraction,
      progress_text: step.text,
    })
    .where('id', '=', runId)
    .execute();
}

function* batches<T>(rows: readonly T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += BATCH) yield rows.slice(start, start + BATCH);
}

/** A measurement run, or a clear refusal. */
export async function measurementRun(
  database: Kysely<DatabaseSchema>,
  runId: number,
): Promise<MeasurementRunRow> {
  const row = await database
    .selectFrom('measurement_runs')
    .selectAll()
    .where('id', '=', runId)
    .executeTakeFirst();
  if (row === undefined)
    throw new CaseError('no_such_run', `Målekørsel ${runId} findes ikke.`, 'not_found');
  return row;
}

/** Every measurement run, newest first. */
export async function listMeasurementRuns(
  database: Kysely<DatabaseSchema>,
): Promise<MeasurementRunRow[]> {
  return database.selectFrom('measurement_runs').selectAll().orderBy('id', 'desc').execute();
}

/** Starts a measurement run and waits for it (the CLI's way): the finished run's row. */
export async function runMeasurement(
  system: CaseSystem,
  actor: Actor,
  request: MeasurementRunRequest,
): Promise<MeasurementRunRow> {
  const started = await startMeasurementRun(system, actor, request);
  await started.finished;
  return measurementRun(system.database, started.runId);
}
