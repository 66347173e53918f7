/**
 * The AMK's early-effort alerts (regime.md § 6; seed 003, STAR's letter of
 * 4 May 2021) for the web: per municipality of a region, whether the alert
 * rule of the core (`core/measures/early-effort-alerts.ts`) has raised an
 * alert at the web's month, why (the benefit group and requirement, the
 * figures of the unmet months, the rule's threshold and its source), since
 * when, and the AMK's latest recorded contact.
 *
 * Pure: the early-effort figures of the load in use (web-data.ts), the
 * rule book and the contacts are given.
 *
 * Reading of "raised" at month M, per benefit group and requirement: the
 * core's rule places a contact in the month that ends the required run of
 * unmet months and a check `accountAfterMonths` later. The alert is raised
 * from the contact month through the check month while the check has not
 * found the effort restored; when the check finds it still unmet (an
 * account is required) it stays raised as long as every month since the
 * check is unmet. Months with a run of unmet months too short for a
 * contact are shown as "under observation", not raised.
 */
import { addMonths, monthIndex, type YearMonth } from '../../core/calendar/year-month.js';
import {
  BENEFIT_GROUP_LABELS,
  BENEFIT_GROUPS,
  type BenefitGroup,
} from '../../core/domain/benefit-type.js';
import type { Municipality } from '../../core/domain/municipality.js';
import { formatAgainst, formatDanishNumber } from '../../core/danish-format.js';
import {
  earlyEffortAlertRules,
  earlyEffortContacts,
  followUpStart,
  isUnmetMonth,
  type EarlyEffortAlertRule,
  type EarlyEffortMonth,
  type EarlyEffortRequirement,
} from '../../core/measures/early-effort-alerts.js';
import { lastDayOf } from '../../core/calendar/year-month.js';
import { formatCitation } from '../../core/rules/legal-source.js';
import type { RuleBook } from '../../core/rules/rule-book.js';
import { danishMonth } from '../../core/text/danish-month.js';
import type { EarlyEffortFigure } from '../../measuring/measure-results.js';

export const REQUIREMENT_LABELS: Readonly<Record<EarlyEffortRequirement, string>> = {
  conversations: 'Samtaler (mindst 4 jobsamtaler i de første 6 måneder)',
  offer: 'Tilbud (tilbud senest efter 6 måneder)',
};

const REQUIREMENT_SHORT: Readonly<Record<EarlyEffortRequirement, string>> = {
  conversations: 'samtalekravet',
  offer: 'tilbudskravet',
};

export type AlertState = 'contact' | 'account' | 'watch';

export const ALERT_STATE_LABELS: Readonly<Record<AlertState, string>> = {
  contact: 'Henvendelse',
  account: 'Redegørelse kræves',
  watch: 'Under observation',
};

/** One month of a benefit group's early effort against one requirement. */
export interface AlertMonth {
  readonly month: YearMonth;
  readonly cohort: number;
  readonly unmet: number;
  /** Percent of the cohort; null for an empty cohort. */
  readonly share: number | null;
  /** Whether the month breaks the rule (cohort large enough, share above the threshold). */
  readonly unmetMonth: boolean;
}

/** The rule's verdict for one benefit group and requirement of a municipality. */
export interface AmkAlert {
  readonly group: BenefitGroup;
  readonly groupLabel: string;
  readonly requirement: EarlyEffortRequirement;
  readonly requirementLabel: string;
  readonly state: AlertState;
  readonly stateLabel: string;
  /** Whether the alert is raised (contact or account), not only observed. */
  readonly raised: boolean;
  /** The month the alert was raised (the contact month; for an account, the check month). */
  readonly since: YearMonth;
  /** The first of the unmet months that led to it. */
  readonly unmetSince: YearMonth;
  /** The month the rule checks whether the effort is restored (null while observed). */
  readonly checkMonth: YearMonth | null;
  /** Consecutive unmet months up to and including the web's month. */
  readonly unmetMonthsInARow: number;
  /** The months behind the verdict (the run that raised it, up to the web's month). */
  readonly months: readonly AlertMonth[];
  /** One Danish sentence: why. */
  readonly reason: string;
}

export interface AmkLatestContact {
  readonly amk: string;
  readonly firstContactDate: string;
  readonly wantsAssistance: string;
  readonly mappingDone: boolean;
  readonly effort: string;
}

export interface AmkAlertMunicipality {
  readonly code: number;
  readonly name: string;
  readonly amk: string;
  readonly raised: boolean;
  /** The month of the earliest raised alert; null when none is raised. */
  readonly raisedSince: YearMonth | null;
  readonly alerts: readonly AmkAlert[];
  readonly latestContact: AmkLatestContact | null;
}

export interface AmkAlertRuleView {
  readonly name: string;
  readonly unmetSharePercentAbove: number;
  readonly minimumCohort: number;
  readonly consecutiveMonths: number;
  readonly accountAfterMonths: number;
  /** "STAR, orientering af 4. maj 2021 (j.nr. 20/21631) …" */
  readonly citation: string;
  /** The rule in the letter's own words. */
  readonly quote: string;
  /** The rule in one Danish sentence. */
  readonly text: string;
}

