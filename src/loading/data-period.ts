/**
 * The period a load's data cover: the first and the last month with a
 * record — a benefit period, conversation, offer or exemption starting, a
 * benefit period ending, or hours worked. Planned ends of offers and
 * exemptions do not count: they may lie after the extract was taken.
 *
 * Months after the period cannot be measured: an ongoing benefit period
 * would be carried forward into months without data and give believable but
 * invented figures. Months before it can (the measures then see no one).
 */
import { join } from 'node:path';
import { monthIndex, type YearMonth } from '../core/calendar/year-month.js';
import { InputError } from '../files/input-error.js';
import { sqlIdentifier, sqlString, type DuckDbSession } from './duckdb-session.js';
import type { DataPeriod, LoadManifest, ManifestStoredFile } from './load-manifest.js';

/** The dated columns of the stored person-level files that mark data. */
const DATED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  benefit_periods: ['from', 'to'],
  conversations: ['date'],
  offers: ['from'],
  work_hours: ['month'],
  exemptions: ['from'],
};

/** The data period of the stored files in `folder`; undefined when no row has a date. */
export async function dataPeriodOfStore(
  session: DuckDbSession,
  folder: string,
  stored: readonly ManifestStoredFile[],
): Promise<DataPeriod | undefined> {
  const parts: string[] = [];
  for (const file of stored) {
    for (const column of DATED_COLUMNS[file.name] ?? []) {
      const name = sqlIdentifier(column);
      parts.push(
        `SELECT min(${name}) AS first, max(${name}) AS last FROM read_parquet(${sqlString(join(folder, file.file))})`,
      );
    }
  }
  if (parts.length === 0) return undefined;
  const [row] = await session.rows(
    `SELECT strftime(min(first), '%Y-%m') AS first, strftime(max(last), '%Y-%m') AS last
     FROM (${parts.join(' UNION ALL ')})`,
  );
  const first = row?.['first'];
  const last = row?.['last'];
  return typeof first === 'string' && typeof last === 'string' ? { first, last } : undefined;
}

/**
 * Refuses to measure up to `to` when it lies after the load's data period. A
 * load recorded before the period was (no `dataPeriod`) is not refused.
 */
export function refuseMonthsAfterData(manifest: LoadManifest, to: YearMonth): void {
  const period = manifest.dataPeriod;
  if (period === undefined) return;
  if (monthIndex(to) <= monthIndex(period.last as YearMonth)) return;
  throw new InputError({
    file: `indlæsning ${manifest.id}`,
    reason: `indlæsningen har data fra ${period.first} til og med ${period.last}; der kan ikke måles efter ${period.last} (bedt om til og med ${to}). Vælg måneder til og med ${period.last}, eller indlæs data, der dækker perioden`,
  });
}
