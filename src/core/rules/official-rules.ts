/**
 * The official rules: the official tree read through the official version
 * table, with no overrides. Shells pass it to the core; a reform simulation
 * passes a book with overrides instead (`withOverrides`).
 */
import { createRuleBook, type RuleBook } from './rule-book.js';
import { OFFICIAL_TREE } from './rule-tree.js';
import { RULE_VERSIONS } from './rule-version.js';

export const OFFICIAL_RULES: RuleBook = createRuleBook(OFFICIAL_TREE, RULE_VERSIONS);
