import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { yearMonth } from '../../src/core/calendar/year-month.js';
import {
  TooManyPersonsError,
  generateDataSet,
  type GenerateOptions,
} from '../../src/synthetic/generate.js';
import { PARQUET_SCHEMAS } from '../../src/synthetic/parquet-export.js';

let root: string;

const options = (outDirectory: string, workers: number): GenerateOptions => ({
  seed: 11,
  scale: 0.005,
  outDirectory,
  format: 'parquet',
  cprIds: false,
  firstMonth: yearMonth('2024-01'),
  lastMonth: yearMonth('2024-12'),
  workers,
  force: false,
});

function hashes(directory: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(directory)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(directory, name)))
          .digest('hex'),
      ]),
  );
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tilsyn-parquet-'));
  await generateDataSet(options(join(root, 'first'), 2));
  await generateDataSet(options(join(root, 'second'), 1));
}, 180_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the data set as Parquet', () => {
  it('is byte-identical run after run (one DuckDB thread, insertion order kept)', () => {
    const first = hashes(join(root, 'first'));
    expect(Object.keys(first)).toEqual([
      'benefit_periods.parquet',
      'conversations.parquet',
      'exemptions.parquet',
      'framework_conditions.parquet',
      'generator.json',
      'municipalities.parquet',
      'offers.parquet',
      'work_hours.parquet',
    ]);
    expect(hashes(join(root, 'second'))).toEqual(first);
  });

  it('holds the rows generator.json counts, with the types of data.md', async () => {
    const directory = join(root, 'first');
    const manifest = JSON.parse(readFileSync(join(directory, 'generator.json'), 'utf8')) as {
      format: string;
      files: Record<string, number>;
    };
    expect(manifest.format).toBe('parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      for (const [table, schema] of Object.entries(PARQUET_SCHEMAS)) {
        const file = join(directory, `${table}.parquet`);
        const count = await connection.runAndReadAll(
          `SELECT count(*) AS n FROM read_parquet('${file}')`,
        );
        expect(Number(count.getRowObjectsJS()[0]?.['n']), table).toBe(
          manifest.files[`${table}.parquet`],
        );
        const described = await connection.runAndReadAll(
          `DESCRIBE SELECT * FROM read_parquet('${file}')`,
        );
        const types = Object.fromEntries(
          described
            .getRowObjectsJS()
            .map((row) => [row['column_name'] as string, row['column_type'] as string]),
        );
        expect(types, table).toEqual(schema);
      }
      const ongoing = await connection.runAndReadAll(
        `SELECT count(*) AS n FROM read_parquet('${join(directory, 'benefit_periods.parquet')}') WHERE "to" IS NULL`,
      );
      expect(Number(ongoing.getRowObjectsJS()[0]?.['n'])).toBeGreaterThan(0);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe('a generation that fails', () => {
  it('leaves neither a half data set nor its staging folder behind', async () => {
    const target = join(root, 'too-big');
    // Scale 100 needs more person numbers than the identifiers hold: it fails after staging began.
    await expect(generateDataSet({ ...options(target, 1), scale: 100 })).rejects.toThrow(
      TooManyPersonsError,
    );
    expect(readdirSync(root).filter((name) => name.includes('too-big'))).toEqual([]);
  });
});
