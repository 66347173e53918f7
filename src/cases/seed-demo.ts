/**
 * A demo case database for the web application's main job: a synthetic
 * national load generated and loaded (or reused), measured, the assessments
 * of the demo years approved and issued in order (each "kræver vurdering"
 * resolved with a reason), and for the first municipality selected: its
 * notice, account, recovery plan with milestones, a meeting and an AMK
 * contact. One user per role, all with the same known demo password.
 *
 * Everything goes through the case system's services, as a real session
 * would; the result is an ordinary database.
 */
import { join } from 'node:path';
import { addDays, formatDanishDate, isoDateOf } from '../core/calendar/iso-date.js';
import { yearMonthOf } from '../core/calendar/year-month.js';
import { prepareSyntheticLoad } from '../pipeline/synthetic-load.js';
import type { Database } from '../storage/database.js';
import { SYSTEM_ACTOR, type Actor } from './actor.js';
import { recordAmkContact } from './amk-contacts.js';
import {
  approveRun,
  assessmentRun,
  possibleDecisions,
  resolveJudgement,
  startAssessmentRun,
} from './assessment-runs.js';
import { amkOf } from './case-access.js';
import { CaseError } from './case-error.js';
import { caseSystem, type CaseSystem } from './case-system.js';
import { issueRun } from './issue-run.js';
import { inviteMeeting } from './meetings.js';
import { measurementRun, startMeasurementRun } from './measurement-runs.js';
import { submitAccount, submitRecoveryPlan } from './recovery-plans.js';
import { actorOf, addUser } from './users.js';

export const DEMO_SEED_DEFAULTS = {
  scale: 0.01,
  seed: 7,
  fromYear: 2021,
  toYear: 2025,
  password: 'demo-kodeord',
} as const;

export interface DemoSeedOptions {
  /** The data directory: the load store, and `demo/` for the raw files. */
  readonly dataDirectory: string;
  readonly scale?: number;
  readonly seed?: number;
  /** The first and last assessment year (both measured). */
  readonly fromYear?: number;
  readonly toYear?: number;
  /** The password of every demo user (at least 10 characters). */
  readonly password?: string;
  /** Told as each step starts, in Danish. */
  readonly progress?: (step: string) => void;
}

export interface DemoSeedResult {
  readonly loadId: string;
  readonly measurementRunId: number;
  readonly assessmentRunIds: readonly number[];
  /** The municipality whose case has an account, plan, meeting and AMK contact. */
  readonly caseMunicipality: number | undefined;
  /** The demo users by role, all with `password`. */
  readonly users: Readonly<Record<'ministry' | 'amk' | 'municipality' | 'auditor', string>>;
  readonly password: string;
}

/** Fills an empty case database with the demo. Refuses a database that already has runs. */
export async function seedDemo(
  database: Database,
  options: DemoSeedOptions,
): Promise<DemoSeedResult> {
  const scale = options.scale ?? DEMO_SEED_DEFAULTS.scale;
  const seed = options.seed ?? DEMO_SEED_DEFAULTS.seed;
  const fromYear = options.fromYear ?? DEMO_SEED_DEFAULTS.fromYear;
  const toYear = options.toYear ?? DEMO_SEED_DEFAULTS.toYear;
  const password = options.password ?? DEMO_SEED_DEFAULTS.password;
  const progress = options.progress ?? (() => undefined);
  const existing = await database.selectFrom('measurement_runs').select('id').executeTakeFirst();
  if (existing !== undefined)
    throw new CaseError(
      'database_not_empty',
      'Databasen har allerede kørsler; demoen fyldes kun i en tom database.',
      'conflict',
    );

  let clock = new Date(Date.UTC(toYear + 1, 2, 1, 9));
  const system: CaseSystem = caseSystem({
    database,
    dataDirectory: options.dataDirectory,
    now: () => clock,
  });

  progress('Syntetiske data dannes og indlæses');
  const { load } = await prepareSyntheticLoad({
    folder: join(options.dataDirectory, 'demo'),
    dataDirectory: options.dataDirectory,
    scale,
    seed,
    now: clock,
    createdBy: 'demo',
  });

  const ministry = actorOf(
    await addUser(database, SYSTEM_ACTOR, {
      username: 'demo-ministerie',
      role: 'ministry',
      displayName: 'Tilsynet (demo)',
      password,
    }),
  );

  progress('Målekørsel');
  const measured = await startMeasurementRun(system, ministry, {
    load: load.id,
    fromYear,
    toYear,
  });
  await measured.finished;
  const measurement = await measurementRun(database, measured.runId);
  if (measurement.status !== 'done')
    throw new Error(`The demo's measurement run failed: ${measurement.error ?? ''}`);

  const assessmentRunIds: number[] = [];
  const users = {
    ministry: ministry.name,
    amk: 'demo-amk',
    municipality: 'demo-kommune',
    auditor: 'demo-revisor',
  } as const;
  let caseMunicipality: number | undefined;
  for (let year = fromYear; year <= toYear; year += 1) {
    progress(`Vurdering af ${year}`);
    clock = new Date(Date.UTC(year + 1, 3, 20, 9));
    assessmentRunIds.push(await issueYear(system, ministry, measured.runId, year));
    if (year === toYear) continue;
    const selected = await database
      .selectFrom('decisions')
      .select('municipality_code')
      .where('decision', '=', 'selected')
      .where('year', '=', year)
      .orderBy('municipality_code')
      .executeTakeFirst();
    if (selected === undefined) continue;
    // The case records of the year after the selection, before the next assessment, by the
    // municipality's and its AMK's own users; the last such case is the demo logins' own, so
    // that its plan's milestones stand against measured months on its page.
    caseMunicipality = selected.municipality_code;
    progress(`Sagen for kommune ${caseMunicipality}`);
    const actors = await caseUsers(system, ministry, caseMunicipality, password);
    await caseOfSelected(system, { ministry, ...actors }, caseMunicipality, year);
  }
  await demoUsers(system, ministry, users, caseMunicipality ?? 101, password);
  return {
    loadId: load.id,
    measurementRunId: measured.runId,
    assessmentRunIds,
    caseMunicipality,
    users,
    password,
  };
}

