/**
 * The minister's meeting with a municipality under supervision (bek. nr.
 * 301 § 8): invited through the core's `inviteToMeeting`, which refuses a
 * meeting called with less than the notice the rules ask for (one week).
 * A moved meeting is a new invitation that corrects the old one. The
 * invitation's letter is stored with the meeting (`letters.ts`); a moved
 * meeting's letter corrects the old meeting's letter.
 */
import { inviteToMeeting } from '../core/lifecycle/meeting-invitation.js';
import { formatDanishDate } from '../core/calendar/iso-date.js';
import { DEFAULT_MEETING_PLACE } from '../core/letters/letter-input.js';
import { meetingLetterInput } from '../core/letters/letter-inputs-of.js';
import { municipalityNames } from '../pipeline/legal-inputs.js';
import { legalSourceJson } from '../reports/legal-source-json.js';
import { requireRole, type Actor } from './actor.js';
import { appendAudit } from './audit.js';
import { CaseError } from './case-error.js';
import { enteredDate, type CaseSystem } from './case-system.js';
import { notCorrected } from './corrections.js';
import { currentLetterOf, storeLetter } from './letters.js';
import { appendCaseEvent, caseIdOf, currentStatus } from './supervision-cases.js';

export interface MeetingRequest {
  readonly municipality: number;
  readonly invitationDate: string;
  readonly meetingDate: string;
  readonly note?: string | undefined;
  /** Where the meeting is held, as the letter says it (default: the ministry). */
  readonly place?: string | undefined;
  /** The time of day, "14.00", when set. */
  readonly time?: string | undefined;
  /** The meeting this invitation replaces. */
  readonly correctsId?: number | undefined;
}

export async function inviteMeeting(
  system: CaseSystem,
  actor: Actor,
  request: MeetingRequest,
): Promise<number> {
  requireRole(actor, ['ministry'], 'At indkalde til møde');
  const { municipality } = request;
  const invitationDate = enteredDate(request.invitationDate, 'Indkaldelsesdatoen');
  const meetingDate = enteredDate(request.meetingDate, 'Mødedatoen');
  const invitation = inviteToMeeting(system.book, municipality, invitationDate, meetingDate);
  const names = await municipalityNames();
  const place = request.place?.trim() || DEFAULT_MEETING_PLACE;
  const time = request.time?.trim();
  if (time !== undefined && time !== '' && !/^([01][0-9]|2[0-3])\.[0-5][0-9]$/.test(time))
    throw new CaseError(
      'bad_time',
      `Mødetidspunktet skal skrives tt.mm, fx 14.00 (ikke "${time}").`,
    );
  return system.database.transaction().execute(async (transaction) => {
    if ((await currentStatus(transaction, municipality)) === 'none')
      throw new CaseError(
        'not_supervised',
        `Kommune ${municipality} er ikke under skærpet tilsyn; ministeren kan ikke indkalde den til møde efter § 8.`,
        'conflict',
      );
    const caseId = await caseIdOf(transaction, municipality);
    if (request.correctsId !== undefined) {
      const old = await transaction
        .selectFrom('meetings')
        .select('municipality_code')
        .where('id', '=', request.correctsId)
        .executeTakeFirst();
      if (old?.municipality_code !== municipality)
        throw new CaseError(
          'no_such_meeting',
          `Møde ${request.correctsId} findes ikke for kommune ${municipality}.`,
          'not_found',
        );
    }
    const meeting = await transaction
      .insertInto('meetings')
      .values({
        case_id: caseId,
        municipality_code: municipality,
        invitation_date: invitation.invitationDate,
        meeting_date: invitation.meetingDate,
        notice_days: invitation.noticeDays,
        minimum_notice_days: invitation.minimumNoticeDays,
        legal_basis: JSON.stringify(legalSourceJson(invitation.legalBasis)),
        note: request.note ?? null,
        created_by: actor.userId ?? null,
        corrects_id: request.correctsId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const replaced =
      request.correctsId === undefined
        ? undefined
        : await currentLetterOf(transaction, { meetingId: request.correctsId });
    await storeLetter(transaction, actor, {
      caseId,
      municipality,
      meetingId: meeting.id,
      input: meetingLetterInput({
        invitation,
        municipality: { code: municipality, name: names.plainNameOf(municipality) },
        place,
        ...(time === undefined || time === '' ? {} : { time }),
      }),
      correctsId: replaced?.id ?? null,
    });
    await appendCaseEvent(transaction, actor, {
      caseId,
      kind: request.correctsId === undefined ? 'meeting_invited' : 'meeting_moved',
      eventDate: invitation.invitationDate,
      summary: `Indkaldt til møde med ministeren den ${formatDanishDate(invitation.meetingDate)} (${invitation.noticeDays} dages varsel)`,
      subjectTable: 'meetings',
      subjectId: meeting.id,
    });
    await appendAudit(transaction, actor, {
      action: 'meeting.invite',
      subjectTable: 'meetings',
      subjectId: meeting.id,
      municipalityCode: municipality,
      details: { invitationDate, meetingDate, corrects: request.correctsId ?? null },
    });
    return meeting.id;
  });
}

/** The current meetings (moved ones replaced), by meeting date. */
export async function listMeetings(system: CaseSystem, municipality?: number) {
  let query = system.database
    .selectFrom('meetings as meeting')
    .selectAll('meeting')
    .where(notCorrected('meetings', 'meeting'))
    .orderBy('meeting.meeting_date');
  if (municipality !== undefined)
    query = query.where('meeting.municipality_code', '=', municipality);
  return query.execute();
}
