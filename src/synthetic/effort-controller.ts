/**
 * The municipality's steering: each month it looks at its target group at
 * the reference date, as it counts it, and makes the passive share come out
 * at the level it runs at (effort-scenarios.ts) — a job centre managing to
 * its key figure.
 *
 * The natural rhythm (event-model.ts) already follows the effort level, so
 * the steering only corrects: when too many are passive, the most
 * attendable passive persons get the conversations (or the offer) they lack
 * this month; when too few are passive, the least attended persons whose
 * standing hangs on this month's proposed conversations (or offer) have
 * them postponed. Persons are ranked by their persistent propensity, so the
 * same people tend to be the neglected ones, as in a real caseload.
 *
 * Without it the shares would carry binomial noise of several points in a
 * mid-sized municipality at scale 0.1; with it they follow the design to
 * within a person or two.
 */

/** The conversations standing of one person, and how to change it. */
export interface ConversationStanding {
  /** Counted conversations in the window, this month's proposed ones included. */
  readonly counted: number;
  /** Of those, proposed this month. */
  readonly proposed: number;
  /** Propensity to be attended (higher = attended first). */
  readonly propensity: number;
  add(count: number): void;
  holdBack(): void;
}

/** The offers standing of one person, and how to change it. */
export interface OfferStanding {
  /** Non-passive by committed offers or hours of work alone. */
  readonly covered: boolean;
  /** This month's proposed offer counts. */
  readonly proposedCounts: boolean;
  readonly propensity: number;
  add(): void;
  holdBack(): void;
}

/** At most this many conversations are added to one person in a month. */
const MAXIMUM_CATCH_UP = 3;

/**
 * The passive count to aim at this month for a share of `n` persons, with
 * the rounding error carried from month to month (`carry` is updated), so
 * that a small target group averages the right share over the year instead
 * of always rounding the same way.
 */
export function wantedPassive(share: number, n: number, carry: { value: number }): number {
  const exact = share * n + carry.value;
  const wanted = Math.max(0, Math.min(n, Math.floor(exact + 0.5)));
  carry.value = Math.max(-1, Math.min(1, exact - wanted));
  return wanted;
}

/**
 * Steers the number of persons passive for conversations (fewer than
 * `required` counted conversations) to `wanted`. Returns the passive count
 * reached.
 */
export function steerConversations(
  standings: readonly ConversationStanding[],
  wanted: number,
  required: number,
): number {
  let passive = 0;
  for (const standing of standings) if (standing.counted < required) passive += 1;
  if (passive > wanted) {
    const candidates = standings
      .filter(
        (standing) =>
          standing.counted < required && required - standing.counted <= MAXIMUM_CATCH_UP,
      )
      .sort((a, b) =>
        a.counted !== b.counted ? b.counted - a.counted : b.propensity - a.propensity,
      );
    for (const candidate of candidates) {
      if (passive <= wanted) break;
      candidate.add(required - candidate.counted);
      passive -= 1;
    }
  } else if (passive < wanted) {
    const candidates = standings
      .filter(
        (standing) =>
          standing.counted >= required &&
          standing.proposed > 0 &&
          standing.counted - standing.proposed < required,
      )
      .sort((a, b) => a.propensity - b.propensity);
    for (const candidate of candidates) {
      if (passive >= wanted) break;
      candidate.holdBack();
      passive += 1;
    }
  }
  return passive;
}

/** Steers the number of persons passive for offers to `wanted`; returns the passive count reached. */
export function steerOffers(standings: readonly OfferStanding[], wanted: number): number {
  let passive = 0;
  for (const standing of standings) if (!standing.covered && !standing.proposedCounts) passive += 1;
  if (passive > wanted) {
    const candidates = standings
      .filter((standing) => !standing.covered && !standing.proposedCounts)
      .sort((a, b) => b.propensity - a.propensity);
    for (const candidate of candidates) {
      if (passive <= wanted) break;
      candidate.add();
      passive -= 1;
    }
  } else if (passive < wanted) {
    const candidates = standings
      .filter((standing) => !standing.covered && standing.proposedCounts)
      .sort((a, b) => a.propensity - b.propensity);
    for (const candidate of candidates) {
      if (passive >= wanted) break;
      candidate.holdBack();
      passive += 1;
    }
  }
  return passive;
}