/** The municipality's own user and its AMK's (`kommune-KODE`, `amk-KODE`), made for its case records. */
async function caseUsers(
  system: CaseSystem,
  ministry: Actor,
  municipality: number,
  password: string,
): Promise<{ municipality: Actor; amk: Actor }> {
  return demoUsers(
    system,
    ministry,
    { amk: `amk-${String(municipality)}`, municipality: `kommune-${String(municipality)}` },
    municipality,
    password,
  );
}

/** The AMK and municipality users of a municipality, and the auditor when named. */
async function demoUsers(
  system: CaseSystem,
  ministry: Actor,
  users: { readonly amk: string; readonly municipality: string; readonly auditor?: string },
  municipality: number,
  password: string,
): Promise<{ municipality: Actor; amk: Actor }> {
  const amkName = await amkOf(municipality);
  const amk = actorOf(
    await addUser(system.database, ministry, {
      username: users.amk,
      role: 'amk',
      amk: amkName,
      displayName: `${amkName} (demo)`,
      password,
    }),
  );
  const municipalityUser = actorOf(
    await addUser(system.database, ministry, {
      username: users.municipality,
      role: 'municipality',
      municipalityCode: municipality,
      displayName: `Jobcenter ${municipality} (demo)`,
      password,
    }),
  );
  if (users.auditor !== undefined)
    await addUser(system.database, ministry, {
      username: users.auditor,
      role: 'auditor',
      displayName: 'Ekstern revisor (demo)',
      password,
    });
  return { municipality: municipalityUser, amk };
}

/** Assesses, approves, resolves and issues one year; notices sent on 28 April the year after. */
async function issueYear(
  system: CaseSystem,
  ministry: Actor,
  measurementRunId: number,
  year: number,
): Promise<number> {
  const started = await startAssessmentRun(system, ministry, { measurementRunId, year });
  await started.finished;
  const run = await assessmentRun(system.database, started.runId);
  if (run.status !== 'draft')
    throw new Error(`The demo's assessment of ${year} failed: ${run.error ?? ''}`);
  await approveRun(system, ministry, run.id);
  const open = await system.database
    .selectFrom('run_decisions')
    .select(['municipality_code', 'details'])
    .where('assessment_run_id', '=', run.id)
    .where('decision', '=', 'requires_judgement')
    .execute();
  for (const row of open) {
    const [decision] = possibleDecisions(row.details);
    if (decision === undefined) continue;
    await resolveJudgement(system, ministry, {
      runId: run.id,
      municipality: row.municipality_code,
      decision,
      reason: 'Demo: afgjort ud fra de kendte tal',
    });
  }
  await issueRun(system, ministry, { runId: run.id, sendDate: isoDateOf(year + 1, 4, 28) });
  return run.id;
}

/** The selected municipality's account, plan, meeting and AMK contact in the year after selection. */
async function caseOfSelected(
  system: CaseSystem,
  actors: { readonly ministry: Actor; readonly municipality: Actor; readonly amk: Actor },
  municipality: number,
  selectedYear: number,
): Promise<void> {
  const next = selectedYear + 1;
  const accountId = await submitAccount(system, actors.municipality, {
    municipality,
    submittedOn: isoDateOf(next, 7, 15),
    summary:
      'Redegørelse: færre samtaler end planlagt i første halvår; ny organisering af sagsbehandlingen',
  });
  await submitRecoveryPlan(system, actors.municipality, {
    municipality,
    submittedOn: isoDateOf(next, 7, 15),
    accountId,
    description: 'Flere jobsamtaler og virksomhedsrettede tilbud; opfølgning hver måned',
    milestones: [9, 12].flatMap((month) => [
      {
        goal: 'offers',
        month: yearMonthOf(next, month),
        targetPassiveShare: month === 9 ? 30 : 25,
      },
      {
        goal: 'conversations',
        month: yearMonthOf(next, month),
        targetPassiveShare: month === 9 ? 25 : 20,
      },
    ]),
  });
  const invitation = isoDateOf(next, 8, 18);
  await inviteMeeting(system, actors.ministry, {
    municipality,
    invitationDate: invitation,
    meetingDate: addDays(invitation, 14),
    note: `Møde med borgmesteren om genopretningsplanen (${formatDanishDate(addDays(invitation, 14))})`,
  });
  await recordAmkContact(system, actors.amk, {
    municipality,
    firstContactDate: isoDateOf(next, 5, 12),
    wantsAssistance: 'yes',
    mappingDone: true,
    effort: 'Afdækning af sagsgangene; taskforce i jobcentret hver anden uge',
  });
}
