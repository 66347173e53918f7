import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoadReader } from '../../src/measuring/read-load-columns.js';
import { buildLoadColumns } from '../support/load-records.js';
import { FIXTURE_MUNICIPALITIES, FIXTURE_PERSONS } from '../support/measure-fixture.js';
import { writeLoadStore } from '../support/write-load-store.js';

let folder = '';

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tilsyn-read-'));
  await writeLoadStore(folder, FIXTURE_PERSONS, {
    municipalities: FIXTURE_MUNICIPALITIES,
    residents: { 101: { 2023: 1000 } },
  });
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('reading a stored load into typed columns', () => {
  it('gives exactly the columns of the records, grouped by person, ongoing periods as ONGOING', async () => {
    const reader = await openLoadReader(folder);
    try {
      const { columns, statistics } = await reader.columns();
      expect(columns).toEqual(buildLoadColumns(FIXTURE_PERSONS));
      expect(statistics.rows).toEqual({
        benefit_periods: 4,
        conversations: 6,
        offers: 1,
        work_hours: 1,
        exemptions: 0,
      });
    } finally {
      reader.close();
    }
  });

  it('reads one person alone, found by person_id, for explanations', async () => {
    const reader = await openLoadReader(folder);
    try {
      const key = await reader.personKey('B-dagpenge');
      expect(key).toBe(1);
      expect(await reader.personKey('nobody')).toBeUndefined();
      const { columns } = await reader.columns({ personKey: key ?? -1 });
      const second = FIXTURE_PERSONS[1];
      expect(columns).toEqual(buildLoadColumns(second === undefined ? [] : [second]));
    } finally {
      reader.close();
    }
  });

  it('reads the municipalities and the residents of the framework conditions', async () => {
    const reader = await openLoadReader(folder);
    try {
      expect(await reader.municipalities()).toEqual([101, 147]);
      expect([...(await reader.residents()).entries()]).toEqual([['101:2023', 1000]]);
    } finally {
      reader.close();
    }
  });
});

describe('a load without the optional files', () => {
  it('reads missing exemptions, offers and hours as none, and the shipped municipalities', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tilsyn-read-partial-'));
    try {
      await writeLoadStore(root, FIXTURE_PERSONS, { municipalities: FIXTURE_MUNICIPALITIES });
      for (const name of ['exemptions', 'offers', 'work_hours', 'municipalities'])
        await rm(join(root, `${name}.parquet`));
      const reader = await openLoadReader(root);
      try {
        const { columns } = await reader.columns();
        const expected = buildLoadColumns(
          FIXTURE_PERSONS.map((person) => ({
            ...person,
            offers: [],
            workHours: [],
            exemptions: [],
          })),
        );
        expect(columns).toEqual(expected);
        const municipalities = await reader.municipalities();
        expect(municipalities).toHaveLength(98);
        expect(municipalities[0]).toBe(101);
      } finally {
        reader.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('a damaged load store', () => {
  it('is refused when a table is not sorted by person and date, as the store promises', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tilsyn-read-unsorted-'));
    try {
      await writeLoadStore(root, FIXTURE_PERSONS, { municipalities: FIXTURE_MUNICIPALITIES });
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      const file = join(root, 'conversations.parquet');
      await connection.run(
        `COPY (SELECT * FROM read_parquet('${file}') ORDER BY person_key, "date" DESC) TO '${file}.tmp' (FORMAT parquet)`,
      );
      connection.closeSync();
      instance.closeSync();
      await rename(`${file}.tmp`, file);
      const reader = await openLoadReader(root);
      try {
        await expect(reader.columns()).rejects.toThrow(
          'conversations: rows of person_key 0 are not sorted by date',
        );
      } finally {
        reader.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
