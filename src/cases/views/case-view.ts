/**
 * A municipality's supervision case as its page shows it (GET
 * /api/web/municipalities/:code/case): the status, the history, the issued
 * decisions with their legal basis, the notices, the deadlines (met or
 * not), the meetings, the AMK's contacts and the recovery plans with their
 * milestones, and the minimum requirements month by month under
 * administration. Corrections are shown as what they are: a record that
 * corrects another is marked, and the corrected one stays in the list.
 */
import {
  DECISION_LABELS,
  SUPERVISION_STATUS_LABELS,
  isSupervisionStatus,
  type DecisionKind,
  type SupervisionStatus,
} from '../../core/domain/supervision.js';
import type { JsonValue } from '../../storage/schema.js';
import type { Database } from '../../storage/database.js';
import { FOCUS_GOAL_LABELS, isFocusGoal } from '../../core/domain/focus-goal.js';
import { minimumRequirementChecks } from '../minimum-requirement-checks.js';
import { caseEvents } from '../supervision-cases.js';

export const DEADLINE_LABELS: Readonly<Record<string, string>> = {
  notice: 'Meddelelse om afgørelsen sendes senest',
  account: 'Redegørelse og genopretningsplan',
  sample_review: 'Stikprøvegennemgang af sager',
  recovery_period_start: 'Genopretningsperioden begynder',
  recovery_period_end: 'Genopretningsperioden slutter',
  extension_end: 'Den forlængede periode slutter',
  minimum_requirements_from: 'Minimumskrav gælder fra',
  passive_case_review: 'Gennemgang af alle passive sager',
};

export interface CaseView {
  readonly municipality: number;
  /** The minister's meeting needs at least this many days' notice (the rule in force today). */
  readonly meetingNoticeDays: number;
  readonly status: SupervisionStatus;
  readonly statusLabel: string;
  readonly events: readonly {
    readonly id: number;
    readonly date: string;
    readonly kind: string;
    readonly summary: string;
    readonly statusAfter: string | null;
    readonly corrects: number | null;
  }[];
  readonly decisions: readonly {
    readonly id: number;
    readonly year: number;
    readonly decision: string;
    readonly decisionLabel: string;
    readonly statusBefore: string;
    readonly statusAfter: string;
    /** The § the decision rests on ("bek. nr. 301 af 20/03/2023 § 6, stk. 1"). */
    readonly legalBasis: string | null;
    readonly judgementReason: string | null;
    readonly issuedAt: string;
  }[];
  readonly notices: readonly {
    readonly id: number;
    readonly decisionId: number;
    readonly sendDate: string;
    readonly corrects: number | null;
  }[];
  readonly deadlines: readonly {
    readonly id: number;
    readonly kind: string;
    readonly label: string;
    readonly dueDate: string;
    readonly legalBasis: string | null;
    readonly fulfilledOn: string | null;
  }[];
  readonly meetings: readonly {
    readonly id: number;
    readonly invitationDate: string;
    readonly meetingDate: string;
    readonly noticeDays: number;
    readonly minimumNoticeDays: number;
    readonly legalBasis: string | null;
    readonly note: string | null;
    /** The invitation letter stored with the meeting, `null` for one invited before letters were stored. */
    readonly letterId: number | null;
  }[];
  readonly contacts: readonly {
    readonly id: number;
    readonly amk: string;
    readonly firstContact: string;
    readonly wantsAssistance: string;
    readonly mappingDone: boolean;
    readonly effort: string;
    readonly recordedAt: string;
  }[];
  readonly plans: readonly {
    readonly id: number;
    readonly submittedOn: string;
    readonly description: string;
    readonly milestones: readonly {
      readonly goal: string;
      readonly month: string;
      readonly target: number;
    }[];
  }[];
  readonly accounts: readonly {
    readonly id: number;
    readonly submittedOn: string;
    readonly summary: string;
  }[];
  /**
   * The minimum requirements month by month under administration (now or
   * ended), from the newest measurement that has the month.
   */
  readonly minimumRequirements: readonly {
    readonly month: string;
    readonly requirement: string;
    readonly requirementLabel: string;
    /** Percent; null for an empty group. */
    readonly share: number | null;
    readonly target: number;
    readonly met: number;
    readonly required: number;
    readonly fulfilled: boolean;
    readonly legalBasis: string | null;
    readonly administrationEnded: boolean;
  }[];
}

/** The one-line citation of a stored legal basis (`{citation, …}`), or of the first of a list. */
export function citationOf(value: JsonValue | null): string | null {
  if (value === null) return null;
  if (Array.isArray(value)) {
    const entries: readonly JsonValue[] = value;
    const texts = entries.map((entry) => citationOf(entry)).filter((text) => text !== null);
    return texts.length === 0 ? null : texts.join('; ');
  }
  if (typeof value === 'object') {
    const record = value as { readonly [key: string]: JsonValue };
    const citation = record['citation'];
    if (typeof citation === 'string') return citation;
    const source = record['source'] ?? record['legalBasis'] ?? null;
    return source === null ? null : citationOf(source);
  }
  return typeof value === 'string' ? value : null;
}

function decisionLabel(kind: string): string {
  return kind in DECISION_LABELS ? DECISION_LABELS[kind as DecisionKind] : kind;
}

