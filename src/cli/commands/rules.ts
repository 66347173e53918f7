/**
 * `tilsyn rules [--date D] [--json]`: every rule value in force on a date,
 * with its legal source, generated from the rule tree.
 */
import { isoDateOf } from '../../core/calendar/iso-date.js';
import { OFFICIAL_RULES } from '../../core/rules/official-rules.js';
import { rulesInForce } from '../../core/rules/rules-in-force.js';
import { rulesJson, rulesText } from '../../reports/rules-report.js';
import { flag, optionalDate } from '../arguments.js';
import { EXIT_OK, type Command } from '../command.js';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'Vis alle regelværdier (grænser, frister, målinger, §§) der gælder på en dato',
  help: `Brug: tilsyn rules [--date ÅÅÅÅ-MM-DD] [--json]

Viser hver regelværdi i regeltræet, der gælder på datoen, grupperet efter
område: værdien, dens hjemmel (bekendtgørelse eller lov, §, stk., nr.) eller
"fortolkning" (projektets læsning, hvor ingen regel giver værdien), datoen
den gælder fra, og dens id (som --set i tilsyn assess og tilsyn measure
bruger). En dato før de første regler trådte i kraft afvises.

Tilvalg:
  --date ÅÅÅÅ-MM-DD  datoen (standard: i dag)
  --json             skriv som JSON: en liste af
                     { id, value, unit, from, to, version, reference }
  --help             vis denne hjælp`,
  options: { date: { type: 'string' }, json: { type: 'boolean' } },
  run(args, io) {
    const today = io.now();
    const date =
      optionalDate(args, 'date') ??
      isoDateOf(today.getFullYear(), today.getMonth() + 1, today.getDate());
    const rules = rulesInForce(OFFICIAL_RULES, date);
    io.stdout(
      flag(args, 'json') ? `${JSON.stringify(rulesJson(rules), null, 2)}\n` : rulesText(rules),
    );
    return Promise.resolve(EXIT_OK);
  },
};
