/**
 * A small population for the shell and CLI tests of the measurement engine,
 * each person a case worked out by hand (see test/cli/measure.test.ts).
 */
import type { PersonRecords } from './load-records.js';

export const FIXTURE_PERSONS: readonly PersonRecords[] = [
  {
    // Kontanthjælp in 101 since 2022-01-01: in the target group in Feb and Mar 2023 (424 and 455
    // countable days). Four in-person jobsamtaler from April 2022: not passive for conversations.
    // No offer, 50 hours: passive for offers (below 225 in Feb, below 100 in Mar).
    id: 'A-kontant',
    periods: [{ municipality: 101, benefit: 'kontanthjaelp', from: '2022-01-01' }],
    conversations: [
      { date: '2022-04-05' },
      { date: '2022-06-01' },
      { date: '2022-09-01' },
      { date: '2022-12-01' },
    ],
    workHours: [{ month: '2022-05', hours: 50 }],
  },
  {
    // Dagpenge in 147 since 2021-06-01: in the target group; a virksomhedspraktik in the window
    // (not passive for offers), two conversations (passive for conversations).
    id: 'B-dagpenge',
    periods: [{ municipality: 147, benefit: 'dagpenge', from: '2021-06-01' }],
    conversations: [
      { date: '2022-08-01', heldBy: 'akasse', form: 'telefon' },
      { date: '2023-01-10' },
    ],
    offers: [{ type: 'virksomhedspraktik', from: '2022-10-01', to: '2022-11-30' }],
  },
  {
    // Sygedagpenge since 2022-06-01: 304 countable days at 2023-03-31, too short.
    id: 'C-syg',
    periods: [{ municipality: 101, benefit: 'sygedagpenge', from: '2022-06-01' }],
  },
  {
    // Uddannelseshjælp that ended 2023-02-15: no period covers R in Feb or Mar 2023.
    id: 'D-udd',
    periods: [
      { municipality: 101, benefit: 'uddannelseshjaelp', from: '2021-01-01', to: '2023-02-15' },
    ],
  },
];

export const FIXTURE_MUNICIPALITIES = [101, 147] as const;
