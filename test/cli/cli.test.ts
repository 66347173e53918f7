import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { runCli } from '../support/run-cli.js';

describe('the tilsyn command line', () => {
  it('lists its commands with --help and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toContain(command.name);
  });

  it('every command has its own --help and exits 0', async () => {
    for (const command of COMMANDS) {
      const result = await runCli([command.name, '--help']);
      expect(result.code, command.name).toBe(0);
      expect(result.stdout, command.name).toMatch(/^Brug: tilsyn /);
    }
  });

  it('an unknown command is bad usage: exit 2', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Ukendt kommando "frobnicate"');
  });

  it('an unknown option is bad usage: exit 2, with a pointer to --help', async () => {
    const result = await runCli(['rules', '--colour']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('Fejl: ukendt tilvalg --colour\nSe "tilsyn rules --help".\n');
  });

  it('a malformed value is bad usage: exit 2', async () => {
    const result = await runCli(['rules', '--date', '2023-02-30']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--date skal være en dato på formen ÅÅÅÅ-MM-DD, ikke "2023-02-30"',
    );
  });

  it('an unexpected failure is an internal error: exit 1', async () => {
    const failing = {
      name: 'boom',
      summary: 'fails',
      help: 'Brug: tilsyn boom',
      options: {},
      run: () => Promise.reject(new Error('kaput')),
    };
    const io = {
      stdout: () => undefined,
      stderr: () => undefined,
      cwd: '.',
      env: {},
      now: () => new Date(),
    };
    expect(await main(['boom'], io, [failing])).toBe(1);
  });

  it('shows the rules in force on a date with their legal sources', async () => {
    const result = await runCli(['rules', '--date', '2023-03-22']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Bekendtgørelse: v2023 — bek. nr. 301 af 20/03/2023, i kraft 22. marts 2023',
    );
    expect(result.stdout).toContain(
      '  Fokusmål om tilbud: passivandelen skal i gennemsnit være under: 30 %\n' +
        '      bek. nr. 301 af 20/03/2023 § 5, nr. 1 · v2023, fra 22. marts 2023 · focus.offers.threshold\n',
    );
  });
});
