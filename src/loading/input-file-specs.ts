/**
 * The files of a data load (data.md "Files") and what each column must hold:
 * the contract the loader validates and the shape it stores (docs/architecture.md
 * "The load store").
 */
import { BENEFIT_TYPES } from '../core/domain/benefit-type.js';
import {
  CONVERSATION_FORMS,
  CONVERSATION_HOLDERS,
  CONVERSATION_KINDS,
  EXEMPTION_REASONS,
  OFFER_TYPES,
} from '../core/domain/events.js';
import { FOCUS_GOALS } from '../core/domain/focus-goal.js';
import { MEASURE_SCOPES } from '../core/domain/measure-scope.js';

export const INPUT_FILE_NAMES = [
  'municipalities',
  'benefit_periods',
  'conversations',
  'offers',
  'work_hours',
  'exemptions',
  'framework_conditions',
  'expected_rates',
  'focus_measures',
] as const;

export type InputFileName = (typeof INPUT_FILE_NAMES)[number];

/** What a column holds, which decides how it is checked and stored. */
export type ColumnKind =
  /** `person_id`: a pseudonym; a CPR number is refused or replaced by its keyed hash. */
  | { readonly type: 'person' }
  /** A municipality code that must be one of the load's municipalities. */
  | { readonly type: 'municipality' }
  /** The code of a row in the municipalities file itself. */
  | { readonly type: 'municipality-code' }
  /** `delegated_to`: empty, or a code that is in the same municipalities file. */
  | { readonly type: 'delegated-to' }
  /**
   * One of a fixed list of codes; stored as its index in the list (`index`) or
   * as the text (`text`). `label` names an unknown code ("ukendt ydelse").
   */
  | {
      readonly type: 'code';
      readonly codes: readonly string[];
      readonly label: string;
      readonly stored: 'index' | 'text';
    }
  | { readonly type: 'date' }
  /** `to`: empty means ongoing; otherwise not before `startColumn`. */
  | { readonly type: 'end-date'; readonly startColumn: string }
  /** `YYYY-MM`, stored as the first day (`date`) or as the text (`text`). */
  | { readonly type: 'month'; readonly stored: 'date' | 'text' }
  | { readonly type: 'year' }
  | { readonly type: 'hours' }
  /** A decimal number (decimal comma in `;` files), optionally a percentage 0–100 or ≥ 0. */
  | { readonly type: 'decimal'; readonly range?: 'non-negative' | 'percent' }
  /** A whole number, ≥ 0, or > 0 with `positive`, and not above `notAbove`. */
  | { readonly type: 'count'; readonly positive?: boolean; readonly notAbove?: string }
  | { readonly type: 'text' };

export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
  /** The column may be left out of the file (`delegated_to`, `scope`). */
  readonly optionalColumn?: boolean;
  /** The value when the column is left out or the field is empty. */
  readonly defaultValue?: string;
}

export interface InputFileSpec {
  readonly name: InputFileName;
  readonly required: boolean;
  /** Person-level microdata: stored with `person_key` instead of `person_id`. */
  readonly personLevel: boolean;
  /** Columns in stored order. */
  readonly columns: readonly ColumnSpec[];
  /** Columns beyond `columns`: numeric covariates (framework_conditions) or ignored with a warning. */
  readonly extraColumns: 'covariates' | 'ignored';
  /** A key that may occur only once, and how a message names it. */
  readonly key?: { readonly columns: readonly string[]; readonly description: string };
  /** Periods of one person that must not overlap (benefit_periods). */
  readonly noOverlap?: { readonly from: string; readonly to: string };
  /** Stored sort order (after `person_key` for person-level files). */
  readonly sortBy: readonly string[];
}

const person: ColumnSpec = { name: 'person_id', kind: { type: 'person' } };
const from: ColumnSpec = { name: 'from', kind: { type: 'date' } };
const to: ColumnSpec = { name: 'to', kind: { type: 'end-date', startColumn: 'from' } };
const municipality: ColumnSpec = { name: 'municipality', kind: { type: 'municipality' } };
const year: ColumnSpec = { name: 'year', kind: { type: 'year' } };

function code(
  name: string,
  codes: readonly string[],
  label: string,
  stored: 'index' | 'text' = 'index',
): ColumnSpec {
  return { name, kind: { type: 'code', codes, label, stored } };
}

