import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isCprNumber,
  maskCprNumbers,
  maskCprNumbersSql,
  maskDigits,
} from '../../src/loading/cpr-number.js';
import { DuckDbSession, sqlString } from '../../src/loading/duckdb-session.js';
import { pseudonymOf } from '../../src/loading/pseudonym-key.js';

const CASES: readonly (readonly [string, boolean, string])[] = [
  ['0101901234', true, 'ten digits starting with a date'],
  ['010190-1234', true, 'the written form DDMMYY-SSSS'],
  ['3112991234', true, 'the last day of the year'],
  ['2902001234', true, '29 February in a year divisible by 4'],
  ['2902011234', false, '29 February in a year not divisible by 4'],
  ['3102901234', false, '31 February'],
  ['3104901234', false, '31 April'],
  ['0001901234', false, 'day 0'],
  ['0113901234', false, 'month 13'],
  ['01019012345', false, 'eleven digits'],
  ['010190123', false, 'nine digits'],
  ['010190 1234', false, 'a space instead of the hyphen'],
  ['0101-901234', false, 'a hyphen in the wrong place'],
  ['p000123', false, 'a pseudonym'],
  ['a101901234', false, 'a letter'],
];

describe('CPR numbers in person_id', () => {
  it.each(CASES)('%s is a CPR number: %s (%s)', (value, expected) => {
    expect(isCprNumber(value)).toBe(expected);
  });

  it('are masked digit by digit, keeping the hyphen', () => {
    expect(maskDigits('010190-1234')).toBe('******-****');
    expect(maskDigits('0101901234')).toBe('**********');
  });

  it('are masked wherever they occur in a text', () => {
    expect(maskCprNumbers('linje 3: "0101901234,101" og 010190-1234')).toBe(
      'linje 3: "**********,101" og ******-****',
    );
    expect(maskCprNumbers('12345 og 2021-01-01')).toBe('12345 og 2021-01-01');
  });

  it.each([
    ['99999999999999999999999', '99999999999999999999999', 'a long number'],
    ['01019012345', '01019012345', 'eleven digits'],
    ['x3102901234y', 'x3102901234y', 'ten digits that are no date'],
    ['konto 4444555566', 'konto 4444555566', 'a number of other digits'],
    ['CPR0101901234.0', 'CPR**********.0', 'a CPR number between letters and a decimal part'],
    ['010190 1234 og 01.01.90-1234', '****** **** og **.**.**-****', 'written with separators'],
    ['2021-01-01;12,5', '2021-01-01;12,5', 'a date and a figure'],
  ])('mask only CPR numbers: %j is shown as %j (%s)', async (text, shown) => {
    expect(maskCprNumbers(text)).toBe(shown);
    const session = await DuckDbSession.open({
      memoryLimit: '256MB',
      threads: 1,
      tempDirectory: '',
    });
    const [row] = await session.rows(`SELECT ${maskCprNumbersSql(sqlString(text))} AS masked`);
    session.close();
    expect(row?.['masked']).toBe(shown);
  });

  it('are replaced by HMAC-SHA256 of the ten digits with the key, in lowercase hex', () => {
    const key = { bytes: Buffer.from('a secret key of some length') };
    const expected = createHmac('sha256', 'a secret key of some length')
      .update('0101901234')
      .digest('hex');
    expect(pseudonymOf(key, '0101901234')).toBe(expected);
    expect(pseudonymOf(key, '010190-1234')).toBe(expected);
  });
});

describe('the SQL forms of the CPR rules', () => {
  let session: DuckDbSession;
  beforeAll(async () => {
    session = await DuckDbSession.open({ memoryLimit: '256MB', threads: 1, tempDirectory: '' });
  });
  afterAll(() => {
    session.close();
  });

  it('mask the same way as the JavaScript rule', async () => {
    const text = 'x 0101901234 y 010190-1234 z 12345';
    const [row] = await session.rows(`SELECT ${maskCprNumbersSql(sqlString(text))} AS masked`);
    expect(row?.['masked']).toBe(maskCprNumbers(text));
  });
});

describe('a DuckDB session holding the key', () => {
  it('never passes the key material or a CPR number on in an error or a trace', async () => {
    const traced: string[] = [];
    const session = await DuckDbSession.open({
      memoryLimit: '256MB',
      threads: 1,
      tempDirectory: '',
      trace: (sql) => traced.push(sql),
    });
    const secret = 'a0b1c2d3e4f5a6b7c8d9';
    session.addSecret(secret);
    await session.run(`SET VARIABLE tilsyn_secret = ${sqlString(secret)}`);
    const failure = session.run(`SELECT '0101901234' + ${sqlString(secret)}`);
    await expect(failure).rejects.toThrow(/\*\*\*/);
    await failure.catch((error: unknown) => {
      const message = error instanceof Error ? error.message : '';
      expect(message).not.toContain(secret);
      expect(message).not.toContain('0101901234');
    });
    session.close();
    expect(traced).toEqual(["SET VARIABLE tilsyn_secret = '***'"]);
  });
});
