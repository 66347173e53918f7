/**
 * Why one person is or is not in the target group and passive in a month
 * (measures.md § 10). Reads only that person's rows (the store is sorted by
 * person) and runs the same code as the measures.
 *
 * The result is personal data, for entitled users; the person id is never
 * logged or echoed in errors.
 */
import type { YearMonth } from '../core/calendar/year-month.js';
import { explainPerson, type Explanation } from '../core/measures/explanation.js';
import { InputError } from '../files/input-error.js';
import { refuseMonthsAfterData } from '../loading/data-period.js';
import { openLoadReader } from '../measuring/read-load-columns.js';
import { withLoad, type LoadSource } from './open-load.js';
import { OFFICIAL_RULES } from '../core/rules/official-rules.js';

export interface ExplainRequest {
  readonly load: LoadSource;
  /** The person's `person_id` (pseudonym) in the load. */
  readonly personId: string;
  readonly month: YearMonth;
}

export async function explainPersonInLoad(request: ExplainRequest): Promise<Explanation> {
  return withLoad(request.load, async (load) => {
    refuseMonthsAfterData(load.manifest, request.month);
    const reader = await openLoadReader(load.folder);
    try {
      const key = await reader.personKey(request.personId);
      if (key === undefined)
        throw new InputError({
          file: `indlæsning ${load.id}`,
          column: 'person_id',
          reason: 'den angivne person (--person) findes ikke i indlæsningen',
        });
      const municipalities = await reader.municipalities();
      const { columns } = await reader.columns({ personKey: key });
      return explainPerson(OFFICIAL_RULES, columns, 0, request.month, municipalities);
    } finally {
      reader.close();
    }
  });
}
