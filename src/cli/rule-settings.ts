/**
 * `--set ID=VALUE` (repeatable): the settings of a reform simulation, as
 * given; the core reads and checks them (`parseRuleOverrides`).
 */
import type { ParsedArguments } from './command.js';
import { UsageError } from '../files/usage-error.js';

export function ruleSettings(args: ParsedArguments): string[] {
  const value = args.values['set'];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((setting) => {
    if (typeof setting !== 'string' || setting.trim() === '')
      throw new UsageError('--set skal have en værdi: ID=VÆRDI');
    return setting;
  });
}
