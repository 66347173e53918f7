/**
 * The minister's meeting with a municipality under supervision. Bek. nr. 301
 * af 20/03/2023 § 8: "Beskæftigelsesministeren kan indkalde kommunen til et
 * møde for at drøfte kommunens initiativer og indsats på baggrund af den
 * afgivne redegørelse […]. Mødet indkaldes med mindst en uges varsel."
 */
import { addDays, formatDanishDate, toDayNumber, type IsoDate } from '../calendar/iso-date.js';
import { DomainError } from '../domain-error.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import { decisionBasis } from '../rules/decision-basis.js';
import { formatCitation, type LegalSource } from '../rules/legal-source.js';
import type { RuleBook } from '../rules/rule-book.js';
import { rulesInForce } from '../rules/rules-in-force.js';

export interface MeetingInvitation {
  readonly municipality: MunicipalityCode;
  readonly invitationDate: IsoDate;
  readonly meetingDate: IsoDate;
  /** Days from the invitation to the meeting. */
  readonly noticeDays: number;
  /** The least notice the rules in force on the invitation date ask for, in days. */
  readonly minimumNoticeDays: number;
  readonly legalBasis: LegalSource;
}

/**
 * Invites a municipality to a meeting, under the rules of `book` in force on
 * the invitation date. Refuses (`meeting_notice_too_short`) when the meeting is
 * fewer than the minimum days after the invitation; exactly one week is
 * allowed.
 */
export function inviteToMeeting(
  book: RuleBook,
  municipality: MunicipalityCode,
  invitationDate: IsoDate,
  meetingDate: IsoDate,
): MeetingInvitation {
  const rules = rulesInForce(book, invitationDate);
  const minimum = rules.entry('deadlines.meeting_notice_days');
  const legalBasis = decisionBasis(rules, 'meeting') ?? minimum.source;
  const noticeDays = toDayNumber(meetingDate) - toDayNumber(invitationDate);
  if (noticeDays < minimum.value) {
    const given =
      noticeDays < 0
        ? 'mødet ligger før indkaldelsen'
        : `varslet er ${noticeDays} ${noticeDays === 1 ? 'dag' : 'dage'}`;
    throw new DomainError(
      'meeting_notice_too_short',
      `Mødet den ${formatDanishDate(meetingDate)} kan ikke indkaldes den ${formatDanishDate(invitationDate)}: ` +
        `${given}, men mødet skal indkaldes med mindst ${minimum.value} dages varsel ` +
        `(${formatCitation(minimum.source)}). ` +
        `Første mulige mødedato er ${formatDanishDate(addDays(invitationDate, minimum.value))}.`,
    );
  }
  return {
    municipality,
    invitationDate,
    meetingDate,
    noticeDays,
    minimumNoticeDays: minimum.value,
    legalBasis,
  };
}
