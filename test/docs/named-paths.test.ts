/**
 * The documentation names only things that exist: every file or folder
 * written in backticks in README.md and docs/*.md, every `tilsyn` command and
 * every `npm run` script.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DOCUMENTS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
/** Folders of the layer table that are planned but not built yet (docs/architecture.md "Layers"). */
const PLANNED = ['src/access', 'src/cases', 'src/http', 'src/web'];
/** The folders a path may start with: the repository's, and those of src/ (as the docs write them). */
const TOP_FOLDERS = ['src', 'test', 'docs', 'scripts', 'examples', 'data', 'eslint', 'bin'];
const SOURCE_FOLDERS = readdirSync(join(ROOT, 'src'));

function allFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}
const SOURCE_FILES = ['src', 'test', 'scripts', 'eslint'].flatMap((folder) =>
  allFiles(join(ROOT, folder)),
);

/** The text of a document's code spans and code blocks. */
function codeTexts(text: string): string[] {
  const blocks = [...text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  const outside = text.replace(/```[a-z]*\n[\s\S]*?```/g, '');
  const spans = [...outside.matchAll(/`([^`\n]+)`/g)].map((match) => match[1] ?? '');
  return [...spans, ...blocks];
}

/** The words of a document's code. */
function codeWords(text: string): string[] {
  return codeTexts(text).flatMap((code) => code.split(/[\s,;()]+/));
}

/** Whether a word that looks like a path names something in the repository. */
function exists(word: string, document: string): boolean {
  const path = word.replace(/[.:]+$/, '');
  if (!path.includes('/')) {
    if (path.endsWith('.md'))
      return existsSync(join(ROOT, path)) || existsSync(join(ROOT, 'docs', path));
    return SOURCE_FILES.some((file) => file.endsWith(`/${path}`));
  }
  const bases = [ROOT, join(ROOT, 'src'), join(ROOT, dirname(document))];
  return bases.some((base) => existsSync(join(base, path)));
}

/**
 * A path into the repository (it starts with one of its folders or one of
 * src/'s), a source file (`name.ts`) or a document (`name.md`); not the files
 * a command writes or reads (`manifest.json`, `measures/focus_measures.csv`).
 */
function looksLikePath(word: string): boolean {
  if (/[<>…*{}$|=]|^-|^https?:/.test(word) || !/^[\w./-]+$/.test(word)) return false;
  const first = word.replace(/^\.\.\//, '').split('/')[0] ?? '';
  if (word.includes('/')) return TOP_FOLDERS.includes(first) || SOURCE_FOLDERS.includes(first);
  return /^[\w.-]+\.(ts|js|md)$/.test(word);
}

describe('the documentation', () => {
  it.each(DOCUMENTS)('%s names only files and folders that exist', (document) => {
    const words = codeWords(readFileSync(join(ROOT, document), 'utf8')).filter(looksLikePath);
    const missing = [...new Set(words)].filter(
      (word) => !PLANNED.some((planned) => word.startsWith(planned)) && !exists(word, document),
    );
    expect(missing).toEqual([]);
  });

  it.each(DOCUMENTS)('%s names only tilsyn commands and npm scripts that exist', (document) => {
    const text = readFileSync(join(ROOT, document), 'utf8');
    const commands = new Set(COMMANDS.map((command) => command.name));
    const scripts = Object.keys(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts,
    );
    const named = codeTexts(text).flatMap((code) =>
      [...code.matchAll(/(?:^|\n|\s)tilsyn ([a-z][a-z-]*)\b/g)].map((match) => match[1] ?? ''),
    );
    const unknownCommands = named.filter((name) => !commands.has(name));
    const run = [...text.matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1] ?? '');
    expect({
      commands: [...new Set(unknownCommands)],
      scripts: [...new Set(run.filter((name) => !scripts.includes(name)))],
    }).toEqual({ commands: [], scripts: [] });
  });

  it('points at the project’s own documents, not at a specification outside the repository', () => {
    const mentions = DOCUMENTS.filter((document) =>
      readFileSync(join(ROOT, document), 'utf8').includes('shared/spec'),
    );
    expect(mentions).toEqual([]);
  });
});
