/**
 * One person's records prepared for measuring: spells (M1–M3), dead and
 * exempt intervals (M4, M6), countable-day segments with running counts, and
 * prefix arrays over conversations, offers and hours, so that every monthly
 * question ("duration at R", "window start", "conversations counted in
 * [W, R]") is a binary search.
 *
 * A timeline is a reusable workspace: its typed arrays grow to the largest
 * person seen and are then reused, so the pass over millions of persons
 * allocates nothing per person. All indices are local to the person (row −
 * the person's first row). `buildPersonTimeline` (build-person-timeline.ts)
 * fills it.
 */
export class PersonTimeline {
  person = -1;

  periodFirst = 0;
  periodCount = 0;
  /** Spell of each period and how the period joined it (a `SPELL_*` decision code). */
  spellOfPeriod = new Int32Array(16);
  joinDecision = new Uint8Array(16);
  /** Days strictly between the period and the one before it (0 for the first). */
  gapBefore = new Int32Array(16);

  spellCount = 0;
  spellFirstPeriod = new Int32Array(16);
  spellLastPeriod = new Int32Array(16);
  spellStart = new Int32Array(16);
  spellSegmentStart = new Int32Array(16);
  spellSegmentEnd = new Int32Array(16);
  spellExemptStart = new Int32Array(16);
  spellExemptEnd = new Int32Array(16);
  /** The spell's first jobsamtale (local conversation index) or −1 (M7). */
  spellFirstJobConversation = new Int32Array(16);
  /** 1 when that first jobsamtale does not count (held by phone or digitally under v2023). */
  spellFirstJobDisqualified = new Uint8Array(16);

  /** Dead intervals (M4), merged and sorted. */
  deadCount = 0;
  deadFrom = new Int32Array(16);
  deadTo = new Int32Array(16);
  /** Other exemptions (M6), merged and sorted. */
  exemptionCount = 0;
  exemptionFrom = new Int32Array(16);
  exemptionTo = new Int32Array(16);

  /** Countable-day segments: maximal runs of countable days of one period; `segmentBefore` counts the spell's countable days before the segment. */
  segmentCount = 0;
  segmentFrom = new Int32Array(16);
  segmentTo = new Int32Array(16);
  segmentBefore = new Float64Array(16);
  segmentPeriod = new Int32Array(16);
  /** Exempt countable-day segments, likewise. */
  exemptSegmentCount = 0;
  exemptSegmentFrom = new Int32Array(16);
  exemptSegmentTo = new Int32Array(16);
  exemptSegmentBefore = new Float64Array(16);

  conversationFirst = 0;
  conversationCount = 0;
  /** `countedKindPrefix[j]`: conversations among the first j whose kind counts (M7). */
  countedKindPrefix = new Int32Array(17);
  /** `jobConversationPrefix[j]`: jobsamtaler among the first j (early effort, M12). */
  jobConversationPrefix = new Int32Array(17);

  offerFirst = 0;
  offerCount = 0;
  /** The verdict of each offer (an `OFFER_*` code, M8). */
  offerVerdict = new Uint8Array(16);
  /** Largest `to` among the first j counted offers (or −1): "a counted offer overlaps [W, R]". */
  countedOfferMaxTo = new Int32Array(17);
  /** Likewise for company-directed offers (§ 9). */
  companyOfferMaxTo = new Int32Array(17);
  /** Counted offers among the first j (by start date). */
  countedOfferPrefix = new Int32Array(17);

  hoursFirst = 0;
  hoursCount = 0;
  /** Hours in hundredths (M9), prefix sums by month order. */
  hoursPrefix = new Float64Array(17);
}
