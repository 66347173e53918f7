import { describe, expect, it } from 'vitest';
import type { BenefitType } from '../../../src/core/domain/benefit-type.js';
import type { OfferRecord, PersonRecords, WorkHoursRecord } from '../../support/load-records.js';
import { explain } from '../../support/explain-records.js';
import { focusCounts, measureRecords } from '../../support/measure-records.js';

function passiveForOffers(person: PersonRecords, month: string): number {
  return focusCounts(measureRecords([person], month, month), month).passiveOffers;
}

/** Since 2022-01-01: at R = 2023-02-28 the duration is 424 and W = 2022-03-01. */
function withOffers(offers: OfferRecord[], benefit: BenefitType = 'kontanthjaelp'): PersonRecords {
  return { id: 'o', periods: [{ benefit, from: '2022-01-01' }], offers };
}

function withHours(workHours: WorkHoursRecord[]): PersonRecords {
  return { id: 'h', periods: [{ benefit: 'kontanthjaelp', from: '2022-01-01' }], workHours };
}

describe('offers (measures.md § 5, M8)', () => {
  it.each([
    ['kontanthjaelp', '2023-03-21', 0],
    ['kontanthjaelp', '2023-03-22', 1],
    ['uddannelseshjaelp', '2023-03-21', 0],
    ['uddannelseshjaelp', '2023-03-22', 0],
    ['selvforsoergelse', '2023-03-22', 0],
    ['dagpenge', '2023-03-22', 1],
  ] as const)(
    'a § 91 offer to a recipient of %s starting %s: passive for offers = %i',
    (benefit, from, passive) => {
      const person = withOffers(
        [{ type: 'oevrig_vejledning_opkvalificering', from, to: '2023-04-10' }],
        benefit,
      );
      expect(passiveForOffers(person, '2023-04')).toBe(passive);
    },
  );

  it('a § 91 offer starting on a day no period covers does not count', () => {
    // Uddannelseshjælp with a gap 21–27 March 2023 (no whole month: one spell).
    const person: PersonRecords = {
      id: 'g',
      periods: [
        { benefit: 'uddannelseshjaelp', from: '2022-01-01', to: '2023-03-20' },
        { benefit: 'uddannelseshjaelp', from: '2023-03-28' },
      ],
      offers: [{ type: 'oevrig_vejledning_opkvalificering', from: '2023-03-22', to: '2023-04-30' }],
    };
    expect(passiveForOffers(person, '2023-04')).toBe(1);
    expect(explain(person, '2023-04').offers[0]?.status).toBe('section_91_no_benefit');
  });

  it.each([
    ['ending on W', { type: 'virksomhedspraktik', from: '2022-02-01', to: '2022-03-01' }, 0],
    [
      'ending the day before W',
      { type: 'virksomhedspraktik', from: '2022-02-01', to: '2022-02-28' },
      1,
    ],
    ['starting on R', { type: 'loentilskud', from: '2023-02-28', to: '2023-05-31' }, 0],
    ['starting the day after R', { type: 'loentilskud', from: '2023-03-01', to: '2023-05-31' }, 1],
    ['ongoing since before the window', { type: 'nytteindsats', from: '2021-06-01' }, 0],
    ['of another type', { type: 'other', from: '2022-06-01', to: '2022-06-30' }, 1],
  ] as const)('an offer %s: passive for offers = %i', (_, offer, passive) => {
    expect(passiveForOffers(withOffers([offer]), '2023-02')).toBe(passive);
  });
});

describe('hours of ordinary work (measures.md § 5, M9)', () => {
  it.each([
    // v2021 month (R = 2023-02-28, W = 2022-03-01): threshold 225.
    ['2023-02', '2022-03', 224, 1],
    ['2023-02', '2022-03', 225, 0],
    ['2023-02', '2023-02', 225, 0],
    ['2023-02', '2022-02', 225, 1],
    // 100 hours are not enough before the switch: the threshold belongs to R's version.
    ['2023-02', '2022-03', 100, 1],
    // v2023 month (R = 2023-03-31, W = 2022-04-01): threshold 100.
    ['2023-03', '2022-04', 99, 1],
    ['2023-03', '2022-04', 99.99, 1],
    ['2023-03', '2022-04', 100, 0],
    ['2023-03', '2022-03', 100, 1],
    // 224 hours are plenty after it.
    ['2023-03', '2022-04', 224, 0],
  ] as const)(
    'in %s, %s hours in %s: passive for offers = %i',
    (month, hoursMonth, hours, passive) => {
      expect(passiveForOffers(withHours([{ month: hoursMonth, hours }]), month)).toBe(passive);
    },
  );

  it('hours after the month measured do not count', () => {
    expect(passiveForOffers(withHours([{ month: '2023-03', hours: 225 }]), '2023-02')).toBe(1);
  });

  it('hours are added across months: 60 + 40 = 100 is enough under v2023', () => {
    const person = withHours([
      { month: '2022-05', hours: 60 },
      { month: '2023-01', hours: 40 },
    ]);
    expect(passiveForOffers(person, '2023-03')).toBe(0);
    expect(explain(person, '2023-03').hours).toMatchObject({ total: 100, threshold: 100 });
  });

  it('the whole month of W counts even when W is mid-month', () => {
    // Standby 2022-06-01 … 2022-06-14 puts W on 2022-03-18; hours booked in March 2022 count.
    const person: PersonRecords = {
      id: 'm',
      periods: [{ benefit: 'kontanthjaelp', from: '2022-01-01' }],
      exemptions: [{ reason: 'standby', from: '2022-06-01', to: '2022-06-14' }],
      workHours: [{ month: '2022-03', hours: 100 }],
    };
    expect(explain(person, '2023-03').window?.from).toBe('2022-03-18');
    expect(passiveForOffers(person, '2023-03')).toBe(0);
  });
});
