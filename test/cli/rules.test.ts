import { describe, expect, it } from 'vitest';
import { OFFICIAL_RULES } from '../../src/core/rules/official-rules.js';
import { RULE_AREA_HEADINGS } from '../../src/core/rules/rule-node.js';
import { runCli } from '../support/run-cli.js';

interface Listed {
  readonly id: string;
  readonly value: unknown;
  readonly unit: string;
  readonly from: string;
  readonly to: string | null;
  readonly version: string | null;
  readonly reference: {
    readonly kind: string;
    readonly citation?: string;
    readonly reasoning?: string;
  };
}

async function listed(date: string): Promise<Listed[]> {
  const result = await runCli(['rules', '--date', date, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Listed[];
}

describe('tilsyn rules --json: every node of the rule tree, generated', () => {
  it.each(['2020-01-01', '2021-06-15', '2023-03-21', '2023-03-22', '2026-11-23'])(
    'on %s it lists every node of the tree once, with value, unit, dates, version and reference',
    async (date) => {
      const rules = await listed(date);
      expect(rules.map((rule) => rule.id)).toEqual(OFFICIAL_RULES.ids);
      for (const rule of rules) {
        expect(Object.keys(rule), rule.id).toEqual([
          'id',
          'value',
          'unit',
          'from',
          'to',
          'version',
          'reference',
        ]);
        expect(rule.from <= date, rule.id).toBe(true);
        expect(rule.to === null || rule.to >= date, rule.id).toBe(true);
        expect(['citation', 'fortolkning'], rule.id).toContain(rule.reference.kind);
        if (rule.reference.kind === 'fortolkning') expect(rule.reference.reasoning).toMatch(/\S/);
        else expect(rule.reference.citation).toMatch(/§|overgangsregel|Opfølgning/);
      }
    },
  );

  it('gives the value in force with its dates: the offers threshold on 2023-03-21 and 2023-03-22', async () => {
    const before = (await listed('2023-03-21')).find(
      (rule) => rule.id === 'focus.offers.threshold',
    );
    const after = (await listed('2023-03-22')).find((rule) => rule.id === 'focus.offers.threshold');
    expect(before).toMatchObject({
      value: 20,
      unit: 'percent',
      from: '2020-01-01',
      to: '2023-03-21',
      version: 'v2019',
    });
    expect(after).toMatchObject({ value: 30, from: '2023-03-22', to: null, version: 'v2023' });
    expect(after?.reference).toMatchObject({
      kind: 'citation',
      citation: 'bek. nr. 301 af 20/03/2023 § 5, nr. 1',
      url: 'https://www.retsinformation.dk/eli/lta/2023/301',
    });
  });

  it('gives an interpretation as "fortolkning" with its reasoning and no citation', async () => {
    const rule = (await listed('2024-01-01')).find(
      (candidate) => candidate.id === 'covid.months_excluded_from_averages',
    );
    expect(rule?.value).toEqual({ from: '2020-03', to: '2020-06' });
    expect(rule?.reference.kind).toBe('fortolkning');
    expect(rule?.reference.citation).toBeUndefined();
    expect(rule?.reference.reasoning).toMatch(/No rule leaves months out of the average/);
  });
});

describe('tilsyn rules: the text form', () => {
  it('groups the values under Danish headings, each with its § and id, in 100 columns', async () => {
    const result = await runCli(['rules', '--date', '2024-06-01']);
    expect(result.code).toBe(0);
    for (const heading of Object.values(RULE_AREA_HEADINGS))
      expect(result.stdout).toContain(`\n${heading}\n`);
    for (const id of OFFICIAL_RULES.ids) expect(result.stdout).toContain(id);
    for (const line of result.stdout.split('\n'))
      expect(line.length, line).toBeLessThanOrEqual(100);
    expect(result.stdout).toContain('  Meddelelse om ophør af administration senest: 30. april\n');
    expect(result.stdout).toContain('bek. nr. 301 af 20/03/2023 § 13');
  });

  it('names benefits in Danish, never by their codes', async () => {
    const result = await runCli(['rules', '--date', '2024-06-01']);
    const text = result.stdout.replace(/\n {6}/g, ' ');
    expect(text).toContain(
      'Uddannelseshjælp; Selvforsørgelses- og hjemrejseydelse, overgangsydelse',
    );
    for (const code of ['uddannelseshjaelp', 'selvforsoergelse', 'kontanthjaelp', 'loentilskud'])
      expect(text).not.toContain(code);
  });
});

describe('tilsyn rules before the first rules', () => {
  it('refuses a date before 1 January 2020 with exit 2, naming the first date that has rules', async () => {
    const result = await runCli(['rules', '--date', '2018-01-01']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'Afvist: Der var ingen regler om skærpet tilsyn i kraft den 1. januar 2018: de første regler trådte i kraft den 1. januar 2020 (2020-01-01).\n',
    );
  });

  it('refuses it in JSON form too', async () => {
    const result = await runCli(['rules', '--date', '2019-12-31', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('1. januar 2020');
  });
});
