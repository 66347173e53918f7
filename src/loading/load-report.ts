/**
 * The Danish text of a load's outcome: the first problems, then per file
 * "læst = indlæst + afvist" with the rejections counted by reason.
 */
import { formatProblem } from '../files/input-error.js';
import { formatDanishNumber } from '../core/danish-format.js';
import type { LoadReport } from './load-data.js';
import { KEY_HINT } from './problem-reasons.js';

export function describeRefusal(report: LoadReport): string {
  const lines: string[] = [];
  const unchanged =
    report.loadInUse === undefined
      ? 'Intet er ændret; der er fortsat ingen indlæsning i brug.'
      : `Intet er ændret; indlæsning ${report.loadInUse} er fortsat i brug.`;
  if (report.cprNumbers > 0) {
    lines.push(
      `Indlæsningen er afvist: ${rows(report.cprNumbers)} har et CPR-nummer i person_id, og der er ingen pseudonymiseringsnøgle. ${unchanged}`,
    );
  } else {
    lines.push(`Indlæsningen er afvist: ${rows(report.totalProblems)} har fejl. ${unchanged}`);
  }
  lines.push('', ...problemList(report), '', ...fileCounts(report, 'gyldige'), '');
  if (report.cprNumbers > 0) lines.push(`CPR-numre indlæses aldrig: ${KEY_HINT}.`);
  else
    lines.push(
      'Ret fejlene og indlæs igen, eller brug --accept-valid-rows for at indlæse de gyldige rækker og skrive de afviste til en fil.',
    );
  for (const path of report.rejectsWritten) lines.push(`De afviste rækker står i ${path}.`);
  return `${lines.join('\n')}\n`;
}

export function describeLoad(
  id: string,
  source: string,
  persons: number,
  report: LoadReport,
): string {
  const lines = [`Indlæsning ${id} er gemt og i brug.`, `Kilde: ${source}`];
  if (report.totalProblems > 0) {
    lines.push(
      `${capitalise(rows(report.totalProblems))} er afvist og ikke indlæst.`,
      '',
      ...problemList(report),
    );
  }
  lines.push('', ...fileCounts(report, 'indlæst'), '', `Personer: ${formatDanishNumber(persons)}`);
  for (const path of report.rejectsWritten) lines.push(`De afviste rækker står i ${path}.`);
  return `${lines.join('\n')}\n`;
}

export function describeWarnings(warnings: readonly string[]): string {
  return warnings.map((warning) => `Advarsel: ${warning}\n`).join('');
}

function problemList(report: LoadReport): string[] {
  const shown = report.problems.length;
  const heading =
    shown < report.totalProblems
      ? `Fejl (de første ${formatDanishNumber(shown)} af ${formatDanishNumber(report.totalProblems)}):`
      : 'Fejl:';
  return [heading, ...report.problems.map(formatProblem)];
}

function fileCounts(report: LoadReport, kept: 'gyldige' | 'indlæst'): string[] {
  const width = Math.max(...report.files.map((file) => file.file.length));
  const number = (value: number) => formatDanishNumber(value);
  const readWidth = Math.max(...report.files.map((file) => number(file.rowsRead).length));
  const keptWidth = Math.max(
    ...report.files.map((file) => number(file.rowsRead - file.rowsRejected).length),
  );
  const lines = [`Rækker pr. fil (læst = ${kept} + afvist):`];
  for (const file of report.files) {
    lines.push(
      `  ${file.file.padEnd(width)}  ${number(file.rowsRead).padStart(readWidth)} = ${number(file.rowsRead - file.rowsRejected).padStart(keptWidth)} + ${number(file.rowsRejected)}`,
    );
    for (const reason of file.byReason)
      lines.push(`      ${reason.label}: ${number(reason.count)}`);
  }
  return lines;
}

function rows(count: number): string {
  return `${formatDanishNumber(count)} ${count === 1 ? 'række' : 'rækker'}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
