/**
 * `npm start` builds only when something the build reads has changed: the
 * sources, the TypeScript and Vite configurations and the installed
 * packages. Their paths, sizes and modification times are hashed and
 * compared with the hash of the last build (dist/.build-stamp); a build
 * that fails writes no stamp.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = [
  'src',
  'tsconfig.json',
  'tsconfig.build.json',
  'vite.config.ts',
  'package-lock.json',
];
const STAMP = join('dist', '.build-stamp');

function listFiles(path: string, into: string[]): void {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) listFiles(join(path, entry), into);
  } else into.push(path);
}

function fingerprint(): string {
  const files: string[] = [];
  for (const input of INPUTS) listFiles(input, files);
  const hash = createHash('sha256');
  for (const file of files) {
    const stat = statSync(file);
    hash.update(`${file}\0${String(stat.size)}\0${String(stat.mtimeMs)}\n`);
  }
  return hash.digest('hex');
}

const before = fingerprint();
const built =
  existsSync(STAMP) &&
  existsSync(join('dist', 'web', 'index.html')) &&
  readFileSync(STAMP, 'utf8') === before;
if (built) {
  process.stdout.write('Bygget i forvejen (ingen ændringer).\n');
} else {
  process.stdout.write('Bygger tilsyn (server og webapplikation) …\n');
  const result = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(STAMP, before);
}
