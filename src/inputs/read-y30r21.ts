/**
 * Reads a CSV export of Jobindsats table Y30R21, "Forventet og faktisk antal
 * og andel fuldtidspersoner på offentlig forsørgelse": the official expected
 * and actual benefit rates (measures.md § 7).
 *
 * What the reader accepts, because real exports vary:
 * - `;`-separated with decimal comma and optional thousands separators
 *   (`1.234,5`), or `,`-separated with decimal point;
 * - UTF-8 (with or without BOM), or else Windows-1252 (older Excel exports),
 *   which is said in a note;
 * - title lines before the header ("Y30R21: Forventet og faktisk …", blank
 *   lines): the header is the first line with an area column (`Område`,
 *   `Kommune`) and a `Periode` column; notes after the table ("Kilde: …")
 *   are skipped;
 * - Danish column labels, matched by their words: "Forventet antal",
 *   "Faktisk antal", "Forskel", "Forventet andel (pct.)", "Faktisk andel
 *   (pct.)", "Forskel (pct.-point)", "Placering på benchmarkranglisten"; the
 *   four counts and shares are required, the differences and the rank are
 *   optional;
 * - areas named by municipality name in any usual spelling
 *   (municipality-names.ts); rows for areas that are not municipalities
 *   ("Hele landet", regions) are skipped with a note; an unknown name is an
 *   error naming line and name, with the closest official name;
 * - periods as Jobindsats writes them (published-period.ts);
 * - a "Ydelsesgruppe" column: only the rows for all benefits together
 *   ("Alle ydelser i alt") are read — the result goal is the rate "på tværs
 *   af ydelser" (§ 4) — and the other groups are skipped with a note.
 *
 * Checks: shares within 0–100, counts not negative, one row per municipality
 * and period, and the published differences agree with actual − expected
 * within the rounding of the published figures (a file whose "Forskel" is
 * expected − actual is refused rather than read with the wrong sign).
 *
 * The difference used is the published one when the file has it (it is
 * computed by the agency from unrounded figures); otherwise actual −
 * expected. The rank is the published "Placering" when every row of the
 * period has one; otherwise it is computed (expected-rates.ts).
 */
import { periodLabel } from '../core/benchmark/benchmark-period.js';
import {
  rankByPeriod,
  type ExpectedRate,
  type PublishedExpectedRate,
} from '../core/benchmark/expected-rates.js';
import type { MunicipalityNameMatcher } from '../core/benchmark/municipality-names.js';
import { parsePublishedPeriod } from '../core/benchmark/published-period.js';
import { parseCsv, type CsvTable } from '../files/csv-table.js';
import { InputError, type InputProblem } from '../files/input-error.js';
import { isMissingFigure, parsePublishedNumber, type PublishedNumber } from './published-number.js';

export interface OfficialFigures {
  readonly rates: readonly ExpectedRate[];
  /** What the reader did that the user should know, in Danish. */
  readonly notes: readonly string[];
}

type Field =
  | 'area'
  | 'period'
  | 'expectedCount'
  | 'actualCount'
  | 'differenceCount'
  | 'expectedShare'
  | 'actualShare'
  | 'differencePoints'
  | 'rank';

const REQUIRED: readonly Field[] = [
  'area',
  'period',
  'expectedCount',
  'actualCount',
  'expectedShare',
  'actualShare',
];

const LABEL: Readonly<Record<Field, string>> = {
  area: 'Område',
  period: 'Periode',
  expectedCount: 'Forventet antal',
  actualCount: 'Faktisk antal',
  differenceCount: 'Forskel',
  expectedShare: 'Forventet andel (pct.)',
  actualShare: 'Faktisk andel (pct.)',
  differencePoints: 'Forskel (pct.-point)',
  rank: 'Placering på benchmarkranglisten',
};

/** A column that splits the table by benefit group. */
const BENEFIT_GROUP_LABEL = /^(ydelsesgruppe|ydelsesgrupper|ydelse|ydelser|ydelsestype)$/;

