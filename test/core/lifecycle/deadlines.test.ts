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
import { formatCitation, formatParagraph } from '../../../src/core/rules/legal-source.js';
import { rulesForAssessment } from '../../../src/core/rules/rules-in-force.js';
import type { DecisionKind } from '../../../src/core/domain/supervision.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';

function deadlinesOf(decision: DecisionKind, year: number, noticeDate?: string) {
  return decisionDeadlines({
    decision,
    year,
    rules: rulesForAssessment(OFFICIAL_RULES, year),
    noticeDate: noticeDate === undefined ? undefined : isoDate(noticeDate),
  }).map((deadline) => [deadline.kind, deadline.date, formatParagraph(deadline.legalBasis)]);
}

describe('the dates of an annual assessment', () => {
  it('the assessment of 2023 is published by 1 April 2024 and noticed by 30 April 2024', () => {
    const rules = rulesForAssessment(OFFICIAL_RULES, 2023);
    expect(publicationDate(rules, 2023)).toBe('2024-04-01');
    expect(noticeDeadline(rules, 2023)).toBe('2024-04-30');
  });

  it('the recovery period runs 9 months from publication: 1 April – 31 December (seed 000)', () => {
    expect(recoveryPeriod(rulesForAssessment(OFFICIAL_RULES, 2023), 2023)).toEqual({
      from: '2024-04-01',
      to: '2024-12-31',
    });
  });
});

/** The legal basis of the notice deadline of `decision` at the assessment of `year`, as one line. */
function noticeBasis(decision: DecisionKind, year: number): string {
  const notice = decisionDeadlines({
    decision,
    year,
    rules: rulesForAssessment(OFFICIAL_RULES, year),
  }).find((deadline) => deadline.kind === 'notice');
  return notice === undefined ? '' : formatCitation(notice.legalBasis);
}

