/**
 * A rule book that records the id of every value read through it, for the
 * test that every reader in the core takes its values from the book.
 */
import type { RuleBook, RuleId } from '../../src/core/rules/rule-book.js';

export function recordingRuleBook(book: RuleBook, read: Set<RuleId>): RuleBook {
  return {
    ...book,
    entry(id, date) {
      read.add(id);
      return book.entry(id, date);
    },
    value(id, date) {
      read.add(id);
      return book.value(id, date);
    },
    entries(id) {
      read.add(id);
      return book.entries(id);
    },
  };
}
