/**
 * The rule book: a rule tree read for a date, in the manner of OpenFisca's
 * parameters. The core receives a book and reads every rule value through
 * it — `book.value(id, date)`, `book.entry(id, date)` — so that a book with
 * an analyst's overrides (a reform simulation) reaches every reader. The
 * official book is `OFFICIAL_RULES` (`official-rules.ts`).
 *
 * A book is built from a tree and a version table only: each value names
 * the version it starts with, and the table gives that version's date.
 *
 * Before the first version entered into force, a read gives the first value:
 * the months of 2019 that the 12-month measures of 2020 need are measured
 * under the first rules, as the agency's back-calculated series are. Listings
 * of "the rules in force" refuse such dates (`rulesInForce(...).all()`).
 */
import { addDays, type IsoDate } from '../calendar/iso-date.js';
import type { LegalSource } from './legal-source.js';
import type { RuleArea, RuleNodeDefinition, RuleStage, RuleUnit } from './rule-node.js';
import type { RuleId, RuleTree, RuleValue } from './rule-tree.js';
import {
  checkVersionTable,
  orderVersionOn,
  type RuleVersion,
  type RuleVersionId,
} from './rule-version.js';

export type { RuleId, RuleTree, RuleValue } from './rule-tree.js';

/** One dated value of a node, as read from a book. */
export interface RuleEntry<T> {
  readonly id: RuleId;
  readonly value: T;
  /** The first day the value applies. */
  readonly from: IsoDate;
  /** The last day it applies; `undefined` while no later value is known. */
  readonly to: IsoDate | undefined;
  /** The version the value starts with; `undefined` for a simulated value. */
  readonly version: RuleVersionId | undefined;
  readonly source: LegalSource;
}

/**
 * An analyst's change of one value (`--set ID=VALUE`, or `ID@YYYY-MM-DD=VALUE`).
 * Plain data, so that it can be written in run records and sent to workers.
 */
export interface RuleOverride {
  readonly id: RuleId;
  /** A value of the node's type (checked when the book is built). */
  readonly value: unknown;
  /**
   * From this day on; `undefined`: the value replaces the node's values on
   * every date.
   */
  readonly from?: IsoDate;
  /** The setting as given, e.g. `focus.offers.threshold=20`. */
  readonly setting: string;
}

/** What a node is, without its values (for listings). */
export interface RuleNodeInfo {
  readonly id: RuleId;
  readonly area: RuleArea;
  readonly label: string;
  readonly unit: RuleUnit;
  readonly stage: RuleStage;
  readonly overridable: boolean;
  /** The values accepted, in Danish. */
  readonly accepts: string;
  /** What `null` means, when the node allows it, in Danish. */
  readonly nullMeans?: string;
}

export interface RuleBook {
  /** Every node id, in tree order. */
  readonly ids: readonly RuleId[];
  readonly tree: RuleTree;
  readonly versions: readonly RuleVersion[];
  /** The overrides this book applies; empty for the official rules. */
  readonly overrides: readonly RuleOverride[];
  /** The first day with rules in force (the first version's date). */
  readonly firstDate: IsoDate;
  node(id: RuleId): RuleNodeInfo;
  /** The value of `id` in force on `date`, with its dates, version and source. */
  entry<K extends RuleId>(id: K, date: IsoDate): RuleEntry<RuleValue<K>>;
  /** The value of `id` in force on `date`. */
  value<K extends RuleId>(id: K, date: IsoDate): RuleValue<K>;
  /** Every dated value of `id`, in date order (for lookups by day on a hot path). */
  entries<K extends RuleId>(id: K): readonly RuleEntry<RuleValue<K>>[];
  /** The order version (bekendtgørelse) in force on `date`; the first before any. */
  versionOn(date: IsoDate): RuleVersion;
  /** The version with this id. */
  version(id: RuleVersionId): RuleVersion;
}

/** A tree or an override that does not fit: names the node and the reason, in Danish. */
export class RuleTreeError extends Error {
  constructor(
    readonly id: string,
    readonly reason: string,
  ) {
    super(`${id}: ${reason}`);
    this.name = 'RuleTreeError';
  }
}

type AnyEntry = RuleEntry<unknown>;

function resolveEntries(
  id: RuleId,
  node: RuleNodeDefinition<unknown>,
  versionOf: (id: RuleVersionId) => RuleVersion | undefined,
): AnyEntry[] {
  if (node.values.length === 0) throw new RuleTreeError(id, 'har ingen værdier');
  const entries: AnyEntry[] = [];
  for (const definition of node.values) {
    const version = versionOf(definition.since);
    if (!version)
      throw new RuleTreeError(
        id,
        `starter med versionen ${definition.since}, som ikke er i versionstabellen`,
      );
    const problem = node.type.problem(definition.value);
    if (problem !== undefined)
      throw new RuleTreeError(id, `værdien fra ${definition.since} ${problem}`);
    const previous = entries[entries.length - 1];
    if (previous && !(previous.from < version.inForce))
      throw new RuleTreeError(id, 'værdierne skal stå i stigende datoorden');
    entries.push({
      id,
      value: definition.value,
      from: version.inForce,
      to: undefined,
      version: version.id,
      source: definition.source,
    });
  }
  return closeRanges(entries);
}

