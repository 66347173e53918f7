// Builds (tsc -p tsconfig.build.json) only when a source changed since the
// last build: `npm start` runs this first, so a second start does not spend
// half a minute recompiling unchanged TypeScript. "Changed" is any file under
// src/ (or the compiler settings, package.json) newer than dist/.build-stamp,
// or a missing stamp; a failed build leaves no stamp.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = join('dist', '.build-stamp');

function newestModification(path) {
  const found = statSync(path);
  if (!found.isDirectory()) return found.mtimeMs;
  let newest = found.mtimeMs;
  for (const entry of readdirSync(path))
    newest = Math.max(newest, newestModification(join(path, entry)));
  return newest;
}

function stampTime() {
  try {
    return statSync(STAMP).mtimeMs;
  } catch {
    return undefined;
  }
}

const sources = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
const newestSource = Math.max(...sources.map(newestModification));
const built = stampTime();
if (built !== undefined && built >= newestSource) process.exit(0);

rmSync(STAMP, { force: true });
// The stamp carries the build's start time: a source saved during the build is newer.
const started = new Date();
const result = spawnSync(
  process.execPath,
  ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'],
  {
    stdio: 'inherit',
  },
);
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(STAMP, `${started.toISOString()}\n`);
utimesSync(STAMP, started, started);
