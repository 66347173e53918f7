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
import { PersonIdReader } from '../loading/person-id.js';
import { resolvePseudonymKey } from '../loading/pseudonym-key.js';
import { KEY_HINT } from '../loading/problem-reasons.js';
import { withLoad, type LoadSource } from './open-load.js';
import { OFFICIAL_RULES } from '../core/rules/official-rules.js';

export interface ExplainRequest {
  readonly load: LoadSource;
  /**
   * The person's `person_id` in the load, or their CPR number in any form
   * (docs/pseudonymisation.md), which is looked up under its pseudonym.
   */
  readonly personId: string;
  readonly month: YearMonth;
  /** A file holding the pseudonymisation key; else `$TILSYN_PSEUDONYM_KEY`. */
  readonly keyFile?: string;
}

export async function explainPersonInLoad(request: ExplainRequest): Promise<Explanation> {
  const personId = await personIdToLookUp(request);
  return withLoad(request.load, async (load) => {
    refuseMonthsAfterData(load.manifest, request.month);
    const reader = await openLoadReader(load.folder);
    try {
      const key = await reader.personKey(personId);
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

/**
 * The id as the load stores it: read as a load reads `person_id`, so that a
 * CPR number given with the key is looked up under its pseudonym. The number
 * itself is never repeated in a message.
 */
async function personIdToLookUp(request: ExplainRequest): Promise<string> {
  const key = await resolvePseudonymKey(request.keyFile, request.load.env);
  const reading = new PersonIdReader(key).read(request.personId);
  const problem = (reason: string) =>
    new InputError({ file: '--person', column: 'person_id', reason });
  switch (reading.kind) {
    case 'id':
      return reading.id;
    case 'empty':
      throw problem('personen er ikke angivet');
    case 'control':
      throw problem(`værdien indeholder et styretegn (${reading.character})`);
    case 'cpr':
      throw problem(
        `ligner et CPR-nummer, og der er ingen pseudonymiseringsnøgle at slå det op med; ${KEY_HINT}`,
      );
  }
}
