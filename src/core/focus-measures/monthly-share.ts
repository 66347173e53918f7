/**
 * The monthly passive share of one focus goal (measures.md § 6): the passive
 * persons of the target group in percent of the target group, undefined when
 * the target group is empty.
 */

/** `passive / target × 100`; `undefined` when `target` is 0 (no share is defined). */
export function monthlyShare(target: number, passive: number): number | undefined {
  if (target === 0) return undefined;
  return (passive / target) * 100;
}
