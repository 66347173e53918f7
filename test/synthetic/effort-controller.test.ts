import { describe, expect, it } from 'vitest';
import {
  steerConversations,
  steerOffers,
  wantedPassive,
  type ConversationStanding,
  type OfferStanding,
} from '../../src/synthetic/effort-controller.js';

function conversationStanding(counted: number, proposed: number, propensity: number) {
  const standing = {
    counted,
    proposed,
    propensity,
    added: 0,
    heldBack: false,
    add(count: number) {
      standing.added += count;
    },
    holdBack() {
      standing.heldBack = true;
    },
  };
  return standing satisfies ConversationStanding;
}

function offerStanding(covered: boolean, proposedCounts: boolean, propensity: number) {
  const standing = {
    covered,
    proposedCounts,
    propensity,
    added: false,
    heldBack: false,
    add() {
      standing.added = true;
    },
    holdBack() {
      standing.heldBack = true;
    },
  };
  return standing satisfies OfferStanding;
}

describe('the municipal steering of passive shares', () => {
  it('catches up on the most attendable passive persons when too many are passive', () => {
    const standings = [
      conversationStanding(3, 0, 0.9),
      conversationStanding(3, 0, 0.2),
      conversationStanding(2, 0, 0.95),
      conversationStanding(0, 0, 0.99),
      conversationStanding(5, 1, 0.5),
    ];
    expect(steerConversations(standings, 2, 4)).toBe(2);
    // Those one conversation short come first; nobody gets more than two.
    expect(standings.map((standing) => standing.added)).toEqual([1, 1, 0, 0, 0]);
    const fewer = standings
      .slice(0, 4)
      .map((standing) => conversationStanding(standing.counted, 0, standing.propensity));
    expect(steerConversations(fewer, 1, 4)).toBe(1);
    expect(fewer.map((standing) => standing.added)).toEqual([1, 1, 2, 0]);
  });

  it('holds back the pivotal conversations of the least attended when too few are passive', () => {
    const standings = [
      conversationStanding(4, 1, 0.7),
      conversationStanding(4, 1, 0.3),
      conversationStanding(6, 1, 0.1), // still 5 without this month's: cannot be made passive
      conversationStanding(4, 0, 0.2), // nothing proposed this month
    ];
    expect(steerConversations(standings, 1, 4)).toBe(1);
    expect(standings.map((standing) => standing.heldBack)).toEqual([false, true, false, false]);
  });

  it('gives offers to passive persons, and holds back offers that alone cover a person', () => {
    const tooMany = [offerStanding(false, false, 0.4), offerStanding(false, false, 0.8)];
    expect(steerOffers(tooMany, 1)).toBe(1);
    expect(tooMany.map((standing) => standing.added)).toEqual([false, true]);
    const tooFew = [offerStanding(true, true, 0.1), offerStanding(false, true, 0.6)];
    expect(steerOffers(tooFew, 1)).toBe(1);
    expect(tooFew.map((standing) => standing.heldBack)).toEqual([false, true]);
  });

  it('carries rounding from month to month so a small target group averages the right share', () => {
    const carry = { value: 0 };
    let total = 0;
    for (let month = 0; month < 12; month += 1) total += wantedPassive(0.12, 7, carry);
    expect(total).toBe(Math.round(0.12 * 7 * 12));
  });
});
