import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages, pdfText } from '../support/pdf-text.js';
import { runCli } from '../support/run-cli.js';

const FOCUS = join(process.cwd(), 'examples/aggregates/focus_measures.csv');
const RATES = join(process.cwd(), 'examples/aggregates/expected_rates.csv');
const FRAMEWORK = join(process.cwd(), 'test/fixtures/benchmark/framework_conditions.csv');
const ACTUAL = join(process.cwd(), 'test/fixtures/benchmark/benefit_rates.csv');

let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tilsyn-report-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function report(args: readonly string[], out: string): Promise<Buffer> {
  const result = await runCli(['report', ...args, '--out', out], { cwd: root });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toBe(`Skrevet til ${out}\n`);
  return readFile(join(root, out));
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(bytes).buffer);
  return book;
}

const STATUS = ['status', '--month', '2024-12', '--focus', FOCUS, '--rates', RATES];

describe('tilsyn report status', () => {
  it('writes a PDF whose text has the title, Figure 1, Tables 1–3 with names and Danish figures, the appendix, notes and source', async () => {
    const bytes = await report(STATUS, 'status.pdf');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('Opfølgning på kommunernes afgivelse af samtaler og tilbud mv.');
    expect(text).toContain('Status for december 2024');
    expect(text).toContain('Figur 1. Andel passive på landsplan, juli 2023 – december 2024 (%)');
    expect(text).toContain('Grænse, samtaler');
    expect(text).toContain('Tabel 1. Kommuner, der ikke opfylder fokusmålet om samtaler');
    expect(text).toMatch(/Slagelse \(330\) 7\.580 7\.730 150 \(\+0,35\) 24,0/);
    expect(text).toMatch(/Ishøj \(183\) 8\.320 8\.320 0 \(\+0,004\) 22,0/);
    expect(text).toContain('Ishøj er "på grænsen"');
    expect(text).toMatch(/Odense \(461\) 21\.310 21\.740 430 \(\+0,31\) 32,0/);
    expect(text).toContain('Tabel 3. AMK’s kontakt med kommuner');
    expect(text).toContain('Bilag 1. Kommunernes fokusmålinger, oktober 2024 – december 2024');
    expect(text).toContain('Ærø (492)');
    expect(text).toContain('Tårnby (185)');
    expect(text).toContain('Anmærkninger');
    expect(text).toContain('Kilde: fokusmålinger fra');
    const pages = await pdfPages(bytes);
    expect(pages[pages.length - 1]).toMatch(/side \d+ af \d+/);
  });

  it('gives the same bytes for the same data (no clock, no chance in the PDF)', async () => {
    const first = await report(STATUS, 'again-1.pdf');
    const second = await report(STATUS, 'again-2.pdf');
    expect(first.equals(second)).toBe(true);
  });

  it('writes a workbook of real cells: numbers with Danish number formats, frozen headers, widths, Figure 1’s numbers', async () => {
    const book = await workbook(await report(STATUS, 'status.xlsx'));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'Oversigt',
      'Figur 1',
      'Tabel 1',
      'Tabel 2',
      'Tabel 3',
      'Bilag 1',
    ]);
    const table1 = book.getWorksheet('Tabel 1');
    expect(table1?.getCell('A1').value).toBe(
      'Tabel 1. Kommuner, der ikke opfylder fokusmålet om samtaler (gns. de seneste 12 mdr. under 20 %) og resultatmålet',
    );
    expect(table1?.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(table1?.getRow(4).values).toEqual([
      undefined,
      'Kommune',
      'Kommunekode',
      'Forventede antal ledige',
      'Faktisk antal ledige',
      'Forskel (fuldtidspersoner)',
      'Forskel (pct.-point)',
      'Gns. passivandel de seneste 12 mdr. (%)',
      'På grænsen',
    ]);
    const slagelse = table1?.getRow(5);
    expect(slagelse?.getCell(1).value).toBe('Slagelse');
    expect(slagelse?.getCell(3).value).toBe(7580);
    expect(slagelse?.getCell(3).numFmt).toBe('#,##0');
    expect(slagelse?.getCell(7).value).toBeCloseTo(24, 10);
    expect(slagelse?.getCell(7).numFmt).toBe('#,##0.0');
    expect(slagelse?.getCell(6).numFmt).toBe('+#,##0.00;-#,##0.00;0.00');
    expect(table1?.getColumn(1).width).toBe(22);
    const figure = book.getWorksheet('Figur 1');
    expect(figure?.getCell('A4').value).toBe('Måned');
    expect(figure?.getCell('A5').value).toBe('juli 2023');
    expect(figure?.getCell('D5').value).toBe(20);
    expect(figure?.getCell('G5').value).toBe(30);
    expect(typeof figure?.getCell('B5').value).toBe('number');
    const appendix = book.getWorksheet('Bilag 1');
    expect(appendix?.rowCount).toBe(4 + 98);
  });

  it('writes the report’s data as JSON', async () => {
    const bytes = await report([...STATUS, '--format', 'json'], 'status-data.txt');
    expect((JSON.parse(bytes.toString()) as { schema: string }).schema).toBe(
      'tilsyn.status-report/1',
    );
  });

  it('refuses an unknown format and an existing file without --force', async () => {
    const unknown = await runCli(['report', ...STATUS, '--out', 'status.docx'], { cwd: root });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--format skal være pdf, xlsx eller json');
    const existing = await runCli(['report', ...STATUS, '--out', 'status.pdf'], { cwd: root });
    expect(existing.code).toBe(2);
    expect(existing.stderr).toContain(
      'status.pdf findes allerede; brug --force for at overskrive den',
    );
  });
});

