/**
 * Reads a plain `expected_rates` file (data.md; docs/architecture.md
 * "Aggregated files"): `municipality`, `year`, `expected_count`,
 * `actual_count`, `expected_share`, `actual_share`, `,`-separated or
 * `;`-separated with decimal comma.
 *
 * Optional columns, as `tilsyn benchmark --out` writes them:
 * `difference_count`, `difference_points` (checked against actual −
 * expected), `rank` (kept when every row of the period has one), `period`
 * (`2024`, `2024-H1`, …; must lie in `year`; default: the calendar year) and
 * `source` (kept as the rate's declared source).
 *
 * `municipality` is the three-digit code, or a name in any usual spelling.
 */
import { periodLabel, calendarYear, endYear } from '../core/benchmark/benchmark-period.js';
import {
  rankByPeriod,
  type ExpectedRate,
  type PublishedExpectedRate,
} from '../core/benchmark/expected-rates.js';
import type { MunicipalityNameMatcher } from '../core/benchmark/municipality-names.js';
import { parsePublishedPeriod } from '../core/benchmark/published-period.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { parseCsv, parseDecimal, parseInteger, requireColumns } from '../files/csv-table.js';
import { InputError, type InputProblem } from '../files/input-error.js';

export const EXPECTED_RATES_COLUMNS = [
  'municipality',
  'year',
  'expected_count',
  'actual_count',
  'expected_share',
  'actual_share',
] as const;

/** Written differences may differ from actual − expected by this much (rounding in the file). */
const DIFFERENCE_TOLERANCE = { count: 0.5, points: 0.005 } as const;

export function parseExpectedRatesCsv(
  file: string,
  text: string,
  codes: ReadonlySet<MunicipalityCode>,
  matcher: MunicipalityNameMatcher,
): ExpectedRate[] {
  const table = parseCsv(file, text);
  requireColumns(table, EXPECTED_RATES_COLUMNS);
  const problems: InputProblem[] = [];
  const rates: PublishedExpectedRate[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const problem = (column: string, reason: string) =>
      problems.push({ file, line: row.line, column, value: row.values[column] ?? '', reason });
    const municipality = municipalityOf(row.values['municipality'] ?? '', codes, matcher);
    if (typeof municipality === 'string') {
      problem('municipality', municipality);
      continue;
    }
    const year = parseInteger(row.values['year'] ?? '');
    if (year === undefined || year < 1900 || year > 2999) {
      problem('year', 'skal være et årstal');
      continue;
    }
    const periodText = (row.values['period'] ?? '').trim();
    const period = periodText === '' ? calendarYear(year) : parsePublishedPeriod(periodText);
    if (!period || endYear(period) !== year) {
      problem('period', `skal være en periode i ${year}, fx ${year} eller ${year}-H1`);
      continue;
    }
    const numbers: Record<string, number> = {};
    let bad = false;
    for (const column of [
      'expected_count',
      'actual_count',
      'expected_share',
      'actual_share',
      'difference_count',
      'difference_points',
    ]) {
      const raw = row.values[column];
      if (raw === undefined || (raw.trim() === '' && column.startsWith('difference'))) continue;
      const value = parseDecimal(raw, table.delimiter);
      if (value === undefined) {
        problem(
          column,
          table.delimiter === ';' ? 'ikke et tal (fx 12,5)' : 'ikke et tal (fx 12.5)',
        );
        bad = true;
      } else if (column.endsWith('_share') && (value < 0 || value > 100)) {
        problem(column, 'en andel i procent skal ligge mellem 0 og 100');
        bad = true;
      } else if (column.endsWith('_count') && column !== 'difference_count' && value < 0) {
        problem(column, 'et antal kan ikke være negativt');
        bad = true;
      } else numbers[column] = value;
    }
    const rankText = (row.values['rank'] ?? '').trim();
    const rank = rankText === '' ? undefined : parseInteger(rankText);
    if (rankText !== '' && (rank === undefined || rank < 1)) {
      problem('rank', 'placeringen skal være et helt tal fra 1');
      bad = true;
    }
    if (bad) continue;
    const expectedCount = numbers['expected_count'] ?? Number.NaN;
    const actualCount = numbers['actual_count'] ?? Number.NaN;
    const expectedShare = numbers['expected_share'] ?? Number.NaN;
    const actualShare = numbers['actual_share'] ?? Number.NaN;
    const differenceCount = numbers['difference_count'] ?? actualCount - expectedCount;
    const differencePoints = numbers['difference_points'] ?? actualShare - expectedShare;
    if (Math.abs(differenceCount - (actualCount - expectedCount)) > DIFFERENCE_TOLERANCE.count) {
      problem('difference_count', 'skal være actual_count − expected_count');
      continue;
    }
    if (Math.abs(differencePoints - (actualShare - expectedShare)) > DIFFERENCE_TOLERANCE.points) {
      problem('difference_points', 'skal være actual_share − expected_share');
      continue;
    }
    const key = `${municipality}|${periodLabel(period)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem('municipality', `kommunen står allerede for perioden på linje ${earlier}`);
      continue;
    }
    seen.set(key, row.line);
    const declared = (row.values['source'] ?? '').trim();
    rates.push({
      municipality,
      period,
      residents16To66: undefined,
      expectedCount,
      actualCount,
      expectedShare,
      actualShare,
      differenceCount,
      differencePoints,
      publishedRank: rank,
      source: {
        kind: 'official',
        file,
        table: 'expected_rates',
        period: periodLabel(period),
        ...(declared === '' ? {} : { declaredSource: declared }),
      },
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  return rankByPeriod(rates);
}

/** The code, or a Danish reason why the text names no municipality. */
function municipalityOf(
  text: string,
  codes: ReadonlySet<MunicipalityCode>,
  matcher: MunicipalityNameMatcher,
): MunicipalityCode | string {
  const code = parseInteger(text);
  if (code !== undefined) return codes.has(code) ? code : 'ukendt kommunekode';
  const match = matcher.match(text);
  if (match.kind === 'municipality') return match.code;
  if (match.kind === 'not-a-municipality') return 'er ikke en kommune';
  return `ukendt kommunenavn${match.suggestion === undefined ? '' : ` (mente du "${match.suggestion}"?)`}`;
}
