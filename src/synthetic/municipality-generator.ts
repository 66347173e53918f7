/**
 * Generates one unit of the data set: the persons who first appear in one
 * municipality (they may move later), with all their rows, from the unit's
 * own random sub-streams. Units are independent, so they can be generated
 * in any order and on any number of workers with the same result; each
 * writes its rows to part files in person order, which the orchestration
 * concatenates in municipality order.
 *
 * 1. Entrants: a deterministic number of persons enter each benefit type in
 *    each month (inflow-plan.ts, with the year factors of spell-model.ts),
 *    starting eight years before the data period so that the stock of long
 *    spells is there on its first day.
 * 2. Histories: each entrant's periods and exemptions (person-generator.ts);
 *    persons with no period in the data period are dropped.
 * 3. Events: month by month from a year before the data period, every
 *    person on benefit proposes the month's conversations, offers and hours;
 *    from the first month of the data period the municipality steers its
 *    target group to its effort level; the month is committed.
 * 4. Rows are written in person order, then date order.
 */
import { join } from 'node:path';
import { dayNumberOf, daysInMonth, type DayNumber } from '../core/calendar/day-number.js';
import { fromDayNumber } from '../core/calendar/iso-date.js';
import { BENEFIT_TYPES, type BenefitType } from '../core/domain/benefit-type.js';
import {
  CONVERSATION_FORMS,
  CONVERSATION_HOLDERS,
  CONVERSATION_KINDS,
  EXEMPTION_REASONS,
  OFFER_TYPES,
} from '../core/domain/events.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { valueOn } from '../core/rules/dated-parameter.js';
import {
  CONVERSATIONS_REQUIRED,
  ORDINARY_WORK_HOURS_FOR_OFFER,
} from '../core/rules/focus-goal-parameters.js';
import { SeededRandom } from '../core/random/seeded-random.js';
import { CsvWriter } from './csv-writer.js';
import { CountCarrier, StratifiedStreams, weightedChoice } from './distributions.js';
import { steerConversations, steerOffers, wantedPassive } from './effort-controller.js';
import { entrantsPerYear } from './inflow-plan.js';
import { IntColumn, orderByPerson } from './growable-column.js';
import {
  BURN_IN_YEARS,
  EVENT_LEAD_MONTHS,
  PERSON_TABLE_NAMES,
  type GenerationSettings,
  type Geography,
  type PersonTable,
  type RowsByYear,
} from './generation-settings.js';
import { generatePerson, type HistoryContext, type HistoryStrata } from './person-generator.js';
import { cprShapedId, pseudonym } from './person-ids.js';
import {
  PersonTimeline,
  monthBounds,
  monthIndexOfDay,
  type TimelinePeriod,
} from './person-timeline.js';
import { inflowFactor } from './spell-model.js';
import { buildSpells, type ViewExemption } from './spell-view.js';
import { EffortTable, EventColumns, yearOfDay, type UnitContext } from './unit-context.js';

/** One unit's place in the run: its municipality and its block of person numbers. */
export interface UnitPlan {
  readonly code: MunicipalityCode;
  /** Person number of the unit's first person; the block holds `entrants` numbers. */
  readonly firstPersonNumber: number;
  /** Persons entering over the whole run (an upper bound of the persons kept). */
  readonly entrants: number;
}

/** The unit's own count of its target group after steering, per month of the data period. */
export interface SteeringRecord {
  readonly month: number;
  readonly target: number;
  readonly passiveConversations: number;
  readonly passiveOffers: number;
}

export interface UnitResult {
  readonly code: MunicipalityCode;
  readonly persons: number;
  readonly rows: RowsByYear;
  readonly steering: readonly SteeringRecord[];
}

/** Part file of a unit's table. */
export function partFile(directory: string, code: MunicipalityCode, table: PersonTable): string {
  return join(directory, `${code}.${table}.csv`);
}

interface EntrantBatch {
  readonly month: number;
  readonly type: number;
  readonly count: number;
}

/** The entrants of a unit, month by month and type by type; deterministic, no randomness. */
export function entrantSchedule(
  code: MunicipalityCode,
  settings: GenerationSettings,
): EntrantBatch[] {
  const perYear = entrantsPerYear(code, settings.scale);
  const carriers = BENEFIT_TYPES.map(() => new CountCarrier());
  const batches: EntrantBatch[] = [];
  const firstMonth = settings.firstMonth - BURN_IN_YEARS * 12;
  for (let month = firstMonth; month <= settings.lastMonth; month += 1) {
    const year = Math.floor(month / 12);
    const monthNumber = (month % 12) + 1;
    BENEFIT_TYPES.forEach((type, index) => {
      const expected = (perYear[type] * inflowFactor(type, year, monthNumber)) / 12;
      const count = carriers[index]?.next(expected) ?? 0;
      if (count > 0) batches.push({ month, type: index, count });
    });
  }
  return batches;
}

