/**
 * Reading an analyst's override of a rule value, `ID=VALUE` or
 * `ID@YYYY-MM-DD=VALUE` (the ids are those `tilsyn rules --json` prints).
 *
 * What an override means over time: `ID=VALUE` replaces the node's value on
 * every date (the official values of every version are set aside);
 * `ID@D=VALUE` keeps the official values before D and applies VALUE from D
 * on. Values are written as the node's unit asks (`20`, `20,5`, `ja`,
 * `04-30`, `2020-03..2020-06`, `dagpenge,kontanthjaelp`, `null`) or as JSON.
 * An unknown id, a value of the wrong type, or one out of the node's
 * sensible range is refused with the id and the reason.
 */
import { parseIsoDate } from '../calendar/iso-date.js';
import { DomainError } from '../domain-error.js';
import type { RuleBook, RuleId, RuleOverride } from './rule-book.js';
import type { RuleNodeDefinition, RuleStage } from './rule-node.js';

function refuse(setting: string, reason: string): never {
  throw new DomainError('rule_override_refused', `--set ${setting}: ${reason}`);
}

function isRuleId(book: RuleBook, id: string): id is RuleId {
  return (book.ids as readonly string[]).includes(id);
}

/** The edit distance between two texts (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The ids closest to a mistyped `id` (at most three), to help the analyst. */
function similarIds(book: RuleBook, id: string): string[] {
  const limit = Math.max(3, Math.floor(id.length / 5));
  return book.ids
    .map((candidate) => ({ candidate, distance: editDistance(id, candidate) }))
    .filter((entry) => entry.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, 3)
    .map((entry) => entry.candidate);
}

/** Reads one `--set` setting against the nodes of `book`. */
export function parseRuleOverride(book: RuleBook, setting: string): RuleOverride {
  const equals = setting.indexOf('=');
  if (equals <= 0) refuse(setting, 'skal have formen ID=VÆRDI eller ID@ÅÅÅÅ-MM-DD=VÆRDI');
  const target = setting.slice(0, equals).trim();
  const text = setting.slice(equals + 1);
  const [id = '', dateText, ...rest] = target.split('@');
  if (rest.length > 0) refuse(setting, 'højst ét @ før =');
  if (!isRuleId(book, id)) {
    const similar = similarIds(book, id);
    refuse(
      setting,
      `"${id}" er ikke en regel i regeltræet (se tilsyn rules --json for alle id'er)` +
        (similar.length > 0 ? `; mente du ${similar.join(' eller ')}?` : ''),
    );
  }
  let from;
  if (dateText !== undefined) {
    from = parseIsoDate(dateText.trim());
    if (!from) refuse(setting, `"${dateText}" er ikke en dato på formen ÅÅÅÅ-MM-DD`);
  }
  const node = book.tree[id] as RuleNodeDefinition<unknown>;
  if (!node.type.overridable)
    refuse(setting, `${id} er en paragrafhenvisning, ikke en værdi, og kan ikke ændres`);
  const trimmed = text.trim();
  let value: unknown;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      value = JSON.parse(trimmed) as unknown;
    } catch {
      refuse(setting, `${id}: værdien er ikke gyldig JSON`);
    }
  } else {
    const parsed = node.type.parse(text);
    if ('problem' in parsed)
      refuse(setting, `${id} skal være ${node.type.accepts} (${parsed.problem})`);
    value = parsed.value;
  }
  const problem = node.type.problem(value);
  if (problem !== undefined) refuse(setting, `${id} ${problem}`);
  return { id, value, ...(from === undefined ? {} : { from }), setting: setting.trim() };
}

/** Reads every `--set` setting, in order. */
export function parseRuleOverrides(book: RuleBook, settings: readonly string[]): RuleOverride[] {
  return settings.map((setting) => parseRuleOverride(book, setting));
}

const STAGE_USE: Readonly<Record<RuleStage, string>> = {
  measurement: 'målingerne fra persondata (tilsyn measure, tilsyn assess --load)',
  assessment: 'den årlige opgørelse (tilsyn assess)',
  lifecycle: 'afgørelsernes frister og hjemmel (tilsyn assess)',
  case_sample: 'stikprøven ved udvælgelse (tilsyn sample)',
};

/** The overrides of nodes that the measurement reads: they need the person-level data. */
export function measurementOverrides(
  book: RuleBook,
  overrides: readonly RuleOverride[],
): RuleOverride[] {
  return overrides.filter((override) => book.node(override.id).stage === 'measurement');
}

/**
 * Refuses an override of a node that `command` does not read (its stage is
 * not among `stages`), saying what the node affects instead: a simulation
 * must not look like it changed something it cannot change.
 */
export function refuseOverridesOutside(
  book: RuleBook,
  overrides: readonly RuleOverride[],
  stages: readonly RuleStage[],
  command: string,
): void {
  for (const override of overrides) {
    const stage = book.node(override.id).stage;
    if (!stages.includes(stage))
      refuse(override.setting, `${override.id} påvirker ikke ${command}, men ${STAGE_USE[stage]}`);
  }
}

/**
 * Refuses an override of a measurement rule when the measures are read from
 * aggregated files: the aggregates cannot be recomputed without the
 * person-level data.
 */
export function refuseMeasurementOverridesWithoutData(
  book: RuleBook,
  overrides: readonly RuleOverride[],
): void {
  const [first] = measurementOverrides(book, overrides);
  if (first !== undefined)
    refuse(
      first.setting,
      `${first.id} er en regel for målingerne fra persondata; de aggregerede fokusmålinger i --focus kan ikke genberegnes med den. Brug --load med en indlæsning for at måle igen med den ændrede regel`,
    );
}
