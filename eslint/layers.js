// @ts-check
/**
 * The layer guard of `src/` (docs/architecture.md "Layers"): two ESLint
 * rules that know the agreed folder layout.
 *
 * - `tilsyn/layers`: a file of `src/<folder>/` may import only from its own
 *   folder and from folders of the same or a lower layer; a folder that is
 *   not in the table is refused until it is given a layer; `src/web` (client
 *   code built by Vite) imports from the server folders only types.
 * - `tilsyn/no-cycle`: no import circle anywhere in `src/`: an import of a
 *   file that (directly or through others) imports the importing file back.
 *   Type-only imports count too: a circle of types is still two modules that
 *   cannot be understood one without the other.
 *
 * Written here rather than taken from eslint-plugin-import-x: the layer rule
 * is this project's table, and the circle check needs only relative imports
 * of `.ts` files, which `ts.preProcessFile` lists in microseconds per file —
 * no resolver package, no new dependency, and a whole-project lint stays
 * fast.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The layer of each top-level folder of `src/`. Lower layers never import
 * higher ones; folders of one layer may import each other (never in a
 * circle).
 */
export const LAYERS = Object.freeze({
  core: 0,
  files: 1,
  reference: 1,
  inputs: 2,
  loading: 2,
  measuring: 3,
  synthetic: 3,
  reports: 3,
  pipeline: 4,
  storage: 4,
  access: 5,
  cases: 5,
  http: 6,
  web: 6,
  cli: 7,
});

/** The client folder: it may import types, never code, from the server folders. */
const CLIENT_FOLDER = 'web';

const SOURCE_ROOT = resolve(import.meta.dirname, '..', 'src');

/** The top-level folder of `src/` that holds `file`, or undefined outside `src/`. */
function folderOf(file) {
  const path = relative(SOURCE_ROOT, file);
  if (path.startsWith('..') || path === '' || !path.includes(sep)) return undefined;
  return path.split(sep)[0];
}

/** The file a relative specifier names (`./x.js` is `x.ts` in the sources), or undefined. */
function resolveImport(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.js$/, '.tsx'),
    base.replace(/\.jsx$/, '.tsx'),
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
  ];
  return candidates.find((candidate) => isFile(candidate)) ?? candidates[0];
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The relative imports of a file on disk, cached by modification time. */
const importsOnDisk = new Map();

function importsOf(file) {
  if (!existsSync(file)) return [];
  const mtime = statSync(file).mtimeMs;
  const cached = importsOnDisk.get(file);
  if (cached && cached.mtime === mtime) return cached.targets;
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const targets = info.importedFiles
    .map((entry) => resolveImport(file, entry.fileName))
    .filter((target) => target !== undefined && target.startsWith(SOURCE_ROOT + sep));
  importsOnDisk.set(file, { mtime, targets });
  return targets;
}

/** A path of imports from `start` back to `goal`, or undefined. */
function pathBack(start, goal) {
  const seen = new Set();
  const stack = [[start, [start]]];
  while (stack.length > 0) {
    const [file, path] = /** @type {[string, string[]]} */ (stack.pop());
    for (const next of importsOf(file)) {
      if (next === goal) return [...path, next];
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push([next, [...path, next]]);
    }
  }
  return undefined;
}

/** Every import of the linted file: `import`, `export … from`, `import()`, with whether it is type-only. */
function importVisitors(check) {
  const visit = (node, typeOnly) => {
    const source = node.source;
    if (source && source.type === 'Literal' && typeof source.value === 'string')
      check(node, source.value, typeOnly);
  };
  return {
    ImportDeclaration: (node) =>
      visit(
        node,
        node.importKind === 'type' ||
          (node.specifiers.length > 0 &&
            node.specifiers.every((specifier) => specifier.importKind === 'type')),
      ),
    ExportNamedDeclaration: (node) => visit(node, node.exportKind === 'type'),
    ExportAllDeclaration: (node) => visit(node, node.exportKind === 'type'),
    ImportExpression: (node) => visit(node, false),
  };
}

const shown = (file) => relative(resolve(SOURCE_ROOT, '..'), file).split(sep).join('/');

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layers of src/ (docs/architecture.md)' },
    schema: [],
    messages: {
      upward:
        'src/{{from}} (layer {{fromLayer}}) must not import src/{{to}} (layer {{toLayer}}): lower layers never import higher ones.',
      unknownFolder:
        'src/{{folder}} has no layer: add it to the table in eslint/layers.js and docs/architecture.md.',
      clientCode:
        'src/web is client code: it imports only types from src/{{to}} (use "import type").',
    },
  },
  create(context) {
    const file = context.filename;
    const from = folderOf(file);
    if (from === undefined) return {};
    return {
      Program(node) {
        if (!(from in LAYERS))
          context.report({ node, messageId: 'unknownFolder', data: { folder: from } });
      },
      ...importVisitors((node, specifier, typeOnly) => {
        const target = resolveImport(file, specifier);
        const to = target === undefined ? undefined : folderOf(target);
        if (to === undefined || to === from || !(from in LAYERS)) return;
        if (!(to in LAYERS)) {
          context.report({ node, messageId: 'unknownFolder', data: { folder: to } });
          return;
        }
        const fromLayer = LAYERS[/** @type {keyof typeof LAYERS} */ (from)];
        const toLayer = LAYERS[/** @type {keyof typeof LAYERS} */ (to)];
        if (toLayer > fromLayer) {
          context.report({
            node,
            messageId: 'upward',
            data: { from, to, fromLayer: String(fromLayer), toLayer: String(toLayer) },
          });
          return;
        }
        if (from === CLIENT_FOLDER && !typeOnly)
          context.report({ node, messageId: 'clientCode', data: { to } });
      }),
    };
  },
};

/** @type {import('eslint').Rule.RuleModule} */
const noCycleRule = {
  meta: {
    type: 'problem',
    docs: { description: 'No import circles in src/' },
    schema: [],
    messages: { cycle: 'Import circle: {{path}}.' },
  },
  create(context) {
    const file = context.filename;
    if (folderOf(file) === undefined) return {};
    return importVisitors((node, specifier) => {
      const target = resolveImport(file, specifier);
      if (target === undefined || !target.startsWith(SOURCE_ROOT + sep)) return;
      const path = target === file ? [file, file] : pathBack(target, file);
      if (path === undefined) return;
      const circle = target === file ? path : [file, ...path];
      context.report({ node, messageId: 'cycle', data: { path: circle.map(shown).join(' → ') } });
    });
  },
};

/** @type {import('eslint').ESLint.Plugin} */
export const layersPlugin = {
  meta: { name: 'tilsyn-layers' },
  rules: { layers: layersRule, 'no-cycle': noCycleRule },
};
