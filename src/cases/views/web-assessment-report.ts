/**
 * The annual assessment report of a year as the web shows it: the
 * assessments from the first supervision year up to that year over the same
 * figures as the pages (as `tilsyn report assessment` builds it), kept in
 * memory once built (the same figures give the same report).
 */
import {
  assessmentReport,
  type AssessmentReport,
} from '../../core/assessment-report/assessment-report.js';
import { assessYears } from '../../pipeline/assess.js';
import type { WebDataSource } from './web-data.js';
import { FIRST_ASSESSMENT_YEAR } from './web-letters.js';

const cache = new Map<string, Promise<AssessmentReport>>();

export function webAssessmentReport(
  source: WebDataSource,
  year: number,
): Promise<AssessmentReport> {
  const key = `${String(year)}|${JSON.stringify(source.assessmentSource())}`;
  let report = cache.get(key);
  if (report === undefined) {
    report = build(source, year);
    cache.set(key, report);
    report.catch(() => cache.delete(key));
  }
  return report;
}

async function build(source: WebDataSource, year: number): Promise<AssessmentReport> {
  const { history, names } = await assessYears({
    fromYear: FIRST_ASSESSMENT_YEAR,
    toYear: year,
    cwd: process.cwd(),
    source: source.assessmentSource(),
  });
  const last = history.years[history.years.length - 1];
  if (last === undefined) throw new Error(`ingen opgørelse af ${String(year)}`);
  return assessmentReport(last, names.plainNameOf);
}
