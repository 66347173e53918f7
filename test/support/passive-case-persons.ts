/**
 * The hand-worked load of the list of all passive cases (bek. nr. 301 § 12,
 * stk. 1, nr. 2), shared by `test/cli/passive-cases.test.ts` (which works it
 * out in full) and the case system's test of the list recorded from a load.
 *
 * In short: Københavns Kommune (101) in 2024 misses both goals; kontanthjælp
 * and uddannelseshjælp are reviewed, dagpenge is not, so the list at 31
 * December 2024 is K1–K3 (missing both), K4 (offer) and U1 (conversations);
 * F1 in Frederiksberg (147) is not on it. The raw files hold CPR numbers;
 * the load holds their keyed hashes (`pseudonym`).
 */
import { createHmac } from 'node:crypto';
import { monthRange, yearMonth } from '../../src/core/calendar/year-month.js';
import type { PersonRecords } from './load-records.js';

export const KEY = '5d0e8b2f91c4a7366e1b0f2d84c9a5e37f60b1d28e4c93a5f0172d6be8c4a39f';

/** A CPR number (valid date) per person: the raw files hold these, the load only their hashes. */
export const CPR: Record<string, string> = {
  K1: '0101901001',
  K2: '0101901002',
  K3: '0101901003',
  K4: '0101901004',
  K5: '0101901005',
  K6: '0101901006',
  U1: '0202901001',
  D1: '0303901001',
  D2: '0303901002',
  D3: '0303901003',
  D4: '0303901004',
  D5: '0303901005',
  D6: '0303901006',
  F1: '0404901001',
};
export const pseudonym = (name: string) =>
  createHmac('sha256', KEY)
    .update(CPR[name] ?? '')
    .digest('hex');

export const MONTHLY = monthRange(yearMonth('2023-01'), yearMonth('2024-12')).map((month) => ({
  date: `${month}-10`,
}));
export const ONGOING_OFFER = [{ type: 'virksomhedspraktik' as const, from: '2023-01-01' }];
export const person = (
  name: string,
  benefit: 'kontanthjaelp' | 'uddannelseshjaelp' | 'dagpenge',
  details: Omit<PersonRecords, 'id'> = {},
  municipality = 101,
): PersonRecords => ({
  id: CPR[name] ?? name,
  periods: [{ municipality, benefit, from: '2022-01-01' }],
  ...details,
});

export const PERSONS: readonly PersonRecords[] = [
  person('K1', 'kontanthjaelp'),
  person('K2', 'kontanthjaelp'),
  person('K3', 'kontanthjaelp'),
  person('K4', 'kontanthjaelp', {
    conversations: MONTHLY,
    offers: [{ type: 'nytteindsats', from: '2022-03-01', to: '2022-03-31' }],
  }),
  person('K5', 'kontanthjaelp', { conversations: MONTHLY, offers: ONGOING_OFFER }),
  person('K6', 'kontanthjaelp', {
    conversations: MONTHLY,
    workHours: [{ month: '2024-10', hours: 120 }],
  }),
  person('U1', 'uddannelseshjaelp', { offers: ONGOING_OFFER }),
  ...['D1', 'D2', 'D3', 'D4', 'D5'].map((name) =>
    person(name, 'dagpenge', { conversations: MONTHLY, offers: ONGOING_OFFER }),
  ),
  person('D6', 'dagpenge', { offers: ONGOING_OFFER }),
  person('F1', 'kontanthjaelp', {}, 147),
];
