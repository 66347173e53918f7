/**
 * `tilsyn passive-cases --load L --municipality M --year Y --out FILE
 * [--json]`: the list of all passive cases for the review under
 * administration (bek. nr. 301 § 12, stk. 1, nr. 2; bek. nr. 1409 § 13).
 */
import { passiveCasesOfLoad } from '../../pipeline/passive-cases.js';
import { municipalityNames } from '../../pipeline/legal-inputs.js';
import {
  passiveCasesCsv,
  passiveCasesJson,
  passiveCasesSummary,
} from '../../reports/passive-cases-report.js';
import { UsageError } from '../../files/usage-error.js';
import {
  flag,
  optionalInteger,
  optionalString,
  requiredInteger,
  requiredYear,
} from '../arguments.js';
import { EXIT_OK, type Command } from '../command.js';
import { DATA_DIRECTORY_HELP, DATA_DIRECTORY_OPTION } from '../data-directory.js';
import { LOAD_ARGUMENT_HELP, loadSource } from '../load-argument.js';
import { checkOutOption, FORCE_HELP, writeOutputFile } from '../output.js';

export const passiveCasesCommand: Command = {
  name: 'passive-cases',
  summary:
    'Listen over alle passivsager til gennemgangen under administration (§ 12, stk. 1, nr. 2)',
  help: `Brug: tilsyn passive-cases --load ID|MAPPE --municipality KODE --year ÅR --out FIL
                            [--json] [--force] [--workers N]

Skriver listen over alle sager, der skal indgå i den uvildige gennemgang af
alle passivsager, når kommunen er under administration (bek. nr. 301 af
20/03/2023 § 12, stk. 1, nr. 2 og stk. 2; bek. nr. 1409 af 16/12/2019 § 13):
alle personer i målgruppen pr. 31. december i opgørelsesåret, som ikke
opfyldte fokusmålenes minimumskrav (§ 5: mindst 1 tilbud eller timerne
ordinær beskæftigelse, og 4 samtaler i de seneste 12 måneder af forløbet),
i de ydelsesgrupper (§ 2, stk. 2), hvor kommunen ikke lever op til de
fokusmål, der kan begrunde en afgørelse det år. Se docs/cli.md.

Hver sag har personens pseudonym fra indlæsningen (aldrig et CPR-nummer),
ydelsen, forløbets start, forløbets længde pr. 31. december (tællende dage
og hele måneder), hvad der manglede (offer, conversations eller both),
datoen for det seneste tilbud, antal samtaler og timer i de seneste 12
måneder og den §, der kræver gennemgangen.

Tilvalg:
${LOAD_ARGUMENT_HELP}
  --municipality KODE kommunen (kommunekode)
  --year ÅR          opgørelsesåret (sagerne pr. 31. december)
  --out FIL          filen: CSV (én række pr. sag) eller med --json JSON med
                     indlæsning, regelversion, antal og sagerne (skema
                     tilsyn.passive-cases/1)
  --json             skriv JSON i stedet for CSV
${FORCE_HELP}
  --workers N        antal tråde
${DATA_DIRECTORY_HELP}
  --help             vis denne hjælp`,
  options: {
    load: { type: 'string' },
    municipality: { type: 'string' },
    year: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    force: { type: 'boolean' },
    workers: { type: 'string' },
    ...DATA_DIRECTORY_OPTION,
  },
  async run(args, io) {
    const municipality = requiredInteger(args, 'municipality');
    const year = requiredYear(args, 'year');
    const workers = optionalInteger(args, 'workers');
    if (workers !== undefined && (workers < 1 || workers > 64))
      throw new UsageError(`--workers skal være mellem 1 og 64, ikke ${workers}`);
    if (optionalString(args, 'out') === undefined) throw new UsageError('--out mangler');
    await checkOutOption(args, io, ['load']);
    const { loadId, list } = await passiveCasesOfLoad({
      load: loadSource(args, io),
      municipality,
      year,
      workers,
    });
    const context = {
      loadId,
      municipalityName: (await municipalityNames()).plainNameOf(municipality),
    };
    io.stdout(passiveCasesSummary(list, context));
    await writeOutputFile(
      args,
      io,
      flag(args, 'json')
        ? `${JSON.stringify(passiveCasesJson(list, context), null, 2)}\n`
        : passiveCasesCsv(list),
    );
    return EXIT_OK;
  },
};
