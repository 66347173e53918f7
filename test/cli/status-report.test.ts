import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/core/status-report/status-report-types.js';
import { runCli } from '../support/run-cli.js';

const FOCUS = join(process.cwd(), 'examples/aggregates/focus_measures.csv');
const RATES = join(process.cwd(), 'examples/aggregates/expected_rates.csv');

let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tilsyn-status-report-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function reportJson(month: string, extra: string[] = []): Promise<StatusReport> {
  const result = await runCli(
    ['status-report', '--month', month, '--focus', FOCUS, '--rates', RATES, '--json', ...extra],
    { cwd: root },
  );
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as StatusReport;
}

describe('tilsyn status-report from the aggregated files', () => {
  it('has the same Tables 1 and 2 as tilsyn risk, every municipality in the appendix and 18 months in Figure 1', async () => {
    const report = await reportJson('2024-12');
    const risk = await runCli([
      'risk',
      '--month',
      '2024-12',
      '--focus',
      FOCUS,
      '--rates',
      RATES,
      '--json',
    ]);
    const riskTables = (
      JSON.parse(risk.stdout) as { tables: { rows: { code: number; measure: number }[] }[] }
    ).tables;
    expect(
      report.tables.map((table) => table.rows.map((row) => [row.municipality.code, row.measure])),
    ).toEqual(riskTables.map((table) => table.rows.map((row) => [row.code, row.measure])));
    expect(report.tables[0]?.rows.map((row) => row.municipality.name)).toEqual([
      'Slagelse',
      'Ishøj',
    ]);
    expect(report.appendix.rows).toHaveLength(98);
    expect(report.figure.months).toHaveLength(18);
    expect(report.contacts.rows.map((row) => row.municipality.name)).toEqual([
      'Ishøj',
      'Odense',
      'Slagelse',
    ]);
    expect(report.source.text).toContain('Kilde: fokusmålinger fra');
  });

  it('fills Table 3 from the AMK’s contact records', async () => {
    await writeFile(
      join(root, 'contacts.csv'),
      'municipality,first_contact,wants_assistance,mapping_done,effort\n461,2024-10-02,ikke_besluttet,nej,"Møde om tilbud; opfølgning i januar"\n',
    );
    const report = await reportJson('2024-12', ['--contacts', 'contacts.csv']);
    expect(report.contacts.rows.find((row) => row.municipality.code === 461)).toMatchObject({
      firstContact: '2024-10-02',
      wantsAssistance: 'ikke_besluttet',
      mappingDone: false,
      effort: 'Møde om tilbud; opfølgning i januar',
    });
  });

  it('refuses a contact record with a bad answer, naming the file, line and column', async () => {
    await writeFile(join(root, 'bad.csv'), 'municipality,wants_assistance\n461,måske\n');
    const result = await runCli(
      [
        'status-report',
        '--month',
        '2024-12',
        '--focus',
        FOCUS,
        '--rates',
        RATES,
        '--contacts',
        'bad.csv',
      ],
      { cwd: root },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.csv');
    expect(result.stderr).toContain('linje 2');
    expect(result.stderr).toContain('wants_assistance');
  });

  it('writes the municipalities as CSV for Excel, and never over an existing file without --force', async () => {
    const args = [
      'status-report',
      '--month',
      '2024-12',
      '--focus',
      FOCUS,
      '--rates',
      RATES,
      '--excel',
      '--out',
      'status.csv',
    ];
    expect((await runCli(args, { cwd: root })).code).toBe(0);
    const bytes = await readFile(join(root, 'status.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Kommunekode;Kommune;Tilbud mv\.: andel passive oktober 2024 \(%\);/);
    expect(lines).toContain('183;Ishøj;15,0;15,0;15,0;15,0;30;Ja;22,0;22,0;22,0;22,0;20;Nej;Nej;1');
    const again = await runCli(args, { cwd: root });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      'status.csv findes allerede; brug --force for at overskrive den',
    );
    expect((await runCli([...args, '--force'], { cwd: root })).code).toBe(0);
  });

  it('prints the report as text by default', async () => {
    const result = await runCli([
      'status-report',
      '--month',
      '2024-12',
      '--focus',
      FOCUS,
      '--rates',
      RATES,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Opfølgning på kommunernes afgivelse af samtaler og tilbud mv.\nStatus for december 2024\n',
    );
    expect(result.stdout).toContain(
      'Figur 1. Andel passive på landsplan, juli 2023 – december 2024 (%)',
    );
    expect(result.stdout).toMatch(/Ishøj \(183\)\s+8\.320\s+8\.320\s+0 \(\+0,004\)\s+22,0/);
  });
});

describe('tilsyn status-report on a small synthetic load', () => {
  it('computes June 2025 from person-level data, with the load as the source', async () => {
    const synthetic = join(root, 'synthetic');
    const generated = await runCli(
      [
        'generate',
        '--scale',
        '0.01',
        '--seed',
        '7',
        '--out',
        join(synthetic, 'raw'),
        '--from',
        '2022-06',
        '--to',
        '2025-06',
      ],
      { cwd: root },
    );
    expect(generated.code, generated.stderr).toBe(0);
    const loaded = await runCli(
      ['load', join(synthetic, 'raw'), '--data-dir', join(synthetic, 'data')],
      { cwd: root },
    );
    expect(loaded.code, loaded.stderr).toBe(0);
    const result = await runCli(
      [
        'status-report',
        '--month',
        '2025-06',
        '--load',
        'current',
        '--data-dir',
        join(synthetic, 'data'),
        '--json',
      ],
      { cwd: root },
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as StatusReport;
    expect(report.month).toBe('2025-06');
    expect(report.ratesYear).toBe(2024);
    expect(report.appendix.rows).toHaveLength(98);
    expect(report.figure.months.map((point) => point.month)[0]).toBe('2024-01');
    expect(
      report.figure.months.every(
        (point) => point.share.offers !== null && point.average.conversations !== null,
      ),
    ).toBe(true);
    expect(report.source.loadId).toMatch(/.+/);
    expect(report.source.text).toContain(`indlæsning ${report.source.loadId ?? ''}`);
    // The national average at June 2025 is the mean of the 12 pooled monthly shares.
    const last12 = report.figure.months.slice(-12).map((point) => point.share.offers ?? 0);
    expect(report.national.offers.average).toBeCloseTo(
      last12.reduce((sum, value) => sum + value, 0) / 12,
      10,
    );
  });
});
