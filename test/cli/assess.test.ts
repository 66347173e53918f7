import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const FOCUS = 'examples/aggregates/focus_measures.csv';
const RATES = 'examples/aggregates/expected_rates.csv';
let directory = '';

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'tilsyn-assess-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** A copy of an example file with some lines changed, in the temporary folder. */
async function variant(
  source: string,
  name: string,
  change: (lines: string[]) => string[],
): Promise<string> {
  const lines = (await readFile(source, 'utf8')).split('\n');
  const path = join(directory, name);
  await writeFile(path, change(lines).join('\n'));
  return path;
}

describe('tilsyn assess', () => {
  it('assesses one year with --year', async () => {
    const result = await runCli(['assess', '--year', '2023', '--focus', FOCUS, '--rates', RATES]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Årlig opgørelse 2023 — regler v2023 (bek. nr. 301 af 20/03/2023)',
    );
    expect(result.stdout).not.toContain('Sagsforløb');
  });

  it('says where the expected rates come from, in the report and in the JSON', async () => {
    const text = await runCli(['assess', '--year', '2023', '--focus', FOCUS, '--rates', RATES]);
    expect(text.stdout).toContain(
      'Resultatmål: forventede ydelsesgrader fra officielle tal (expected_rates, examples/aggregates/expected_rates.csv, periode 2023).',
    );
    const json = await runCli([
      'assess',
      '--year',
      '2023',
      '--focus',
      FOCUS,
      '--rates',
      RATES,
      '--json',
    ]);
    const parsed = JSON.parse(json.stdout) as {
      years: { municipalities: { resultGoal: { source: string } }[] }[];
    };
    const sources = new Set(
      parsed.years.flatMap((year) => year.municipalities.map((entry) => entry.resultGoal.source)),
    );
    expect([...sources]).toEqual([
      'officielle tal (expected_rates, examples/aggregates/expected_rates.csv, periode 2023)',
    ]);
  });

  it('lists every municipality with --all', async () => {
    const result = await runCli([
      'assess',
      '--year',
      '2023',
      '--focus',
      FOCUS,
      '--rates',
      RATES,
      '--all',
    ]);
    expect(result.stdout).toContain('København (101)');
    expect(result.stdout).not.toContain('øvrige kommuner');
  });

  it('starts from the statuses of a status file', async () => {
    const status = join(directory, 'status.csv');
    await writeFile(
      status,
      'municipality,status,selected_year,baseline_offers,baseline_conversations\n101,supervised,2022,40,10\n',
    );
    const result = await runCli([
      'assess',
      '--year',
      '2023',
      '--focus',
      FOCUS,
      '--rates',
      RATES,
      '--status',
      status,
      '--json',
    ]);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as {
      years: {
        municipalities: { code: number; statusBefore: string; decision: { kind: string } }[];
      }[];
    };
    expect(document.years[0]?.municipalities.find((entry) => entry.code === 101)).toMatchObject({
      statusBefore: 'supervised',
      decision: { kind: 'supervision_ends' },
    });
  });

  it('writes the output atomically to --out', async () => {
    const out = join(directory, 'opgoerelse.json');
    const result = await runCli([
      'assess',
      '--year',
      '2021',
      '--focus',
      FOCUS,
      '--rates',
      RATES,
      '--json',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Skrevet til ${out}\n`);
    expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({ schema: 'tilsyn.assess/1' });
  });

  it('needs either --year or --from and --to', async () => {
    const none = await runCli(['assess', '--focus', FOCUS, '--rates', RATES]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'Fejl: angiv --year ÅR, eller --from ÅR og --to ÅR\nSe "tilsyn assess --help".\n',
    );
    const both = await runCli(['assess', '--year', '2021', '--from', '2021', '--to', '2022']);
    expect(both.stderr).toContain('brug enten --year eller --from og --to, ikke begge');
    const backwards = await runCli(['assess', '--from', '2023', '--to', '2021']);
    expect(backwards.stderr).toContain('--to (2021) ligger før --from (2023)');
  });

  it('refuses a bad focus file naming file, line, column and value, and writes nothing', async () => {
    const focus = await variant(FOCUS, 'fokus-fejl.csv', (lines) =>
      lines.map((line, index) => (index === 2 ? line.replace(/,\d+$/, ',abc') : line)),
    );
    const out = join(directory, 'skal-ikke-findes.txt');
    const result = await runCli([
      'assess',
      '--year',
      '2021',
      '--focus',
      focus,
      '--rates',
      RATES,
      '--out',
      out,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `Fejl i inddata:\n${focus}, linje 3, kolonne "passive" (værdi "abc"): skal være et ikke-negativt heltal\n`,
    );
    expect(await readdir(directory)).not.toContain('skal-ikke-findes.txt');
  });

  it('refuses rates that lack a municipality, naming the file and the municipality', async () => {
    const rates = await variant(RATES, 'rater-uden-101.csv', (lines) =>
      lines.filter((line) => !line.startsWith('101,2021,')),
    );
    const result = await runCli(['assess', '--year', '2021', '--focus', FOCUS, '--rates', rates]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `Fejl i inddata:\n${rates}: mangler en række for København (101), år 2021\n`,
    );
  });

  it('refuses focus measures that lack the months of the year', async () => {
    const result = await runCli(['assess', '--year', '2026', '--focus', FOCUS, '--rates', RATES]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${RATES}: mangler en række for København (101), år 2026\n`);
    expect(result.stderr).toContain(
      `${FOCUS}: mangler månederne 2026-01 – 2026-12 for København (101), mål "offers", scope "all" (de indgår i fokusmålingen for 2026-12)`,
    );
    expect(result.stderr).toMatch(/… og \d+ fejl mere\n$/);
  });

  it('refuses a status file with an unknown status', async () => {
    const status = join(directory, 'status-fejl.csv');
    await writeFile(status, 'municipality,status\n101,tilsyn\n');
    const result = await runCli([
      'assess',
      '--year',
      '2023',
      '--focus',
      FOCUS,
      '--rates',
      RATES,
      '--status',
      status,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${status}, linje 2, kolonne "status" (værdi "tilsyn"): skal være "none", "supervised", "extended" eller "administration"`,
    );
  });

  it('a missing file is bad input', async () => {
    const result = await runCli([
      'assess',
      '--year',
      '2021',
      '--focus',
      'nope.csv',
      '--rates',
      RATES,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('Fejl i inddata:\nnope.csv: filen findes ikke\n');
  });
});