/** Plans the units in municipality order, each with its block of person numbers. */
export function planUnits(
  codes: readonly MunicipalityCode[],
  settings: GenerationSettings,
): UnitPlan[] {
  let next = 1;
  return codes.map((code) => {
    const entrants = entrantSchedule(code, settings).reduce((sum, batch) => sum + batch.count, 0);
    const plan = { code, firstPersonNumber: next, entrants };
    next += entrants;
    return plan;
  });
}

/** Picks where a person moving out of a municipality moves to: mostly within the region, by size. */
export function destinationPicker(
  geography: Geography,
): (random: SeededRandom, from: MunicipalityCode) => MunicipalityCode {
  const regionOf = new Map(geography.municipalities.map((entry) => [entry.code, entry.regionCode]));
  return (random, from) => {
    const region = regionOf.get(from);
    const sameRegion = random.chance(0.6);
    const candidates = geography.municipalities.filter(
      (entry) => entry.code !== from && (!sameRegion || entry.regionCode === region),
    );
    const pool = candidates.length > 0 ? candidates : geography.municipalities;
    return weightedChoice(
      random,
      pool.map((entry) => [entry.code, entry.residents] as const),
    );
  };
}

/** Generates a unit and writes its part files into `partsDirectory`. */
export function generateUnit(
  settings: GenerationSettings,
  plan: UnitPlan,
  geography: Geography,
  partsDirectory: string,
): UnitResult {
  const firstDay = monthBounds(settings.firstMonth)[0];
  const lastDay = monthBounds(settings.lastMonth)[1];
  const eventsFirstMonth = settings.firstMonth - EVENT_LEAD_MONTHS;
  const eventsFirstDay = monthBounds(eventsFirstMonth)[0];
  const historyRandom = new SeededRandom(settings.seed, plan.code * 8 + 1);
  const propensityRandom = new SeededRandom(settings.seed, plan.code * 8 + 2);
  const eventRandom = new SeededRandom(settings.seed, plan.code * 8 + 3);
  const historyContext: HistoryContext = {
    lastDay,
    eventsFirstDay,
    pickDestination: destinationPicker(geography),
  };

  // 1–2. Entrants and their histories.
  const periodFirst: number[] = [];
  const periodFrom = new IntColumn();
  const periodTo = new IntColumn();
  const periodType = new IntColumn();
  const periodMunicipality = new IntColumn();
  const exemptionFirst: number[] = [];
  const exemptionReason = new IntColumn();
  const exemptionFrom = new IntColumn();
  const exemptionTo = new IntColumn();
  const conversationPropensity: number[] = [];
  const offerPropensity: number[] = [];
  const activationMonth: number[] = [];
  // The draws that decide benefit days — durations, transitions, returns —
  // are stratified per benefit type along golden-ratio sequences from
  // random starts: the unit's spells add up to their expectation instead of
  // clumping by chance, which keeps the noise in a municipality's benefit
  // rate small.
  const streams = new StratifiedStreams(historyRandom);
  const typeIndex = (type: BenefitType) => BENEFIT_TYPES.indexOf(type);
  const strata: HistoryStrata = {
    duration: (type) => streams.next(typeIndex(type)),
    transition: (type) => streams.next(100 + typeIndex(type)),
    reentry: (type) => streams.next(200 + typeIndex(type)),
  };
  for (const batch of entrantSchedule(plan.code, settings)) {
    const year = Math.floor(batch.month / 12);
    const monthNumber = (batch.month % 12) + 1;
    const monthStart = dayNumberOf(year, monthNumber, 1);
    const type = BENEFIT_TYPES[batch.type] ?? 'dagpenge';
    for (let entrant = 0; entrant < batch.count; entrant += 1) {
      const entryDay = monthStart + historyRandom.nextInt(daysInMonth(year, monthNumber));
      const history = generatePerson(
        historyRandom,
        historyContext,
        plan.code,
        type,
        entryDay,
        strata,
      );
      const reaches = history.periods.some(
        (period) => period.to >= firstDay && period.from <= lastDay,
      );
      if (!reaches) continue;
      periodFirst.push(periodFrom.length);
      for (const period of history.periods) {
        periodFrom.push(period.from);
        periodTo.push(period.to);
        periodType.push(BENEFIT_TYPES.indexOf(period.type));
        periodMunicipality.push(period.municipality);
      }
      exemptionFirst.push(exemptionFrom.length);
      for (const exemption of history.exemptions) {
        exemptionReason.push(EXEMPTION_REASONS.indexOf(exemption.reason));
        exemptionFrom.push(exemption.from);
        exemptionTo.push(exemption.to);
      }
      conversationPropensity.push(propensityRandom.next());
      offerPropensity.push(propensityRandom.next());
      const first = history.periods[0]?.from ?? eventsFirstDay;
      activationMonth.push(monthIndexOfDay(Math.max(first, eventsFirstDay)));
    }
  }
  const persons = periodFirst.length;
  periodFirst.push(periodFrom.length);
  exemptionFirst.push(exemptionFrom.length);

  // 3. Events, month by month.
  const events = new EventColumns();
  const context: UnitContext = {
    code: plan.code,
    random: eventRandom,
    eventsFirstDay,
    eventsFirstMonth,
    lastDay,
    effort: new EffortTable(),
    events,
  };
  const buckets = new Map<number, number[]>();
  for (let person = 0; person < persons; person += 1) {
    const month = activationMonth[person] ?? eventsFirstMonth;
    const bucket = buckets.get(month);
    if (bucket) bucket.push(person);
    else buckets.set(month, [person]);
  }
  let active: PersonTimeline[] = [];
  const steering: SteeringRecord[] = [];
  const conversationCarry = { value: 0 };
  const offerCarry = { value: 0 };
  for (let month = eventsFirstMonth; month <= settings.lastMonth; month += 1) {
    const [first, last] = monthBounds(month);
    for (const person of buckets.get(month) ?? []) {
      active.push(makeTimeline(person, Math.max(first, eventsFirstDay)));
    }
    for (const timeline of active) timeline.proposeMonth(first, last, month);
    if (month >= settings.firstMonth) steer(month, last);
    for (const timeline of active) timeline.commitMonth();
    active = active.filter((timeline) => timeline.lastMonth > month);
  }

  function makeTimeline(person: number, activationDay: DayNumber): PersonTimeline {
    const periods: TimelinePeriod[] = [];
    for (let index = periodFirst[person] ?? 0; index < (periodFirst[person + 1] ?? 0); index += 1) {
      periods.push({
        from: periodFrom.get(index),
        to: periodTo.get(index),
        type: BENEFIT_TYPES[periodType.get(index)] ?? 'dagpenge',
        municipality: periodMunicipality.get(index),
      });
    }
    const exemptions: ViewExemption[] = [];
    for (
      let index = exemptionFirst[person] ?? 0;
      index < (exemptionFirst[person + 1] ?? 0);
      index += 1
    ) {
      const reason = EXEMPTION_REASONS[exemptionReason.get(index)];
      exemptions.push({
        from: exemptionFrom.get(index),
        to: exemptionTo.get(index),
        dead: reason === 'standby' || reason === 'barsel',
      });
    }
    return new PersonTimeline(context, {
      person,
      periods,
      spells: buildSpells(periods, exemptions, lastDay),
      conversationPropensity: conversationPropensity[person] ?? 0,
      offerPropensity: offerPropensity[person] ?? 0,
      activationDay,
    });
  }

  function steer(month: number, last: DayNumber): void {
    const [first] = monthBounds(month);
    const date = fromDayNumber(last);
    const effort = context.effort.of(plan.code, yearOfDay(last));
    const thresholdTenths = valueOn(ORDINARY_WORK_HOURS_FOR_OFFER, date) * 10;
    const required = valueOn(CONVERSATIONS_REQUIRED, date);
    const views = [];
    for (const timeline of active) {
      const view = timeline.viewAt(plan.code, last, month, effort.followsNewRules, thresholdTenths);
      if (view) views.push(view);
    }
    const passiveConversations = steerConversations(
      views.map((view) => ({
        counted: view.conversations,
        proposed: view.proposedConversations,
        propensity: view.timeline.conversationPropensity,
        add: (count: number) => {
          view.timeline.addConversations(count, first, last);
        },
        holdBack: () => {
          view.timeline.holdBackConversations(last);
        },
      })),
      wantedPassive(effort.conversations, views.length, conversationCarry),
      required,
    );
    const passiveOffers = steerOffers(
      views.map((view) => ({
        covered: view.offersCovered,
        proposedCounts: view.proposedOfferCounts,
        propensity: view.timeline.offerPropensity,
        add: () => {
          view.timeline.addOffer(first, last);
        },
        holdBack: () => {
          view.timeline.holdBackOffer(last);
        },
      })),
      wantedPassive(effort.offers, views.length, offerCarry),
    );
    steering.push({ month, target: views.length, passiveConversations, passiveOffers });
  }

  // 4. Rows, in person order.
  const rows: RowsByYear = {};
  for (const table of PERSON_TABLE_NAMES) rows[table] = {};
  const count = (table: PersonTable, day: DayNumber) => {
    const year = String(yearOfDay(day));
    const byYear = rows[table] ?? {};
    byYear[year] = (byYear[year] ?? 0) + 1;
  };
  const dates = new DateTexts();
  // Rows come in person order: the last identifier is all the cache needed.
  let lastPerson = -1;
  let lastId = '';
  const ids = (person: number) => {
    if (person !== lastPerson) {
      lastPerson = person;
      lastId = settings.cprIds
        ? cprShapedId(plan.firstPersonNumber + person)
        : pseudonym(plan.firstPersonNumber + person);
    }
    return lastId;
  };
  const writer = (table: PersonTable) => new CsvWriter(partFile(partsDirectory, plan.code, table));

  const periodsOut = writer('benefit_periods');
  for (let person = 0; person < persons; person += 1) {
    const id = ids(person);
    for (let index = periodFirst[person] ?? 0; index < (periodFirst[person + 1] ?? 0); index += 1) {
      const from = periodFrom.get(index);
      const to = periodTo.get(index);
      periodsOut.line(
        `${id},${periodMunicipality.get(index)},${BENEFIT_TYPES[periodType.get(index)] ?? ''},${dates.of(from)},${to > lastDay ? '' : dates.of(to)}`,
      );
      count('benefit_periods', from);
    }
  }
  periodsOut.close();

  const conversationsOut = writer('conversations');
  for (const row of orderByPerson(events.conversationPerson, persons)) {
    const day = events.conversationDay.get(row);
    const codes = events.conversationCodes.get(row);
    conversationsOut.line(
      `${ids(events.conversationPerson.get(row))},${dates.of(day)},${CONVERSATION_KINDS[Math.floor(codes / 100)] ?? ''},${CONVERSATION_FORMS[Math.floor(codes / 10) % 10] ?? ''},${CONVERSATION_HOLDERS[codes % 10] ?? ''}`,
    );
    count('conversations', day);
  }
  conversationsOut.close();

  const offersOut = writer('offers');
  for (const row of orderByPerson(events.offerPerson, persons)) {
    const from = events.offerFrom.get(row);
    const to = events.offerTo.get(row);
    offersOut.line(
      `${ids(events.offerPerson.get(row))},${OFFER_TYPES[events.offerType.get(row)] ?? ''},${dates.of(from)},${to > lastDay ? '' : dates.of(to)}`,
    );
    count('offers', from);
  }
  offersOut.close();

  const hoursOut = writer('work_hours');
  for (const row of orderByPerson(events.hoursPerson, persons)) {
    const month = events.hoursMonth.get(row);
    const tenths = events.hoursTenths.get(row);
    const year = Math.floor(month / 12);
    const monthText = `${year}-${String((month % 12) + 1).padStart(2, '0')}`;
    hoursOut.line(
      `${ids(events.hoursPerson.get(row))},${monthText},${Math.floor(tenths / 10)}.${tenths % 10}`,
    );
    const byYear = rows['work_hours'] ?? {};
    byYear[String(year)] = (byYear[String(year)] ?? 0) + 1;
  }
  hoursOut.close();

  const exemptionsOut = writer('exemptions');
  for (let person = 0; person < persons; person += 1) {
    const id = ids(person);
    for (
      let index = exemptionFirst[person] ?? 0;
      index < (exemptionFirst[person + 1] ?? 0);
      index += 1
    ) {
      const from = exemptionFrom.get(index);
      const to = exemptionTo.get(index);
      exemptionsOut.line(
        `${id},${EXEMPTION_REASONS[exemptionReason.get(index)] ?? ''},${dates.of(from)},${to > lastDay ? '' : dates.of(to)}`,
      );
      count('exemptions', from);
    }
  }
  exemptionsOut.close();

  return { code: plan.code, persons, rows, steering };
}

/** ISO texts of day numbers, cached. */
class DateTexts {
  private readonly cache = new Map<number, string>();

  of(day: DayNumber): string {
    let text = this.cache.get(day);
    if (text === undefined) {
      text = fromDayNumber(day);
      this.cache.set(day, text);
    }
    return text;
  }
}
