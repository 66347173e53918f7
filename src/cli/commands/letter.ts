/**
 * `tilsyn letter`: the letters of the supervision — one per decision kind and
 * the meeting invitation — as PDF, text or HTML, or their input as JSON (what
 * the case system stores with the decision and regenerates the letter from,
 * byte for byte).
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseIsoDate, type IsoDate } from '../../core/calendar/iso-date.js';
import { DomainError } from '../../core/domain-error.js';
import { DECISION_LABELS } from '../../core/domain/supervision.js';
import { inviteToMeeting } from '../../core/lifecycle/meeting-invitation.js';
import { decisionLetterInput, meetingLetterInput } from '../../core/letters/letter-inputs-of.js';
import type { LetterInput, LetterSender } from '../../core/letters/letter-input.js';
import { parseLetterInput, parseLetterSender } from '../../inputs/read-letter-input.js';
import {
  LETTER_FORMATS,
  renderLetter,
  type LetterFormat,
} from '../../reports/letters/render-letter.js';
import { loadPdfFonts } from '../../reports/pdf/pdf-fonts.js';
import { optionalDate, optionalInteger, optionalString, requiredString } from '../arguments.js';
import { ASSESSMENT_INPUT_OPTIONS, assessmentsFromArguments } from '../assessment-arguments.js';
import { EXIT_OK, type Command, type CommandIo, type ParsedArguments } from '../command.js';
import { municipalityNames } from '../legal-inputs.js';
import { FORCE_HELP, refuseExistingOutput, writeOutputFile } from '../output-file.js';
import { UsageError } from '../usage-error.js';

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
  --status FIL         opgørelsen, som i tilsyn assess
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
    await refuseExistingOutput(args, io);
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

async function readText(io: CommandIo, file: string): Promise<string> {
  try {
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch {
    throw new UsageError(`kan ikke læse ${file}`);
  }
}

async function letterInput(args: ParsedArguments, io: CommandIo): Promise<LetterInput> {
  const inputFile = optionalString(args, 'input');
  if (inputFile !== undefined) return parseLetterInput(await readText(io, inputFile), inputFile);
  const senderFile = optionalString(args, 'sender');
  const sender: LetterSender | undefined =
    senderFile === undefined
      ? undefined
      : parseLetterSender(await readText(io, senderFile), senderFile);
  const reference = optionalString(args, 'reference');
  const code = optionalInteger(args, 'municipality');
  if (code === undefined) throw new UsageError('--municipality mangler (eller brug --input)');
  const names = await municipalityNames();
  if (!names.known.has(code)) throw new UsageError(`ukendt kommunekode ${code}`);
  const municipality = { code, name: names.plainNameOf(code) };
  const extras = {
    ...(sender === undefined ? {} : { sender }),
    ...(reference === undefined ? {} : { reference }),
  };
  const meetingDate = optionalDate(args, 'meeting-date');
  if (meetingDate !== undefined) {
    const date = optionalDate(args, 'date');
    if (date === undefined) throw new UsageError('--date (indkaldelsens dato) mangler');
    const time = optionalString(args, 'time');
    return meetingLetterInput({
      invitation: inviteToMeeting(code, date, meetingDate),
      municipality,
      place:
        optionalString(args, 'place') ??
        'i Beskæftigelsesministeriet, Holmens Kanal 20, København K',
      ...(time === undefined ? {} : { time }),
      ...extras,
    });
  }
  const { history } = await assessmentsFromArguments(args, io);
  const year = history.years[history.years.length - 1];
  const entry = year?.municipalities.find((candidate) => candidate.municipality === code);
  if (year === undefined || entry === undefined)
    throw new UsageError('ingen opgørelse af kommunen');
  if (entry.decision.kind === 'stays_out')
    throw new DomainError(
      'no_letter',
      `${municipality.name} (${code}): ${DECISION_LABELS.stays_out.toLowerCase()} ved opgørelsen af ${year.year}; der er ingen afgørelse at skrive brev om.`,
    );
  const date: IsoDate = optionalDate(args, 'date') ?? year.noticeDeadline;
  if (parseIsoDate(date) === undefined) throw new UsageError('--date skal være ÅÅÅÅ-MM-DD');
  return decisionLetterInput({ year, entry, municipality, date, ...extras });
}
