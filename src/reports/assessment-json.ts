/**
 * The JSON document of `tilsyn assess --json` (schema `tilsyn.assess/1`,
 * documented in README.md). Numbers are unrounded; `null` stands for a
 * figure that is not defined.
 */
import {
  isMinimumRequirementReason,
  type DecisionReason,
} from '../core/assessment/decision-reason.js';
import { DECISION_LABELS } from '../core/domain/supervision.js';
import type { CaseHistory, MunicipalityCaseYear } from '../core/lifecycle/run-assessments.js';
import { DEADLINE_LABELS, reasonText } from './legal-text.js';
import { legalSourceJson } from './legal-source-json.js';
import type { RuleEntry } from '../core/rules/rule-book.js';
import { goalThreshold } from '../core/rules/rules-in-force.js';

export const ASSESS_SCHEMA = 'tilsyn.assess/1';

export function assessmentJson(
  history: CaseHistory,
  nameOf: (code: number) => string,
): Record<string, unknown> {
  return {
    schema: ASSESS_SCHEMA,
    fromYear: history.fromYear,
    toYear: history.toYear,
    years: history.years.map((year) => ({
      year: year.year,
      ruleVersion: year.rules.version.id,
      instrument: year.rules.version.instrument.citation,
      paragraphsOf: year.rules.version.paragraphsOf.citation,
      publicationDate: year.publicationDate,
      noticeDeadline: year.noticeDeadline,
      canSelect: year.canSelect,
      groundingGoals: year.groundingGoals,
      thresholds: {
        offers: thresholdJson(goalThreshold(year.rules, 'offers')),
        conversations: thresholdJson(goalThreshold(year.rules, 'conversations')),
      },
      national: {
        offers: year.national.offers.value ?? null,
        conversations: year.national.conversations.value ?? null,
      },
      municipalities: year.municipalities.map((entry) => municipalityJson(entry, nameOf)),
    })),
  };
}

function municipalityJson(entry: MunicipalityCaseYear, nameOf: (code: number) => string) {
  const goal = (assessed: MunicipalityCaseYear['focusGoals']['offers']) => ({
    measure: assessed.measure ?? null,
    monthsAveraged: assessed.monthsAveraged,
    threshold: assessed.threshold.value,
    outcome: assessed.outcome,
    canGround: assessed.canGround,
  });
  const supervised = entry.after.status !== 'none';
  return {
    code: entry.municipality,
    name: nameOf(entry.municipality),
    statusBefore: entry.before.status,
    statusAfter: entry.after.status,
    selectedYear: supervised ? (entry.after.selectedYear ?? null) : null,
    baseline: supervised
      ? {
          offers: entry.after.baseline.offers ?? null,
          conversations: entry.after.baseline.conversations ?? null,
        }
      : null,
    resultGoal: { ...entry.resultGoal },
    focusGoals: {
      offers: goal(entry.focusGoals.offers),
      conversations: goal(entry.focusGoals.conversations),
    },
    ...minimumRequirementsJson(entry),
    improvements: entry.improvements.map((improvement) => ({
      goal: improvement.goal,
      baseline: improvement.baseline ?? null,
      current: improvement.current,
      threshold: improvement.threshold,
      required: improvement.required ?? null,
      reached: improvement.reached ?? null,
      needed: improvement.needed ?? null,
      sufficient: improvement.sufficient,
    })),
    decision: {
      kind: entry.decision.kind,
      label: DECISION_LABELS[entry.decision.kind],
      legalBasis: legalSourceJson(entry.decision.legalBasis),
      reasons: entry.decision.reasons.map(reasonJson),
      ...(entry.decision.notes.length === 0
        ? {}
        : {
            notes: entry.decision.notes.map((note) => ({
              code: note.code,
              text: note.text,
              firstAssessmentYear: note.firstAssessmentYear,
              source: legalSourceJson(note.source),
            })),
          }),
    },
    noticeDate: entry.noticeDate ?? null,
    deadlines: entry.deadlines.map((deadline) => ({
      kind: deadline.kind,
      label: DEADLINE_LABELS[deadline.kind],
      date: deadline.date,
      legalBasis: legalSourceJson(deadline.legalBasis),
    })),
  };
}

/**
 * Under administration: the December figures of both minimum requirements
 * beside the focus goals (`fulfilled` null when not measured); absent for
 * other municipalities.
 */
function minimumRequirementsJson(entry: MunicipalityCaseYear): Record<string, unknown> {
  const reasons = entry.decision.reasons.filter(isMinimumRequirementReason);
  if (reasons.length === 0) return {};
  const figures: Record<string, unknown> = {};
  for (const reason of reasons) {
    const measured = reason.code !== 'minimum_requirement_not_measured';
    figures[reason.requirement] = {
      month: reason.month,
      target: measured ? reason.target : null,
      met: measured ? reason.met : null,
      share: measured ? (reason.share ?? null) : null,
      required: reason.required,
      fulfilled: measured ? reason.code === 'minimum_requirement_met' : null,
      legalBasis: legalSourceJson(reason.source),
    };
  }
  return { minimumRequirements: figures };
}

/** The reason's code and Danish text, then its figures (a legal source as its citation). */
export function reasonJson(reason: DecisionReason): Record<string, unknown> {
  const { code, ...figures } = reason;
  const fields: Record<string, unknown> = { code, text: reasonText(reason) };
  for (const [key, value] of Object.entries(figures)) fields[key] = value ?? null;
  if ('source' in reason) fields['source'] = legalSourceJson(reason.source);
  return fields;
}

function thresholdJson(threshold: RuleEntry<number>): Record<string, unknown> {
  return { value: threshold.value, legalBasis: legalSourceJson(threshold.source) };
}
