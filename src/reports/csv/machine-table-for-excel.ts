/**
 * The machine-readable CSV tables of `tilsyn measure` (English headers, codes,
 * `,` and `.`) turned into CSV for Excel users: Danish headers, the
 * municipality's code and name, codes in words, numbers with the decimal
 * comma (shares with one decimal). One dictionary for every column the
 * files have; a column it does not know keeps its header (the tests check
 * that every file the command writes is fully translated).
 */
import { BENEFIT_GROUP_LABELS, BENEFIT_TYPE_LABELS } from '../../core/domain/benefit-type.js';
import { FOCUS_GOAL_LABELS } from '../../core/domain/focus-goal.js';
import { excelCsv, type ExcelCsvCell, type ExcelCsvColumn } from './excel-csv.js';

export interface MachineTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

interface ColumnMeaning {
  readonly header: string;
  readonly kind: 'text' | 'number' | 'share' | 'code';
}

const CODE_WORDS: Readonly<Record<string, string>> = {
  all: 'Alle',
  ...BENEFIT_GROUP_LABELS,
  ...BENEFIT_TYPE_LABELS,
  ...FOCUS_GOAL_LABELS,
  offer: 'Tilbud',
  ja: 'Ja',
  nej: 'Nej',
  true: 'Ja',
  false: 'Nej',
};

const FIXED: Readonly<Record<string, ColumnMeaning>> = {
  month: { header: 'Måned', kind: 'text' },
  goal: { header: 'Fokusmål', kind: 'code' },
  scope: { header: 'Afgrænsning', kind: 'code' },
  target: { header: 'Målgruppe (personer)', kind: 'number' },
  passive: { header: 'Passive (personer)', kind: 'number' },
  share: { header: 'Andel passive (%)', kind: 'share' },
  period: { header: 'Periode', kind: 'text' },
  benefit_days: { header: 'Ydelsesdage', kind: 'number' },
  days_in_period: { header: 'Dage i perioden', kind: 'number' },
  full_time_persons: { header: 'Fuldtidspersoner', kind: 'number' },
  residents_16_66: { header: 'Indbyggere 16-66 år', kind: 'number' },
  actual_share: { header: 'Faktisk ydelsesgrad (%)', kind: 'share' },
  cohort: { header: 'Kohorte (personer)', kind: 'number' },
  conversations_unmet: { header: 'Samtalekrav ikke opfyldt (personer)', kind: 'number' },
  offer_unmet: { header: 'Tilbudskrav ikke opfyldt (personer)', kind: 'number' },
  conversations_unmet_share: { header: 'Samtalekrav ikke opfyldt (%)', kind: 'share' },
  offer_unmet_share: { header: 'Tilbudskrav ikke opfyldt (%)', kind: 'share' },
  rule_set: { header: 'Regelsæt', kind: 'text' },
  requirement: { header: 'Krav', kind: 'code' },
  contact_month: { header: 'Henvendelse (måned)', kind: 'text' },
  check_month: { header: 'Opfølgning (måned)', kind: 'text' },
  account_required: { header: 'Redegørelse krævet', kind: 'code' },
  spells_ended: { header: 'Afsluttede forløb', kind: 'number' },
  mean_duration_days: { header: 'Gns. varighed (dage)', kind: 'number' },
  company_directed: { header: 'Virksomhedsrettet indsats (personer)', kind: 'number' },
  company_directed_share: { header: 'Virksomhedsrettet indsats (%)', kind: 'share' },
  year: { header: 'År', kind: 'text' },
  expected_count: { header: 'Forventet antal fuldtidspersoner', kind: 'number' },
  actual_count: { header: 'Faktisk antal fuldtidspersoner', kind: 'number' },
  expected_share: { header: 'Forventet ydelsesgrad (%)', kind: 'share' },
  difference_count: { header: 'Forskel (fuldtidspersoner)', kind: 'number' },
  difference_points: { header: 'Forskel (pct.-point)', kind: 'number' },
  rank: { header: 'Placering', kind: 'number' },
  source: { header: 'Kilde', kind: 'text' },
  // minimum_requirements.csv (issue 9: the minimum requirements under administration)
  met: { header: 'Opfylder kravet (personer)', kind: 'number' },
  required: { header: 'Krav (%)', kind: 'share' },
  fulfilled: { header: 'Kravet opfyldt', kind: 'code' },
};

/** Columns whose meaning depends on the file. */
const PER_FILE: Readonly<Record<string, Readonly<Record<string, ColumnMeaning>>>> = {
  'minimum_requirements.csv': {
    target: { header: 'Målgruppe: forløb på mindst 12 måneder (personer)', kind: 'number' },
    share: { header: 'Andel, der opfylder kravet (%)', kind: 'share' },
  },
};

/** The meaning of a column, with the numbered benchmark columns (`exit3_share`, `passive_6m_base`). */
export function columnMeaning(name: string, file?: string): ColumnMeaning | undefined {
  const fixed = (file === undefined ? undefined : PER_FILE[file]?.[name]) ?? FIXED[name];
  if (fixed) return fixed;
  const exit = /^exit(\d+)_(cohort|to_work|share)$/.exec(name);
  if (exit) {
    const months = exit[1] ?? '';
    if (exit[2] === 'cohort')
      return { header: `Afgang til job ${months} mdr.: kohorte`, kind: 'number' };
    if (exit[2] === 'to_work')
      return { header: `Afgang til job ${months} mdr.: i job`, kind: 'number' };
    return { header: `Afgang til job ${months} mdr. (%)`, kind: 'share' };
  }
  const passive = /^passive_(\d+)m(_base|_share)?$/.exec(name);
  if (passive) {
    const months = passive[1] ?? '';
    if (passive[2] === '_base')
      return { header: `Passive ${months} mdr.: grundlag`, kind: 'number' };
    if (passive[2] === '_share') return { header: `Passive ${months} mdr. (%)`, kind: 'share' };
    return { header: `Passive ${months} mdr. (personer)`, kind: 'number' };
  }
  return undefined;
}

function numberCell(text: string): ExcelCsvCell {
  if (text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : text;
}

/**
 * The Excel form of a machine table. The column `municipality` becomes
 * *Kommunekode* and *Kommune* (by `nameOf`).
 */
export function machineTableForExcel(
  table: MachineTable,
  nameOf: (code: number) => string,
  file?: string,
): Uint8Array {
  const columns: ExcelCsvColumn<readonly string[]>[] = [];
  table.header.forEach((name, index) => {
    const text = (row: readonly string[]) => row[index] ?? '';
    if (name === 'municipality') {
      columns.push(
        { header: 'Kommunekode', value: (row) => numberCell(text(row)) },
        { header: 'Kommune', value: (row) => nameOf(Number(text(row))) },
      );
      return;
    }
    const meaning = columnMeaning(name, file);
    if (meaning === undefined) {
      columns.push({ header: name, value: text });
      return;
    }
    switch (meaning.kind) {
      case 'text':
        columns.push({ header: meaning.header, value: text });
        break;
      case 'code':
        columns.push({
          header: meaning.header,
          value: (row) => CODE_WORDS[text(row)] ?? text(row),
        });
        break;
      case 'number':
        columns.push({ header: meaning.header, value: (row) => numberCell(text(row)) });
        break;
      case 'share':
        columns.push({
          header: meaning.header,
          value: (row) => numberCell(text(row)),
          decimals: 1,
        });
        break;
    }
  });
  return excelCsv(columns, table.rows);
}
