/**
 * Danish wording of the legal core's results: statuses, decisions, reasons
 * and deadlines. The wording lives in the pure core
 * (`core/text/legal-text.ts`), where report and letter content use it too.
 */
export {
  DEADLINE_LABELS,
  GOAL_IN_SENTENCE,
  OUTCOME_TEXT,
  STATUS_SHORT,
  decisionNoteText,
  percent,
  percentAgainst,
  reasonText,
} from '../core/text/legal-text.js';
