import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbSession } from '../../src/loading/duckdb-session.js';
import { currentLoadId } from '../../src/loading/load-catalog.js';
import { BAD_INPUT, createWorkspace, type Workspace } from '../support/load-folders.js';
import { runCli } from '../support/run-cli.js';
import { BAD_INPUT_CASES, type BadInputCase } from './bad-input-cases.js';

let workspace: Workspace;
let previous: string | undefined;

beforeAll(async () => {
  workspace = await createWorkspace();
  const first = await runCli([
    'load',
    await workspace.loadFolder(),
    '--data-dir',
    workspace.dataDirectory,
  ]);
  expect(first.code).toBe(0);
  previous = await currentLoadId(workspace.dataDirectory);
});
afterAll(async () => {
  await workspace.cleanUp();
});

async function folderFor(testCase: BadInputCase): Promise<string> {
  const changes: Record<string, string | Uint8Array | null> = {};
  for (const file of testCase.remove ?? []) changes[file] = null;
  const overlay = join(BAD_INPUT, testCase.name);
  const files = await readdir(overlay).catch(() => [] as string[]);
  for (const file of files) changes[file] = await readFile(join(overlay, file));
  const parquet: [string, string][] = [];
  for (const [file, content] of Object.entries(testCase.generate ?? {})) {
    if (typeof content === 'string') changes[file] = content;
    else parquet.push([file, content.parquet]);
  }
  const folder = await workspace.loadFolder(changes, testCase.name);
  if (parquet.length > 0) {
    const session = await DuckDbSession.open({
      memoryLimit: '256MB',
      threads: 1,
      tempDirectory: '',
    });
    for (const [file, sql] of parquet)
      await session.run(`COPY (${sql}) TO '${join(folder, file)}'`);
    session.close();
  }
  return folder;
}

/** The problem lines of a refusal report: those after "Fejl:" up to the blank line. */
function problemLines(report: string): string[] {
  const lines = report.split('\n');
  const start = lines.findIndex((line) => line.startsWith('Fejl'));
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end);
}

/** Every "file  read = kept + rejected" line adds up. */
function countsAddUp(report: string): boolean {
  const counts = [...report.matchAll(/^ {2}\S+\s+([\d.]+) = +([\d.]+) \+ ([\d.]+)$/gm)];
  const number = (text: string | undefined) => Number((text ?? '').replace(/\./g, ''));
  return (
    counts.length > 0 &&
    counts.every((match) => number(match[1]) === number(match[2]) + number(match[3]))
  );
}

describe('the bad-input corpus', () => {
  it('has at least 25 malformed cases', () => {
    expect(
      BAD_INPUT_CASES.filter((testCase) => testCase.outcome !== 'warning').length,
    ).toBeGreaterThanOrEqual(25);
  });

  it('has a case for every fixture folder', async () => {
    const folders = await readdir(BAD_INPUT);
    const names = new Set(BAD_INPUT_CASES.map((testCase) => testCase.name));
    expect(folders.filter((folder) => !names.has(folder))).toEqual([]);
  });

  for (const testCase of BAD_INPUT_CASES) {
    if (testCase.outcome === 'file') {
      it(`${testCase.name}: the file is refused with exactly its message, and nothing changes`, async () => {
        const result = await runCli([
          'load',
          await folderFor(testCase),
          '--data-dir',
          workspace.dataDirectory,
        ]);
        expect(result.stderr).toBe(`Fejl i inddata:\n${testCase.expected.join('\n')}\n`);
        expect(result.code).toBe(2);
        expect(await currentLoadId(workspace.dataDirectory)).toBe(previous);
      });
    } else if (testCase.outcome === 'rows') {
      it(`${testCase.name}: the rows are refused with exactly their messages, and nothing changes`, async () => {
        const result = await runCli([
          'load',
          await folderFor(testCase),
          '--data-dir',
          workspace.dataDirectory,
        ]);
        expect(problemLines(result.stderr)).toEqual(testCase.expected);
        expect(result.stderr).toMatch(/^Indlæsningen er afvist: /);
        expect(countsAddUp(result.stderr)).toBe(true);
        expect(result.code).toBe(2);
        expect(await currentLoadId(workspace.dataDirectory)).toBe(previous);
      });
    } else {
      it(`${testCase.name}: the load is made, with exactly its warnings`, async () => {
        const dataDirectory = join(workspace.root, `data-${testCase.name}`);
        const result = await runCli([
          'load',
          await folderFor(testCase),
          '--data-dir',
          dataDirectory,
        ]);
        expect(result.stderr).toBe(testCase.expected.map((line) => `Advarsel: ${line}\n`).join(''));
        expect(result.code).toBe(0);
      });
    }
  }
});