export interface AmkAlertsView {
  readonly month: YearMonth;
  /** The AMK the list is limited to; null: every AMK. */
  readonly amk: string | null;
  /** The AMKs a ministry user may filter by. */
  readonly amks: readonly string[];
  /** Whether the early effort could be measured (false: aggregated files only). */
  readonly available: boolean;
  /** Why not, in Danish, when not available. */
  readonly unavailableReason: string | null;
  readonly rule: AmkAlertRuleView;
  /** Alerted municipalities first, then by name. */
  readonly municipalities: readonly AmkAlertMunicipality[];
  readonly source: string;
}

export interface AmkAlertsRequest {
  readonly rules: RuleBook;
  readonly month: YearMonth;
  readonly municipalities: readonly Municipality[];
  /** Undefined when the figures hold no early effort (aggregated files). */
  readonly earlyEffort: readonly EarlyEffortFigure[] | undefined;
  /** The AMK's latest contact per municipality. */
  readonly contacts: ReadonlyMap<number, AmkLatestContact>;
  /** Whether the caller may see a municipality (the policy's answer). */
  readonly visible: (code: number) => boolean;
  /** Only the municipalities of this AMK, or all the caller may see. */
  readonly amk: string | null;
  readonly source: string;
}

const collator = new Intl.Collator('da-DK');

function ruleView(rules: RuleBook, rule: EarlyEffortAlertRule, month: YearMonth): AmkAlertRuleView {
  const source = rules.entry(
    'early_effort.alerts.set_2021.unmet_share_above',
    lastDayOf(month),
  ).source;
  const quote = source.kind === 'citation' ? (source.quote ?? '') : '';
  return {
    name: rule.name,
    unmetSharePercentAbove: rule.unmetSharePercentAbove,
    minimumCohort: rule.minimumCohort,
    consecutiveMonths: rule.consecutiveMonths,
    accountAfterMonths: rule.accountAfterMonths,
    citation: formatCitation(source),
    quote,
    text: `Arbejdsmarkedskontoret retter henvendelse, når en kommune i ${formatDanishNumber(rule.consecutiveMonths)} sammenhængende måneder har en andel på mere end ${formatDanishNumber(rule.unmetSharePercentAbove)} % i en ydelsesgruppe med mindst ${formatDanishNumber(rule.minimumCohort)} borgere, hvor minimumskravet til samtaler eller tilbud i de første 6 måneder ikke er opfyldt. Er indsatsen ikke genoprettet ${formatDanishNumber(rule.accountAfterMonths)} måneder efter henvendelsen, bedes kommunen om en skriftlig redegørelse.`,
  };
}

function shareOf(month: EarlyEffortMonth): number | null {
  return month.cohort === 0 ? null : (month.unmet / month.cohort) * 100;
}

