import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/core/calendar/iso-date.js';
import { runCli } from '../support/run-cli.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tilsyn-generate-cli-'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('tilsyn generate', () => {
  it('explains itself with --help', async () => {
    const result = await runCli(['generate', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Brug: tilsyn generate --scale S --seed N --out MAPPE/);
    for (const option of [
      '--format csv|parquet',
      '--from',
      '--to',
      '--cpr-ids',
      '--workers',
      '--force',
    ])
      expect(result.stdout).toContain(option);
  });

  it.each([
    [['--seed', '1', '--out', 'x'], 'Fejl: --scale mangler\nSe "tilsyn generate --help".\n'],
    [['--scale', '0,01', '--seed', '1'], 'Fejl: --out mangler\nSe "tilsyn generate --help".\n'],
    [
      ['--scale', '0', '--seed', '1', '--out', 'x'],
      'Fejl: --scale skal være et tal større end 0 og højst 10 (1 ≈ hele landet), ikke "0"\nSe "tilsyn generate --help".\n',
    ],
    [
      ['--scale', 'lille', '--seed', '1', '--out', 'x'],
      'Fejl: --scale skal være et tal større end 0 og højst 10 (1 ≈ hele landet), ikke "lille"\nSe "tilsyn generate --help".\n',
    ],
    [
      ['--scale', '0.01', '--seed', '99999999999', '--out', 'x'],
      'Fejl: --seed skal være et heltal fra 0 til 4294967295, ikke 99999999999\nSe "tilsyn generate --help".\n',
    ],
    [
      ['--scale', '0.01', '--seed', '1', '--out', 'x', '--format', 'xlsx'],
      'Fejl: --format skal være csv eller parquet, ikke "xlsx"\nSe "tilsyn generate --help".\n',
    ],
    [
      ['--scale', '0.01', '--seed', '1', '--out', 'x', '--from', '2024-13'],
      'Fejl: --from skal være en måned på formen ÅÅÅÅ-MM, ikke "2024-13"\nSe "tilsyn generate --help".\n',
    ],
    [
      ['--scale', '0.01', '--seed', '1', '--out', 'x', '--from', '2024-01', '--to', '2023-12'],
      'Fejl: --to (2023-12) ligger før --from (2024-01)\nSe "tilsyn generate --help".\n',
    ],
    [
      ['--scale', '0.01', '--seed', '1', '--out', 'x', '--workers', '0'],
      'Fejl: --workers skal være et heltal fra 1 til 16, ikke 0\nSe "tilsyn generate --help".\n',
    ],
  ])('refuses bad usage %j with exit code 2 and a Danish message', async (args, message) => {
    const result = await runCli(['generate', ...args], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
  });

  it('refuses a scale and period that need more persons than the identifiers hold', async () => {
    const result = await runCli(
      ['generate', '--scale', '10', '--seed', '1', '--out', 'x', '--from', '1950-01'],
      { cwd: root },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^Fejl: skala 10,000 og perioden 1950-01 – 2025-12 kræver [\d.]+ personnumre, men der er højst 164\.359\.999; vælg en mindre skala eller en kortere periode\n/,
    );
    expect(readdirSync(root).filter((name) => name.includes('staging'))).toEqual([]);
  });

  it('refuses to write into a folder that is not empty, and replaces it with --force', async () => {
    const folder = join(root, 'taken');
    mkdirSync(folder);
    writeFileSync(join(folder, 'note.txt'), 'mine');
    const args = ['generate', '--scale', '0.002', '--seed', '1', '--out', 'taken'];
    const refused = await runCli(args, { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `Fejl: mappen ${folder} er ikke tom; brug --force for at erstatte den\nSe "tilsyn generate --help".\n`,
    );
    expect(readdirSync(folder)).toEqual(['note.txt']);
    const forced = await runCli(
      [...args, '--from', '2025-01', '--to', '2025-12', '--cpr-ids', '--force'],
      {
        cwd: root,
      },
    );
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain(`Syntetisk datasæt skrevet til ${folder}`);
    expect(readdirSync(folder)).not.toContain('note.txt');
    expect(readdirSync(root).filter((name) => name.includes('staging'))).toEqual([]);
    const [header, first] = readFileSync(join(folder, 'benefit_periods.csv'), 'utf8').split('\n');
    expect(header).toBe('person_id,municipality,benefit,from,to');
    const cpr = first?.split(',')[0] ?? '';
    expect(cpr).toMatch(/^\d{10}$/);
    expect(
      parseIsoDate(`19${cpr.slice(4, 6)}-${cpr.slice(2, 4)}-${cpr.slice(0, 2)}`),
    ).toBeDefined();
  }, 120_000);
});
