/**
 * Conversations (measures.md § 4, M7): which conversations count towards the
 * conversations goal, and how many count in a window [W, R].
 *
 * Bek. nr. 301 § 3, stk. 1: "Ved samtaler forstås i denne bekendtgørelse
 * individuelle jobsamtaler i kontaktforløbet, jf. §§ 31 og 32 i lov om en
 * aktiv beskæftigelsesindsats, samt sygeopfølgningssamtaler efter § 13 b i
 * lov om sygedagpenge." Vejledningen: "Det er altså afgørende, at den første
 * jobsamtale er holdt ved personligt fremmøde for at blive talt med ved
 * opgørelsen af fokusmålet, hvorimod kontaktformen er uden betydning for
 * efterfølgende jobsamtaler."
 *
 * Each conversation is judged under the rules in force on its own date: the
 * in-person rule applies to a first jobsamtale dated on or after the day
 * `FIRST_JOB_CONVERSATION_IN_PERSON` becomes true (22 March 2023).
 */
import type { DayNumber } from '../calendar/day-number.js';
import { valueOnDay } from './day-lookup.js';
import type { ConversationColumns } from './load-columns.js';
import type { MeasureContext } from './measure-context.js';
import type { PersonTimeline } from './person-timeline.js';
import { int32Capacity, uint8Capacity } from './typed-array-capacity.js';
import { lowerBound, upperBound } from './sorted-search.js';

/** The conversation counts. */
export const CONVERSATION_COUNTED = 0;
/** Its kind (e.g. `other`) is not a job or sickness follow-up conversation. */
export const CONVERSATION_KIND_NOT_COUNTED = 1;
/** It is the spell's first jobsamtale, dated under the in-person rule, and not held in person. */
export const CONVERSATION_FIRST_NOT_IN_PERSON = 2;
/** It is dated outside the window [W, R]. */
export const CONVERSATION_OUTSIDE_WINDOW = 3;

/** M7: is a conversation of `kind` on `date` of a kind that counts (§ 3, stk. 1)? */
export function isCountedConversationKind(
  context: MeasureContext,
  kind: number,
  date: DayNumber,
): boolean {
  return ((1 << kind) & valueOnDay(context.countedConversationKinds, date)) !== 0;
}

/**
 * M7: "den første jobsamtale [skal være] holdt ved personligt fremmøde for at
 * blive talt med" — true when a first jobsamtale on `date` in `form` does not
 * count.
 */
export function firstJobConversationFailsInPersonRule(
  context: MeasureContext,
  date: DayNumber,
  heldInPerson: boolean,
): boolean {
  return !heldInPerson && valueOnDay(context.firstJobConversationInPerson, date);
}

/**
 * Prefix counts of counted conversations and of jobsamtaler, and each spell's
 * first jobsamtale: the earliest dated on or after the spell's start; when
 * several share that date, an in-person one is taken as the first.
 */
