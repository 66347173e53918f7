/**
 * `tilsyn load MAPPE`: loads a folder of register extracts (data.md) as a new,
 * versioned load and puts it in use — or refuses it and changes nothing.
 */
import { dirname, resolve } from 'node:path';
import { describeLoad, describeRefusal, describeWarnings } from '../../loading/load-report.js';
import { loadFolder } from '../../pipeline/open-load.js';
import { flag, optionalString } from '../arguments.js';
import { EXIT_BAD_INPUT, EXIT_OK, type Command } from '../command.js';
import { DATA_DIRECTORY_HELP, DATA_DIRECTORY_OPTION, dataDirectory } from '../data-directory.js';
import { isFolder } from '../../files/path-kind.js';
import { checkOutputFile } from '../../files/output-target.js';
import { whoIsRunning } from '../load-argument.js';
import { UsageError } from '../../files/usage-error.js';

export const loadCommand: Command = {
  name: 'load',
  summary: 'Indlæs registerudtræk (personhenførbare data) fra en mappe som en ny indlæsning',
  help: `Brug: tilsyn load MAPPE [tilvalg]

Indlæser filerne i MAPPE, hver som NAVN.csv eller NAVN.parquet (formaterne
står i docs/data.md):
  påkrævet: benefit_periods, conversations, offers, work_hours, exemptions,
            framework_conditions
  valgfri:  municipalities (ellers de 98 kommuner, der følger med),
            expected_rates, focus_measures
CSV-filer er UTF-8 (med eller uden BOM) med en overskriftslinje og , eller ;
som skilletegn (med ; er decimalkomma tilladt).

Hver række kontrolleres. Har en række fejl, afvises hele indlæsningen, og
intet ændres: fejlene vises med fil, linje, kolonne, værdi og årsag, og
rækkerne tælles pr. årsag (læst = gyldige + afvist). Indlæsningen gemmes
ellers som en ny version og tages i brug; den forrige bevares.

CPR-numre i person_id (i enhver skrivemåde: 010190-1234, 010190 1234,
CPR0101901234, 101901234 …) afvises, medmindre en pseudonymiseringsnøgle er
angivet ($TILSYN_PSEUDONYM_KEY eller --pseudonym-key-file); så erstattes hvert
CPR-nummer af HMAC-SHA256(nøgle, de ti cifre), før noget gemmes. Nøglen skal
være tilfældig og mindst 32 byte: lav den med "openssl rand -hex 32" eller
som nøglefil med "openssl rand -out FIL 32". Se docs/pseudonymisation.md.

Tilvalg:
  --accept-valid-rows        indlæs de gyldige rækker og skriv de afviste til
                             rejects.csv i indlæsningen
  --rejects FIL              skriv alle afviste rækker til FIL (også når
                             indlæsningen afvises); aldrig i MAPPE eller
                             datamappen
  --force                    overskriv en eksisterende --rejects FIL
  --pseudonym-key-file FIL   læs pseudonymiseringsnøglen fra FIL
${DATA_DIRECTORY_HELP}
  --help                     vis denne hjælp

Miljø: TILSYN_USER (hvem der indlæser; ellers brugernavnet),
TILSYN_LOAD_MEMORY_LIMIT (DuckDB's hukommelsesgrænse, standard 2GB).`,
  options: {
    ...DATA_DIRECTORY_OPTION,
    'accept-valid-rows': { type: 'boolean' },
    rejects: { type: 'string' },
    force: { type: 'boolean' },
    'pseudonym-key-file': { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const source = resolve(io.cwd, args.positionals[0] ?? '.');
    const keyFile = optionalString(args, 'pseudonym-key-file');
    const rejectsOption = optionalString(args, 'rejects');
    const rejects = rejectsOption === undefined ? undefined : resolve(io.cwd, rejectsOption);
    if (rejects !== undefined) {
      if (!(await isFolder(dirname(rejects))))
        throw new UsageError(`--rejects: mappen ${dirname(rejects)} findes ikke`);
      await checkOutputFile(
        rejects,
        {
          inputs: [source],
          dataDirectory: dataDirectory(args, io),
          force: flag(args, 'force'),
        },
        '--rejects',
      );
    }
    const result = await loadFolder({
      source,
      dataDirectory: dataDirectory(args, io),
      acceptValidRows: flag(args, 'accept-valid-rows'),
      ...(rejects === undefined ? {} : { rejectsFile: rejects }),
      ...(keyFile === undefined ? {} : { keyFile: resolve(io.cwd, keyFile) }),
      env: io.env,
      now: io.now(),
      createdBy: whoIsRunning(io),
    });
    if (result.warnings.length > 0) io.stderr(describeWarnings(result.warnings));
    if (result.status === 'refused') {
      io.stderr(describeRefusal(result));
      return EXIT_BAD_INPUT;
    }
    io.stdout(describeLoad(result.id, source, result.manifest.persons, result));
    return EXIT_OK;
  },
};