describe('which rule dates the notice of a decision (issue 9 § 4 c)', () => {
  it('only a selection cites § 6, stk. 2 ("meddelelse til kommuner, der omfattes af det skærpede tilsyn")', () => {
    expect(noticeBasis('selected', 2023)).toBe('bek. nr. 301 af 20/03/2023 § 6, stk. 2');
    expect(noticeBasis('selected', 2021)).toBe('bek. nr. 1409 af 16/12/2019 § 6, stk. 2');
  });

  it('the end of administration has its own rule: 2023 § 13, 2019 § 14 ("inden udgangen af april")', () => {
    expect(noticeBasis('administration_ends', 2023)).toBe('bek. nr. 301 af 20/03/2023 § 13');
    expect(noticeBasis('administration_ends', 2021)).toBe('bek. nr. 1409 af 16/12/2019 § 14');
    const rules = rulesForAssessment(OFFICIAL_RULES, 2023);
    const source = rules.entry('deadlines.notice.administration_end').source;
    expect(source.kind === 'citation' && source.quote).toBe(
      'Beskæftigelsesministeriet giver kommunen meddelelse herom inden udgangen af april.',
    );
  });

  it.each(['supervision_ends', 'extended', 'administration', 'administration_continues'] as const)(
    'the rules set no April deadline for "%s": the date is the system\'s practice, marked fortolkning',
    (decision) => {
      expect(noticeBasis(decision, 2023)).toBe(
        'fortolkning efter regime.md § 3: systemets praksis, ingen frist i reglerne',
      );
      const source = rulesForAssessment(OFFICIAL_RULES, 2023).entry(
        'deadlines.notice.other_decisions',
      ).source;
      expect(source.kind === 'fortolkning' && source.reasoning).toMatch(/system's practice/);
    },
  );
});

describe('what the 2019 rules do not say is marked as inferred (issue 9 § 4 d)', () => {
  it('the meeting\'s § 9, its week of notice and "from the month after" under bek. nr. 1409 are fortolkning', () => {
    const rules = rulesForAssessment(OFFICIAL_RULES, 2021);
    expect(rules.entry('decisions.meeting').source.kind).toBe('fortolkning');
    expect(rules.entry('deadlines.meeting_notice_days').source.kind).toBe('fortolkning');
    expect(rules.entry('administration.effective_months_after_notice').source.kind).toBe(
      'fortolkning',
    );
  });

  it('under bek. nr. 301 the same values quote their rule', () => {
    const rules = rulesForAssessment(OFFICIAL_RULES, 2023);
    expect(formatCitation(rules.entry('decisions.meeting').source)).toBe(
      'bek. nr. 301 af 20/03/2023 § 8',
    );
    expect(formatCitation(rules.entry('deadlines.meeting_notice_days').source)).toBe(
      'bek. nr. 301 af 20/03/2023 § 8',
    );
    expect(formatCitation(rules.entry('administration.effective_months_after_notice').source)).toBe(
      'bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 1',
    );
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
      ['notice', '2024-04-30', 'fortolkning'],
      ['extension_end', '2024-12-31', '§ 11'],
    ]);
  });

  it('administration applies from the month after the notice; the case review is due 3 months after it', () => {
    expect(deadlinesOf('administration', 2024)).toEqual([
      ['notice', '2025-04-30', 'fortolkning'],
      ['minimum_requirements_from', '2025-05-01', '§ 12, stk. 1, nr. 1'],
      ['passive_case_review', '2025-07-31', '§ 12, stk. 2'],
    ]);
    expect(deadlinesOf('administration', 2024, '2025-04-03').slice(1)).toEqual([
      ['minimum_requirements_from', '2025-05-01', '§ 12, stk. 1, nr. 1'],
      ['passive_case_review', '2025-07-03', '§ 12, stk. 2'],
    ]);
  });

  it("administration under the 2019 rules cites 2019 § 13; its start month is the project's reading", () => {
    expect(deadlinesOf('administration', 2021)).toEqual([
      ['notice', '2022-04-30', 'fortolkning'],
      ['minimum_requirements_from', '2022-05-01', 'fortolkning'],
      ['passive_case_review', '2022-07-31', '§ 13, stk. 2'],
    ]);
  });

  it('administration that continues asks for a new review of all passive cases every year', () => {
    expect(deadlinesOf('administration_continues', 2025)).toEqual([
      ['notice', '2026-04-30', 'fortolkning'],
      ['passive_case_review', '2026-07-31', '§ 12, stk. 2'],
    ]);
  });

  it('an end is only noticed; staying out sets nothing', () => {
    expect(deadlinesOf('supervision_ends', 2023)).toEqual([
      ['notice', '2024-04-30', 'fortolkning'],
    ]);
    expect(deadlinesOf('administration_ends', 2023)).toEqual([['notice', '2024-04-30', '§ 13']]);
    expect(deadlinesOf('stays_out', 2023)).toEqual([]);
  });

  it('a decision that requires judgement sets nothing, not even a notice, until a person decides', () => {
    expect(deadlinesOf('requires_judgement', 2023)).toEqual([]);
  });
});

describe('calling the municipality to a meeting (2023 § 8: "mindst en uges varsel")', () => {
  it('exactly 7 days of notice is allowed', () => {
    const invitation = inviteToMeeting(
      OFFICIAL_RULES,
      101,
      isoDate('2024-08-01'),
      isoDate('2024-08-08'),
    );
    expect(invitation.noticeDays).toBe(7);
    expect(formatParagraph(invitation.legalBasis)).toBe('§ 8');
  });

  it('6 days of notice is refused with a clear Danish message naming both dates and the §', () => {
    let error: unknown;
    try {
      inviteToMeeting(OFFICIAL_RULES, 101, isoDate('2024-08-01'), isoDate('2024-08-07'));
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
    expect(() =>
      inviteToMeeting(OFFICIAL_RULES, 101, isoDate('2024-08-01'), isoDate('2024-07-30')),
    ).toThrow(/mødet ligger før indkaldelsen/);
  });

  it("a meeting called under the 2019 rules rests on the project's reading of 2019 § 9, not a quoted rule", () => {
    const invitation = inviteToMeeting(
      OFFICIAL_RULES,
      101,
      isoDate('2022-08-01'),
      isoDate('2022-08-08'),
    );
    expect(invitation.legalBasis.kind).toBe('fortolkning');
    expect(formatParagraph(invitation.legalBasis)).toBe('fortolkning');
    expect(invitation.legalBasis.kind === 'fortolkning' && invitation.legalBasis.reasoning).toMatch(
      /read as § 9/,
    );
  });
});
