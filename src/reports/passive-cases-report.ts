/**
 * The list of all passive cases (`tilsyn passive-cases`): as CSV (one row
 * per case, `,` and `.`, every row naming the § that requires the review),
 * as JSON (schema `tilsyn.passive-cases/1`: the load, the rules version, the
 * count and the cases), and a Danish summary for the screen. The person key
 * is the load's pseudonymised person id.
 */
import { neutraliseFormula } from '../files/spreadsheet-cell.js';
import type { MissingDemand, PassiveCaseList } from '../core/administration/passive-cases.js';
import { LISTED_BENEFIT_LABELS } from '../core/case-sample/listed-benefit.js';
import { formatDanishDate } from '../core/calendar/iso-date.js';
import { formatDanishNumber } from '../core/danish-format.js';
import { formatCitation } from '../core/rules/legal-source.js';
import { GOAL_IN_SENTENCE, percent } from './legal-text.js';
import { legalSourceJson } from './legal-source-json.js';

export const PASSIVE_CASES_SCHEMA = 'tilsyn.passive-cases/1';

export const PASSIVE_CASES_COLUMNS = [
  'person_id',
  'benefit',
  'listed_benefit',
  'spell_start',
  'spell_days',
  'months_in_spell',
  'missing',
  'last_offer',
  'conversations_12m',
  'work_hours_12m',
  'legal_basis',
] as const;

const MISSING_TEXT: Readonly<Record<MissingDemand, string>> = {
  offer: 'tilbud',
  conversations: 'samtaler',
  both: 'tilbud og samtaler',
};

/** A CSV field: never a formula, quoted when it holds a comma, a quote or a line break. */
function field(value: string): string {
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function passiveCasesCsv(list: PassiveCaseList): string {
  const basis = formatCitation(list.legalBasis);
  const rows = list.cases.map((entry) =>
    [
      entry.personId,
      entry.benefit,
      entry.listedBenefit,
      entry.spellStart,
      String(entry.spellDays),
      String(entry.monthsInSpell),
      entry.missing,
      entry.lastOffer ?? '',
      String(entry.conversations),
      String(entry.hours),
      basis,
    ]
      .map(field)
      .join(','),
  );
  return [PASSIVE_CASES_COLUMNS.join(','), ...rows].join('\n') + '\n';
}

export interface PassiveCasesContext {
  readonly loadId: string;
  readonly municipalityName: string;
}

export function passiveCasesJson(
  list: PassiveCaseList,
  context: PassiveCasesContext,
): Record<string, unknown> {
  return {
    schema: PASSIVE_CASES_SCHEMA,
    load: context.loadId,
    municipality: { code: list.municipality, name: context.municipalityName },
    year: list.year,
    referenceDate: list.referenceDate,
    ruleVersion: list.ruleVersion,
    legalBasis: legalSourceJson(list.legalBasis),
    resultDue: legalSourceJson(list.resultDue),
    goalsMissed: list.goalsMissed,
    groups: list.groups.map((group) => ({
      benefit: group.benefit,
      label: LISTED_BENEFIT_LABELS[group.benefit],
      goals: group.goals,
    })),
    count: list.cases.length,
    counts: list.counts,
    cases: list.cases.map((entry) => ({
      personId: entry.personId,
      benefit: entry.benefit,
      listedBenefit: entry.listedBenefit,
      spellStart: entry.spellStart,
      spellDays: entry.spellDays,
      monthsInSpell: entry.monthsInSpell,
      missing: entry.missing,
      lastOffer: entry.lastOffer ?? null,
      conversations: entry.conversations,
      hours: entry.hours,
    })),
  };
}

/** The summary on the screen: what the list is, from which load and rules, and how many. */
export function passiveCasesSummary(list: PassiveCaseList, context: PassiveCasesContext): string {
  const groups =
    list.groups.length === 0
      ? ['  ingen: kommunen lever op til fokusmålene i alle ydelsesgrupper, eller missede ingen']
      : list.groups.map(
          (group) =>
            `  ${LISTED_BENEFIT_LABELS[group.benefit]}: ` +
            group.goals
              .map((goal) => `${GOAL_IN_SENTENCE[goal.goal]} ${percent(goal.measure)}`)
              .join(', '),
        );
  const { offer, conversations, both } = list.counts;
  return [
    `Gennemgang af alle passivsager — ${context.municipalityName} (${list.municipality}), ${formatDanishDate(list.referenceDate)}`,
    `  Indlæsning ${context.loadId}; regler ${list.ruleVersion} for opgørelsen af ${list.year}`,
    `  Hjemmel: ${formatCitation(list.legalBasis)}; resultatet: ${formatCitation(list.resultDue)}`,
    `Fokusmål, kommunen ikke lever op til: ${
      list.goalsMissed.length === 0
        ? 'ingen'
        : list.goalsMissed.map((goal) => GOAL_IN_SENTENCE[goal]).join(', ')
    }`,
    'Ydelsesgrupper, der gennemgås (fokusmål ikke opfyldt i december):',
    ...groups,
    `Sager: ${formatDanishNumber(list.cases.length)} (mangler ${MISSING_TEXT.offer}: ${formatDanishNumber(offer)}, ` +
      `${MISSING_TEXT.conversations}: ${formatDanishNumber(conversations)}, ${MISSING_TEXT.both}: ${formatDanishNumber(both)})`,
    '',
  ].join('\n');
}
