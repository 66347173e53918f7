/**
 * The lint guard of the layers (eslint/layers.js) fails where it must: the
 * project's own ESLint configuration, run on a source file with one import
 * added, reports the upward import or the circle; the same file without it
 * passes.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

let eslint: ESLint;

beforeAll(() => {
  // The project's configuration; files of folders that do not exist yet are
  // linted in the project service's default project.
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: {
      languageOptions: {
        parserOptions: {
          projectService: { allowDefaultProject: ['src/web/*.ts', 'src/gadgets/*.ts'] },
        },
      },
    },
  });
});

/** The guard's messages for `file` with `added` appended to its text (or `text` for a new file). */
async function guardMessages(
  file: string,
  added: string,
  text?: string,
): Promise<{ rule: string | null; message: string }[]> {
  const original = text ?? (await readFile(join(ROOT, file), 'utf8'));
  const [result] = await eslint.lintText(`${original}${added}`, {
    filePath: join(ROOT, file),
  });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === null || message.ruleId.startsWith('tilsyn/'))
    .map((message) => ({ rule: message.ruleId, message: message.message }));
}

describe('the layer guard', () => {
  it('passes the core file as it is', async () => {
    expect(await guardMessages('src/core/calendar/day-number.ts', '')).toEqual([]);
  });

  // measuring/ imports the core, so the import also closes a circle; the
  // layer message is the one this test is about.
  it('fails a core file that imports the measuring stage', async () => {
    const messages = await guardMessages(
      'src/core/calendar/day-number.ts',
      "\nimport { runMeasures } from '../../measuring/run-measures.js';\nexport const measure = runMeasures;\n",
    );
    expect(messages).toContainEqual({
      rule: 'tilsyn/layers',
      message:
        'src/core (layer 0) must not import src/measuring (layer 3): lower layers never import higher ones.',
    });
  });

  it('fails a type-only import that runs up, too', async () => {
    const messages = await guardMessages(
      'src/core/calendar/day-number.ts',
      "\nimport type { MeasureRunResult } from '../../measuring/run-measures.js';\nexport type Run = MeasureRunResult;\n",
    );
    expect(messages.map((message) => message.rule)).toContain('tilsyn/layers');
  });

  it('fails an import from a lower shell to a higher one: loading to reports', async () => {
    const messages = await guardMessages(
      'src/loading/load-id.ts',
      "\nimport { textTable } from '../reports/text-table.js';\nexport const table = textTable;\n",
    );
    expect(messages).toEqual([
      {
        rule: 'tilsyn/layers',
        message:
          'src/loading (layer 2) must not import src/reports (layer 3): lower layers never import higher ones.',
      },
    ]);
  });

  it('passes an import down or within a layer: a pipeline reading inputs and the load store', async () => {
    expect(await guardMessages('src/pipeline/risk.ts', '')).toEqual([]);
  });

  it('fails an import circle', async () => {
    const isoDate = await readFile(join(ROOT, 'src/core/calendar/iso-date.ts'), 'utf8');
    expect(isoDate).toContain("from './day-number.js'");
    const messages = await guardMessages(
      'src/core/calendar/day-number.ts',
      "\nimport { isoDateOf } from './iso-date.js';\nexport const dateOf = isoDateOf;\n",
    );
    expect(messages).toEqual([
      {
        rule: 'tilsyn/no-cycle',
        message:
          'Import circle: src/core/calendar/day-number.ts → src/core/calendar/iso-date.ts → src/core/calendar/day-number.ts.',
      },
    ]);
  });

  it('fails a folder that has no layer yet', async () => {
    const messages = await guardMessages(
      'src/gadgets/gadget.ts',
      '',
      "import { daysInMonth } from '../core/calendar/day-number.js';\nexport const days = daysInMonth;\n",
    );
    expect(messages.map((message) => message.message)).toEqual([
      'src/gadgets has no layer: add it to the table in eslint/layers.js and docs/architecture.md.',
    ]);
  });

  it('lets the web client import types, not code, from the server folders', async () => {
    const typeOnly =
      "import type { CaseHistory } from '../core/lifecycle/run-assessments.js';\nexport type History = CaseHistory;\n";
    expect(await guardMessages('src/web/history.ts', '', typeOnly)).toEqual([]);
    const code =
      "import { runAssessments } from '../core/lifecycle/run-assessments.js';\nexport const run = runAssessments;\n";
    expect(await guardMessages('src/web/history.ts', '', code)).toEqual([
      {
        rule: 'tilsyn/layers',
        message: 'src/web is client code: it imports only types from src/core (use "import type").',
      },
    ]);
  });
});
