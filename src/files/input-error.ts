/**
 * Bad input, reported so that the user can find and fix it: which file, which
 * line, which column, which value, and why (data.md "Bad input").
 */

export interface InputProblem {
  readonly file: string;
  /** 1-based line number in the file (the header is line 1). */
  readonly line?: number;
  /** 1-based row number in a file without lines (Parquet): shown as "række N". */
  readonly row?: number;
  readonly column?: string;
  /** The offending value as read. Never a CPR number: callers mask those. */
  readonly value?: string;
  /** Why it is rejected, in Danish. */
  readonly reason: string;
}

/** "fokus.csv, linje 3, kolonne \"passive\" (værdi \"abc\"): ikke et heltal" */
export function formatProblem(problem: InputProblem): string {
  let text = problem.file;
  if (problem.line !== undefined) text += `, linje ${problem.line}`;
  if (problem.row !== undefined) text += `, række ${problem.row}`;
  if (problem.column !== undefined) text += `, kolonne "${problem.column}"`;
  if (problem.value !== undefined) text += ` (værdi "${truncate(problem.value)}")`;
  return `${text}: ${problem.reason}`;
}

/** Input that cannot be used. The CLI answers it with exit code 2. */
export class InputError extends Error {
  readonly problems: readonly InputProblem[];

  constructor(problems: InputProblem | readonly InputProblem[]) {
    const list = Array.isArray(problems)
      ? (problems as readonly InputProblem[])
      : [problems as InputProblem];
    super(summarise(list));
    this.name = 'InputError';
    this.problems = list;
  }
}

/** Shown problems are capped; the count says how many there are. */
const SHOWN_PROBLEMS = 20;

function summarise(problems: readonly InputProblem[]): string {
  const shown = problems.slice(0, SHOWN_PROBLEMS).map(formatProblem);
  if (problems.length > SHOWN_PROBLEMS)
    shown.push(`… og ${problems.length - SHOWN_PROBLEMS} fejl mere`);
  return shown.join('\n');
}

function truncate(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
