import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const PERSONS = 'examples/case-sample/target_group_2021_360.csv';
const FOCUS = 'examples/aggregates/focus_measures.csv';
let directory = '';

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'tilsyn-sample-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

interface Record {
  schema: string;
  seed: number;
  seedChosen: string;
  ruleVersion: string;
  assessmentRuleVersion: string;
  parameters: unknown;
  goals: string[];
  strata: { benefit: string; population: number; size: number; passiveDrawn: number }[];
  total: number;
  cases: { personId: string; benefit: string; passive: boolean }[];
  personsFile: { name: string; sha256: string };
}

async function draw(out: string, extra: string[] = [], persons = PERSONS) {
  return runCli([
    'sample',
    '--persons',
    persons,
    '--municipality',
    '360',
    '--year',
    '2021',
    '--out',
    out,
    ...extra,
  ]);
}

async function recordOf(path: string): Promise<Record> {
  return JSON.parse(await readFile(path, 'utf8')) as Record;
}

describe('tilsyn sample', () => {
  it('draws per benefit of § 2, stk. 2 that missed the goal, stratified, and records seed, version and parameters', async () => {
    const out = join(directory, 'a.json');
    const result = await draw(out, ['--focus', FOCUS, '--seed', '20220401']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Hjemmel: bek. nr. 1409 af 16/12/2019 § 8, stk. 2; parametre fra v2021: 15 % pr. ydelse i § 2, stk. 2 (rundet op), mindst 20, højst 300 i alt.',
    );
    const record = await recordOf(out);
    expect(record).toMatchObject({
      schema: 'tilsyn.case-sample/1',
      seed: 20220401,
      seedChosen: 'given',
      ruleVersion: 'v2021',
      assessmentRuleVersion: 'v2021',
      parameters: { sharePercent: 15, minimumPerType: 20, maximumTotal: 300 },
      goals: ['conversations'],
    });
    // The types whose own conversations measure missed 20 % in December 2021 (see
    // examples/aggregates): 30 %, 30 %, 35 % and 38 %; 15 % of 200 and 250 rounded up.
    expect(record.strata.map((s) => [s.benefit, s.population, s.size, s.passiveDrawn])).toEqual([
      ['dagpenge', 200, 30, 9],
      ['selvforsoergelse', 50, 20, 6],
      ['uddannelseshjaelp', 100, 20, 7],
      ['kontanthjaelp', 250, 38, 14],
    ]);
    expect(record.total).toBe(108);
    expect(record.cases).toHaveLength(108);
    expect(record.personsFile.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the same seed gives the same sample, whatever the order of the persons file', async () => {
    const lines = (await readFile(PERSONS, 'utf8')).trimEnd().split('\n');
    const reversed = join(directory, 'reversed.csv');
    await writeFile(reversed, [lines[0], ...lines.slice(1).reverse()].join('\n'));
    await draw(join(directory, 'b1.json'), ['--focus', FOCUS, '--seed', '7']);
    await draw(join(directory, 'b2.json'), ['--focus', FOCUS, '--seed', '7'], reversed);
    await draw(join(directory, 'b3.json'), ['--focus', FOCUS, '--seed', '8']);
    const [first, second, other] = await Promise.all(
      ['b1', 'b2', 'b3'].map((name) => recordOf(join(directory, `${name}.json`))),
    );
    expect(second?.cases).toEqual(first?.cases);
    expect(other?.cases).not.toEqual(first?.cases);
  });

  it('never replaces a recorded sample silently; --force replaces it', async () => {
    const out = join(directory, 'c.json');
    await draw(out, ['--focus', FOCUS, '--seed', '1']);
    const refused = await draw(out, ['--focus', FOCUS, '--seed', '2']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /findes allerede og indeholder en registreret stikprøve \(kommune 360, opgørelsen af 2021, seed 1, trukket 2026-11-23T12:00:00\.000Z\)\. En ny trækning erstatter den registrerede stikprøve; brug --force, hvis det er meningen\./,
    );
    expect((await recordOf(out)).seed).toBe(1);
    const forced = await draw(out, ['--focus', FOCUS, '--seed', '2', '--force']);
    expect(forced.code).toBe(0);
    expect((await recordOf(out)).seed).toBe(2);
  });

  it('chooses and records a seed when none is given', async () => {
    const out = join(directory, 'd.json');
    const result = await draw(out, ['--focus', FOCUS]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(valgt tilfældigt)');
    const record = await recordOf(out);
    expect(record.seedChosen).toBe('random');
    expect(Number.isInteger(record.seed)).toBe(true);
  });

  it('takes the types and goals from the command line with --types and --goals', async () => {
    const out = join(directory, 'e.json');
    const result = await draw(out, [
      '--types',
      'kontanthjaelp,ledighedsydelse',
      '--goals',
      'offers,conversations',
      '--seed',
      '3',
    ]);
    expect(result.code).toBe(0);
    const record = await recordOf(out);
    expect(record.goals).toEqual(['offers', 'conversations']);
    expect(record.strata.map((s) => [s.benefit, s.population, s.size])).toEqual([
      ['kontanthjaelp', 250, 38],
      ['ledighedsydelse', 50, 20],
    ]);
  });

  it('--types jobafklaring and ressourceforloeb both mean ressourceforløbsydelse, one benefit', async () => {
    const out = join(directory, 'e2.json');
    const result = await draw(out, ['--types', 'jobafklaring,ressourceforloeb', '--seed', '3']);
    expect(result.code).toBe(0);
    const record = await recordOf(out);
    // 50 jobafklaring + 120 ressourceforløb persons: max(20, ⌈15 % × 170⌉) = 26.
    expect(record.strata.map((s) => [s.benefit, s.population, s.size])).toEqual([
      ['ressourceforloebsydelse', 170, 26],
    ]);
  });

  it('refuses a selection under the 2023 rules, which have no sample review', async () => {
    const result = await runCli([
      'sample',
      '--persons',
      PERSONS,
      '--municipality',
      '360',
      '--year',
      '2022',
      '--types',
      'dagpenge',
      '--out',
      join(directory, 'f.json'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'Afvist: Opgørelsen af 2022 følger v2023 (bek. nr. 301 af 20/03/2023), som ikke har en uvildig stikprøvegennemgang ved udvælgelse (lov om organisering og understøttelse af beskæftigelsesindsatsen m.v., kap. 3 a, som ændret ved lov nr. 295 af 20/03/2023 § 22 c); der trækkes ingen stikprøve. Skal der alligevel trækkes en stikprøve efter 2019-reglernes parametre (fx til en frivillig gennemgang), så angiv --rule-version v2021.\n',
    );
    expect(await readdir(directory)).not.toContain('f.json');
  });

  it('draws under the 2019 parameters for a 2022 selection when asked with --rule-version', async () => {
    const out = join(directory, 'g.json');
    const result = await runCli([
      'sample',
      '--persons',
      PERSONS,
      '--municipality',
      '360',
      '--year',
      '2022',
      '--types',
      'dagpenge',
      '--rule-version',
      'v2021',
      '--seed',
      '5',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(await recordOf(out)).toMatchObject({
      ruleVersion: 'v2021',
      assessmentRuleVersion: 'v2023',
      total: 30,
    });
  });

  it('needs the focus file with rows per benefit type, or --types', async () => {
    const neither = await draw(join(directory, 'h.json'));
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('angiv enten --focus FIL eller --types TYPE,... (ikke begge)');
    const noTypes = await runCli([
      'sample',
      '--persons',
      PERSONS,
      '--municipality',
      '376',
      '--year',
      '2021',
      '--focus',
      FOCUS,
      '--out',
      join(directory, 'h.json'),
    ]);
    expect(noTypes.code).toBe(2);
    expect(noTypes.stderr).toBe(
      `Fejl i inddata:\n${FOCUS}: har ingen rækker pr. ydelsestype (kolonnen scope) for Guldborgsund (376); angiv ydelsestyperne med --types\n`,
    );
  });

  it('refuses a municipality that missed no grounding goal that year', async () => {
    const result = await runCli([
      'sample',
      '--persons',
      PERSONS,
      '--municipality',
      '360',
      '--year',
      '2022',
      '--focus',
      FOCUS,
      '--rule-version',
      'v2021',
      '--out',
      join(directory, 'i.json'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'Afvist: Lolland (360) missede ikke et fokusmål, der kunne begrunde en afgørelse ved opgørelsen af 2022',
    );
  });

  it('refuses a persons file with CPR numbers and writes nothing', async () => {
    const persons = join(directory, 'cpr.csv');
    await writeFile(
      persons,
      'person_id,municipality,benefit,passive_offers,passive_conversations\n1204851234,360,dagpenge,1,1\n',
    );
    const result = await draw(join(directory, 'j.json'), ['--types', 'dagpenge'], persons);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `Fejl i inddata:\n${persons}, linje 2, kolonne "person_id": ligner et CPR-nummer; brug pseudonymer (værdien vises ikke)\n`,
    );
    expect(await readdir(directory)).not.toContain('j.json');
  });
});
