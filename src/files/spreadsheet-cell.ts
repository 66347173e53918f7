/**
 * Text a spreadsheet would run as a formula (CSV or formula injection): a
 * cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return. Every
 * CSV file meant for people — the rejects of a load (`--rejects` and the
 * stored `rejects.csv`), CSV for Excel, the passive-case list, the persons
 * file — passes its text cells through this one rule (OWASP, "CSV
 * Injection"): such a cell gets a leading apostrophe, so that a spreadsheet
 * shows it as text and never runs it.
 *
 * A plain number (`-2`, `+1`, `-0,5`, `-1.5`) is kept as it is: a spreadsheet
 * reads it as the number it is, never as a formula (OWASP's rule is about
 * formulas; `-2+3` or `-1e3` is not a plain number and is neutralised), and a
 * negative value in a numeric column stays readable and summable.
 *
 * `neutraliseFormulaSql` is the same rule for the files DuckDB writes;
 * `restoreNeutralised` undoes it where this project reads such a file back
 * (the persons file read by `tilsyn sample`).
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;

/** The cell as a spreadsheet may safely show it. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** The original text of a cell written by `neutraliseFormula`. */
export function restoreNeutralised(text: string): string {
  const rest = text.slice(1);
  return text.startsWith("'") && FORMULA_START.test(rest) && !PLAIN_NUMBER.test(rest) ? rest : text;
}

/** `neutraliseFormula` as a DuckDB SQL expression of the VARCHAR expression `expression`. */
export function neutraliseFormulaSql(expression: string): string {
  return (
    `CASE WHEN regexp_matches(${expression}, '^[=+\\-@\\t\\r]') ` +
    `AND NOT regexp_matches(${expression}, '^[+-]?[0-9]+([.,][0-9]+)?$') ` +
    `THEN '''' || ${expression} ELSE ${expression} END`
  );
}