export async function caseView(
  database: Database,
  municipality: number,
  options: { readonly meetingNoticeDays: number },
): Promise<CaseView> {
  const events = await caseEvents(database, municipality);
  const lastStatus = [...events].reverse().find((event) => event.statusAfter !== null)?.statusAfter;
  const status: SupervisionStatus =
    lastStatus !== undefined && lastStatus !== null && isSupervisionStatus(lastStatus)
      ? lastStatus
      : 'none';
  const decisions = await database
    .selectFrom('decisions')
    .selectAll()
    .where('municipality_code', '=', municipality)
    .orderBy('id')
    .execute();
  const notices = await database
    .selectFrom('notices')
    .selectAll()
    .where('municipality_code', '=', municipality)
    .orderBy('id')
    .execute();
  const deadlines = await database
    .selectFrom('deadlines')
    .selectAll()
    .where('municipality_code', '=', municipality)
    .orderBy('due_date')
    .orderBy('id')
    .execute();
  const fulfilments =
    deadlines.length === 0
      ? []
      : await database
          .selectFrom('deadline_fulfilments')
          .selectAll()
          .where(
            'deadline_id',
            'in',
            deadlines.map((deadline) => deadline.id),
          )
          .execute();
  const meetings = await database
    .selectFrom('meetings')
    .selectAll()
    .where('municipality_code', '=', municipality)
    .orderBy('meeting_date')
    .execute();
  const meetingLetters =
    meetings.length === 0
      ? []
      : await database
          .selectFrom('letters')
          .select(['id', 'meeting_id'])
          .where(
            'meeting_id',
            'in',
            meetings.map((meeting) => meeting.id),
          )
          .orderBy('id', 'desc')
          .execute();
  const contacts = await database
    .selectFrom('amk_contacts')
    .selectAll()
    .where('municipality_code', '=', municipality)
    .orderBy('id')
    .execute();
  const plans = await database
    .selectFrom('recovery_plans')
    .selectAll()
    .where('municipality_code', '=', municipality)
    .orderBy('id')
    .execute();
  const milestones =
    plans.length === 0
      ? []
      : await database
          .selectFrom('recovery_plan_milestones')
          .selectAll()
          .where(
            'recovery_plan_id',
            'in',
            plans.map((plan) => plan.id),
          )
          .orderBy('month')
          .execute();
  const minimumRequirements = await minimumRequirementChecks(
    { database },
    { municipality, includeEnded: true },
  );
  const accounts = await database
    .selectFrom('accounts')
    .selectAll()
    .where('municipality_code', '=', municipality)
    .orderBy('id')
    .execute();
  return {
    municipality,
    meetingNoticeDays: options.meetingNoticeDays,
    status,
    statusLabel: SUPERVISION_STATUS_LABELS[status],
    events: events.map((event) => ({
      id: event.id,
      date: event.eventDate,
      kind: event.kind,
      summary: event.summary,
      statusAfter: event.statusAfter,
      corrects: event.correctsId,
    })),
    decisions: decisions.map((row) => ({
      id: row.id,
      year: row.year,
      decision: row.decision,
      decisionLabel: decisionLabel(row.decision),
      statusBefore: row.status_before,
      statusAfter: row.status_after,
      legalBasis: citationOf(row.legal_basis),
      judgementReason: row.judgement_reason,
      issuedAt: row.created_at.toISOString(),
    })),
    notices: notices.map((row) => ({
      id: row.id,
      decisionId: row.decision_id,
      sendDate: row.send_date,
      corrects: row.corrects_id,
    })),
    deadlines: deadlines.map((row) => ({
      id: row.id,
      kind: row.kind,
      label: DEADLINE_LABELS[row.kind] ?? row.kind,
      dueDate: row.due_date,
      legalBasis: citationOf(row.legal_basis),
      fulfilledOn:
        fulfilments.find((fulfilment) => fulfilment.deadline_id === row.id)?.fulfilled_on ?? null,
    })),
    meetings: meetings.map((row) => ({
      id: row.id,
      invitationDate: row.invitation_date,
      meetingDate: row.meeting_date,
      noticeDays: row.notice_days,
      minimumNoticeDays: row.minimum_notice_days,
      legalBasis: citationOf(row.legal_basis),
      note: row.note,
      // The newest letter of the meeting, as `storedMeetingLetter` serves it.
      letterId: meetingLetters.find((letter) => letter.meeting_id === row.id)?.id ?? null,
    })),
    contacts: contacts.map((row) => ({
      id: row.id,
      amk: row.amk,
      firstContact: row.first_contact_date,
      wantsAssistance:
        row.wants_assistance === 'yes'
          ? 'Ja'
          : row.wants_assistance === 'no'
            ? 'Nej'
            : 'Ikke besluttet',
      mappingDone: row.mapping_done,
      effort: row.effort,
      recordedAt: row.created_at.toISOString(),
    })),
    plans: plans.map((plan) => ({
      id: plan.id,
      submittedOn: plan.submitted_on,
      description: plan.description,
      milestones: milestones
        .filter((milestone) => milestone.recovery_plan_id === plan.id)
        .map((milestone) => ({
          goal: milestone.goal,
          month: milestone.month,
          target: milestone.target_passive_share,
        })),
    })),
    accounts: accounts.map((row) => ({
      id: row.id,
      submittedOn: row.submitted_on,
      summary: row.summary,
    })),
    minimumRequirements: minimumRequirements.map((check) => ({
      month: check.month,
      requirement: check.requirement,
      requirementLabel: isFocusGoal(check.requirement)
        ? FOCUS_GOAL_LABELS[check.requirement]
        : check.requirement,
      share: check.share,
      target: check.target,
      met: check.met,
      required: check.required,
      fulfilled: check.fulfilled,
      legalBasis: citationOf(check.legalBasis),
      administrationEnded: check.administrationEnded,
    })),
  };
}
