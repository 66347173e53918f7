import { describe, expect, it } from 'vitest';
import {
  neutraliseFormula,
  neutraliseFormulaSql,
  restoreNeutralised,
} from '../../src/files/spreadsheet-cell.js';
import { DuckDbSession } from '../../src/loading/duckdb-session.js';

const ATTACKS = ["=cmd|'/C calc'!A0", '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '-1e3'];
const HARMLESS = ['Ærø', '1-2', 'p001', '-2', '+1', '-0,5', '-1.5', '', 'a=b'];

describe('a cell a spreadsheet would run as a formula', () => {
  it('gets a leading apostrophe, whatever its first formula character', () => {
    for (const attack of ATTACKS) expect(neutraliseFormula(attack)).toBe(`'${attack}`);
  });

  it('is left alone when it is plain text or a plain (negative) number', () => {
    for (const text of HARMLESS) expect(neutraliseFormula(text)).toBe(text);
  });

  it('is restored by the reader to what was written', () => {
    for (const text of [...ATTACKS, ...HARMLESS, "'quoted"])
      expect(restoreNeutralised(neutraliseFormula(text))).toBe(text);
  });

  it('is neutralised the same way in the files DuckDB writes', async () => {
    const session = await DuckDbSession.open({
      memoryLimit: '256MB',
      threads: 1,
      tempDirectory: '',
    });
    try {
      for (const text of [...ATTACKS, ...HARMLESS]) {
        const literal = `'${text.replaceAll("'", "''")}'`;
        const rows = await session.rows(`SELECT ${neutraliseFormulaSql(literal)} AS cell`);
        expect(rows[0]?.['cell'], JSON.stringify(text)).toBe(neutraliseFormula(text));
      }
    } finally {
      session.close();
    }
  });
});
