/**
 * `tilsyn rules`: every rule value in force on a date, generated from the
 * rule tree — grouped by area under Danish headings, each value with its §
 * (or "fortolkning"), the day it applies from and its id. Lines fit in 100
 * columns.
 */
import { formatDanishDate } from '../core/calendar/iso-date.js';
import { formatCitation } from '../core/rules/legal-source.js';
import { ruleValueRecord, type RuleValueRecord } from '../core/rules/rule-record.js';
import { RULE_AREA_HEADINGS, RULE_AREAS } from '../core/rules/rule-node.js';
import type { RuleVersion } from '../core/rules/rule-version.js';
import type { RuleInForce, RulesInForce } from '../core/rules/rules-in-force.js';
import { formatRuleValue } from './rule-values.js';

const WIDTH = 100;

/** Breaks `text` into lines of at most `WIDTH` columns, the first indented `first`, the rest `rest`. */
export function wrap(text: string, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

function lawVersionOn(rules: RulesInForce): RuleVersion | undefined {
  return rules.book.versions
    .filter((version) => version.kind === 'law' && version.inForce <= rules.date)
    .at(-1);
}

function ruleLines(rule: RuleInForce): string[] {
  const version = rule.version === undefined ? 'simulering' : rule.version;
  return [
    ...wrap(`${rule.node.label}: ${formatRuleValue(rule.node, rule.value)}`, '  ', '      '),
    ...wrap(
      `${formatCitation(rule.source)} · ${version}, fra ${formatDanishDate(rule.from)} · ${rule.id}`,
      '      ',
      '        ',
    ),
  ];
}

/** The rules in force as Danish text. */
export function rulesText(rules: RulesInForce): string {
  const all = rules.all();
  const law = lawVersionOn(rules);
  const lines = [
    `Regler i kraft ${formatDanishDate(rules.date)}`,
    ...wrap(
      `Bekendtgørelse: ${rules.version.id} — ${rules.version.instrument.citation}, i kraft ${formatDanishDate(rules.version.inForce)}`,
      '  ',
      '    ',
    ),
    ...(law === undefined
      ? []
      : wrap(
          `Loven: ${law.id} — ${law.instrument.citation}, i kraft ${formatDanishDate(law.inForce)}`,
          '  ',
          '    ',
        )),
  ];
  if (rules.book.overrides.length > 0) {
    lines.push(
      ...wrap(
        `SIMULERING, ikke gældende regler: ${rules.book.overrides.map((override) => override.setting).join(', ')}`,
        '  ',
        '    ',
      ),
    );
  }
  for (const area of RULE_AREAS) {
    const inArea = all.filter((rule) => rule.node.area === area);
    if (inArea.length === 0) continue;
    lines.push('', RULE_AREA_HEADINGS[area], ...inArea.flatMap(ruleLines));
  }
  lines.push(
    '',
    'Hjemmel: bekendtgørelse eller lov, §, stk., nr.; "fortolkning": projektets læsning, hvor ingen',
    "regel giver værdien (begrundelsen står i tilsyn rules --json). Id'et bruges med --set.",
  );
  return `${lines.join('\n')}\n`;
}

/** The rules in force as records: `{ id, value, unit, from, to, version, reference }` per node. */
export function rulesJson(rules: RulesInForce): RuleValueRecord[] {
  return rules.all().map((rule) => ruleValueRecord(rules.book, rule));
}
