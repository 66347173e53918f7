/**
 * `tilsyn loads`: the stored loads, newest first, and which one is in use.
 */
import { formatDanishNumber } from '../../core/danish-format.js';
import type { LoadListing } from '../../loading/load-catalog.js';
import { UNVERIFIABLE_NOTE } from '../../loading/load-integrity.js';
import { storedLoads } from '../../pipeline/loads.js';
import { flag } from '../arguments.js';
import { EXIT_BAD_INPUT, EXIT_OK, type Command } from '../command.js';
import { DATA_DIRECTORY_HELP, DATA_DIRECTORY_OPTION, dataDirectory } from '../data-directory.js';

export const loadsCommand: Command = {
  name: 'loads',
  summary: 'Vis de gemte indlæsninger, og hvilken der er i brug',
  help: `Brug: tilsyn loads [--verify] [--json]

Viser hver gemt indlæsning, nyeste først: id, tidspunkt (UTC), hvem, kildemappe
og filerne med antal rækker og begyndelsen af deres SHA-256. Indlæsningen i
brug er markeret med *. En indlæsning, hvis gemte filer mangler, har fået en
anden størrelse eller ikke står i manifestet, vises som BESKADIGET.

Tilvalg:
  --verify           kontrollér også hver gemt fils SHA-256 mod manifestet (læser
                     alle filer); afslutter med kode 2, hvis en indlæsning er
                     beskadiget
  --json             skriv som JSON (hele manifestet for hver indlæsning og
                     resultatet af kontrollen)
${DATA_DIRECTORY_HELP}
  --help             vis denne hjælp`,
  options: {
    ...DATA_DIRECTORY_OPTION,
    json: { type: 'boolean' },
    verify: { type: 'boolean' },
  },
  async run(args, io) {
    const directory = dataDirectory(args, io);
    const verify = flag(args, 'verify');
    const { loads, currentDamaged } = await storedLoads(directory, verify ? 'checksum' : 'size');
    const exit =
      verify && loads.some((load) => load.integrity.state === 'damaged') ? EXIT_BAD_INPUT : EXIT_OK;
    if (flag(args, 'json')) {
      const json = loads.map((load) => ({
        current: load.current,
        integrity: load.integrity,
        ...load.manifest,
      }));
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
      return exit;
    }
    if (loads.length === 0) {
      io.stdout(`Der er ingen indlæsninger i ${directory}. Indlæs data med "tilsyn load MAPPE".\n`);
      return EXIT_OK;
    }
    if (currentDamaged)
      io.stdout(
        'Advarsel: loads/CURRENT er beskadiget (indeholder ikke et indlæsnings-id): ingen indlæsning er i brug. Indlæs data igen, eller brug --load ID.\n\n',
      );
    io.stdout(describeLoads(directory, loads, verify));
    return exit;
  },
};

function rowCount(count: number): string {
  return `${formatDanishNumber(count)} ${count === 1 ? 'række' : 'rækker'}`;
}

function describeLoads(
  directory: string,
  loads: readonly LoadListing[],
  verified: boolean,
): string {
  const header = ['', 'Id', 'Tidspunkt (UTC)', 'Af', 'Kilde'];
  const rows = loads.map((load) => [
    load.current ? '*' : '',
    load.id,
    load.manifest.createdAt.replace('T', ' ').replace('Z', ''),
    load.manifest.createdBy,
    load.manifest.source,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const lines = [`Indlæsninger i ${directory}, nyeste først (* = i brug):`, '', line(header)];
  loads.forEach((load, index) => {
    lines.push(line(rows[index] ?? []));
    const files = load.manifest.files.map((file) => [
      file.file,
      rowCount(file.rowsLoaded),
      file.rowsRejected > 0 ? `${formatDanishNumber(file.rowsRejected)} afvist` : '',
      `sha256 ${file.sha256.slice(0, 12)}`,
    ]);
    const fileWidths = [0, 1, 2].map((column) =>
      Math.max(...files.map((cells) => (cells[column] ?? '').length)),
    );
    const anyRejected = files.some((cells) => cells[2] !== '');
    for (const [name = '', count = '', rejected = '', digest = ''] of files) {
      const cells = [name.padEnd(fileWidths[0] ?? 0), count.padStart(fileWidths[1] ?? 0)];
      if (anyRejected) cells.push(rejected.padEnd(fileWidths[2] ?? 0));
      cells.push(digest);
      lines.push(`    ${cells.join('  ')}`);
    }
    const period = load.manifest.dataPeriod;
    lines.push(
      period === undefined
        ? '    Dataperiode ukendt (indlæst med en ældre version eller uden daterede rækker)'
        : `    Data fra ${period.first} til og med ${period.last}`,
    );
    lines.push(...integrityLines(load, verified));
  });
  if (verified) lines.push('', 'Hver gemt fils SHA-256 er kontrolleret mod manifestet.');
  return `${lines.join('\n')}\n`;
}

function integrityLines(load: LoadListing, verified: boolean): string[] {
  const { integrity } = load;
  if (integrity.state === 'damaged')
    return [
      ...integrity.damages.map((damage) => `    BESKADIGET: ${damage.file}: ${damage.reason}`),
      '    Indlæsningen kan ikke bruges; indlæs data igen.',
    ];
  if (integrity.state === 'unverifiable')
    return [`    Kan ikke kontrolleres: ${UNVERIFIABLE_NOTE}`];
  return verified ? ['    Kontrolleret: i orden'] : [];
}
