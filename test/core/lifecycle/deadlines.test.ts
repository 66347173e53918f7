import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../src/core/calendar/iso-date.js';
import { DomainError } from '../../../src/core/domain-error.js';
import {
  noticeDeadline,
  publicationDate,
  recoveryPeriod,
} from '../../../src/core/lifecycle/assessment-dates.js';
import { decisionDeadlines } from '../../../src/core/lifecycle/decision-deadlines.js';
import { inviteToMeeting } from '../../../src/core/lifecycle/meeting-invitation.js';
import { formatParagraph } from '../../../src/core/rules/legal-source.js';
import { rulesForAssessment } from '../../../src/core/rules/rules-in-force.js';
import type { DecisionKind } from '../../../src/core/domain/supervision.js';

function deadlinesOf(decision: DecisionKind, year: number, noticeDate?: string) {
  return decisionDeadlines({
    decision,
    year,
    rules: rulesForAssessment(year),
    noticeDate: noticeDate === undefined ? undefined : isoDate(noticeDate),
  }).map((deadline) => [deadline.kind, deadline.date, formatParagraph(deadline.legalBasis)]);
}

describe('the dates of an annual assessment', () => {
  it('the assessment of 2023 is published by 1 April 2024 and noticed by 30 April 2024', () => {
    const rules = rulesForAssessment(2023);
    expect(publicationDate(rules, 2023)).toBe('2024-04-01');
    expect(noticeDeadline(rules, 2023)).toBe('2024-04-30');
  });

  it('the recovery period runs 9 months from publication: 1 April – 31 December (seed 000)', () => {
    expect(recoveryPeriod(rulesForAssessment(2023), 2023)).toEqual({
      from: '2024-04-01',
      to: '2024-12-31',
    });
  });
});

describe('the deadlines a decision sets', () => {
  it('a selection under the 2023 rules: notice 30 April, account 31 July, recovery to 31 December — in date order', () => {
    expect(deadlinesOf('selected', 2023)).toEqual([
      ['recovery_period_start', '2024-04-01', '§ 22 d, stk. 1'],
      ['notice', '2024-04-30', '§ 6, stk. 2'],
      ['account', '2024-07-31', '§ 7'],
      ['recovery_period_end', '2024-12-31', '§ 22 d, stk. 1'],
    ]);
  });

  it('a selection under the 2019 rules adds the sample case review, due with the account (§ 8)', () => {
    expect(deadlinesOf('selected', 2021)).toEqual([
      ['recovery_period_start', '2022-04-01', '§ 22 d, stk. 1'],
      ['notice', '2022-04-30', '§ 6, stk. 2'],
      ['account', '2022-07-31', '§ 7'],
      ['sample_review', '2022-07-31', '§ 8, stk. 2'],
      ['recovery_period_end', '2022-12-31', '§ 22 d, stk. 1'],
    ]);
  });

  it('deadlines run from the actual notice date when it is known', () => {
    expect(
      deadlinesOf('selected', 2023, '2024-04-12').filter(
        ([kind]) => kind === 'notice' || kind === 'account',
      ),
    ).toEqual([
      ['notice', '2024-04-12', '§ 6, stk. 2'],
      ['account', '2024-07-12', '§ 7'],
    ]);
  });

  it('an extension at the assessment of 2023 runs to 31 December 2024 (2023 § 11)', () => {
    expect(deadlinesOf('extended', 2023)).toEqual([
      ['notice', '2024-04-30', '§ 6, stk. 2'],
      ['extension_end', '2024-12-31', '§ 11'],
    ]);
  });

  it('administration applies from the month after the notice; the case review is due 3 months after it', () => {
    expect(deadlinesOf('administration', 2024)).toEqual([
      ['notice', '2025-04-30', '§ 6, stk. 2'],
      ['minimum_requirements_from', '2025-05-01', '§ 12, stk. 1, nr. 1'],
      ['passive_case_review', '2025-07-31', '§ 12, stk. 2'],
    ]);
    expect(deadlinesOf('administration', 2024, '2025-04-03').slice(1)).toEqual([
      ['minimum_requirements_from', '2025-05-01', '§ 12, stk. 1, nr. 1'],
      ['passive_case_review', '2025-07-03', '§ 12, stk. 2'],
    ]);
  });

  it('administration under the 2019 rules cites 2019 § 13', () => {
    expect(deadlinesOf('administration', 2021)).toEqual([
      ['notice', '2022-04-30', '§ 6, stk. 2'],
      ['minimum_requirements_from', '2022-05-01', '§ 13, stk. 1, nr. 1'],
      ['passive_case_review', '2022-07-31', '§ 13, stk. 2'],
    ]);
  });

  it('administration that continues asks for a new review of all passive cases every year', () => {
    expect(deadlinesOf('administration_continues', 2025)).toEqual([
      ['notice', '2026-04-30', '§ 6, stk. 2'],
      ['passive_case_review', '2026-07-31', '§ 12, stk. 2'],
    ]);
  });

  it('an end is only noticed; staying out sets nothing', () => {
    expect(deadlinesOf('supervision_ends', 2023)).toEqual([
      ['notice', '2024-04-30', '§ 6, stk. 2'],
    ]);
    expect(deadlinesOf('administration_ends', 2023)).toEqual([
      ['notice', '2024-04-30', '§ 6, stk. 2'],
    ]);
    expect(deadlinesOf('stays_out', 2023)).toEqual([]);
  });
});

describe('calling the municipality to a meeting (2023 § 8: "mindst en uges varsel")', () => {
  it('exactly 7 days of notice is allowed', () => {
    const invitation = inviteToMeeting(101, isoDate('2024-08-01'), isoDate('2024-08-08'));
    expect(invitation.noticeDays).toBe(7);
    expect(formatParagraph(invitation.legalBasis)).toBe('§ 8');
  });

  it('6 days of notice is refused with a clear Danish message naming both dates and the §', () => {
    let error: unknown;
    try {
      inviteToMeeting(101, isoDate('2024-08-01'), isoDate('2024-08-07'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'meeting_notice_too_short',
      message:
        'Mødet den 7. august 2024 kan ikke indkaldes den 1. august 2024: varslet er 6 dage, men ' +
        'mødet skal indkaldes med mindst 7 dages varsel (bek. nr. 301 af 20/03/2023 § 8). ' +
        'Første mulige mødedato er 8. august 2024.',
    });
  });

  it('a meeting before its invitation is refused too', () => {
    expect(() => inviteToMeeting(101, isoDate('2024-08-01'), isoDate('2024-07-30'))).toThrow(
      /mødet ligger før indkaldelsen/,
    );
  });

  it('a meeting called under the 2019 rules cites 2019 § 9', () => {
    const invitation = inviteToMeeting(101, isoDate('2022-08-01'), isoDate('2022-08-08'));
    expect(invitation.legalBasis.instrument.id).toBe('bek-1409-2019');
    expect(formatParagraph(invitation.legalBasis)).toBe('§ 9');
  });
});
