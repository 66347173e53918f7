/**
 * `tilsyn loads`: the stored loads, newest first, and which one is in use.
 */
import { formatDanishNumber } from '../../core/danish-format.js';
import type { LoadListing } from '../../loading/load-catalog.js';
import { storedLoads } from '../../pipeline/loads.js';
import { flag } from '../arguments.js';
import { EXIT_OK, type Command } from '../command.js';
import { DATA_DIRECTORY_HELP, DATA_DIRECTORY_OPTION, dataDirectory } from '../data-directory.js';

export const loadsCommand: Command = {
  name: 'loads',
  summary: 'Vis de gemte indlæsninger, og hvilken der er i brug',
  help: `Brug: tilsyn loads [--json]

Viser hver gemt indlæsning, nyeste først: id, tidspunkt (UTC), hvem, kildemappe
og filerne med antal rækker og begyndelsen af deres SHA-256. Indlæsningen i
brug er markeret med *.

Tilvalg:
  --json             skriv som JSON (hele manifestet for hver indlæsning)
${DATA_DIRECTORY_HELP}
  --help             vis denne hjælp`,
  options: { ...DATA_DIRECTORY_OPTION, json: { type: 'boolean' } },
  async run(args, io) {
    const directory = dataDirectory(args, io);
    const loads = await storedLoads(directory);
    if (flag(args, 'json')) {
      const json = loads.map((load) => ({ current: load.current, ...load.manifest }));
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
      return EXIT_OK;
    }
    if (loads.length === 0) {
      io.stdout(`Der er ingen indlæsninger i ${directory}. Indlæs data med "tilsyn load MAPPE".\n`);
      return EXIT_OK;
    }
    io.stdout(describeLoads(directory, loads));
    return EXIT_OK;
  },
};

function rowCount(count: number): string {
  return `${formatDanishNumber(count)} ${count === 1 ? 'række' : 'rækker'}`;
}

function describeLoads(directory: string, loads: readonly LoadListing[]): string {
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
  });
  return `${lines.join('\n')}\n`;
}
