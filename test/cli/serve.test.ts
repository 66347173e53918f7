/**
 * `tilsyn serve` as a real process (run `npm run build` first): it serves,
 * and SIGTERM lets a request in flight finish before the process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../bin/tilsyn.js', import.meta.url));

describe('tilsyn serve', () => {
  let directory: string;
  let server: ChildProcess;
  let origin: string;
  let stdout = '';
  let stderr = '';

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tilsyn-serve-'));
    server = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', directory], {
      env: { PATH: process.env['PATH'] },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    origin = await new Promise<string>((resolve, reject) => {
      server.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /lytter på (http:\/\/\S+)/.exec(stderr);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      server.once('exit', () => {
        reject(new Error(`serve exited early: ${stderr}`));
      });
    });
  });

  afterAll(async () => {
    if (server.exitCode === null) server.kill('SIGKILL');
    await rm(directory, { recursive: true, force: true });
  });

  it('answers the health check', async () => {
    const response = await fetch(`${origin}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('finishes a request in flight on SIGTERM, then exits 0', async () => {
    const body = JSON.stringify({ username: 'someone', password: 'not-the-password' });
    const half = Math.floor(body.length / 2);
    const answer = new Promise<number>((resolve, reject) => {
      const pending = request(
        `${origin}/api/not-there`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': body.length },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      pending.on('error', reject);
      pending.write(body.slice(0, half));
      // The server has the request's head and half its body when the signal comes.
      setTimeout(() => {
        server.kill('SIGTERM');
        setTimeout(() => pending.end(body.slice(half)), 500);
      }, 300);
    });
    const exited = once(server, 'exit');
    expect(await answer).toBe(404);
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    expect(stderr).toContain('Lukket.');
    expect(stdout).toContain('"statusCode":404');
  });
});
