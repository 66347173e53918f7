/**
 * `tilsyn letter`: the letters of the supervision — one per decision kind and
 * the meeting invitation — as PDF, text or HTML, or their input as JSON (what
 * the case system stores with the decision and regenerates the letter from,
 * byte for byte).
 */
import { extname } from 'node:path';
import { DEFAULT_MEETING_PLACE, type LetterInput } from '../../core/letters/letter-input.js';
import { UsageError } from '../../files/usage-error.js';
import { decisionLetter, meetingLetter, storedLetter } from '../../pipeline/letters.js';
import {
  LETTER_FORMATS,
  renderLetter,
  type LetterFormat,
} from '../../reports/letters/render-letter.js';
import { loadPdfFonts } from '../../reports/pdf/pdf-fonts.js';
import { optionalDate, optionalInteger, optionalString, requiredString } from '../arguments.js';
import { ASSESSMENT_INPUT_OPTIONS, assessRequestOf } from '../assessment-arguments.js';
import { EXIT_OK, type Command, type CommandIo, type ParsedArguments } from '../command.js';
import { checkOutOption, FORCE_HELP, writeOutputFile } from '../output.js';

export const letterCommand: Command = {
  name: 'letter',
  summary: 'Breve: afgørelser (udvælgelse, forlængelse, ophør, administration) og mødeindkaldelse',
  help: `Brug: tilsyn letter --municipality KODE (--year ÅR | --from ÅR --to ÅR) KILDER [--status FIL]
                     [--date ÅÅÅÅ-MM-DD] --out FIL [tilvalg]
       tilsyn letter --municipality KODE --meeting-date ÅÅÅÅ-MM-DD --date ÅÅÅÅ-MM-DD
                     [--time TT.MM] [--place TEKST] --out FIL [tilvalg]
       tilsyn letter --input FIL --out FIL [--format pdf|txt|html|json] [--force]

Skriver brevet om kommunens afgørelse ved den sidste årlige opgørelse
(omfattes af skærpet tilsyn, forlængelse, ophør, administration, fortsat
administration, ophør af administration) eller en indkaldelse til møde med
ministeren (mindst en uges varsel) — på dansk, dateret, med kommunen,
hjemlen, tallene bag afgørelsen og fristerne, der regnes fra brevets dato.

--format json skriver brevets input: det gemmes med afgørelsen, og
tilsyn letter --input FIL danner samme brev igen, byte for byte.

Tilvalg:
  --municipality KODE  kommunens kode
  --year ÅR, --from ÅR --to ÅR, --focus FIL, --rates FIL, --load ID|MAPPE,
  --status FIL, --minimum-requirements FIL
                       opgørelsen, som i tilsyn assess
  --date ÅÅÅÅ-MM-DD    brevets dato (afgørelser: standard er fristen for
                       meddelelsen, 30. april året efter opgørelsesåret)
  --meeting-date D     mødets dato (mødeindkaldelse)
  --time TT.MM         mødets klokkeslæt
  --place TEKST        mødets sted (standard: Beskæftigelsesministeriet)
  --reference J        sagens journalnummer
  --sender FIL         afsender som JSON (authority, unit, addressLines, phone,
                       email, signatory, signatoryTitle); standard: STAR
  --input FIL          et gemt brev-input (JSON) at danne brevet fra
  --out FIL            filen der skrives
  --format F           pdf, txt, html eller json (standard: efter filens endelse)
${FORCE_HELP}
  --help               vis denne hjælp`,
  options: {
    ...ASSESSMENT_INPUT_OPTIONS,
    municipality: { type: 'string' },
    date: { type: 'string' },
    'meeting-date': { type: 'string' },
    time: { type: 'string' },
    place: { type: 'string' },
    reference: { type: 'string' },
    sender: { type: 'string' },
    input: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run(args, io) {
    const format = letterFormat(args);
    await checkOutOption(args, io, [
      'focus',
      'rates',
      'status',
      'minimum-requirements',
      'load',
      'sender',
      'input',
    ]);
    const input = await letterInput(args, io);
    await writeOutputFile(args, io, await renderLetter(input, format, await loadPdfFonts()));
    return EXIT_OK;
  },
};

function letterFormat(args: ParsedArguments): LetterFormat {
  const out = requiredString(args, 'out');
  const text = optionalString(args, 'format') ?? extname(out).slice(1).toLowerCase();
  const format = LETTER_FORMATS.find((candidate) => candidate === text);
  if (format === undefined)
    throw new UsageError(
      `--format skal være pdf, txt, html eller json (eller --out skal ende på en af dem), ikke "${text}"`,
    );
  return format;
}

/** The letter input the arguments ask for: a stored one, a meeting invitation, or a decision's. */
function letterInput(args: ParsedArguments, io: CommandIo): Promise<LetterInput> {
  const input = optionalString(args, 'input');
  if (input !== undefined) return storedLetter(io.cwd, input);
  const municipality = optionalInteger(args, 'municipality');
  if (municipality === undefined)
    throw new UsageError('--municipality mangler (eller brug --input)');
  const sender = optionalString(args, 'sender');
  const reference = optionalString(args, 'reference');
  const common = {
    municipality,
    cwd: io.cwd,
    ...(sender === undefined ? {} : { sender }),
    ...(reference === undefined ? {} : { reference }),
  };
  const date = optionalDate(args, 'date');
  const meetingDate = optionalDate(args, 'meeting-date');
  if (meetingDate !== undefined) {
    if (date === undefined) throw new UsageError('--date (indkaldelsens dato) mangler');
    const time = optionalString(args, 'time');
    return meetingLetter({
      ...common,
      date,
      meetingDate,
      place: optionalString(args, 'place') ?? DEFAULT_MEETING_PLACE,
      ...(time === undefined ? {} : { time }),
    });
  }
  return decisionLetter({
    ...common,
    assessment: assessRequestOf(args, io),
    ...(date === undefined ? {} : { date }),
  });
}
