/**
 * The notes (Anm.) of the quarterly status report: how the goals and the
 * national figure are computed and which rules judge the months, each with
 * the source it rests on — and the COVID-19 months only when a 12-month
 * window of the report reaches them.
 */
import { formatDanishDate } from '../calendar/iso-date.js';
import type { YearMonth } from '../calendar/year-month.js';
import { FOCUS_GOALS, type FocusGoal } from '../domain/focus-goal.js';
import { averagingWindow } from '../focus-measures/averaging-window.js';
import { formatCitation } from '../rules/legal-source.js';
import { goalThreshold } from '../rules/rules-in-force.js';
import { PUBLISHED_DIFFERENCE_PRECISION_PERSONS } from '../risk/on-the-border.js';
import type { RiskView } from '../risk/risk-view.js';
import { formatDanishNumber } from '../danish-format.js';
import { danishMonth } from '../text/danish-month.js';
import { GOAL_IN_SENTENCE } from '../text/legal-text.js';
import type { NationalMonth, ReportNote } from './status-report-types.js';

const GOAL_DEFINITION: Readonly<Record<FocusGoal, string>> = {
  offers:
    'Fokusmålet om tilbud mv.: andelen af målgruppen, som i de seneste 12 måneder af ydelsesforløbet hverken har modtaget et beskæftigelsesrettet tilbud eller haft de krævede timers ordinær beskæftigelse',
  conversations:
    'Fokusmålet om samtaler: andelen af målgruppen, som i de seneste 12 måneder af ydelsesforløbet har modtaget færre end de krævede samtaler',
};

export function statusReportNotes(view: RiskView, series: readonly NationalMonth[]): ReportNote[] {
  const rules = view.rules;
  const averaging = rules.entry('focus.averaging_months');
  const notes: ReportNote[] = FOCUS_GOALS.map((goal) => ({
    text: `${GOAL_DEFINITION[goal]}. Målet er opfyldt, når gennemsnittet af de seneste ${averaging.value} måneders andele er under ${formatDanishNumber(goalThreshold(rules, goal).value)} %.`,
    source: formatCitation(goalThreshold(rules, goal).source),
  }));
  notes.push({
    text:
      `Hver måned bedømmes efter grænserne i den årlige opgørelse, måneden tæller med i (opgørelsen af månedens år, efter reglerne i kraft ${formatDanishDate(rules.date)} for ${view.assessmentYear}). ` +
      thresholdChanges(series),
    source: formatCitation(averaging.source),
  });
  notes.push({
    text: 'Landstallet er alle kommuner lagt sammen måned for måned (passive i alt i procent af målgruppen i alt); gennemsnittet for landet er gennemsnittet af disse månedlige andele. Figur 1 viser de månedlige andele.',
    source: null,
  });
  notes.push({
    text:
      `Resultatmålet er ikke opfyldt, når den faktiske ydelsesgrad overstiger den forventede. Forventede og faktiske antal fuldtidspersoner er afrundet til ${PUBLISHED_DIFFERENCE_PRECISION_PERSONS}; forskellen i procentpoint er uafrundet og afgør resultatmålet. ` +
      `En kommune er "på grænsen", når forskellen afrundes til 0 fuldtidspersoner, men er over 0.`,
    source: `${rules.version.paragraphsOf.citation} § 4`,
  });
  const covid = covidNote(view, series);
  if (covid) notes.push(covid);
  return notes;
}

/** "Grænsen for tilbud mv. er 20 % for månederne i 2022 og 30 % fra 2023." — or that they are the same throughout. */
function thresholdChanges(series: readonly NationalMonth[]): string {
  const sentences = FOCUS_GOALS.flatMap((goal) => {
    const runs: { value: number; from: number; to: number }[] = [];
    for (const point of series) {
      const last = runs[runs.length - 1];
      if (last && last.value === point.threshold[goal]) last.to = point.assessmentYear;
      else
        runs.push({
          value: point.threshold[goal],
          from: point.assessmentYear,
          to: point.assessmentYear,
        });
    }
    if (runs.length <= 1) return [];
    const parts = runs.map(
      (run) =>
        `${formatDanishNumber(run.value)} % for ${run.from === run.to ? `månederne i ${run.from}` : `${run.from}–${run.to}`}`,
    );
    return [
      `I figur 1 er grænsen for ${GOAL_IN_SENTENCE[goal]} ${parts.slice(0, -1).join(', ')} og ${parts[parts.length - 1] ?? ''}.`,
    ];
  });
  return sentences.length === 0
    ? 'Grænserne er de samme for alle månederne i figur 1.'
    : sentences.join(' ');
}

/** The COVID-19 months, when a 12-month window of the figure reaches them. */
function covidNote(view: RiskView, series: readonly NationalMonth[]): ReportNote | undefined {
  const excluded = new Set<YearMonth>();
  for (const point of series)
    for (const month of averagingWindow(view.rules.book, point.month as YearMonth).excluded)
      excluded.add(month);
  if (excluded.size === 0) return undefined;
  const range = view.rules.entry('covid.months_excluded_from_averages');
  const dead = view.rules.entry('covid.dead_period');
  return {
    text:
      `Månederne ${danishMonth(range.value.from)} – ${danishMonth(range.value.to)} indgår ikke i gennemsnittene (COVID-19), og perioden ${formatDanishDate(dead.value.from)} – ${formatDanishDate(dead.value.to)} ` +
      `tæller ikke med i ydelsesforløbenes varighed (død periode, ${formatCitation(dead.source)}).`,
    source: formatCitation(range.source),
  };
}
