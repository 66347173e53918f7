import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excelCsv } from '../../../src/reports/csv/excel-csv.js';
import { neutraliseFormula } from '../../../src/files/spreadsheet-cell.js';
import {
  columnMeaning,
  machineTableForExcel,
} from '../../../src/reports/csv/machine-table-for-excel.js';
import { FIXTURE_MUNICIPALITIES, FIXTURE_PERSONS } from '../../support/measure-fixture.js';
import { runCli } from '../../support/run-cli.js';
import { writeLoadStore } from '../../support/write-load-store.js';

const BOM = [0xef, 0xbb, 0xbf];

function text(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

describe('CSV for Excel users', () => {
  const bytes = excelCsv<{
    name: string;
    share: number;
    count: number;
    met: boolean;
    note: string | null;
  }>(
    [
      { header: 'Kommune', value: (row) => row.name },
      { header: 'Andel passive (%)', value: (row) => row.share, decimals: 1 },
      { header: 'Målgruppe', value: (row) => row.count },
      { header: 'Opfyldt', value: (row) => row.met },
      { header: 'Bemærkning', value: (row) => row.note },
    ],
    [
      { name: 'Aabenraa', share: 24.81, count: 1234, met: false, note: null },
      { name: 'Ærø', share: -0.04, count: 0, met: true, note: '=HYPERLINK("http://x";"klik")' },
      {
        name: 'Høje-Taastrup',
        share: 19.96,
        count: 12,
        met: true,
        note: '+45 72 21 74 00; se "note"',
      },
    ],
  );

  it('begins with the UTF-8 byte-order mark', () => {
    expect([...bytes.slice(0, 3)]).toEqual(BOM);
  });

  it('separates fields with ";", ends lines with CRLF and writes numbers with the decimal comma', () => {
    expect(text(bytes)).toBe(
      '\uFEFFKommune;Andel passive (%);Målgruppe;Opfyldt;Bemærkning\r\n' +
        'Aabenraa;24,8;1234;Nej;\r\n' +
        'Ærø;0,0;0;Ja;"\'=HYPERLINK(""http://x"";""klik"")"\r\n' +
        'Høje-Taastrup;20,0;12;Ja;"\'+45 72 21 74 00; se ""note"""\r\n',
    );
  });

  it('neutralises every text cell a spreadsheet would run as a formula, and nothing else', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutraliseFormula('Ærø')).toBe('Ærø');
    expect(neutraliseFormula('1-2')).toBe('1-2');
  });

  it('keeps negative numbers as numbers', () => {
    const negative = excelCsv(
      [{ header: 'Forskel', value: (row: number) => row, decimals: 2 }],
      [-1.5],
    );
    expect(text(negative)).toBe('\uFEFFForskel\r\n-1,50\r\n');
  });
});

describe('a machine table in Excel form', () => {
  it('names the municipality by code and name, translates codes and headers, and writes shares with one decimal', () => {
    const bytes = machineTableForExcel(
      {
        header: ['municipality', 'month', 'goal', 'scope', 'target', 'passive', 'share'],
        rows: [['101', '2023-03', 'offers', 'kontanthjaelp_mv', '1000', '248', '24.8']],
      },
      (code) => (code === 101 ? 'København' : '?'),
    );
    expect(text(bytes)).toBe(
      '\uFEFFKommunekode;Kommune;Måned;Fokusmål;Afgrænsning;Målgruppe (personer);Passive (personer);Andel passive (%)\r\n' +
        '101;København;2023-03;Tilbud mv.;Kontanthjælp mv.;1000;248;24,8\r\n',
    );
  });
});

describe('the minimum requirements file in Excel form', () => {
  it('says what its share and target are, and the requirement in words', () => {
    const bytes = machineTableForExcel(
      {
        header: [
          'municipality',
          'month',
          'requirement',
          'target',
          'met',
          'share',
          'required',
          'fulfilled',
        ],
        rows: [['147', '2024-12', 'offers', '400', '290', '72.5', '70', 'true']],
      },
      () => 'Frederiksberg',
      'minimum_requirements.csv',
    );
    expect(text(bytes)).toBe(
      '\uFEFFKommunekode;Kommune;Måned;Krav;Målgruppe: forløb på mindst 12 måneder (personer);Opfylder kravet (personer);Andel, der opfylder kravet (%);Krav (%);Kravet opfyldt\r\n' +
        '147;Frederiksberg;2024-12;Tilbud mv.;400;290;72,5;70,0;Ja\r\n',
    );
  });
});

describe('tilsyn measure --excel', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'tilsyn-measure-excel-'));
    await writeLoadStore(join(root, 'load'), FIXTURE_PERSONS, {
      municipalities: FIXTURE_MUNICIPALITIES,
      dataUntil: '2023-03',
    });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes every CSV file again for Excel in excel/, fully in Danish, and leaves the machine files as they are', async () => {
    const args = [
      'measure',
      '--load',
      'load',
      '--from',
      '2023-02',
      '--to',
      '2023-03',
      '--workers',
      '1',
    ];
    const plain = await runCli([...args, '--out', 'plain'], { cwd: root });
    const result = await runCli([...args, '--out', 'out', '--excel'], { cwd: root });
    expect(result.code).toBe(0);
    expect(plain.code).toBe(0);
    expect(await readFile(join(root, 'out/focus_measures.csv'), 'utf8')).toBe(
      await readFile(join(root, 'plain/focus_measures.csv'), 'utf8'),
    );
    const machine = (await readdir(join(root, 'out')))
      .filter((name) => name.endsWith('.csv'))
      .sort();
    expect((await readdir(join(root, 'out/excel'))).sort()).toEqual(machine);
    for (const name of machine) {
      const english =
        (await readFile(join(root, 'out', name), 'utf8')).split('\n')[0]?.split(',') ?? [];
      for (const column of english)
        expect(
          column === 'municipality' || columnMeaning(column) !== undefined,
          `${name}: ${column}`,
        ).toBe(true);
    }
    const bytes = await readFile(join(root, 'out/excel/focus_measures.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    const lines = text(bytes).split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFKommunekode;Kommune;Måned;Fokusmål;Afgrænsning;Målgruppe (personer);Passive (personer)',
    );
    expect(lines).toContain('101;København;2023-02;Tilbud mv.;Alle;1;1');
    const national = text(await readFile(join(root, 'out/excel/national_focus_measures.csv')));
    expect(national).toContain('2023-02;Tilbud mv.;Alle;');
    expect(national.split('\r\n')[0]).toBe(
      '\uFEFFMåned;Fokusmål;Afgrænsning;Målgruppe (personer);Passive (personer);Andel passive (%)',
    );
  });
});
