/**
 * The AMK's contacts with a municipality and the help it gives (the status
 * report's Table 3): the first meeting or contact, whether the municipality
 * wants assistance (yes / no / undecided), whether the mapping is done, and
 * the effort in the municipality. A correction is a new record.
 */
import { ASSISTANCE_WISHES, type AssistanceWish } from '../storage/schema.js';
import type { Actor } from './actor.js';
import { appendAudit } from './audit.js';
import { amkOf, requireScope } from './case-access.js';
import { CaseError } from './case-error.js';
import { enteredDate, type CaseSystem } from './case-system.js';
import { notCorrected } from './corrections.js';
import { appendCaseEvent, caseIdOf } from './supervision-cases.js';

export const ASSISTANCE_LABELS: Readonly<Record<AssistanceWish, string>> = {
  yes: 'Ja',
  no: 'Nej',
  undecided: 'Ikke besluttet',
};

export interface AmkContactInput {
  readonly municipality: number;
  readonly firstContactDate: string;
  readonly wantsAssistance: string;
  readonly mappingDone: boolean;
  readonly effort: string;
  readonly correctsId?: number | undefined;
}

export async function recordAmkContact(
  system: CaseSystem,
  actor: Actor,
  input: AmkContactInput,
): Promise<number> {
  const { municipality } = input;
  await requireScope(actor, ['amk', 'ministry'], municipality, 'At registrere en AMK-kontakt');
  const firstContactDate = enteredDate(input.firstContactDate, 'Datoen for første kontakt');
  if (!(ASSISTANCE_WISHES as readonly string[]).includes(input.wantsAssistance))
    throw new CaseError(
      'bad_assistance',
      `"Ønsker kommunen bistand" skal være ${ASSISTANCE_WISHES.join(', ')}, ikke "${input.wantsAssistance}".`,
    );
  const wantsAssistance = input.wantsAssistance as AssistanceWish;
  const amk = await amkOf(municipality);
  return system.database.transaction().execute(async (transaction) => {
    const caseId = await caseIdOf(transaction, municipality);
    if (input.correctsId !== undefined) {
      const old = await transaction
        .selectFrom('amk_contacts')
        .select('municipality_code')
        .where('id', '=', input.correctsId)
        .executeTakeFirst();
      if (old?.municipality_code !== municipality)
        throw new CaseError(
          'no_such_contact',
          `AMK-kontakt ${input.correctsId} findes ikke for kommune ${municipality}.`,
          'not_found',
        );
    }
    const contact = await transaction
      .insertInto('amk_contacts')
      .values({
        case_id: caseId,
        municipality_code: municipality,
        amk,
        first_contact_date: firstContactDate,
        wants_assistance: wantsAssistance,
        mapping_done: input.mappingDone,
        effort: input.effort.trim(),
        created_by: actor.userId ?? null,
        corrects_id: input.correctsId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendCaseEvent(transaction, actor, {
      caseId,
      kind: input.correctsId === undefined ? 'amk_contact' : 'amk_contact_corrected',
      eventDate: firstContactDate,
      summary: `${amk}: kontakt; ønsker bistand: ${ASSISTANCE_LABELS[wantsAssistance]}; afdækning: ${input.mappingDone ? 'Ja' : 'Nej'}`,
      subjectTable: 'amk_contacts',
      subjectId: contact.id,
    });
    await appendAudit(transaction, actor, {
      action: 'amk_contact.record',
      subjectTable: 'amk_contacts',
      subjectId: contact.id,
      municipalityCode: municipality,
      details: { corrects: input.correctsId ?? null },
    });
    return contact.id;
  });
}

/** The current AMK contacts (corrected ones replaced), of a municipality or an AMK, or all. */
export async function listAmkContacts(
  system: Pick<CaseSystem, 'database'>,
  filter: { readonly municipality?: number; readonly amk?: string } = {},
) {
  let query = system.database
    .selectFrom('amk_contacts as contact')
    .selectAll('contact')
    .where(notCorrected('amk_contacts', 'contact'))
    .orderBy('contact.municipality_code')
    .orderBy('contact.first_contact_date');
  if (filter.municipality !== undefined)
    query = query.where('contact.municipality_code', '=', filter.municipality);
  if (filter.amk !== undefined) query = query.where('contact.amk', '=', filter.amk);
  return query.execute();
}