/** Sets each entry's `to` to the day before the next one's `from`. */
function closeRanges(entries: readonly AnyEntry[]): AnyEntry[] {
  return entries.map((entry, index) => {
    const next = entries[index + 1];
    return { ...entry, to: next ? addDays(next.from, -1) : undefined };
  });
}

function applyOverride(entries: readonly AnyEntry[], override: RuleOverride): AnyEntry[] {
  const first = entries[0];
  if (!first) throw new RuleTreeError(override.id, 'har ingen værdier');
  const simulated: AnyEntry = {
    id: override.id,
    value: override.value,
    from: override.from ?? first.from,
    to: undefined,
    version: undefined,
    source: { kind: 'simulering', setting: override.setting },
  };
  if (override.from === undefined || override.from <= first.from) return [simulated];
  const kept = entries.filter((entry) => entry.from < (override.from ?? entry.from));
  return closeRanges([...kept, simulated]);
}

function entryAt(entries: readonly AnyEntry[], date: IsoDate): AnyEntry {
  let found = entries[0];
  for (const entry of entries) {
    if (entry.from <= date) found = entry;
    else break;
  }
  if (!found) throw new Error('A rule node has no values');
  return found;
}

/**
 * Builds a book from a tree, a version table and overrides. Checks every
 * value against its node's type and range, and each node's dates against the
 * table: a tree that does not fit is refused here, not at the first read.
 */
export function createRuleBook(
  tree: RuleTree,
  versions: readonly RuleVersion[],
  overrides: readonly RuleOverride[] = [],
): RuleBook {
  checkVersionTable(versions);
  const byId = new Map(versions.map((version) => [version.id, version]));
  const ids = Object.keys(tree) as RuleId[];
  const nodes = new Map<RuleId, RuleNodeDefinition<unknown>>();
  const entriesOf = new Map<RuleId, AnyEntry[]>();
  for (const id of ids) {
    const node = tree[id] as RuleNodeDefinition<unknown>;
    nodes.set(id, node);
    entriesOf.set(
      id,
      resolveEntries(id, node, (version) => byId.get(version)),
    );
  }
  for (const override of overrides) {
    const node = nodes.get(override.id);
    const entries = entriesOf.get(override.id);
    if (!node || !entries) throw new RuleTreeError(override.id, 'er ikke en regel i regeltræet');
    if (!node.type.overridable)
      throw new RuleTreeError(
        override.id,
        'er en paragrafhenvisning og kan ikke ændres i en simulering',
      );
    const problem = node.type.problem(override.value);
    if (problem !== undefined) throw new RuleTreeError(override.id, problem);
    entriesOf.set(override.id, applyOverride(entries, override));
  }
  const firstDate = versions.reduce(
    (first, version) => (version.inForce < first ? version.inForce : first),
    versions[0]?.inForce ?? ('9999-12-31' as IsoDate),
  );
  const entries = (id: RuleId): readonly AnyEntry[] => {
    const found = entriesOf.get(id);
    if (!found) throw new RuleTreeError(id, 'er ikke en regel i regeltræet');
    return found;
  };
  const nodeOf = (id: RuleId): RuleNodeDefinition<unknown> => {
    const found = nodes.get(id);
    if (!found) throw new RuleTreeError(id, 'er ikke en regel i regeltræet');
    return found;
  };
  return {
    ids,
    tree,
    versions,
    overrides,
    firstDate,
    node(id) {
      const node = nodeOf(id);
      return {
        id,
        area: node.area,
        label: node.label,
        unit: node.type.unit,
        stage: node.stage,
        overridable: node.type.overridable,
        accepts: node.type.accepts,
        ...(node.type.nullMeans === undefined ? {} : { nullMeans: node.type.nullMeans }),
      };
    },
    entry<K extends RuleId>(id: K, date: IsoDate) {
      return entryAt(entries(id), date) as RuleEntry<RuleValue<K>>;
    },
    value<K extends RuleId>(id: K, date: IsoDate) {
      return entryAt(entries(id), date).value as RuleValue<K>;
    },
    entries<K extends RuleId>(id: K) {
      return entries(id) as readonly RuleEntry<RuleValue<K>>[];
    },
    versionOn(date) {
      return orderVersionOn(versions, date);
    },
    version(id) {
      const found = byId.get(id);
      if (!found) throw new RuleTreeError(id, 'er ikke en version i versionstabellen');
      return found;
    },
  };
}

/** The same tree and version table with `overrides` applied (in order). */
export function withOverrides(book: RuleBook, overrides: readonly RuleOverride[]): RuleBook {
  return createRuleBook(book.tree, book.versions, [...book.overrides, ...overrides]);
}