export function buildConversationPrefixes(
  conversations: ConversationColumns,
  person: number,
  context: MeasureContext,
  timeline: PersonTimeline,
): void {
  const first = conversations.offsets[person] ?? 0;
  const end = conversations.offsets[person + 1] ?? 0;
  const count = end - first;
  timeline.conversationFirst = first;
  timeline.conversationCount = count;
  timeline.countedKindPrefix = int32Capacity(timeline.countedKindPrefix, count + 1);
  timeline.jobConversationPrefix = int32Capacity(timeline.jobConversationPrefix, count + 1);
  const counted = timeline.countedKindPrefix;
  const jobs = timeline.jobConversationPrefix;
  const job = context.jobConversationKind;
  // The counted kinds have not changed between versions: read them once, not per conversation.
  const kinds = context.countedConversationKinds;
  const constantMask = kinds.constant ? (kinds.values[0] ?? 0) : -1;
  counted[0] = 0;
  jobs[0] = 0;
  for (let local = 0; local < count; local += 1) {
    const row = first + local;
    const kind = conversations.kind[row] ?? 0;
    const counts =
      constantMask >= 0
        ? ((1 << kind) & constantMask) !== 0
        : isCountedConversationKind(context, kind, conversations.date[row] ?? 0);
    counted[local + 1] = (counted[local] ?? 0) + (counts ? 1 : 0);
    jobs[local + 1] = (jobs[local] ?? 0) + (kind === job ? 1 : 0);
  }

  const spells = timeline.spellCount;
  timeline.spellFirstJobConversation = int32Capacity(timeline.spellFirstJobConversation, spells);
  timeline.spellFirstJobDisqualified = uint8Capacity(timeline.spellFirstJobDisqualified, spells);
  for (let spell = 0; spell < spells; spell += 1) {
    const start = timeline.spellStart[spell] ?? 0;
    let row = lowerBound(conversations.date, first, end, start);
    while (row < end && (conversations.kind[row] ?? 0) !== job) row += 1;
    if (row >= end) {
      timeline.spellFirstJobConversation[spell] = -1;
      timeline.spellFirstJobDisqualified[spell] = 0;
      continue;
    }
    const date = conversations.date[row] ?? 0;
    let chosen = row;
    for (let other = row; other < end && (conversations.date[other] ?? 0) === date; other += 1) {
      if (
        (conversations.kind[other] ?? 0) === job &&
        (conversations.form[other] ?? 0) === context.inPersonForm
      ) {
        chosen = other;
        break;
      }
    }
    timeline.spellFirstJobConversation[spell] = chosen - first;
    const inPerson = (conversations.form[chosen] ?? 0) === context.inPersonForm;
    timeline.spellFirstJobDisqualified[spell] = firstJobConversationFailsInPersonRule(
      context,
      date,
      inPerson,
    )
      ? 1
      : 0;
  }
}

/** M7: the conversations that count in [W, R] for a person whose spell at R is `spell`. */
export function countedConversationsInWindow(
  conversations: ConversationColumns,
  timeline: PersonTimeline,
  spell: number,
  windowStart: DayNumber,
  reference: DayNumber,
): number {
  const first = timeline.conversationFirst;
  const end = first + timeline.conversationCount;
  const low = lowerBound(conversations.date, first, end, windowStart);
  const high = upperBound(conversations.date, low, end, reference);
  let count =
    (timeline.countedKindPrefix[high - first] ?? 0) -
    (timeline.countedKindPrefix[low - first] ?? 0);
  if (timeline.spellFirstJobDisqualified[spell] === 1) {
    const firstJob = first + (timeline.spellFirstJobConversation[spell] ?? 0);
    if (firstJob >= low && firstJob < high) count -= 1;
  }
  return count;
}

/** One conversation of the person (local index) judged for a spell and its window [W, R]. */
export interface ConversationInWindow {
  readonly local: number;
  readonly spell: number;
  readonly windowStart: DayNumber;
  readonly reference: DayNumber;
}

/** The verdict on one conversation for the spell and window at R: a `CONVERSATION_*` code. */
export function conversationVerdict(
  conversations: ConversationColumns,
  context: MeasureContext,
  timeline: PersonTimeline,
  judged: ConversationInWindow,
): number {
  const { local, spell, windowStart, reference } = judged;
  const row = timeline.conversationFirst + local;
  const date = conversations.date[row] ?? 0;
  if (date < windowStart || date > reference) return CONVERSATION_OUTSIDE_WINDOW;
  if (!isCountedConversationKind(context, conversations.kind[row] ?? 0, date))
    return CONVERSATION_KIND_NOT_COUNTED;
  if (
    timeline.spellFirstJobDisqualified[spell] === 1 &&
    timeline.spellFirstJobConversation[spell] === local
  )
    return CONVERSATION_FIRST_NOT_IN_PERSON;
  return CONVERSATION_COUNTED;
}

/** Early effort (M12): jobsamtaler dated in [from, to]. */
export function jobConversationsBetween(
  conversations: ConversationColumns,
  timeline: PersonTimeline,
  from: DayNumber,
  to: DayNumber,
): number {
  const first = timeline.conversationFirst;
  const end = first + timeline.conversationCount;
  const low = lowerBound(conversations.date, first, end, from);
  const high = upperBound(conversations.date, low, end, to);
  return (
    (timeline.jobConversationPrefix[high - first] ?? 0) -
    (timeline.jobConversationPrefix[low - first] ?? 0)
  );
}
