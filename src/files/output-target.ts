/**
 * The one rule for everything a command writes (issue 12 § 1), checked before
 * any work is done:
 *
 * - never over an input of the same run, nor into an input folder (real
 *   paths are compared, so a symbolic link or `x/../x` is the same file);
 * - never into the data store (the data directory, with its loads);
 * - never over existing results without `--force`: a file that exists, a
 *   folder that is not empty;
 * - only where it can be created at once: not a filesystem root, a file not
 *   where a folder is (or the reverse), in a folder that exists and can be
 *   written — tried with a probe at once, never with Node's recursive
 *   `mkdir` (it spins on `/proc`).
 *
 * And a run that writes several files to a folder writes them into a
 * temporary folder beside it and renames them into place together at the end
 * (`writeFolderTogether`): a run that fails (a full disk) leaves the old set
 * whole.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, mkdir, readdir, realpath, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from './usage-error.js';

export interface OutputRule {
  /** What the run reads — files and folders, absolute paths. */
  readonly inputs: readonly string[];
  /** The data store: nothing is written inside it. */
  readonly dataDirectory: string;
  /** Whether existing results may be replaced (`--force`). */
  readonly force: boolean;
}

function refuse(label: string, message: string): never {
  throw new UsageError(`${label}: ${message}`);
}

function inside(path: string, folder: string): boolean {
  const between = relative(folder, path);
  return between === '' || (!between.startsWith('..') && !isAbsolute(between));
}

async function kindOf(path: string): Promise<'file' | 'folder' | 'other' | undefined> {
  try {
    const found = await stat(path);
    return found.isDirectory() ? 'folder' : found.isFile() ? 'file' : 'other';
  } catch {
    return undefined;
  }
}

/**
 * The real path of `path`, also when it does not exist yet: the real path of
 * its nearest existing ancestor with the rest appended.
 */
export async function realPathOf(path: string): Promise<string> {
  const absolute = resolve(path);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return join(await realpath(current), ...rest.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return absolute;
      rest.push(basename(current));
      current = parent;
    }
  }
}

/** Refuses a target that is an input, lies in an input folder or in the data store. */
async function refuseInputsAndStore(target: string, rule: OutputRule, label: string) {
  const real = await realPathOf(target);
  for (const input of rule.inputs) {
    const realInput = await realPathOf(input);
    if (real === realInput)
      refuse(label, `${target} er også et input til kørslen; vælg en anden fil`);
    if ((await kindOf(realInput)) === 'folder' && inside(real, realInput))
      refuse(label, `${target} ligger i inputmappen ${input}; vælg en anden placering`);
  }
  const store = await realPathOf(rule.dataDirectory);
  if (inside(real, store))
    refuse(
      label,
      `${target} ligger i datamappen ${rule.dataDirectory}; resultater skrives aldrig dér`,
    );
  if (dirname(real) === real)
    refuse(label, `${target} er en rodmappe; vælg en mappe til resultatet`);
}

/** A probe that the folder takes new entries, at once (and a clear message when not). */
async function probeWritable(folder: string, label: string): Promise<void> {
  try {
    await access(folder, constants.W_OK);
    const probe = join(folder, `.tilsyn-probe-${randomBytes(6).toString('hex')}`);
    await mkdir(probe);
    await rmdir(probe);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    refuse(label, `der kan ikke skrives i mappen ${folder}${code === '' ? '' : ` (${code})`}`);
  }
}

/** Checks a file a run will write. */
export async function checkOutputFile(
  path: string,
  rule: OutputRule,
  label = '--out',
): Promise<void> {
  const target = resolve(path);
  await refuseInputsAndStore(target, rule, label);
  const kind = await kindOf(target);
  if (kind === 'folder') refuse(label, `${target} er en mappe, ikke en fil`);
  if (kind === 'other') refuse(label, `${target} er ikke en almindelig fil`);
  if (kind === 'file' && !rule.force)
    refuse(label, `${target} findes allerede; brug --force for at overskrive den`);
  const parent = dirname(target);
  const parentKind = await kindOf(parent);
  if (parentKind === undefined) refuse(label, `mappen ${parent} findes ikke; opret den først`);
  if (parentKind !== 'folder') refuse(label, `${parent} er ikke en mappe`);
  await probeWritable(parent, label);
}

/**
 * Checks a folder a run will write its files to, and creates it if missing
 * (its missing ancestors one by one, each refused at once when it cannot be
 * made).
 */
export async function checkOutputFolder(
  path: string,
  rule: OutputRule,
  label = '--out',
): Promise<void> {
  const target = resolve(path);
  await refuseInputsAndStore(target, rule, label);
  const kind = await kindOf(target);
  if (kind === 'file' || kind === 'other') refuse(label, `${target} findes og er ikke en mappe`);
  if (kind === 'folder') {
    if (!rule.force && (await readdir(target)).length > 0)
      refuse(
        label,
        `mappen ${target} er ikke tom; brug --force for at erstatte resultaterne i den`,
      );
  } else await createFolder(target, label);
  await probeWritable(dirname(target), label);
  await probeWritable(target, label);
}

/** Creates `folder` and its missing ancestors, one `mkdir` each. */
async function createFolder(folder: string, label: string): Promise<void> {
  const missing: string[] = [];
  let current = folder;
  while ((await kindOf(current)) === undefined) {
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  const existing = await kindOf(current);
  if (existing !== undefined && existing !== 'folder') refuse(label, `${current} er ikke en mappe`);
  for (const path of missing.reverse()) {
    try {
      await mkdir(path);
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : '';
      refuse(label, `mappen ${path} kan ikke oprettes${code === '' ? '' : ` (${code})`}`);
    }
  }
}

/**
 * Runs `write` on a temporary folder beside `target`, then renames what it
 * wrote into `target` (or the folder itself, when `target` is missing). Entries of
 * `target` that the run does not write are kept; a failed run removes the
 * temporary folder and leaves `target` as it was.
 */
export async function writeFolderTogether<T>(
  target: string,
  write: (folder: string) => Promise<T>,
): Promise<T> {
  const staging = join(
    dirname(target),
    `.${basename(target)}.tilsyn-${randomBytes(6).toString('hex')}.tmp`,
  );
  await mkdir(staging);
  try {
    const result = await write(staging);
    if ((await kindOf(target)) === undefined) await rename(staging, target);
    else await moveEntries(staging, target);
    return result;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Renames every entry of `from` into `to`; a sub-folder that exists in `to` is merged. */
async function moveEntries(from: string, to: string): Promise<void> {
  for (const name of (await readdir(from)).sort()) {
    const source = join(from, name);
    const destination = join(to, name);
    const sourceIsFolder = (await lstat(source)).isDirectory();
    if (sourceIsFolder && (await kindOf(destination)) === 'folder')
      await moveEntries(source, destination);
    else await rename(source, destination);
  }
}
