/**
 * Who is asking, as the permission policy sees it (reports.md "Users and
 * what they may see"): the role and what the role is tied to.
 *
 * - `ministry`: the supervision team; everything.
 * - `amk`: a labour market office; the municipalities of its region (the
 *   AMK and region of each municipality in `data/municipalities.csv`).
 * - `municipality`: a job centre; its own municipality only.
 * - `auditor`: an external consultant; only the reviews assigned to it.
 * - `public`: anyone, without logging in; aggregated measures only.
 */
import type { Municipality, MunicipalityCode } from '../core/domain/municipality.js';
import { municipalitiesOfAmk } from '../reference/amk.js';

export const ROLES = ['ministry', 'amk', 'municipality', 'auditor', 'public'] as const;
export type Role = (typeof ROLES)[number];

/** The roles a user account can have (public needs no account). */
export const USER_ROLES = ['ministry', 'amk', 'municipality', 'auditor'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export type AccessActor =
  | { readonly role: 'public' }
  | { readonly role: 'ministry'; readonly userId: number }
  | {
      readonly role: 'amk';
      readonly userId: number;
      /** The AMK the user works for, in its one stored form ("AMK Øst"). */
      readonly amk: string;
      readonly municipalities: ReadonlySet<MunicipalityCode>;
    }
  | {
      readonly role: 'municipality';
      readonly userId: number;
      readonly municipality: MunicipalityCode;
    }
  | { readonly role: 'auditor'; readonly userId: number };

export const PUBLIC_ACTOR: AccessActor = { role: 'public' };

/** What the access layer needs to know of a user account. */
export interface UserAccess {
  readonly id: number;
  readonly role: UserRole;
  readonly municipalityCode: MunicipalityCode | null;
  /**
   * The AMK of an amk user in its stored form, the `amk` name of
   * data/municipalities.csv ("AMK Øst"); a region given on input was turned
   * into its AMK when the user was added (src/reference/amk.ts).
   */
  readonly amk: string | null;
}

/**
 * The actor of a user account. An amk user covers every municipality whose
 * AMK is exactly the user's stored AMK; a municipality or amk user tied to nothing
 * gets no municipality (and so sees nothing of any).
 */
export function actorOfUser(
  user: UserAccess,
  municipalities: readonly Municipality[],
): AccessActor {
  switch (user.role) {
    case 'ministry':
      return { role: 'ministry', userId: user.id };
    case 'auditor':
      return { role: 'auditor', userId: user.id };
    case 'municipality':
      return { role: 'municipality', userId: user.id, municipality: user.municipalityCode ?? -1 };
    case 'amk': {
      const amk = user.amk ?? '';
      const covered = amk === '' ? [] : municipalitiesOfAmk(amk, municipalities);
      return {
        role: 'amk',
        userId: user.id,
        amk,
        municipalities: new Set(covered.map((municipality) => municipality.code)),
      };
    }
  }
}
