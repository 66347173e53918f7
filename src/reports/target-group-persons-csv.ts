/**
 * The target group at one month, one person per row, in the format the § 8
 * case sample reads (`tilsyn sample --persons`, `inputs/read-sample-persons.ts`):
 * `person_id` (the load's pseudonym), `municipality`, `benefit`,
 * `passive_offers`, `passive_conversations` (`true`/`false`), in person
 * order. A person id a spreadsheet would run as a formula is neutralised
 * (src/files/spreadsheet-cell.ts) and restored by the reader. Written by `tilsyn measure --persons`.
 */
import { neutraliseFormula } from '../files/spreadsheet-cell.js';
import { SAMPLE_PERSON_COLUMNS } from '../inputs/read-sample-persons.js';
import type { TargetGroupMember } from '../core/measures/target-group-persons.js';

/** One person of the target group with the load's pseudonym. */
export interface TargetGroupPersonRow {
  readonly personId: string;
  readonly member: TargetGroupMember;
}

export function targetGroupPersonsCsv(rows: readonly TargetGroupPersonRow[]): string {
  return (
    [
      SAMPLE_PERSON_COLUMNS.join(','),
      ...rows.map(({ personId, member }) =>
        [
          neutraliseFormula(personId),
          String(member.municipality),
          member.benefit,
          String(member.passiveForOffers),
          String(member.passiveForConversations),
        ].join(','),
      ),
    ].join('\n') + '\n'
  );
}
