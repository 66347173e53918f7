/**
 * The official rule tree: every rule value the system uses, one node per
 * stable dotted id, assembled from the area files under `tree/`. The ids are
 * those `tilsyn rules --json` prints and `--set` takes.
 *
 * Only `rule-book.ts` and `official-rules.ts` read this file: everything
 * else reads values through a `RuleBook` (a test checks it).
 */
import type { RuleNodeDefinition } from './rule-node.js';
import { BENCHMARK_NODES } from './tree/benchmark.js';
import { CASE_REVIEW_NODES } from './tree/case-review.js';
import { COVID_NODES } from './tree/covid.js';
import { DEADLINE_NODES } from './tree/deadlines.js';
import { DECISION_NODES } from './tree/decisions.js';
import { EARLY_EFFORT_NODES } from './tree/early-effort.js';
import { FOCUS_GOAL_NODES } from './tree/focus-goals.js';
import { TARGET_GROUP_NODES } from './tree/target-group.js';

export const OFFICIAL_TREE = {
  ...FOCUS_GOAL_NODES,
  ...TARGET_GROUP_NODES,
  ...COVID_NODES,
  ...DECISION_NODES,
  ...DEADLINE_NODES,
  ...CASE_REVIEW_NODES,
  ...EARLY_EFFORT_NODES,
  ...BENCHMARK_NODES,
};

type OfficialTree = typeof OFFICIAL_TREE;

/** The id of a node, e.g. `focus.offers.threshold`. */
export type RuleId = Extract<keyof OfficialTree, string>;

/** The type of the values of node `K`. */
export type RuleValue<K extends RuleId> =
  OfficialTree[K] extends RuleNodeDefinition<infer T> ? T : never;

/** A rule tree: a node for every id (the official one, or one built from it in a test). */
export type RuleTree = { readonly [K in RuleId]: RuleNodeDefinition<RuleValue<K>> };
