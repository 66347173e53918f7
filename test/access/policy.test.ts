import { describe, expect, it } from 'vitest';
import { actorOfUser, PUBLIC_ACTOR, type AccessActor } from '../../src/access/access-actor.js';
import {
  can,
  NATION,
  ofMunicipality,
  rolesFor,
  visibleMunicipalities,
  type Action,
} from '../../src/access/policy.js';
import { readMunicipalities } from '../../src/reference/municipalities.js';

const municipalities = await readMunicipalities();
const COPENHAGEN = 101; // Region Hovedstaden, AMK Øst
const ROSKILDE = 265; // Region Sjælland, AMK Øst
const AARHUS = 751; // Region Midtjylland, AMK Midt-Nord
const ODENSE = 461; // Region Syddanmark, AMK Syd

const ministry = actorOfUser(
  { id: 1, role: 'ministry', municipalityCode: null, amk: null },
  municipalities,
);
const amkEast = actorOfUser(
  { id: 2, role: 'amk', municipalityCode: null, amk: 'AMK Øst' },
  municipalities,
);
const amkSouth = actorOfUser(
  { id: 3, role: 'amk', municipalityCode: null, amk: 'AMK Syd' },
  municipalities,
);
const copenhagen = actorOfUser(
  { id: 4, role: 'municipality', municipalityCode: COPENHAGEN, amk: null },
  municipalities,
);
const auditor = actorOfUser(
  { id: 5, role: 'auditor', municipalityCode: null, amk: null },
  municipalities,
);

const review = (municipality: number, auditors: number[]) => ({
  kind: 'review' as const,
  municipality,
  auditors,
});