/** The value of that column that means all benefits together. */
const ALL_BENEFITS = /^(alle ydelser( i alt)?|ydelser i alt|i alt|alle|samlet|total)$/;

/** How many lines from the top the header is looked for. */
const HEADER_SEARCH_LINES = 30;

/** Decodes the bytes of an export: UTF-8, else Windows-1252 (with a note). */
export function decodeExport(bytes: Uint8Array): { text: string; note: string | undefined } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, note: undefined };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      note: 'filen er ikke UTF-8 og er læst som Windows-1252 (Excel-standard)',
    };
  }
}

export function parseY30R21(
  file: string,
  text: string,
  matcher: MunicipalityNameMatcher,
): OfficialFigures {
  const lines = text.split(/\r\n|\n|\r/);
  const headerIndex = findHeader(lines);
  if (headerIndex === undefined) {
    throw new InputError({
      file,
      reason: `fandt ingen overskriftslinje med kolonnerne "Område" og "Periode" i de første ${HEADER_SEARCH_LINES} linjer (er det en eksport af Jobindsats-tabel Y30R21 med perioden i rækkerne?)`,
    });
  }
  const headerWidth = splitFields(
    lines[headerIndex] ?? '',
    delimiterOf(lines[headerIndex] ?? ''),
  ).length;
  // Notes after the table ("Kilde: …") are shorter lines at the end; a short
  // line that starts with a municipality is a truncated row, not a note.
  const headerDelimiter = delimiterOf(lines[headerIndex] ?? '');
  let end = lines.length;
  while (end > headerIndex + 1) {
    const line = lines[end - 1] ?? '';
    const fields = splitFields(line, headerDelimiter);
    if (line.trim() !== '' && fields.length >= headerWidth) break;
    if (line.trim() !== '' && matcher.match(fields[0] ?? '').kind === 'municipality') break;
    end -= 1;
  }
  const skippedFooter = lines.slice(end).some((line) => line.trim() !== '');
  const table = parseWithOffset(file, lines.slice(headerIndex, end).join('\n'), headerIndex);
  const columns = mapColumns(table, headerIndex + 1);
  const groupColumn = table.columns.find((column) =>
    BENEFIT_GROUP_LABEL.test(normaliseLabel(column)),
  );
  const otherGroups = new Set<string>();

  const problems: InputProblem[] = [];
  const notAMunicipality = new Set<string>();
  const seen = new Map<string, number>();
  const unranked: PublishedExpectedRate[] = [];
  for (const row of table.rows) {
    const cell = (field: Field): string => {
      const column = columns.get(field);
      return column === undefined ? '' : (row.values[column] ?? '');
    };
    const problem = (field: Field, value: string, reason: string) =>
      problems.push({ file, line: row.line, column: columns.get(field), value, reason });
    const areaText = cell('area').trim();
    if (areaText === '' && Object.values(row.values).every((value) => value.trim() === ''))
      continue;
    if (groupColumn !== undefined) {
      const group = (row.values[groupColumn] ?? '').trim();
      if (!ALL_BENEFITS.test(normaliseLabel(group))) {
        otherGroups.add(group);
        continue;
      }
    }
    const area = matcher.match(areaText);
    if (area.kind === 'not-a-municipality') {
      notAMunicipality.add(areaText);
      continue;
    }
    if (area.kind === 'unknown') {
      problem(
        'area',
        areaText,
        `ukendt kommunenavn${area.suggestion === undefined ? '' : ` (mente du "${area.suggestion}"?)`}`,
      );
      continue;
    }
    const periodText = cell('period');
    const period = parsePublishedPeriod(periodText);
    if (!period) {
      problem(
        'period',
        periodText,
        'ukendt periode (forventet fx "3. kvartal 2020 - 2. kvartal 2021" eller "2024")',
      );
      continue;
    }
    const key = `${area.code}|${periodLabel(period)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem(
        'area',
        areaText,
        `${area.name} står allerede for perioden på linje ${earlier} (samme kommune to gange)`,
      );
      continue;
    }
    seen.set(key, row.line);

    const numbers = new Map<Field, PublishedNumber>();
    let bad = false;
    for (const field of [
      'expectedCount',
      'actualCount',
      'expectedShare',
      'actualShare',
      'differenceCount',
      'differencePoints',
      'rank',
    ] as const) {
      if (!columns.has(field)) continue;
      const raw = cell(field);
      if (isMissingFigure(raw)) {
        if (REQUIRED.includes(field)) {
          problem(field, raw, 'tallet mangler');
          bad = true;
        }
        continue;
      }
      const parsed = parsePublishedNumber(raw, table.delimiter);
      if (!parsed) {
        problem(
          field,
          raw,
          table.delimiter === ';'
            ? 'ikke et tal på dansk form (fx 1.234,5)'
            : 'ikke et tal (fx 1234.5)',
        );
        bad = true;
        continue;
      }
      const reason = rangeProblem(field, parsed.value);
      if (reason) {
        problem(field, raw, reason);
        bad = true;
        continue;
      }
      numbers.set(field, parsed);
    }
    if (bad) continue;
    const value = (field: Field): number => numbers.get(field)?.value ?? Number.NaN;
    const differenceCount = checkedDifference(
      numbers,
      'differenceCount',
      'actualCount',
      'expectedCount',
    );
    const differencePoints = checkedDifference(
      numbers,
      'differencePoints',
      'actualShare',
      'expectedShare',
    );
    if (differenceCount.problem)
      problem('differenceCount', cell('differenceCount'), differenceCount.problem);
    if (differencePoints.problem)
      problem('differencePoints', cell('differencePoints'), differencePoints.problem);
    if (differenceCount.problem || differencePoints.problem) continue;
    unranked.push({
      municipality: area.code,
      period,
      residents16To66: undefined,
      expectedCount: value('expectedCount'),
      actualCount: value('actualCount'),
      expectedShare: value('expectedShare'),
      actualShare: value('actualShare'),
      differenceCount: differenceCount.value,
      differencePoints: differencePoints.value,
      source: { kind: 'official', file, table: 'Y30R21', period: periodLabel(period) },
      publishedRank: numbers.get('rank')?.value,
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  if (groupColumn !== undefined && unranked.length === 0 && otherGroups.size > 0) {
    throw new InputError({
      file,
      column: groupColumn,
      reason: `filen har kun tal for ${[...otherGroups].map((g) => `"${g}"`).join(', ')}; resultatmålet bruger den samlede ydelsesgrad på tværs af ydelser (§ 4), så eksporter "Alle ydelser i alt"`,
    });
  }

  const notes: string[] = [];
  if (otherGroups.size > 0) {
    notes.push(
      `${file}: springer rækker over for enkelte ydelsesgrupper (resultatmålet bruger alle ydelser i alt): ${[...otherGroups].join(', ')}`,
    );
  }
  if (notAMunicipality.size > 0) {
    notes.push(
      `${file}: springer rækker over for områder, der ikke er kommuner: ${[...notAMunicipality].join(', ')}`,
    );
  }
  if (headerIndex > 0)
    notes.push(`${file}: overskriftslinjen er linje ${headerIndex + 1}; linjerne før er titel`);
  if (skippedFooter) notes.push(`${file}: noter efter tabellen er sprunget over`);
  return { rates: rankByPeriod(unranked), notes };
}

function rangeProblem(field: Field, value: number): string | undefined {
  if ((field === 'expectedShare' || field === 'actualShare') && (value < 0 || value > 100))
    return 'en andel i procent skal ligge mellem 0 og 100';
  if ((field === 'expectedCount' || field === 'actualCount') && value < 0)
    return 'et antal kan ikke være negativt';
  if (field === 'rank' && (!Number.isInteger(value) || value < 1))
    return 'placeringen skal være et helt tal fra 1';
  return undefined;
}

/**
 * The published difference, checked against actual − expected: they may
 * differ by at most the rounding of the three published figures (half a
 * unit of the last published digit of each).
 */
function checkedDifference(
  numbers: ReadonlyMap<Field, PublishedNumber>,
  difference: Field,
  actual: Field,
  expected: Field,
): { value: number; problem?: string } {
  const a = numbers.get(actual);
  const e = numbers.get(expected);
  const d = numbers.get(difference);
  const computed = (a?.value ?? Number.NaN) - (e?.value ?? Number.NaN);
  if (!d || !a || !e) return { value: computed };
  const tolerance =
    0.5 * (10 ** -a.decimals + 10 ** -e.decimals + 10 ** -d.decimals) + 1e-9 * Math.abs(computed);
  if (Math.abs(d.value - computed) > tolerance) {
    return {
      value: d.value,
      problem: `forskellen skal være faktisk − forventet = ${formatPlain(computed)}, men filen siger ${formatPlain(d.value)}`,
    };
  }
  return { value: d.value };
}

function formatPlain(value: number): string {
  return String(Math.round(value * 1e6) / 1e6).replace('.', ',');
}

function normaliseLabel(label: string): string {
  return label
    .normalize('NFC')
    .toLowerCase()
    .replace(/["']/g, '')
    .replace(/\s+/g, ' ')
    .replace(/:$/, '')
    .trim();
}

function fieldOfLabel(label: string): Field | undefined {
  const text = normaliseLabel(label);
  if (/^(område|omrade|kommune|kommunenavn|area|geografi)$/.test(text)) return 'area';
  if (/^(periode|tid|period)$/.test(text)) return 'period';
  if (/placering|rangering|rangliste/.test(text)) return 'rank';
  const share = /andel|pct\.?\)|procent|%/.test(text) && !/point/.test(text);
  if (/forventet/.test(text))
    return share ? 'expectedShare' : /antal/.test(text) ? 'expectedCount' : undefined;
  if (/faktisk/.test(text))
    return share ? 'actualShare' : /antal/.test(text) ? 'actualCount' : undefined;
  if (/forskel/.test(text))
    return /point|pct|procent/.test(text) ? 'differencePoints' : 'differenceCount';
  return undefined;
}

function findHeader(lines: readonly string[]): number | undefined {
  for (let index = 0; index < Math.min(lines.length, HEADER_SEARCH_LINES); index += 1) {
    const line = lines[index] ?? '';
    const fields = splitFields(line, delimiterOf(line)).map(fieldOfLabel);
    if (fields.includes('area') && fields.includes('period')) return index;
  }
  return undefined;
}

function mapColumns(table: CsvTable, headerLine: number): Map<Field, string> {
  const columns = new Map<Field, string>();
  const problems: InputProblem[] = [];
  for (const column of table.columns) {
    const field = fieldOfLabel(column);
    if (field === undefined) continue;
    const other = columns.get(field);
    if (other !== undefined) {
      problems.push({
        file: table.file,
        line: headerLine,
        column,
        reason: `kolonnen betyder det samme som "${other}" (${LABEL[field]})`,
      });
      continue;
    }
    columns.set(field, column);
  }
  for (const field of REQUIRED) {
    if (!columns.has(field)) {
      problems.push({
        file: table.file,
        line: headerLine,
        column: LABEL[field],
        reason: 'påkrævet kolonne mangler',
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return columns;
}

function parseWithOffset(file: string, text: string, offset: number): CsvTable {
  try {
    const table = parseCsv(file, text);
    return { ...table, rows: table.rows.map((row) => ({ ...row, line: row.line + offset })) };
  } catch (error) {
    if (error instanceof InputError) {
      throw new InputError(
        error.problems.map((p) => (p.line === undefined ? p : { ...p, line: p.line + offset })),
      );
    }
    throw error;
  }
}

function delimiterOf(line: string): ',' | ';' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ';') semicolons += 1;
    else if (!quoted && char === ',') commas += 1;
  }
  return semicolons > commas ? ';' : ',';
}

function splitFields(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}
