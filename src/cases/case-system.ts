/**
 * What every service of the case system works with: the database, the rule
 * book, the job runner, the data directory (the load store) and the clock.
 * The HTTP server and the CLI make one and pass it to the services.
 */
import { isoDate, parseIsoDate, type IsoDate } from '../core/calendar/iso-date.js';
import type { RuleBook } from '../core/rules/rule-book.js';
import { OFFICIAL_RULES } from '../core/rules/official-rules.js';
import type { Database } from '../storage/database.js';
import { CaseError } from './case-error.js';
import { JobRunner } from './job-runner.js';

export interface CaseSystem {
  readonly database: Database;
  readonly book: RuleBook;
  readonly jobs: JobRunner;
  /** Where stored loads are kept. */
  readonly dataDirectory: string;
  readonly now: () => Date;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface CaseSystemOptions {
  readonly database: Database;
  readonly dataDirectory: string;
  readonly book?: RuleBook;
  readonly now?: () => Date;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export function caseSystem(options: CaseSystemOptions): CaseSystem {
  return {
    database: options.database,
    dataDirectory: options.dataDirectory,
    book: options.book ?? OFFICIAL_RULES,
    jobs: new JobRunner(),
    now: options.now ?? (() => new Date()),
    env: options.env ?? {},
  };
}

const COPENHAGEN_DAY = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day of `time` in Denmark. */
export function danishDay(time: Date): IsoDate {
  return isoDate(COPENHAGEN_DAY.format(time));
}

/** Today in Denmark, by the system's clock. */
export function today(system: Pick<CaseSystem, 'now'>): IsoDate {
  return danishDay(system.now());
}

/** A date the user entered, or a clear refusal naming the field. */
export function enteredDate(value: string, field: string): IsoDate {
  const parsed = parseIsoDate(value);
  if (parsed === undefined)
    throw new CaseError('bad_date', `${field} skal være en dato som ÅÅÅÅ-MM-DD, ikke "${value}".`);
  return parsed;
}
