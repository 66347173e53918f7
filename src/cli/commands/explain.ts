/**
 * `tilsyn explain --load ID --person P --month YYYY-MM [--json]`: why one
 * person is or is not in the target group and passive in a month
 * (measures.md § 10; `pipeline/explain.ts`).
 *
 * The output is personal data, for entitled users; the person id is never
 * logged or echoed in errors.
 */
import { explanationText } from '../../core/measures/explanation-text.js';
import { explainPersonInLoad } from '../../pipeline/explain.js';
import { resolve } from 'node:path';
import { flag, optionalString, requiredMonth, requiredString } from '../arguments.js';
import { EXIT_OK, type Command } from '../command.js';
import { DATA_DIRECTORY_HELP, DATA_DIRECTORY_OPTION } from '../data-directory.js';
import { LOAD_ARGUMENT_HELP, loadSource } from '../load-argument.js';
import { OFFICIAL_RULES } from '../../core/rules/official-rules.js';

export const explainCommand: Command = {
  name: 'explain',
  summary: 'Forklar for én person og måned, om personen er i målgruppen og passiv',
  help: `Brug: tilsyn explain --load ID|MAPPE --person P --month ÅÅÅÅ-MM [--json]

Viser hele begrundelsen for én person i én måned: ydelsesperioder og forløb,
varighed, døde og fritagne dage, målgruppe, vinduet [W, R], hver samtale og
hvert tilbud med den regel, der afgjorde om det tæller, timer og afgørelsen.
Oplysningerne er personoplysninger og må kun vises for berettigede brugere.

Tilvalg:
${LOAD_ARGUMENT_HELP}
  --person P        personens person_id (pseudonym) i indlæsningen, eller
                    CPR-nummeret, som så slås op under sit pseudonym (kræver
                    nøglen, som ved indlæsningen; nummeret vises aldrig)
  --pseudonym-key-file FIL  læs pseudonymiseringsnøglen fra FIL (ellers
                    $TILSYN_PSEUDONYM_KEY)
  --month ÅÅÅÅ-MM   måneden (opgørelsesdato R = månedens sidste dag)
  --json            skriv som JSON
${DATA_DIRECTORY_HELP}
  --help            vis denne hjælp`,
  options: {
    load: { type: 'string' },
    person: { type: 'string' },
    'pseudonym-key-file': { type: 'string' },
    month: { type: 'string' },
    json: { type: 'boolean' },
    ...DATA_DIRECTORY_OPTION,
  },
  async run(args, io) {
    const personId = requiredString(args, 'person');
    const month = requiredMonth(args, 'month');
    const keyFile = optionalString(args, 'pseudonym-key-file');
    const explanation = await explainPersonInLoad({
      load: loadSource(args, io),
      personId,
      month,
      ...(keyFile === undefined ? {} : { keyFile: resolve(io.cwd, keyFile) }),
    });
    io.stdout(
      flag(args, 'json')
        ? `${JSON.stringify(explanation, null, 2)}\n`
        : explanationText(OFFICIAL_RULES, explanation),
    );
    return EXIT_OK;
  },
};
