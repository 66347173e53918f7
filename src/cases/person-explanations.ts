/**
 * Person-level reads: the engine's explanation of one person in one month
 * (measures.md § 10, `pipeline/explain.ts`) for the users entitled to it,
 * with a required reason. Every read is written to the audit log (who,
 * when, which person, why), and so is every refusal. The person is named by
 * the key stored in the load (the pseudonym), never a CPR number.
 */
import type { YearMonth } from '../core/calendar/year-month.js';
import type { Explanation } from '../core/measures/explanation.js';
import { InputError } from '../files/input-error.js';
import { explainPersonInLoad } from '../pipeline/explain.js';
import type { LoadSource } from '../pipeline/open-load.js';
import type { Actor } from './actor.js';
import { appendAudit } from './audit.js';
import { CaseError } from './case-error.js';
import type { CaseSystem } from './case-system.js';
import { newestMeasurementRun } from './measure-views.js';

export interface PersonReadRequest {
  readonly municipality: number;
  readonly personKey: string;
  readonly month: YearMonth;
  /** Why the user looks (required). */
  readonly reason: string;
}

const ACTION = 'person.explanation';

/**
 * The explanation of a person of `municipality` in the load of the newest
 * finished measurement run. A person who is not the municipality's in that
 * month is answered as not found, so that a user cannot probe other
 * municipalities' persons.
 */
export async function explainPersonOfMunicipality(
  system: CaseSystem,
  actor: Actor,
  request: PersonReadRequest,
): Promise<Explanation> {
  const reason = request.reason.trim();
  if (reason === '')
    throw new CaseError('reason_required', 'Angiv hvorfor du slår personen op (reason).');
  const notFound = async (): Promise<never> => {
    await refusePersonRead(system, actor, request, 'not_found');
    throw new CaseError(
      'person_not_found',
      `Personen findes ikke i kommune ${request.municipality}s data for ${request.month}.`,
      'not_found',
    );
  };
  let explanation: Explanation;
  try {
    explanation = await explainPersonInLoad({
      load: await personDataLoad(system, actor),
      personId: request.personKey,
      month: request.month,
    });
  } catch (error) {
    if (error instanceof InputError) return notFound();
    throw error;
  }
  if (explanation.municipality !== request.municipality) return notFound();
  await appendAudit(system.database, actor, {
    action: ACTION,
    municipalityCode: request.municipality,
    personKey: request.personKey,
    reason,
    details: { month: request.month },
  });
  return explanation;
}

/**
 * Where person-level reads come from: the load of the newest finished
 * measurement run, else the load in use.
 */
export async function personDataLoad(system: CaseSystem, actor: Actor): Promise<LoadSource> {
  const runId = await newestMeasurementRun(system.database);
  const run =
    runId === undefined
      ? undefined
      : await system.database
          .selectFrom('measurement_runs')
          .select('load_id')
          .where('id', '=', runId)
          .executeTakeFirst();
  return {
    value: run?.load_id ?? 'current',
    dataDirectory: system.dataDirectory,
    cwd: system.dataDirectory,
    env: system.env,
    now: system.now,
    createdBy: actor.name,
  };
}

/** Writes a refused person-level read to the audit log (the caller answers 401, 403 or 404). */
export async function refusePersonRead(
  system: CaseSystem,
  actor: Actor,
  request: Omit<PersonReadRequest, 'month'> & { readonly month: string },
  why: 'not_logged_in' | 'not_allowed' | 'not_found',
): Promise<void> {
  await appendAudit(system.database, actor, {
    action: ACTION,
    outcome: 'refused',
    municipalityCode: request.municipality,
    personKey: request.personKey,
    reason: request.reason,
    details: { month: request.month, why },
  });
}
