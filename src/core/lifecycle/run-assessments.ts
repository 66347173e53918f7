/**
 * The life of the cases: the annual assessments of several years run in
 * sequence, each from the statuses the one before left, carrying the
 * selection year and the baseline forward, with the deadlines each decision
 * sets.
 */
import type { IsoDate } from '../calendar/iso-date.js';
import type { RuleBook } from '../rules/rule-book.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import {
  assessYear,
  type AnnualAssessment,
  type MunicipalityAssessment,
} from '../assessment/annual-assessment.js';
import type { AssessmentInputs } from '../assessment/assessment-inputs.js';
import type { CaseState } from '../assessment/case-state.js';
import { noticeDeadline, publicationDate } from './assessment-dates.js';
import type { Deadline } from './deadline.js';
import { decisionDeadlines } from './decision-deadlines.js';

export interface MunicipalityCaseYear extends MunicipalityAssessment {
  /** The actual notice date, when known; deadlines run from it. */
  readonly noticeDate: IsoDate | undefined;
  readonly deadlines: readonly Deadline[];
}

export interface CaseYear extends Omit<AnnualAssessment, 'municipalities'> {
  readonly publicationDate: IsoDate;
  readonly noticeDeadline: IsoDate;
  readonly municipalities: readonly MunicipalityCaseYear[];
}

export interface CaseHistory {
  readonly fromYear: number;
  readonly toYear: number;
  readonly years: readonly CaseYear[];
  /** Each municipality's case after the last assessment. */
  readonly finalStates: ReadonlyMap<MunicipalityCode, CaseState>;
}

export interface CaseInputs extends AssessmentInputs {
  /** The date a notice of the assessment of `year` was received, when known. */
  readonly noticeDate?: (year: number, municipality: MunicipalityCode) => IsoDate | undefined;
}

/**
 * Runs the assessments `fromYear` … `toYear` in order under `book`.
 * `initialStates` are the cases before the assessment of `fromYear` (absent:
 * not supervised).
 */
export function runAssessments(
  book: RuleBook,
  fromYear: number,
  toYear: number,
  inputs: CaseInputs,
  initialStates: ReadonlyMap<MunicipalityCode, CaseState> = new Map(),
): CaseHistory {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || toYear < fromYear) {
    throw new RangeError(`Bad range of assessment years: ${fromYear} … ${toYear}`);
  }
  const years: CaseYear[] = [];
  let states: ReadonlyMap<MunicipalityCode, CaseState> = initialStates;
  for (let year = fromYear; year <= toYear; year += 1) {
    const assessment = assessYear(book, year, inputs, states);
    const municipalities = assessment.municipalities.map((entry): MunicipalityCaseYear => {
      const noticeDate = inputs.noticeDate?.(year, entry.municipality);
      return {
        ...entry,
        noticeDate,
        deadlines: decisionDeadlines({
          decision: entry.decision.kind,
          year,
          rules: assessment.rules,
          noticeDate,
        }),
      };
    });
    years.push({
      ...assessment,
      publicationDate: publicationDate(assessment.rules, year),
      noticeDeadline: noticeDeadline(assessment.rules, year),
      municipalities,
    });
    states = new Map(municipalities.map((entry) => [entry.municipality, entry.after]));
  }
  return { fromYear, toYear, years, finalStates: states };
}
