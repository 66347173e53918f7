/**
 * The rules the simulation page offers, read from the tree: every value can
 * be sent back as the form shows it, and a Danish number reads as the
 * analyst means it.
 */
import { describe, expect, it } from 'vitest';
import { readRuleSettings, simulationRules } from '../../src/cases/views/web-simulation.js';
import { OFFICIAL_RULES } from '../../src/core/rules/official-rules.js';

const YEARS = { first: 2021, last: 2024 };

describe('the adjustable rules of a simulation', () => {
  it('read back every node’s value from the text the form starts with, for a load and for files', () => {
    for (const figures of ['load', 'files'] as const) {
      const rules = simulationRules(OFFICIAL_RULES, figures, 2024, YEARS).groups.flatMap(
        (group) => group.rules,
      );
      const read = readRuleSettings(
        OFFICIAL_RULES,
        figures,
        rules.map((rule) => ({ id: rule.id, value: rule.input })),
      );
      expect(read.map((override) => override.value)).toEqual(rules.map((rule) => rule.value));
    }
  });

  it('offers the measurement rules only over a load, and groups the nodes by the tree’s areas', () => {
    const load = simulationRules(OFFICIAL_RULES, 'load', 2024, YEARS);
    const files = simulationRules(OFFICIAL_RULES, 'files', 2024, YEARS);
    const ids = (rules: typeof load) =>
      rules.groups.flatMap((group) => group.rules.map((r) => r.id));
    expect(ids(load)).toContain('focus.offers.ordinary_work_hours');
    expect(ids(files)).not.toContain('focus.offers.ordinary_work_hours');
    expect(ids(files).every((id) => ids(load).includes(id))).toBe(true);
    for (const group of load.groups)
      expect(group.rules.every((rule) => OFFICIAL_RULES.node(rule.id).area === group.area)).toBe(
        true,
      );
    expect(load.groups[0]?.heading).toBe('Fokusmål');
  });

  it('reads 24,8 and 24.8 as 24.8, and 1.000 timer as a thousand hours', () => {
    const [comma, point, thousands] = readRuleSettings(OFFICIAL_RULES, 'load', [
      { id: 'focus.offers.threshold', value: '24,8' },
      { id: 'focus.conversations.threshold', value: '24.8' },
      { id: 'focus.offers.ordinary_work_hours', value: '1.000' },
    ]);
    expect([comma?.value, point?.value, thousands?.value]).toEqual([24.8, 24.8, 1000]);
    expect(comma?.setting).toBe('focus.offers.threshold=24,8');
  });

  it('refuses the same rule changed twice and a § citation, naming the rule', () => {
    expect(() =>
      readRuleSettings(OFFICIAL_RULES, 'files', [
        { id: 'focus.offers.threshold', value: '20' },
        { id: 'focus.offers.threshold', value: '25' },
      ]),
    ).toThrow('(focus.offers.threshold) er ændret mere end én gang.');
    const paragraph = OFFICIAL_RULES.ids.find((id) => OFFICIAL_RULES.node(id).unit === 'paragraph');
    expect(paragraph).toBeDefined();
    expect(() =>
      readRuleSettings(OFFICIAL_RULES, 'load', [{ id: paragraph ?? '', value: '§ 1' }]),
    ).toThrow(`(${paragraph ?? ''}) er en paragrafhenvisning, ikke en værdi, og kan ikke ændres.`);
  });
});
