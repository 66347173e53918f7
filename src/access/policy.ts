/**
 * The one place that says who may do what (reports.md "Users and what they
 * may see"; issue 10). Pure: the caller tells which municipality a resource
 * belongs to and, for a review, which auditors it is assigned to.
 *
 * | action                 | ministry | amk (its region) | municipality (own) | auditor (assigned) | public |
 * | ---------------------- | -------- | ---------------- | ------------------ | ------------------ | ------ |
 * | read_public_measures   | yes      | yes              | yes                | yes                | yes    |
 * | read_national          | yes      | –                | –                  | –                  | –      |
 * | manage_runs            | yes      | –                | –                  | –                  | –      |
 * | manage_users           | yes      | –                | –                  | –                  | –      |
 * | read_case              | yes      | yes              | yes                | –                  | –      |
 * | read_person            | yes      | yes              | yes                | –                  | –      |
 * | read_amk_alerts        | yes      | yes              | –                  | –                  | –      |
 * | submit_plan            | –        | –                | yes                | –                  | –      |
 * | invite_meeting         | yes      | –                | –                  | –                  | –      |
 * | record_notice          | yes      | –                | –                  | –                  | –      |
 * | record_contact         | –        | yes              | –                  | –                  | –      |
 * | manage_reviews         | yes      | –                | –                  | –                  | –      |
 * | read_review            | yes      | yes              | yes                | yes                | –      |
 * | record_finding         | –        | –                | –                  | yes                | –      |
 * | list_reviews           | yes      | –                | –                  | yes (own only)     | –      |
 * | simulate_reform        | yes      | –                | –                  | –                  | –      |
 *
 * `read_public_measures` covers everything aggregated: the national
 * overview, a municipality's measures, and the three reports — the
 * quarterly status report, the annual assessment report and the benchmark
 * report (rankings 1–98 of aggregated rates and measures, each municipality
 * against its cluster). reports.md lets the public see "aggregated measures
 * only", and every logged-in role sees at least what the public sees, so
 * every role may read them; none of them holds person-level data.
 *
 * "amk (its region)", "municipality (own)" and "auditor (assigned)" mean
 * that the resource must be of a municipality the AMK covers, of the user's
 * own municipality, or a review assigned to the auditor; otherwise no.
 */
import type { MunicipalityCode } from '../core/domain/municipality.js';
import type { AccessActor, Role } from './access-actor.js';

/** A thing of the whole country (the national overview, runs, users, public measures). */
export interface NationalResource {
  readonly kind: 'nation';
}

/** A thing of one municipality: its case, measures, plans, meetings, contacts, persons. */
export interface MunicipalityResource {
  readonly kind: 'municipality';
  readonly municipality: MunicipalityCode;
}

/** A case review (a sample or a list of passive cases) and the auditors assigned to it. */
export interface ReviewResource {
  readonly kind: 'review';
  readonly municipality: MunicipalityCode;
  readonly auditors: readonly number[];
}

export const NATION: NationalResource = { kind: 'nation' };

export const ofMunicipality = (municipality: MunicipalityCode): MunicipalityResource => ({
  kind: 'municipality',
  municipality,
});

/** The resource each action is about. */
export interface ActionResources {
  readonly read_public_measures: NationalResource;
  readonly read_national: NationalResource;
  readonly manage_runs: NationalResource;
  readonly manage_users: NationalResource;
  readonly read_case: MunicipalityResource;
  readonly read_person: MunicipalityResource;
  /** The early-effort alerts of a municipality (the AMK alert rule, regime.md § 6). */
  readonly read_amk_alerts: MunicipalityResource;
  readonly submit_plan: MunicipalityResource;
  readonly invite_meeting: MunicipalityResource;
  readonly record_notice: NationalResource;
  readonly record_contact: MunicipalityResource;
  readonly manage_reviews: MunicipalityResource;
  readonly read_review: ReviewResource;
  readonly record_finding: ReviewResource;
  /** The list of reviews (the service gives an auditor only those assigned to it). */
  readonly list_reviews: NationalResource;
  /** A reform simulation: the assessments again with changed rule values (stores nothing). */
  readonly simulate_reform: NationalResource;
}

export type Action = keyof ActionResources;

type Scope = 'all' | 'region' | 'own' | 'assigned';

/** Per action, each role's reach; a role not named may not. */
const RULES: { readonly [A in Action]: Partial<Record<Role, Scope>> } = {
  read_public_measures: {
    ministry: 'all',
    amk: 'all',
    municipality: 'all',
    auditor: 'all',
    public: 'all',
  },
  read_national: { ministry: 'all' },
  manage_runs: { ministry: 'all' },
  manage_users: { ministry: 'all' },
  read_case: { ministry: 'all', amk: 'region', municipality: 'own' },
  read_person: { ministry: 'all', amk: 'region', municipality: 'own' },
  read_amk_alerts: { ministry: 'all', amk: 'region' },
  submit_plan: { municipality: 'own' },
  invite_meeting: { ministry: 'all' },
  record_notice: { ministry: 'all' },
  record_contact: { amk: 'region' },
  manage_reviews: { ministry: 'all' },
  read_review: { ministry: 'all', amk: 'region', municipality: 'own', auditor: 'assigned' },
  record_finding: { auditor: 'assigned' },
  list_reviews: { ministry: 'all', auditor: 'all' },
  simulate_reform: { ministry: 'all' },
};

export function can<A extends Action>(
  actor: AccessActor,
  action: A,
  resource: ActionResources[A],
): boolean {
  const scope = RULES[action][actor.role];
  if (scope === undefined) return false;
  if (scope === 'all') return true;
  if (resource.kind === 'nation') return false;
  switch (scope) {
    case 'region':
      return actor.role === 'amk' && actor.municipalities.has(resource.municipality);
    case 'own':
      return actor.role === 'municipality' && actor.municipality === resource.municipality;
    case 'assigned':
      return (
        actor.role === 'auditor' &&
        resource.kind === 'review' &&
        resource.auditors.includes(actor.userId)
      );
  }
}

/** The roles that may take `action` on some resource (for documentation and the matrix test). */
export function rolesFor(action: Action): readonly Role[] {
  return Object.keys(RULES[action]) as Role[];
}

/**
 * The municipalities whose things of `action` the actor may see: `'all'`,
 * or the set (empty when none). For filtering lists.
 */
export function visibleMunicipalities(
  actor: AccessActor,
  action: 'read_case' | 'read_person' | 'read_review',
): 'all' | ReadonlySet<MunicipalityCode> {
  const scope = RULES[action][actor.role];
  if (scope === 'all') return 'all';
  if (scope === 'region' && actor.role === 'amk') return actor.municipalities;
  if (scope === 'own' && actor.role === 'municipality') return new Set([actor.municipality]);
  return new Set();
}
