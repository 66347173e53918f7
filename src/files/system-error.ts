/**
 * Errors of the operating system (a full disk, no permission, a path that is
 * not what it should be) told to the user in Danish: what went wrong, with
 * which path, and what to do — never as an internal error with a stack
 * trace. Node's file errors carry `code` and `path`; DuckDB's input/output
 * errors carry the system's text (`IO Error: … "PATH": No space left on
 * device`), read here too.
 */

/** What a system error code means for the user, and what to do about it. */
const ADVICE: Readonly<Record<string, (path: string) => string>> = {
  ENOSPC: (path) =>
    `der er ikke mere plads på disken (${path}). Frigør plads eller vælg en anden placering, og kør kommandoen igen; tidligere resultater er uændrede`,
  EDQUOT: (path) =>
    `diskkvoten er opbrugt (${path}). Frigør plads eller vælg en anden placering, og kør kommandoen igen`,
  EACCES: (path) =>
    `ingen adgang til ${path}. Tjek rettighederne til filen eller mappen (eller vælg en anden), og kør kommandoen igen`,
  EPERM: (path) =>
    `handlingen er ikke tilladt på ${path}. Tjek rettighederne til filen eller mappen, og kør kommandoen igen`,
  EROFS: (path) =>
    `${path} ligger på et skrivebeskyttet filsystem. Vælg en placering, der kan skrives i`,
  EEXIST: (path) => `${path} findes allerede. Fjern den, eller vælg et andet navn`,
  ENOTDIR: (path) => `en del af stien ${path} er ikke en mappe. Tjek stien`,
  EISDIR: (path) => `${path} er en mappe, hvor der skulle være en fil. Angiv en fil`,
  EBUSY: (path) =>
    `${path} er i brug af et andet program. Luk programmet (eller vent), og kør kommandoen igen`,
  ENOENT: (path) =>
    `${path} findes ikke (eller er et symbolsk link til noget, der ikke findes). Tjek stien`,
  ELOOP: (path) => `${path} er en løkke af symbolske links. Tjek stien`,
  ENAMETOOLONG: (path) => `stien ${path} er for lang. Vælg en kortere sti`,
  EMFILE: (path) =>
    `for mange åbne filer (${path}). Luk andre programmer, eller hæv grænsen (ulimit -n), og kør kommandoen igen`,
  EIO: (path) => `en læse- eller skrivefejl på disken ved ${path}. Tjek disken`,
};

/** DuckDB's texts of the same errors. */
const DUCKDB_TEXTS: readonly (readonly [RegExp, string])[] = [
  [/No space left on device/i, 'ENOSPC'],
  [/Permission denied/i, 'EACCES'],
  [/Read-only file system/i, 'EROFS'],
  [/Is a directory/i, 'EISDIR'],
  [/Not a directory/i, 'ENOTDIR'],
  [/No such file or directory/i, 'ENOENT'],
];

function systemCodeAndPath(error: unknown): { code: string; path: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const fields = error as Error & { code?: unknown; path?: unknown; dest?: unknown };
  if (typeof fields.code === 'string' && fields.code in ADVICE) {
    const path = typeof fields.path === 'string' ? fields.path : undefined;
    return { code: fields.code, path: path ?? pathInMessage(error.message) ?? '(ukendt sti)' };
  }
  if (/^IO Error/i.test(error.message)) {
    const match = DUCKDB_TEXTS.find(([pattern]) => pattern.test(error.message));
    if (match !== undefined)
      return { code: match[1], path: pathInMessage(error.message) ?? '(ukendt sti)' };
  }
  return undefined;
}

/** The first quoted or `'…'` path in a message (Node: `open '/x'`; DuckDB: `"/x"`). */
function pathInMessage(message: string): string | undefined {
  const match = /'([^']+)'|"([^"]+)"/.exec(message);
  return match === null ? undefined : (match[1] ?? match[2]);
}

/** The Danish message of an operating-system error, or undefined when `error` is not one. */
export function systemErrorMessage(error: unknown): string | undefined {
  const found = systemCodeAndPath(error);
  if (found === undefined) return undefined;
  const advice = ADVICE[found.code];
  return advice === undefined ? undefined : `${advice(found.path)} (${found.code})`;
}
