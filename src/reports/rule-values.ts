/**
 * Rule values in Danish, for users: units, Danish benefit and offer names
 * (never raw codes), dates and periods written out.
 */
import { formatDanishDate, parseIsoDate } from '../core/calendar/iso-date.js';
import { BENEFIT_TYPE_LABELS, isBenefitType } from '../core/domain/benefit-type.js';
import {
  CONVERSATION_KINDS,
  EXEMPTION_REASONS,
  OFFER_TYPES,
  type ConversationKind,
  type ExemptionReason,
  type OfferType,
} from '../core/domain/events.js';
import type { RuleNodeInfo } from '../core/rules/rule-book.js';
import type { SpellGapRule } from '../core/rules/value-types.js';
import { formatDanishNumber } from '../core/danish-format.js';

export const OFFER_TYPE_NAMES: Readonly<Record<OfferType, string>> = {
  virksomhedspraktik: 'virksomhedspraktik',
  loentilskud: 'ansættelse med løntilskud',
  nytteindsats: 'nytteindsats',
  vejledning_opkvalificering: 'vejledning og opkvalificering',
  oevrig_vejledning_opkvalificering: 'øvrig vejledning og opkvalificering (LAB § 91)',
  other: 'andre tilbud',
};

export const CONVERSATION_KIND_NAMES: Readonly<Record<ConversationKind, string>> = {
  jobsamtale: 'jobsamtaler',
  sygeopfoelgning: 'sygeopfølgningssamtaler',
  other: 'andre samtaler',
};

export const EXEMPTION_REASON_NAMES: Readonly<Record<ExemptionReason, string>> = {
  standby: 'opfølgning uden kontakt (standby)',
  barsel: 'barsel',
  sygdom: 'sygdom',
  other: 'andre fritagelser',
};

const MONTH_NAMES = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map((entry) => String(entry)) : [];
}

function names<T extends string>(
  value: unknown,
  all: readonly T[],
  labels: Readonly<Record<T, string>>,
): string {
  const list = strings(value).map((code) =>
    (all as readonly string[]).includes(code) ? labels[code as T] : code,
  );
  return list.length === 0 ? 'ingen' : list.join(', ');
}

function benefitNames(value: unknown): string {
  const list = strings(value).map((code) =>
    isBenefitType(code) ? BENEFIT_TYPE_LABELS[code] : code,
  );
  return list.length === 0 ? 'ingen' : list.join('; ');
}

function danishDate(text: unknown): string {
  const date = typeof text === 'string' ? parseIsoDate(text) : undefined;
  return date === undefined ? JSON.stringify(text) : formatDanishDate(date);
}

function monthName(month: string): string {
  const [year, number] = month.split('-');
  return `${MONTH_NAMES[Number(number) - 1] ?? month} ${year ?? ''}`;
}

function gapText(rule: unknown): string {
  if (!isRecord(rule)) return JSON.stringify(rule);
  const gap = rule as unknown as SpellGapRule;
  if (gap.kind === 'no_whole_calendar_month') return 'ingen hel kalendermåned';
  return gap.days === 0 ? 'ingen dage' : `højst ${formatDanishNumber(gap.days)} dage`;
}

/** Groups benefit types by their gap rule: "Arbejdsløshedsdagpenge: højst 365 dage; …". */
function gapRulesText(value: unknown): string {
  if (!isRecord(value)) return JSON.stringify(value);
  const byRule = new Map<string, string[]>();
  for (const [type, rule] of Object.entries(value)) {
    const text = gapText(rule);
    byRule.set(text, [
      ...(byRule.get(text) ?? []),
      isBenefitType(type) ? BENEFIT_TYPE_LABELS[type] : type,
    ]);
  }
  return [...byRule].map(([rule, types]) => `${types.join(', ')}: ${rule}`).join('; ');
}

function continuationsText(value: unknown): string {
  if (!Array.isArray(value) || value.length === 0) return 'ingen';
  return value
    .map((entry: unknown) => {
      if (!isRecord(entry)) return JSON.stringify(entry);
      const from = String(entry['from']);
      return `${isBenefitType(from) ? BENEFIT_TYPE_LABELS[from] : from} → ${benefitNames(entry['into'])} (mellemrum: ${gapText(entry['gap'])})`;
    })
    .join('; ');
}

const plural = (value: number, one: string, many: string) =>
  `${formatDanishNumber(value, Number.isInteger(value) ? 0 : 2)} ${value === 1 ? one : many}`;

/** One rule value in Danish, by the node's unit. */
export function formatRuleValue(node: RuleNodeInfo, value: unknown): string {
  if (value === null || value === undefined) return node.nullMeans ?? 'ingen';
  const number = typeof value === 'number' ? value : Number.NaN;
  switch (node.unit) {
    case 'percent':
      return `${formatDanishNumber(number, Number.isInteger(number) ? 0 : 2)} %`;
    case 'hours':
      return plural(number, 'time', 'timer');
    case 'days':
      return Array.isArray(value)
        ? `${strings(value).join(' og ')} dage`
        : plural(number, 'dag', 'dage');
    case 'months':
      return Array.isArray(value)
        ? `${strings(value).join(' og ')} måneder`
        : plural(number, 'måned', 'måneder');
    case 'count':
      return formatDanishNumber(number);
    case 'year':
      return Number.isInteger(number) ? String(number) : JSON.stringify(value);
    case 'fraction':
      return formatDanishNumber(number, 2).replace(/,?0+$/, '') || '0';
    case 'boolean':
      return value === true ? 'ja' : 'nej';
    case 'day_of_year':
      return isRecord(value)
        ? `${Number(value['day'])}. ${MONTH_NAMES[Number(value['month']) - 1] ?? ''}`
        : JSON.stringify(value);
    case 'month':
      return typeof value === 'string' ? monthName(value) : JSON.stringify(value);
    case 'date_range':
      return isRecord(value)
        ? `${danishDate(value['from'])} – ${danishDate(value['to'])}`
        : JSON.stringify(value);
    case 'month_range':
      return isRecord(value)
        ? `${monthName(typeof value['from'] === 'string' ? value['from'] : '')} – ${monthName(typeof value['to'] === 'string' ? value['to'] : '')}`
        : JSON.stringify(value);
    case 'benefit_types':
      return benefitNames(value);
    case 'offer_types':
      return names(value, OFFER_TYPES, OFFER_TYPE_NAMES);
    case 'conversation_kinds':
      return names(value, CONVERSATION_KINDS, CONVERSATION_KIND_NAMES);
    case 'exemption_reasons':
      return names(value, EXEMPTION_REASONS, EXEMPTION_REASON_NAMES);
    case 'months_of_year':
      return strings(value)
        .map((month) => MONTH_NAMES[Number(month) - 1] ?? month)
        .join(' og ');
    case 'spell_gap_rules':
      return gapRulesText(value);
    case 'spell_continuations':
      return continuationsText(value);
    case 'paragraph':
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
