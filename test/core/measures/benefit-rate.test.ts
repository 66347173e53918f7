import { describe, expect, it } from 'vitest';
import { benefitRates } from '../../../src/core/measures/benefit-rate.js';
import { measureRecords } from '../../support/measure-records.js';

describe('the actual benefit rate (measures.md § 7)', () => {
  it('counts benefit days of every spell in the period, dead days included, per municipality', () => {
    // Person 1: kontanthjælp 1 January – 31 March 2024 in 101: 31 + 29 + 31 = 91 days.
    // Person 2: sygedagpenge from 1 December 2023 in 101, moving to 147 on 1 July 2024:
    //   H1 2024 in 101 = 182 days; H2 2024 in 147 = 184 days. Standby days still count.
    const measured = measureRecords(
      [
        { id: '1', periods: [{ benefit: 'kontanthjaelp', from: '2024-01-01', to: '2024-03-31' }] },
        {
          id: '2',
          periods: [
            { municipality: 101, benefit: 'sygedagpenge', from: '2023-12-01', to: '2024-06-30' },
            { municipality: 147, benefit: 'sygedagpenge', from: '2024-07-01' },
          ],
          exemptions: [{ reason: 'standby', from: '2024-02-01', to: '2024-02-29' }],
        },
      ],
      '2024-01',
      '2024-12',
    );
    const rates = benefitRates(measured.accumulators, measured.context, (municipality, year) =>
      municipality === 101 && year === 2024 ? 1000 : undefined,
    );
    const of = (municipality: number, label: string) =>
      rates.find((rate) => rate.municipality === municipality && rate.period.label === label);
    // 101 in 2024: 91 + 182 = 273 days / 366 = 0.7459… full-time persons of 1000 residents.
    expect(of(101, '2024')).toMatchObject({ benefitDays: 273, daysInPeriod: 366 });
    expect(of(101, '2024')?.fullTimePersons).toBeCloseTo(273 / 366, 12);
    expect(of(101, '2024')?.actualShare).toBeCloseTo((273 / 366 / 1000) * 100, 12);
    expect(of(101, '2024-H1')).toMatchObject({ benefitDays: 273, daysInPeriod: 182 });
    expect(of(101, '2024-H2')).toMatchObject({ benefitDays: 0, daysInPeriod: 184 });
    // 147 has no residents figure: the share is left undefined.
    expect(of(147, '2024-H2')).toMatchObject({
      benefitDays: 184,
      residents: undefined,
      actualShare: undefined,
    });
  });

  it('measures only the years and half years wholly inside the months measured', () => {
    const measured = measureRecords([], '2024-03', '2025-12');
    expect(measured.context.ratePeriods.map((period) => period.label)).toEqual([
      '2024-H2',
      '2025',
      '2025-H1',
      '2025-H2',
    ]);
  });
});
