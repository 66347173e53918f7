/**
 * The letter of a municipality's decision at the assessment of a year, as
 * the web shows it: the letter input of `pipeline/letters.ts` from the
 * assessments of the first supervision year up to that year, over the same
 * figures as the pages, kept in memory once composed (the same input gives
 * the same bytes).
 */
import type { LetterInput } from '../../core/letters/letter-input.js';
import { decisionLetter } from '../../pipeline/letters.js';
import type { WebDataSource } from './web-data.js';

/** The first assessment year of the regime (bek. nr. 1409/2019: the assessment of 2021). */
export const FIRST_ASSESSMENT_YEAR = 2021;

const cache = new Map<string, Promise<LetterInput>>();

export function webDecisionLetter(
  source: WebDataSource,
  municipality: number,
  year: number,
): Promise<LetterInput> {
  const key = `${String(municipality)}|${String(year)}|${JSON.stringify(source.assessmentSource())}`;
  let letter = cache.get(key);
  if (letter === undefined) {
    letter = decisionLetter({
      municipality,
      cwd: process.cwd(),
      assessment: {
        fromYear: FIRST_ASSESSMENT_YEAR,
        toYear: year,
        cwd: process.cwd(),
        source: source.assessmentSource(),
      },
    });
    cache.set(key, letter);
    letter.catch(() => cache.delete(key));
  }
  return letter;
}