export const INPUT_FILES: readonly InputFileSpec[] = [
  {
    name: 'municipalities',
    required: false,
    personLevel: false,
    columns: [
      { name: 'code', kind: { type: 'municipality-code' } },
      { name: 'name', kind: { type: 'text' } },
      { name: 'region', kind: { type: 'text' } },
      { name: 'amk', kind: { type: 'text' } },
      { name: 'delegated_to', kind: { type: 'delegated-to' }, optionalColumn: true },
    ],
    extraColumns: 'ignored',
    key: { columns: ['code'], description: 'kommunekoden' },
    sortBy: ['code'],
  },
  {
    name: 'benefit_periods',
    required: true,
    personLevel: true,
    columns: [person, municipality, code('benefit', BENEFIT_TYPES, 'ukendt ydelse'), from, to],
    extraColumns: 'ignored',
    noOverlap: { from: 'from', to: 'to' },
    sortBy: ['from', 'to', 'municipality', 'benefit'],
  },
  {
    name: 'conversations',
    required: true,
    personLevel: true,
    columns: [
      person,
      { name: 'date', kind: { type: 'date' } },
      code('kind', CONVERSATION_KINDS, 'ukendt samtaletype'),
      code('form', CONVERSATION_FORMS, 'ukendt samtaleform'),
      code('held_by', CONVERSATION_HOLDERS, 'ukendt afholder af samtalen'),
    ],
    extraColumns: 'ignored',
    sortBy: ['date', 'kind', 'form', 'held_by'],
  },
  {
    name: 'offers',
    required: true,
    personLevel: true,
    columns: [person, code('type', OFFER_TYPES, 'ukendt tilbudstype'), from, to],
    extraColumns: 'ignored',
    sortBy: ['from', 'to', 'type'],
  },
  {
    name: 'work_hours',
    required: true,
    personLevel: true,
    columns: [
      person,
      { name: 'month', kind: { type: 'month', stored: 'date' } },
      { name: 'hours', kind: { type: 'hours' } },
    ],
    extraColumns: 'ignored',
    sortBy: ['month', 'hours'],
  },
  {
    name: 'exemptions',
    required: true,
    personLevel: true,
    columns: [person, code('reason', EXEMPTION_REASONS, 'ukendt fritagelsesårsag'), from, to],
    extraColumns: 'ignored',
    sortBy: ['from', 'to', 'reason'],
  },
  {
    name: 'framework_conditions',
    required: true,
    personLevel: false,
    columns: [
      municipality,
      year,
      { name: 'residents_16_66', kind: { type: 'count', positive: true } },
    ],
    extraColumns: 'covariates',
    key: { columns: ['municipality', 'year'], description: 'kommune og år' },
    sortBy: ['municipality', 'year'],
  },
  {
    name: 'expected_rates',
    required: false,
    personLevel: false,
    columns: [
      municipality,
      year,
      { name: 'expected_count', kind: { type: 'decimal', range: 'non-negative' } },
      { name: 'actual_count', kind: { type: 'decimal', range: 'non-negative' } },
      { name: 'expected_share', kind: { type: 'decimal', range: 'percent' } },
      { name: 'actual_share', kind: { type: 'decimal', range: 'percent' } },
    ],
    extraColumns: 'ignored',
    key: { columns: ['municipality', 'year'], description: 'kommune og år' },
    sortBy: ['municipality', 'year'],
  },
  {
    name: 'focus_measures',
    required: false,
    personLevel: false,
    columns: [
      municipality,
      { name: 'month', kind: { type: 'month', stored: 'text' } },
      code('goal', FOCUS_GOALS, 'ukendt fokusmål', 'text'),
      {
        ...code('scope', MEASURE_SCOPES, 'ukendt opgørelse (scope)', 'text'),
        optionalColumn: true,
        defaultValue: 'all',
      },
      { name: 'target', kind: { type: 'count' } },
      { name: 'passive', kind: { type: 'count', notAbove: 'target' } },
    ],
    extraColumns: 'ignored',
    key: {
      columns: ['municipality', 'month', 'goal', 'scope'],
      description: 'kommune, måned, fokusmål og opgørelse',
    },
    sortBy: ['municipality', 'month', 'goal', 'scope'],
  },
];

export function inputFileSpec(name: InputFileName): InputFileSpec {
  const spec = INPUT_FILES.find((candidate) => candidate.name === name);
  if (!spec) throw new Error(`no input file ${name}`);
  return spec;
}

/** Whether the file has a column where a decimal comma could appear. */
export function hasDecimalColumn(spec: InputFileSpec): boolean {
  return (
    spec.extraColumns === 'covariates' ||
    spec.columns.some((column) => column.kind.type === 'hours' || column.kind.type === 'decimal')
  );
}
