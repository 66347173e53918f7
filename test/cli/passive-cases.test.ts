/**
 * `tilsyn passive-cases`: the list of all passive cases for the review under
 * administration (bek. nr. 301 § 12, stk. 1, nr. 2), from a pseudonymised
 * load — the person ids in the raw files are CPR numbers, replaced by keyed
 * hashes when loaded — worked by hand, and checked against the December
 * measures of `tilsyn measure` on the same load.
 *
 * Københavns Kommune (101), all persons on benefits since 1 January 2022, so
 * everyone is in the target group all of 2024 with a spell of 1 096 countable
 * days at 31 December 2024 (36 months):
 *
 * | person | benefit           | conversations | offers, hours               | passive for        |
 * | ------ | ----------------- | ------------- | --------------------------- | ------------------ |
 * | K1–K3  | kontanthjælp      | none          | none                        | both               |
 * | K4     | kontanthjælp      | monthly       | one in March 2022 (too old) | offers             |
 * | K5     | kontanthjælp      | monthly       | an ongoing one from 2023    | —                  |
 * | K6     | kontanthjælp      | monthly       | 120 hours in October 2024   | — (hours count)    |
 * | U1     | uddannelseshjælp  | none          | an ongoing one from 2023    | conversations      |
 * | D1–D5  | dagpenge          | monthly       | an ongoing one from 2023    | —                  |
 * | D6     | dagpenge          | none          | an ongoing one from 2023    | conversations      |
 *
 * 101 as a whole in 2024: conversations 5 of 12 passive every month
 * (41,7 %); offers 5 of 12 in January–September (K6 without hours yet) and
 * 4 of 12 from October: both goals missed. By benefit: kontanthjælp
 * conversations 3 of 6 (50 %) and offers (9 × 5/6 + 3 × 4/6) / 12 = 79,2 %
 * (missed); uddannelseshjælp conversations 1 of 1 (missed); dagpenge
 * conversations 1 of 6 (16,7 %, met) and offers 0 of 6 (met). So kontanthjælp and uddannelses-
 * hjælp are reviewed, dagpenge is not: the list is K1–K3 (both), K4 (offer)
 * and U1 (conversations) — not D6, and not K6, whose hours stand in for an
 * offer as § 5, nr. 1 says. One person in Frederiksberg (147) is not on it.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CPR, KEY, PERSONS, pseudonym } from '../support/passive-case-persons.js';
import { runCli } from '../support/run-cli.js';
import { writeRawFiles } from '../support/write-load-store.js';

let root = '';
const env = { TILSYN_PSEUDONYM_KEY: KEY };
const BASIS = '"bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 2"';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tilsyn-cli-passive-'));
  const raw = join(root, 'raw');
  await mkdir(raw);
  await writeRawFiles(raw, PERSONS, { municipalities: [101, 147] });
  const loaded = await runCli(['load', 'raw', '--data-dir', 'data'], { cwd: root, env });
  expect(loaded.code).toBe(0);
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const passiveCases = (...extra: string[]) =>
  runCli(
    [
      'passive-cases',
      '--load',
      'current',
      '--data-dir',
      'data',
      '--municipality',
      '101',
      '--year',
      '2024',
      ...extra,
    ],
    { cwd: root, env },
  );

describe('tilsyn passive-cases', () => {
  it('lists every passive case of the reviewed groups at 31 December, worked by hand', async () => {
    const result = await passiveCases('--out', 'cases.csv');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const rows = (await readFile(join(root, 'cases.csv'), 'utf8')).split('\n');
    expect(rows[0]).toBe(
      'person_id,benefit,listed_benefit,spell_start,spell_days,months_in_spell,missing,last_offer,conversations_12m,work_hours_12m,legal_basis',
    );
    const row = (name: string, benefit: string, rest: string) =>
      `${pseudonym(name)},${benefit},${benefit},2022-01-01,1096,36,${rest},${BASIS}`;
    // In the order of § 2, stk. 2 (kontanthjælp nr. 5, uddannelseshjælp nr. 4 → uddannelseshjælp
    // first), then by person id.
    const kontant = [
      row('K1', 'kontanthjaelp', 'both,,0,0'),
      row('K2', 'kontanthjaelp', 'both,,0,0'),
      row('K3', 'kontanthjaelp', 'both,,0,0'),
      row('K4', 'kontanthjaelp', 'offer,2022-03-01,12,0'),
    ].sort();
    expect(rows.slice(1)).toEqual([
      row('U1', 'uddannelseshjaelp', 'conversations,2023-01-01,0,0'),
      ...kontant,
      '',
    ]);
  });

  it('says on the screen which load, rules, groups and how many', async () => {
    const result = await passiveCases('--out', 'summary.csv');
    expect(result.stdout).toMatch(
      /^Gennemgang af alle passivsager — København \(101\), 31\. december 2024\n {2}Indlæsning \S+; regler v2023 for opgørelsen af 2024\n/,
    );
    expect(result.stdout).toContain(
      '  Hjemmel: bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 2; resultatet: bek. nr. 301 af 20/03/2023 § 12, stk. 2',
    );
    expect(result.stdout).toContain('Fokusmål, kommunen ikke lever op til: tilbud mv., samtaler');
    expect(result.stdout).toContain('  Uddannelseshjælp: samtaler 100,0 %');
    expect(result.stdout).toContain('  Kontanthjælp: tilbud mv. 79,2 %, samtaler 50,0 %');
    expect(result.stdout).not.toContain('Arbejdsløshedsdagpenge:');
    expect(result.stdout).toContain(
      'Sager: 5 (mangler tilbud: 1, samtaler: 1, tilbud og samtaler: 3)',
    );
  });

  it('--json states the load, the rules version and the count', async () => {
    const result = await passiveCases('--out', 'cases.json', '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(await readFile(join(root, 'cases.json'), 'utf8')) as Record<
      string,
      unknown
    > & { cases: { personId: string; missing: string }[] };
    expect(json).toMatchObject({
      schema: 'tilsyn.passive-cases/1',
      municipality: { code: 101, name: 'København' },
      year: 2024,
      referenceDate: '2024-12-31',
      ruleVersion: 'v2023',
      goalsMissed: ['offers', 'conversations'],
      count: 5,
      counts: { offer: 1, conversations: 1, both: 3 },
    });
    expect(typeof json['load']).toBe('string');
    expect(json['legalBasis']).toMatchObject({
      citation: 'bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 2',
    });
    expect(json.cases.find((entry) => entry.personId === pseudonym('K4'))).toEqual({
      personId: pseudonym('K4'),
      benefit: 'kontanthjaelp',
      listedBenefit: 'kontanthjaelp',
      spellStart: '2022-01-01',
      spellDays: 1096,
      monthsInSpell: 36,
      missing: 'offer',
      lastOffer: '2022-03-01',
      conversations: 12,
      hours: 0,
    });
  });

  it('the count per missing demand equals the passive count of the December measures in the same groups', async () => {
    const measured = await runCli(
      [
        'measure',
        '--load',
        'current',
        '--data-dir',
        'data',
        '--from',
        '2024-01',
        '--to',
        '2024-12',
        '--out',
        'measures',
      ],
      { cwd: root, env },
    );
    expect(measured.code).toBe(0);
    const december = new Map(
      (await readFile(join(root, 'measures', 'focus_measures.csv'), 'utf8'))
        .split('\n')
        .map((line) => line.split(','))
        .filter((fields) => fields[0] === '101' && fields[1] === '2024-12')
        .map((fields) => [`${fields[2]} ${fields[3]}`, Number(fields[5])]),
    );
    const groups = ['kontanthjaelp', 'uddannelseshjaelp'];
    const passive = (goal: string) =>
      groups.reduce((sum, scope) => sum + (december.get(`${goal} ${scope}`) ?? 0), 0);
    const json = JSON.parse(await readFile(join(root, 'cases.json'), 'utf8')) as {
      groups: { benefit: string }[];
      cases: { missing: string }[];
    };
    expect(json.groups.map((group) => group.benefit)).toEqual(groups.slice().reverse());
    const listed = (demand: string) =>
      json.cases.filter((entry) => entry.missing === demand || entry.missing === 'both').length;
    expect(listed('offer')).toBe(passive('offers'));
    expect(listed('conversations')).toBe(passive('conversations'));
    expect([listed('offer'), listed('conversations')]).toEqual([4, 4]);
  });

  it("writes no CPR number anywhere: only the load's pseudonyms", async () => {
    const outputs = [
      await readFile(join(root, 'cases.csv'), 'utf8'),
      await readFile(join(root, 'cases.json'), 'utf8'),
      (await passiveCases('--out', 'again.csv')).stdout,
    ].join('\n');
    for (const cpr of Object.values(CPR)) expect(outputs).not.toContain(cpr);
    const ids = (await readFile(join(root, 'cases.csv'), 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to write over a list without --force', async () => {
    const result = await passiveCases('--out', 'cases.csv');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'cases.csv findes allerede; brug --force for at overskrive den',
    );
  });
});
