/** Explains one readable person with the core (no files), for rule tests. */
import { yearMonth } from '../../src/core/calendar/year-month.js';
import { explainPerson, type Explanation } from '../../src/core/measures/explanation.js';
import { buildLoadColumns, type PersonRecords } from './load-records.js';
import { TEST_MUNICIPALITIES } from './measure-records.js';
import { OFFICIAL_RULES } from '../../src/core/rules/official-rules.js';

export function explain(person: PersonRecords, month: string): Explanation {
  return explainPerson(OFFICIAL_RULES, buildLoadColumns([person]), 0, yearMonth(month), [
    ...TEST_MUNICIPALITIES,
  ]);
}
