/**
 * Reads typed fields from one CSV row, recording a problem (file, line,
 * column, value, Danish reason) for each bad field instead of stopping at the
 * first, so that one run shows the user every problem of the file.
 */
import { parseYearMonth, type YearMonth } from '../core/calendar/year-month.js';
import { parseDecimal, parseInteger, type CsvRow, type CsvTable } from './csv-table.js';
import type { InputProblem } from './input-error.js';

export class RowReader {
  constructor(
    private readonly table: CsvTable,
    private readonly row: CsvRow,
    private readonly problems: InputProblem[],
  ) {}

  get line(): number {
    return this.row.line;
  }

  /** The trimmed text of a column ('' when the column is absent). */
  text(column: string): string {
    return (this.row.values[column] ?? '').trim();
  }

  problem(column: string, reason: string, value: string = this.text(column)): void {
    this.problems.push({ file: this.table.file, line: this.row.line, column, value, reason });
  }

  /** A required text field. */
  required(column: string): string | undefined {
    const text = this.text(column);
    if (text === '') {
      this.problem(column, 'værdien mangler');
      return undefined;
    }
    return text;
  }

  integer(column: string, minimum: number, maximum: number, reason: string): number | undefined {
    const text = this.required(column);
    if (text === undefined) return undefined;
    const value = parseInteger(text);
    if (value === undefined || value < minimum || value > maximum) {
      this.problem(column, reason);
      return undefined;
    }
    return value;
  }

  /** A decimal number (`.`, or the decimal comma in `;` files); `undefined` and no problem when empty and optional. */
  decimal(
    column: string,
    minimum: number,
    maximum: number,
    reason: string,
    optional = false,
  ): number | undefined {
    const text = this.text(column);
    if (text === '') {
      if (!optional) this.problem(column, 'værdien mangler');
      return undefined;
    }
    const value = parseDecimal(text, this.table.delimiter);
    if (value === undefined || !Number.isFinite(value) || value < minimum || value > maximum) {
      this.problem(column, reason);
      return undefined;
    }
    return value;
  }

  month(column: string): YearMonth | undefined {
    const text = this.required(column);
    if (text === undefined) return undefined;
    const month = parseYearMonth(text);
    if (month === undefined) this.problem(column, 'skal være en måned på formen ÅÅÅÅ-MM');
    return month;
  }

  /** One of `allowed` (exact, case-sensitive codes). */
  code<T extends string>(
    column: string,
    allowed: readonly T[],
    reason = `skal være ${listOf(allowed)}`,
  ): T | undefined {
    const text = this.required(column);
    if (text === undefined) return undefined;
    const found = allowed.find((candidate) => candidate === text);
    if (found === undefined) this.problem(column, reason);
    return found;
  }

  /** A municipality code among `known`. */
  municipality(column: string, known: ReadonlySet<number>): number | undefined {
    const code = this.integer(column, 100, 999, 'skal være en kommunekode med tre cifre');
    if (code === undefined) return undefined;
    if (!known.has(code)) {
      this.problem(column, 'ukendt kommunekode (ikke blandt de 98 kommuner)');
      return undefined;
    }
    return code;
  }

  /** `true`/`false` or `1`/`0` (any case). */
  boolean(column: string): boolean | undefined {
    const text = this.required(column);
    if (text === undefined) return undefined;
    const lower = text.toLowerCase();
    if (lower === 'true' || lower === '1') return true;
    if (lower === 'false' || lower === '0') return false;
    this.problem(column, 'skal være true/false eller 1/0');
    return undefined;
  }
}

/** `"a", "b" eller "c"` */
export function listOf(values: readonly string[]): string {
  const quoted = values.map((value) => `"${value}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} eller ${quoted[quoted.length - 1] ?? ''}`;
}
