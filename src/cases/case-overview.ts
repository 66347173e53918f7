/**
 * Everything recorded about one municipality's case, as the case page
 * shows it: the current status, the history (every event, corrections
 * included), the issued decisions, the notices, the deadlines, the account
 * and recovery plan with its milestones checked against the measures, the
 * meetings and the AMK contacts.
 */
import type { SupervisionStatus } from '../core/domain/supervision.js';
import { listAmkContacts } from './amk-contacts.js';
import type { CaseSystem } from './case-system.js';
import { notCorrected } from './corrections.js';
import { listDeadlines, type DeadlineView } from './deadlines.js';
import { listMeetings } from './meetings.js';
import {
  currentRecoveryPlan,
  milestoneChecks,
  type MilestoneCheck,
  type RecoveryPlan,
} from './recovery-plans.js';
import { caseEvents, currentStatus, type CaseEvent } from './supervision-cases.js';

export interface CaseOverview {
  readonly municipality: number;
  readonly status: SupervisionStatus;
  readonly events: readonly CaseEvent[];
  readonly decisions: readonly {
    readonly id: number;
    readonly year: number;
    readonly decision: string;
    readonly statusBefore: string;
    readonly statusAfter: string;
    readonly judgementReason: string | null;
    readonly assessmentRunId: number;
  }[];
  readonly notices: readonly {
    readonly id: number;
    readonly decisionId: number;
    readonly sendDate: string;
    readonly correctsId: number | null;
  }[];
  readonly deadlines: readonly DeadlineView[];
  readonly accounts: readonly {
    readonly id: number;
    readonly submittedOn: string;
    readonly summary: string;
  }[];
  readonly recoveryPlan: RecoveryPlan | undefined;
  readonly milestones: readonly MilestoneCheck[];
  readonly meetings: readonly {
    readonly id: number;
    readonly invitationDate: string;
    readonly meetingDate: string;
    readonly noticeDays: number;
  }[];
  readonly amkContacts: readonly {
    readonly id: number;
    readonly amk: string;
    readonly firstContactDate: string;
    readonly wantsAssistance: string;
    readonly mappingDone: boolean;
    readonly effort: string;
  }[];
}

export async function caseOverview(
  system: CaseSystem,
  municipality: number,
  options: { readonly on?: string } = {},
): Promise<CaseOverview> {
  const { database } = system;
  const decisions = await database
    .selectFrom('decisions as decision')
    .select([
      'decision.id',
      'decision.year',
      'decision.decision',
      'decision.status_before',
      'decision.status_after',
      'decision.judgement_reason',
      'decision.assessment_run_id',
    ])
    .where('decision.municipality_code', '=', municipality)
    .where(notCorrected('decisions', 'decision'))
    .orderBy('decision.year')
    .execute();
  const notices = await database
    .selectFrom('notices')
    .select(['id', 'decision_id', 'send_date', 'corrects_id'])
    .where('municipality_code', '=', municipality)
    .orderBy('id')
    .execute();
  const accounts = await database
    .selectFrom('accounts as account')
    .select(['account.id', 'account.submitted_on', 'account.summary'])
    .where('account.municipality_code', '=', municipality)
    .where(notCorrected('accounts', 'account'))
    .orderBy('account.id')
    .execute();
  const meetings = await listMeetings(system, municipality);
  const contacts = await listAmkContacts(system, { municipality });
  return {
    municipality,
    status: await currentStatus(database, municipality),
    events: await caseEvents(database, municipality),
    decisions: decisions.map((row) => ({
      id: row.id,
      year: row.year,
      decision: row.decision,
      statusBefore: row.status_before,
      statusAfter: row.status_after,
      judgementReason: row.judgement_reason,
      assessmentRunId: row.assessment_run_id,
    })),
    notices: notices.map((row) => ({
      id: row.id,
      decisionId: row.decision_id,
      sendDate: row.send_date,
      correctsId: row.corrects_id,
    })),
    deadlines: await listDeadlines(system, { municipality, on: options.on }),
    accounts: accounts.map((row) => ({
      id: row.id,
      submittedOn: row.submitted_on,
      summary: row.summary,
    })),
    recoveryPlan: await currentRecoveryPlan(database, municipality),
    milestones: await milestoneChecks(system, municipality),
    meetings: meetings.map((row) => ({
      id: row.id,
      invitationDate: row.invitation_date,
      meetingDate: row.meeting_date,
      noticeDays: row.notice_days,
    })),
    amkContacts: contacts.map((row) => ({
      id: row.id,
      amk: row.amk,
      firstContactDate: row.first_contact_date,
      wantsAssistance: row.wants_assistance,
      mappingDone: row.mapping_done,
      effort: row.effort,
    })),
  };
}
