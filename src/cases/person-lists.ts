/**
 * The persons behind a municipality's focus measure of one month (issue
 * 11: the drill-down of the municipality page): its target group at the
 * month's R, each person by the key stored in the load (the pseudonym) with
 * whether the person is passive for the goal. Personal data: the same
 * users as a person's explanation may read it (`read_person`), with a
 * required reason, and every read and refusal is in the audit log.
 *
 * Evaluating the target group measures the whole load (seconds). A stored
 * load never changes, so the evaluated target group is kept in memory per
 * load, month and municipality — the last few only — and a second request
 * for the same (another goal or scope, the same list again) is answered
 * from it. The permission (in the route) and the audit log entry are done
 * on every request, the cache or not.
 */
import { fromDayNumber, type IsoDate } from '../core/calendar/iso-date.js';
import type { YearMonth } from '../core/calendar/year-month.js';
import { BENEFIT_GROUP_OF, BENEFIT_TYPE_LABELS } from '../core/domain/benefit-type.js';
import type { FocusGoal } from '../core/domain/focus-goal.js';
import type { MeasureScope } from '../core/domain/measure-scope.js';
import { InputError } from '../files/input-error.js';
import { withLoad } from '../pipeline/open-load.js';
import { targetGroupOfOpenedLoad, type MonthPersons } from '../pipeline/passive-cases.js';
import type { Actor } from './actor.js';
import { appendAudit } from './audit.js';
import { CaseError } from './case-error.js';
import type { CaseSystem } from './case-system.js';
import { personDataLoad } from './person-explanations.js';

export interface PersonListRequest {
  readonly municipality: number;
  readonly month: YearMonth;
  readonly goal: FocusGoal;
  readonly scope: MeasureScope;
  /** Why the user looks (required). */
  readonly reason: string;
}

export interface PersonListItem {
  /** The person's key in the load (the pseudonym), never a CPR number. */
  readonly personKey: string;
  readonly benefit: string;
  readonly benefitLabel: string;
  /** Passive for the goal in the month (no counted offer or too few conversations, measures.md M7–M9). */
  readonly passive: boolean;
  readonly spellStart: IsoDate;
  /** Countable days of the spell up to R. */
  readonly countableDays: number;
  readonly conversations: number;
  readonly offerCounted: boolean;
  readonly hours: number;
}

export interface PersonList {
  readonly municipality: number;
  readonly month: YearMonth;
  readonly goal: FocusGoal;
  readonly scope: MeasureScope;
  readonly loadId: string;
  /** The target group and the passive: the measure's own counts. */
  readonly target: number;
  readonly passive: number;
  /** Passive persons first, then by key. */
  readonly persons: readonly PersonListItem[];
}

const ACTION = 'person.list';

/** How many evaluated target groups (load × month × municipality) are kept. */
export const MAX_CACHED_TARGET_GROUPS = 4;

/** The evaluated target groups, most recently used last; a failed evaluation is not kept. */
const targetGroups = new Map<string, Promise<MonthPersons>>();

/**
 * The target group of a municipality at a month of the load the person
 * data come from: from the cache when this load (by its folder), month and
 * municipality were evaluated lately, else measured and kept.
 */
async function cachedTargetGroup(
  system: CaseSystem,
  actor: Actor,
  request: { readonly municipality: number; readonly month: YearMonth },
): Promise<MonthPersons> {
  return withLoad(await personDataLoad(system, actor), async (load) => {
    const key = `${load.folder}|${request.month}|${String(request.municipality)}`;
    let found = targetGroups.get(key);
    if (found === undefined) {
      found = targetGroupOfOpenedLoad(load, request);
      found.catch(() => targetGroups.delete(key));
    } else targetGroups.delete(key);
    targetGroups.set(key, found);
    for (const oldest of targetGroups.keys()) {
      if (targetGroups.size <= MAX_CACHED_TARGET_GROUPS) break;
      targetGroups.delete(oldest);
    }
    return found;
  });
}

const NO_PERSON_DATA =
  'Der er ingen persondata at vise: tallene bygger ikke på en indlæsning af persondata (kun aggregerede filer), så personerne bag et mål kan ikke vises.';

export async function listPersonsOfMunicipality(
  system: CaseSystem,
  actor: Actor,
  request: PersonListRequest,
): Promise<PersonList> {
  const reason = request.reason.trim();
  if (reason === '')
    throw new CaseError('reason_required', 'Angiv hvorfor du slår personerne op (reason).');
  let found;
  try {
    found = await cachedTargetGroup(system, actor, request);
  } catch (error) {
    if (error instanceof InputError) {
      await refusePersonList(system, actor, request, 'no_person_data');
      throw new CaseError('no_person_data', NO_PERSON_DATA, 'not_found');
    }
    throw error;
  }
  const persons = found.persons
    .filter(({ member }) => {
      const scope = request.scope;
      return (
        scope === 'all' || scope === member.benefit || scope === BENEFIT_GROUP_OF[member.benefit]
      );
    })
    .map(({ personId, member }): PersonListItem => ({
      personKey: personId,
      benefit: member.benefit,
      benefitLabel: BENEFIT_TYPE_LABELS[member.benefit],
      passive: request.goal === 'offers' ? member.passiveForOffers : member.passiveForConversations,
      spellStart: fromDayNumber(member.spellStart),
      countableDays: member.countableDays,
      conversations: member.conversations,
      offerCounted: member.offerCounted,
      hours: member.hours,
    }))
    .sort(
      (a, b) =>
        Number(b.passive) - Number(a.passive) ||
        (a.personKey < b.personKey ? -1 : a.personKey > b.personKey ? 1 : 0),
    );
  await appendAudit(system.database, actor, {
    action: ACTION,
    municipalityCode: request.municipality,
    reason,
    details: {
      month: request.month,
      goal: request.goal,
      scope: request.scope,
      persons: persons.length,
    },
  });
  return {
    municipality: request.municipality,
    month: request.month,
    goal: request.goal,
    scope: request.scope,
    loadId: found.loadId,
    target: persons.length,
    passive: persons.filter((person) => person.passive).length,
    persons,
  };
}

/** Writes a refused list of persons to the audit log (the caller answers 401, 403 or 404). */
export async function refusePersonList(
  system: CaseSystem,
  actor: Actor,
  request: {
    readonly municipality: number;
    readonly month: string;
    readonly goal: string;
    readonly scope: string;
    readonly reason: string;
  },
  why: 'not_logged_in' | 'not_allowed' | 'no_person_data',
): Promise<void> {
  await appendAudit(system.database, actor, {
    action: ACTION,
    outcome: 'refused',
    municipalityCode: request.municipality,
    reason: request.reason,
    details: { month: request.month, goal: request.goal, scope: request.scope, why },
  });
}