/** The verdict for one series (months oldest first, the last is the web's month); undefined: nothing to show. */
function alertOf(
  rule: EarlyEffortAlertRule,
  group: BenefitGroup,
  requirement: EarlyEffortRequirement,
  months: readonly YearMonth[],
  series: readonly EarlyEffortMonth[],
): AmkAlert | undefined {
  const first = months[0];
  const last = series.length - 1;
  if (first === undefined || last < 0) return undefined;
  const start = followUpStart(rule, group, requirement);
  const followedFrom = monthIndex(start) - monthIndex(first);
  const contacts = earlyEffortContacts(rule, monthIndex(first), series, start);
  const contact = contacts[contacts.length - 1];
  const unmetAt = (offset: number) =>
    offset >= followedFrom && isUnmetMonth(rule, series[offset] ?? { cohort: 0, unmet: 0 });
  let inARow = 0;
  while (inARow <= last && unmetAt(last - inARow)) inARow += 1;
  const monthAt = (offset: number) => addMonths(first, offset);
  const figures = (from: number): AlertMonth[] =>
    series.slice(Math.max(0, from), last + 1).map((month, index) => ({
      month: monthAt(Math.max(0, from) + index),
      cohort: month.cohort,
      unmet: month.unmet,
      share: shareOf(month),
      unmetMonth: unmetAt(Math.max(0, from) + index),
    }));
  const describe = (offsets: readonly number[]) =>
    offsets
      .map((offset) => {
        const month = series[offset] ?? { cohort: 0, unmet: 0 };
        return `${danishMonth(monthAt(offset))}: ${formatAgainst(shareOf(month) ?? 0, rule.unmetSharePercentAbove)} % af ${formatDanishNumber(month.cohort)}`;
      })
      .join('; ');
  const what = `${REQUIREMENT_SHORT[requirement]} er ikke opfyldt for over ${formatDanishNumber(rule.unmetSharePercentAbove)} % af mindst ${formatDanishNumber(rule.minimumCohort)} borgere i ${BENEFIT_GROUP_LABELS[group].toLowerCase()}`;
  const base = {
    group,
    groupLabel: BENEFIT_GROUP_LABELS[group],
    requirement,
    requirementLabel: REQUIREMENT_LABELS[requirement],
  };
  if (contact !== undefined) {
    const runStart = contact.contactMonth - rule.consecutiveMonths + 1;
    const runOffsets = Array.from(
      { length: rule.consecutiveMonths },
      (_, index) => runStart + index,
    );
    const open = last < contact.checkMonth;
    const checkedUnmet = contact.accountRequired === true;
    const stillUnmetSinceCheck =
      checkedUnmet && last >= contact.checkMonth && inARow >= last - contact.checkMonth + 1;
    if (open || stillUnmetSinceCheck) {
      const state: AlertState = open ? 'contact' : 'account';
      return {
        ...base,
        state,
        stateLabel: ALERT_STATE_LABELS[state],
        raised: true,
        since: monthAt(open ? contact.contactMonth : contact.checkMonth),
        unmetSince: monthAt(runStart),
        checkMonth: monthAt(contact.checkMonth),
        unmetMonthsInARow: inARow,
        months: figures(runStart),
        reason: open
          ? `Henvendelse fra ${danishMonth(monthAt(contact.contactMonth))}: ${what} i ${formatDanishNumber(rule.consecutiveMonths)} sammenhængende måneder (${describe(runOffsets)}). Opfølgning ${danishMonth(monthAt(contact.checkMonth))}.`
          : `Redegørelse kræves fra ${danishMonth(monthAt(contact.checkMonth))}: indsatsen var ikke genoprettet ${formatDanishNumber(rule.accountAfterMonths)} måneder efter henvendelsen i ${danishMonth(monthAt(contact.contactMonth))} (${describe([contact.checkMonth])}), og ${what} hver måned siden.`,
      };
    }
  }
  if (inARow === 0) return undefined;
  const runStart = last - inARow + 1;
  return {
    ...base,
    state: 'watch',
    stateLabel: ALERT_STATE_LABELS.watch,
    raised: false,
    since: monthAt(runStart),
    unmetSince: monthAt(runStart),
    checkMonth: null,
    unmetMonthsInARow: inARow,
    months: figures(runStart),
    reason: `${what.charAt(0).toUpperCase()}${what.slice(1)} i ${formatDanishNumber(inARow)} ${inARow === 1 ? 'måned' : 'måneder i træk'} (${describe(Array.from({ length: inARow }, (_, index) => runStart + index))}); en henvendelse følger efter ${formatDanishNumber(rule.consecutiveMonths)} sammenhængende måneder.`,
  };
}

export function amkAlertsView(request: AmkAlertsRequest): AmkAlertsView {
  const { rules, month } = request;
  const [rule] = earlyEffortAlertRules(rules, lastDayOf(month));
  if (rule === undefined) throw new Error('No early-effort alert rule in force');
  const visible = request.municipalities.filter((municipality) =>
    request.visible(municipality.code),
  );
  const amks = [...new Set(visible.map((municipality) => municipality.amk))].sort(collator.compare);
  const shown = visible.filter(
    (municipality) => request.amk === null || municipality.amk === request.amk,
  );
  const series = new Map<string, EarlyEffortFigure[]>();
  for (const figure of request.earlyEffort ?? []) {
    if (figure.month > month) continue;
    const key = `${String(figure.municipality)}|${figure.group}`;
    const list = series.get(key) ?? [];
    list.push(figure);
    series.set(key, list);
  }
  const municipalities = shown.map((municipality): AmkAlertMunicipality => {
    const alerts: AmkAlert[] = [];
    for (const group of BENEFIT_GROUPS) {
      const figures = (series.get(`${String(municipality.code)}|${group}`) ?? []).sort((a, b) =>
        a.month < b.month ? -1 : a.month > b.month ? 1 : 0,
      );
      if (figures.length === 0 || figures[figures.length - 1]?.month !== month) continue;
      for (const requirement of ['conversations', 'offer'] as const) {
        const alert = alertOf(
          rule,
          group,
          requirement,
          figures.map((figure) => figure.month),
          figures.map((figure) => ({
            cohort: figure.cohort,
            unmet: requirement === 'conversations' ? figure.conversationsUnmet : figure.offerUnmet,
          })),
        );
        if (alert !== undefined) alerts.push(alert);
      }
    }
    alerts.sort((a, b) => Number(b.raised) - Number(a.raised));
    const raised = alerts.filter((alert) => alert.raised);
    return {
      code: municipality.code,
      name: municipality.name,
      amk: municipality.amk,
      raised: raised.length > 0,
      raisedSince:
        raised.map((alert) => alert.since).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0] ?? null,
      alerts,
      latestContact: request.contacts.get(municipality.code) ?? null,
    };
  });
  municipalities.sort(
    (a, b) => Number(b.raised) - Number(a.raised) || collator.compare(a.name, b.name),
  );
  const available = request.earlyEffort !== undefined;
  return {
    month,
    amk: request.amk,
    amks,
    available,
    unavailableReason: available
      ? null
      : 'Den tidlige indsats kan kun opgøres fra persondata (en indlæsning). Tallene kommer her fra aggregerede filer, så der kan ikke vises varsler om den tidlige indsats.',
    rule: ruleView(rules, rule, month),
    municipalities,
    source: request.source,
  };
}
