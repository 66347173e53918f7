/**
 * Rule values as plain records, ready for JSON: what `tilsyn rules --json`
 * prints, what `measure_run.json` records, and what the web application and
 * the case system read.
 */
import { formatCitation, type LegalSource } from './legal-source.js';
import type { RuleBook, RuleEntry, RuleId, RuleOverride } from './rule-book.js';
import type { RuleArea, RuleUnit } from './rule-node.js';

/** A legal source as a record: a citation, or `{ kind: "fortolkning", reasoning }`, or a simulation. */
export type SourceRecord =
  | {
      readonly kind: 'citation';
      /** The whole citation in one line, e.g. "bek. nr. 301 af 20/03/2023 § 5, nr. 1". */
      readonly citation: string;
      readonly instrument: string;
      readonly instrumentTitle: string;
      readonly paragraph: string;
      readonly stk?: number;
      readonly nr?: number;
      readonly quote?: string;
      readonly note?: string;
      /** The instrument's public address (retsinformation.dk), where known. */
      readonly url?: string;
    }
  | {
      readonly kind: 'fortolkning';
      readonly reasoning: string;
      readonly spec?: string;
      readonly label?: string;
    }
  | { readonly kind: 'simulering'; readonly setting: string };

export function sourceRecord(source: LegalSource): SourceRecord {
  switch (source.kind) {
    case 'citation':
      return {
        kind: 'citation',
        citation: formatCitation(source),
        instrument: source.instrument.id,
        instrumentTitle: source.instrument.title,
        paragraph: source.paragraph,
        ...(source.stk === undefined ? {} : { stk: source.stk }),
        ...(source.nr === undefined ? {} : { nr: source.nr }),
        ...(source.quote === undefined ? {} : { quote: source.quote }),
        ...(source.note === undefined ? {} : { note: source.note }),
        ...(source.instrument.url === undefined ? {} : { url: source.instrument.url }),
      };
    case 'fortolkning':
      return {
        kind: 'fortolkning',
        reasoning: source.reasoning,
        ...(source.spec === undefined ? {} : { spec: source.spec }),
        ...(source.label === undefined ? {} : { label: source.label }),
      };
    case 'simulering':
      return { kind: 'simulering', setting: source.setting };
  }
}

/** One value of a node: `{ id, value, unit, from, to, version, reference }`. */
export interface RuleValueRecord {
  readonly id: RuleId;
  readonly value: unknown;
  readonly unit: RuleUnit;
  readonly from: string;
  /** The last day; `null` while no later value is known. */
  readonly to: string | null;
  /** The version the value starts with; `null` for a simulated value. */
  readonly version: string | null;
  readonly reference: SourceRecord;
}

export function ruleValueRecord(book: RuleBook, entry: RuleEntry<unknown>): RuleValueRecord {
  return {
    id: entry.id,
    value: entry.value,
    unit: book.node(entry.id).unit,
    from: entry.from,
    to: entry.to ?? null,
    version: entry.version ?? null,
    reference: sourceRecord(entry.source),
  };
}

/** A whole node with every value, for run records. */
export interface RuleNodeRecord {
  readonly id: RuleId;
  readonly area: RuleArea;
  readonly label: string;
  readonly unit: RuleUnit;
  readonly values: readonly Omit<RuleValueRecord, 'id' | 'unit'>[];
}

export function ruleNodeRecords(book: RuleBook): RuleNodeRecord[] {
  return book.ids.map((id) => {
    const node = book.node(id);
    return {
      id,
      area: node.area,
      label: node.label,
      unit: node.unit,
      values: book.entries(id).map((entry) => ({
        value: entry.value,
        from: entry.from,
        to: entry.to ?? null,
        version: entry.version ?? null,
        reference: sourceRecord(entry.source),
      })),
    };
  });
}

/** An override as a record (`--set`). */
export function overrideRecord(override: RuleOverride): {
  readonly id: RuleId;
  readonly value: unknown;
  readonly from: string | null;
  readonly setting: string;
} {
  return {
    id: override.id,
    value: override.value,
    from: override.from ?? null,
    setting: override.setting,
  };
}
