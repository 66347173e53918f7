/**
 * The CSV files of person-level results are opened by people in a
 * spreadsheet: a person id a spreadsheet would run as a formula is shown as
 * text (issue 12 § 4), and the persons file still reads back as written.
 */
import { describe, expect, it } from 'vitest';
import type { PassiveCaseList } from '../../src/core/administration/passive-cases.js';
import type { Citation } from '../../src/core/rules/legal-source.js';
import { isoDate } from '../../src/core/calendar/iso-date.js';
import { parseCsv } from '../../src/files/csv-table.js';
import { samplePersonsFromTable } from '../../src/inputs/read-sample-persons.js';
import { passiveCasesCsv } from '../../src/reports/passive-cases-report.js';
import { targetGroupPersonsCsv } from '../../src/reports/target-group-persons-csv.js';

const ATTACK = '=HYPERLINK("http://x")';

describe('person-level CSV files opened in a spreadsheet', () => {
  it('the persons file neutralises a formula id, and tilsyn sample reads the id back unchanged', () => {
    const member = {
      person: 0,
      municipality: 101,
      benefit: 'kontanthjaelp',
      spellStart: 0,
      countableDays: 400,
      windowStart: 0,
      conversations: 0,
      offerCounted: false,
      hours: 0,
      passiveForOffers: true,
      passiveForConversations: true,
      lastCountedOfferStart: undefined,
    } as const;
    const text = targetGroupPersonsCsv([
      { personId: '@p1', member },
      { personId: 'p2', member },
    ]);
    expect(text.split('\n')[1]).toMatch(/^'@p1,/);
    const persons = samplePersonsFromTable(parseCsv('persons.csv', text), new Set([101]));
    expect(persons.map((person) => person.personId)).toEqual(['@p1', 'p2']);
  });

  it('the passive-case list neutralises a formula id', () => {
    const basis: Citation = {
      kind: 'citation',
      instrument: { id: 'b', citation: 'bek. nr. 301', title: 't' },
      paragraph: '§ 12',
    };
    const list: PassiveCaseList = {
      municipality: 101,
      year: 2023,
      referenceDate: isoDate('2023-12-31'),
      ruleVersion: 'v2023',
      legalBasis: basis,
      resultDue: basis,
      goalsMissed: ['offers'],
      groups: [],
      cases: [
        {
          personId: ATTACK,
          benefit: 'kontanthjaelp',
          listedBenefit: 'kontanthjaelp',
          spellStart: isoDate('2022-01-01'),
          spellDays: 700,
          monthsInSpell: 23,
          missing: 'offer',
          lastOffer: undefined,
          conversations: 4,
          hours: 0,
        },
      ],
      counts: { offer: 1, conversations: 0, both: 0 },
    };
    expect(passiveCasesCsv(list).split('\n')[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/x""\)",/);
  });
});
