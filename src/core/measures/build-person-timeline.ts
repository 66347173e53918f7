/**
 * Fills a person timeline (person-timeline.ts) for one person: dead and
 * exempt intervals, spells, countable-day segments and the prefix arrays
 * over conversations, offers and hours.
 */
import { buildConversationPrefixes } from './conversation-counting.js';
import { buildCountableSegments } from './countable-days.js';
import { collectDeadAndExemptIntervals } from './dead-days.js';
import type { LoadColumns } from './load-columns.js';
import type { MeasureContext } from './measure-context.js';
import { buildOfferPrefixes, buildWorkHourPrefixes } from './offer-counting.js';
import type { PersonTimeline } from './person-timeline.js';
import { buildSpells } from './spells.js';

/** Prepares `timeline` for `person`. */
export function buildPersonTimeline(
  columns: LoadColumns,
  person: number,
  context: MeasureContext,
  timeline: PersonTimeline,
): void {
  timeline.person = person;
  collectDeadAndExemptIntervals(columns.exemptions, person, context, timeline);
  buildSpells(columns.periods, person, context, timeline);
  buildCountableSegments(columns.periods, timeline);
  buildConversationPrefixes(columns.conversations, person, context, timeline);
  buildOfferPrefixes(columns.offers, columns.periods, person, context, timeline);
  buildWorkHourPrefixes(columns.workHours, person, context, timeline);
}