describe('the permission policy', () => {
  it('lets everyone, logged in or not, read the public aggregated measures', () => {
    for (const actor of [ministry, amkEast, copenhagen, auditor, PUBLIC_ACTOR]) {
      expect(can(actor, 'read_public_measures', NATION)).toBe(true);
    }
  });

  it('lets the ministry see and do everything the ministry does, anywhere', () => {
    for (const action of ['read_national', 'manage_runs', 'manage_users'] as const) {
      expect(can(ministry, action, NATION)).toBe(true);
    }
    expect(can(ministry, 'simulate_reform', NATION)).toBe(true);
    for (const code of [COPENHAGEN, AARHUS, ODENSE]) {
      expect(can(ministry, 'read_case', ofMunicipality(code))).toBe(true);
      expect(can(ministry, 'read_person', ofMunicipality(code))).toBe(true);
      expect(can(ministry, 'invite_meeting', ofMunicipality(code))).toBe(true);
      expect(can(ministry, 'read_review', review(code, []))).toBe(true);
    }
  });

  it('keeps what others do to them: the ministry submits no plan, records no AMK contact and no finding', () => {
    expect(can(ministry, 'submit_plan', ofMunicipality(COPENHAGEN))).toBe(false);
    expect(can(ministry, 'record_contact', ofMunicipality(COPENHAGEN))).toBe(false);
    expect(can(ministry, 'record_finding', review(COPENHAGEN, [1]))).toBe(false);
  });

  it("lets an AMK see its region's municipalities, person-level too, and record contacts there", () => {
    for (const code of [COPENHAGEN, ROSKILDE]) {
      expect(can(amkEast, 'read_case', ofMunicipality(code))).toBe(true);
      expect(can(amkEast, 'read_person', ofMunicipality(code))).toBe(true);
      expect(can(amkEast, 'record_contact', ofMunicipality(code))).toBe(true);
    }
    expect(can(amkEast, 'read_case', ofMunicipality(AARHUS))).toBe(false);
    expect(can(amkEast, 'read_person', ofMunicipality(ODENSE))).toBe(false);
    expect(can(amkEast, 'record_contact', ofMunicipality(AARHUS))).toBe(false);
    expect(can(amkEast, 'read_national', NATION)).toBe(false);
    expect(can(amkEast, 'submit_plan', ofMunicipality(COPENHAGEN))).toBe(false);
  });

  it('knows an AMK user by the stored AMK name only: all the municipalities of its regions', () => {
    expect(amkEast.role === 'amk' && amkEast.municipalities.size).toBe(29 + 17);
    expect(amkSouth.role === 'amk' && amkSouth.municipalities.size).toBe(22);
    expect(can(amkSouth, 'read_case', ofMunicipality(ODENSE))).toBe(true);
    expect(can(amkSouth, 'read_case', ofMunicipality(AARHUS))).toBe(false);
  });

  it('gives a stored name that is not the normalised AMK name (a region, other case) nothing', () => {
    for (const stored of ['Region Syddanmark', 'amk syd', ' AMK Syd']) {
      const actor = actorOfUser(
        { id: 6, role: 'amk', municipalityCode: null, amk: stored },
        municipalities,
      );
      expect(can(actor, 'read_case', ofMunicipality(ODENSE))).toBe(false);
    }
  });

  it("gives the early-effort alerts to an AMK for its region's municipalities and to the ministry for all, no one else", () => {
    expect(can(amkEast, 'read_amk_alerts', ofMunicipality(COPENHAGEN))).toBe(true);
    expect(can(amkEast, 'read_amk_alerts', ofMunicipality(AARHUS))).toBe(false);
    expect(can(ministry, 'read_amk_alerts', ofMunicipality(AARHUS))).toBe(true);
    expect(can(copenhagen, 'read_amk_alerts', ofMunicipality(COPENHAGEN))).toBe(false);
    expect(can(auditor, 'read_amk_alerts', ofMunicipality(COPENHAGEN))).toBe(false);
    expect(can(PUBLIC_ACTOR, 'read_amk_alerts', ofMunicipality(COPENHAGEN))).toBe(false);
  });

  it('lets a municipality see only itself and submit its own plan', () => {
    expect(can(copenhagen, 'read_case', ofMunicipality(COPENHAGEN))).toBe(true);
    expect(can(copenhagen, 'read_person', ofMunicipality(COPENHAGEN))).toBe(true);
    expect(can(copenhagen, 'submit_plan', ofMunicipality(COPENHAGEN))).toBe(true);
    expect(can(copenhagen, 'read_review', review(COPENHAGEN, [5]))).toBe(true);
    expect(can(copenhagen, 'read_case', ofMunicipality(ROSKILDE))).toBe(false);
    expect(can(copenhagen, 'read_person', ofMunicipality(ROSKILDE))).toBe(false);
    expect(can(copenhagen, 'submit_plan', ofMunicipality(ROSKILDE))).toBe(false);
    expect(can(copenhagen, 'read_national', NATION)).toBe(false);
    expect(can(copenhagen, 'invite_meeting', ofMunicipality(COPENHAGEN))).toBe(false);
  });

  it('lets an auditor see and record findings only on the reviews assigned to it', () => {
    expect(can(auditor, 'read_review', review(AARHUS, [5]))).toBe(true);
    expect(can(auditor, 'record_finding', review(AARHUS, [7, 5]))).toBe(true);
    expect(can(auditor, 'read_review', review(AARHUS, [7]))).toBe(false);
    expect(can(auditor, 'record_finding', review(AARHUS, []))).toBe(false);
    expect(can(auditor, 'read_case', ofMunicipality(AARHUS))).toBe(false);
    expect(can(auditor, 'read_person', ofMunicipality(AARHUS))).toBe(false);
  });

  it('lets only the ministry simulate a reform of the rules', () => {
    expect(rolesFor('simulate_reform')).toEqual(['ministry']);
    for (const actor of [amkEast, copenhagen, auditor, PUBLIC_ACTOR])
      expect(can(actor, 'simulate_reform', NATION)).toBe(false);
  });

  it('gives the public nothing but the public measures', () => {
    const actions: Action[] = [
      'read_national',
      'manage_runs',
      'manage_users',
      'read_case',
      'read_person',
      'read_amk_alerts',
      'submit_plan',
      'invite_meeting',
      'record_notice',
      'record_contact',
      'manage_reviews',
      'read_review',
      'record_finding',
      'simulate_reform',
    ];
    for (const action of actions) expect(rolesFor(action)).not.toContain('public');
    expect(can(PUBLIC_ACTOR, 'read_case', ofMunicipality(COPENHAGEN))).toBe(false);
  });

  it('ties a municipality or AMK user without a municipality or AMK to nothing', () => {
    const loose: AccessActor[] = [
      actorOfUser(
        { id: 9, role: 'municipality', municipalityCode: null, amk: null },
        municipalities,
      ),
      actorOfUser({ id: 9, role: 'amk', municipalityCode: null, amk: null }, municipalities),
    ];
    for (const actor of loose) {
      expect(municipalities.some((m) => can(actor, 'read_case', ofMunicipality(m.code)))).toBe(
        false,
      );
    }
  });

  it('lists the municipalities an actor may see, for filtering lists', () => {
    expect(visibleMunicipalities(ministry, 'read_case')).toBe('all');
    expect(visibleMunicipalities(copenhagen, 'read_case')).toEqual(new Set([COPENHAGEN]));
    expect(visibleMunicipalities(auditor, 'read_case')).toEqual(new Set());
    expect(visibleMunicipalities(PUBLIC_ACTOR, 'read_person')).toEqual(new Set());
  });
});