describe('tilsyn report assessment', () => {
  const ASSESS = [
    'assessment',
    '--from',
    '2021',
    '--to',
    '2024',
    '--focus',
    FOCUS,
    '--rates',
    RATES,
  ];

  it('writes a PDF with every municipality’s figures and each decision with its §, reasons and deadlines', async () => {
    const text = await pdfText(await report(ASSESS, 'assessment.pdf'));
    expect(text).toContain('Årlig opgørelse 2024');
    expect(text).toContain('Kommunerne');
    expect(text).toContain('Afgørelserne');
    expect(text).toContain('bek. nr. 301 af 20/03/2023');
    expect(text).toMatch(/Frist Hvad Hjemmel/);
    expect(text).toContain('Ærø (492)');
    expect(text).toContain('Kilde: forventede ydelsesgrader fra');
  });

  it('writes a workbook with one row per municipality and the deadlines of the decisions', async () => {
    const book = await workbook(await report(ASSESS, 'assessment.xlsx'));
    const sheet = book.getWorksheet('Kommuner');
    expect(sheet?.rowCount).toBe(4 + 98);
    const header = sheet?.getRow(4).values as unknown[];
    expect(header).toContain('Afgørelse');
    expect(header).toContain('Hjemmel');
    expect(sheet?.getCell('A5').value).toBe('København');
    expect(sheet?.getCell('C5').numFmt).toBe('#,##0.00');
    const deadlines = book.getWorksheet('Frister');
    expect(deadlines?.getCell('D5').value).toBeInstanceOf(Date);
    expect(deadlines?.getCell('D5').numFmt).toBe('dd-mm-yyyy');
  });
});

describe('tilsyn report benchmark', () => {
  const BENCHMARK = ['benchmark', '--year', '2024', '--framework', FRAMEWORK, '--actual', ACTUAL];

  it('writes a PDF with the ranking 1–98 and the clusters', async () => {
    const text = await pdfText(await report(BENCHMARK, 'benchmark.pdf'));
    expect(text).toContain('Benchmarking af kommunernes resultater 2024');
    expect(text).toContain('Plads Kommune');
    expect(text).toContain('Klyngerne');
    expect(text).toMatch(/ 98 [A-ZÆØÅ][^()]+ \(\d{3}\)/);
  });

  it('writes a workbook whose best rows are green and worst rows red', async () => {
    const book = await workbook(await report(BENCHMARK, 'benchmark.xlsx'));
    const sheet = book.getWorksheet('Resultatmål');
    expect(sheet?.getCell('A4').value).toBe(1);
    expect(sheet?.getCell('A101').value).toBe(98);
    const fill = (row: number) =>
      (sheet?.getCell(`B${row}`).fill as { fgColor?: { argb?: string } }).fgColor?.argb;
    expect(fill(4)).toBe('FFDCEFDC');
    expect(fill(101)).toBe('FFF6DADA');
    expect(sheet?.getCell('F4').numFmt).toBe('+#,##0.00;-#,##0.00;0.00');
  });
});
