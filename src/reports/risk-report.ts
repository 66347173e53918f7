/**
 * The risk view as the agency's quarterly status report shows it
 * (reports.md): Table 1 (conversations) and Table 2 (offers) of the
 * municipalities that miss the focus goal on their 12-month average and the
 * result goal, sorted by passive share, with the note on municipalities "on
 * the border", the national figures, and as JSON (`tilsyn.risk/1`).
 */
import { formatDanishDate } from '../core/calendar/iso-date.js';
import { danishMonth } from '../core/text/danish-month.js';
import { FOCUS_GOALS, type FocusGoal } from '../core/domain/focus-goal.js';
import { formatCitation } from '../core/rules/legal-source.js';
import { PUBLISHED_DIFFERENCE_PRECISION_PERSONS } from '../core/risk/on-the-border.js';
import type { RiskTable, RiskView } from '../core/risk/risk-view.js';
import { formatAgainst, formatSignedAgainstZero } from './comparable-number.js';
import { formatDanishNumber } from '../core/danish-format.js';
import { legalSourceJson } from './legal-source-json.js';
import { GOAL_IN_SENTENCE, percent } from './legal-text.js';
import { renderTable } from './text-table.js';
import { firstGroundingYear, goalThreshold } from '../core/rules/rules-in-force.js';

export const RISK_SCHEMA = 'tilsyn.risk/1';

export interface RiskSources {
  readonly focus: string;
  readonly rates: string;
}

export { danishMonth };

/** A count at the published precision (tens of full-time persons). */
function published(count: number): string {
  const precision = PUBLISHED_DIFFERENCE_PRECISION_PERSONS;
  return formatDanishNumber(Math.round(count / precision) * precision);
}

export function riskReport(
  view: RiskView,
  nameOf: (code: number) => string,
  sources: RiskSources,
): string {
  const rules = view.rules;
  const lines = [
    `Risikobillede for ${danishMonth(view.month)} — regler ${rules.version.id} (${rules.version.instrument.citation}), som for opgørelsen af ${view.assessmentYear} (i kraft ${formatDanishDate(rules.date)})`,
    `Månederne tæller med i opgørelsen af ${view.assessmentYear}. Resultatmålet: forventede og faktiske ydelsesgrader for ${view.ratesYear} (det seneste afsluttede år).`,
    `Landsplan, gns. passivandel de seneste 12 mdr.: ` +
      FOCUS_GOALS.map(
        (goal) =>
          `${GOAL_IN_SENTENCE[goal]} ${percent(view.national[goal].value)} (grænse ${formatDanishNumber(goalThreshold(rules, goal).value)} %)`,
      ).join(', ') +
      '.',
  ];
  view.tables.forEach((table, index) => {
    lines.push('', ...tableLines(table, index + 1, view, nameOf));
  });
  const excludedEntry = rules.entry('covid.months_excluded_from_averages');
  const excluded = excludedEntry.value;
  lines.push(
    '',
    `Anm.: Forventede og faktiske antal fuldtidspersoner er afrundet til ${PUBLISHED_DIFFERENCE_PRECISION_PERSONS}; forskellen i procentpoint er uafrundet og afgør resultatmålet. ` +
      `Månederne ${excluded.from} – ${excluded.to} indgår ikke i gennemsnittene (COVID-19, ${formatCitation(excludedEntry.source)}).`,
    `Kilde: ${sources.focus}, ${sources.rates}.`,
  );
  return `${lines.join('\n')}\n`;
}

function tableLines(
  table: RiskTable,
  number: number,
  view: RiskView,
  nameOf: (code: number) => string,
): string[] {
  const goal = GOAL_IN_SENTENCE[table.goal];
  const lines = [
    `Tabel ${number}. Kommuner, der ikke opfylder fokusmålet om ${goal} (gns. de seneste 12 mdr., grænse ${formatDanishNumber(table.threshold.value)} %) og resultatmålet`,
  ];
  if (table.rows.length === 0) lines.push('  Ingen kommuner.');
  else
    lines.push(
      ...renderTable(
        [
          'Kommune',
          'Forventede antal',
          'Faktisk antal',
          'Forskel (antal)',
          'Forskel (pct.-point)',
          'Gns. passivandel de seneste 12 mdr. (%)',
        ],
        table.rows.map((row) => [
          nameOf(row.municipality),
          published(row.resultGoal.expectedCount),
          published(row.resultGoal.actualCount),
          published(row.resultGoal.differencePersons),
          formatSignedAgainstZero(row.resultGoal.differencePoints),
          formatAgainst(row.measure, table.threshold.value),
        ]),
        ['left', 'right', 'right', 'right', 'right', 'right'],
      ),
    );
  const border = table.rows.filter((row) => row.onTheBorder);
  if (border.length > 0) {
    lines.push(
      `  Anm.: ${border.map((row) => nameOf(row.municipality)).join(', ')} er "på grænsen": ` +
        `forskellen afrundes til 0 fuldtidspersoner, men den faktiske ydelsesgrad er over den forventede, så resultatmålet er ikke opfyldt.`,
    );
  }
  if (!table.canGround) {
    const limit = firstGroundingYear(view.rules, table.goal);
    const first = limit.value;
    lines.push(
      `  Anm.: Fokusmålet om ${goal} kan ikke begrunde en afgørelse ved opgørelsen af ${view.assessmentYear}` +
        `${first === null ? '' : ` (først fra ${first})`} (${formatCitation(limit.source)}).`,
    );
  }
  return lines;
}

export function riskJson(
  view: RiskView,
  nameOf: (code: number) => string,
): Record<string, unknown> {
  const goalJson = (goal: FocusGoal, entry: RiskView['municipalities'][number]) => ({
    measure: entry.focusGoals[goal].measure ?? null,
    outcome: entry.focusGoals[goal].outcome,
  });
  return {
    schema: RISK_SCHEMA,
    month: view.month,
    rulesDate: view.rules.date,
    ruleVersion: view.rules.version.id,
    instrument: view.rules.version.instrument.citation,
    assessmentYear: view.assessmentYear,
    ratesYear: view.ratesYear,
    publishedPrecisionPersons: PUBLISHED_DIFFERENCE_PRECISION_PERSONS,
    national: {
      offers: view.national.offers.value ?? null,
      conversations: view.national.conversations.value ?? null,
    },
    tables: view.tables.map((table) => ({
      goal: table.goal,
      threshold: table.threshold.value,
      thresholdLegalBasis: legalSourceJson(table.threshold.source),
      canGround: table.canGround,
      rows: table.rows.map((row) => ({
        code: row.municipality,
        name: nameOf(row.municipality),
        expectedCount: row.resultGoal.expectedCount,
        actualCount: row.resultGoal.actualCount,
        differencePersons: row.resultGoal.differencePersons,
        differencePoints: row.resultGoal.differencePoints,
        measure: row.measure,
        onTheBorder: row.onTheBorder,
      })),
    })),
    municipalities: view.municipalities.map((entry) => ({
      code: entry.municipality,
      name: nameOf(entry.municipality),
      focusGoals: {
        offers: { ...goalJson('offers', entry), canGround: entry.focusGoals.offers.canGround },
        conversations: {
          ...goalJson('conversations', entry),
          canGround: entry.focusGoals.conversations.canGround,
        },
      },
      resultGoal: { ...entry.resultGoal },
      onTheBorder: entry.onTheBorder,
    })),
  };
}
