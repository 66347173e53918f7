/**
 * `tilsyn explain --person` with a CPR number: the load holds only its
 * pseudonym, so the number given is pseudonymised with the same key and the
 * person looked up — and the number is never printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/load-folders.js';
import { runCli } from '../support/run-cli.js';

const KEY = 'e83b1f0c6a2d94751b0e8f3c2a6d9e47f1b05c83a2e6d91f4b7c0a38e5d2f169';
const CPR = '0101901234';

let workspace: Workspace;
beforeAll(async () => {
  workspace = await createWorkspace();
  const source = await workspace.loadFolder({
    'benefit_periods.csv': `person_id,municipality,benefit,from,to\n${CPR},101,dagpenge,2019-01-01,2019-12-31\np002,147,sygedagpenge,2020-03-01,2020-06-30\n`,
  });
  const loaded = await runCli(['load', source, '--data-dir', workspace.dataDirectory], {
    env: { TILSYN_PSEUDONYM_KEY: KEY },
  });
  expect(loaded.code).toBe(0);
});
afterAll(async () => {
  await workspace.cleanUp();
});

const explain = (person: string, env: Record<string, string> = {}) =>
  runCli(
    [
      'explain',
      '--load',
      'current',
      '--person',
      person,
      '--month',
      '2019-12',
      '--data-dir',
      workspace.dataDirectory,
    ],
    { env },
  );

describe('tilsyn explain --person with a CPR number', () => {
  it.each([CPR, '010190-1234', ' 010190 1234 '])(
    'pseudonymises %j with the key and explains that person, never printing the number',
    async (person) => {
      const result = await explain(person, { TILSYN_PSEUDONYM_KEY: KEY });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Forklaring for 2019-12');
      expect(result.stdout).toContain('dagpenge');
      expect(result.stdout).not.toContain('1234');
    },
  );

  it('without the key is refused, naming the key and not the number', async () => {
    const result = await explain(CPR);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--person, kolonne "person_id": ligner et CPR-nummer');
    expect(result.stderr).toContain('$TILSYN_PSEUDONYM_KEY');
    expect(result.stderr).not.toContain('1234');
  });
});
