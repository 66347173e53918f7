/**
 * Typed access to parsed options, with Danish usage errors.
 */
import { parseIsoDate, type IsoDate } from '../core/calendar/iso-date.js';
import { parseYearMonth, type YearMonth } from '../core/calendar/year-month.js';
import type { ParsedArguments } from './command.js';
import { UsageError } from '../files/usage-error.js';

export function optionalString(args: ParsedArguments, name: string): string | undefined {
  const value = args.values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new UsageError(`--${name} skal have en værdi`);
  return value;
}

export function requiredString(args: ParsedArguments, name: string): string {
  const value = optionalString(args, name);
  if (value === undefined || value === '') throw new UsageError(`--${name} mangler`);
  return value;
}

export function flag(args: ParsedArguments, name: string): boolean {
  return args.values[name] === true;
}

export function optionalInteger(args: ParsedArguments, name: string): number | undefined {
  const text = optionalString(args, name);
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text)) throw new UsageError(`--${name} skal være et heltal, ikke "${text}"`);
  return Number(text);
}

export function requiredInteger(args: ParsedArguments, name: string): number {
  const value = optionalInteger(args, name);
  if (value === undefined) throw new UsageError(`--${name} mangler`);
  return value;
}

export function optionalNumber(args: ParsedArguments, name: string): number | undefined {
  const text = optionalString(args, name);
  if (text === undefined) return undefined;
  const value = Number(text.replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`--${name} skal være et tal, ikke "${text}"`);
  return value;
}

export function requiredYear(args: ParsedArguments, name: string): number {
  const year = requiredInteger(args, name);
  if (year < 1900 || year > 2999)
    throw new UsageError(`--${name} skal være et årstal, ikke ${year}`);
  return year;
}

export function optionalYear(args: ParsedArguments, name: string): number | undefined {
  return args.values[name] === undefined ? undefined : requiredYear(args, name);
}

export function requiredMonth(args: ParsedArguments, name: string): YearMonth {
  const text = requiredString(args, name);
  const month = parseYearMonth(text);
  if (!month)
    throw new UsageError(`--${name} skal være en måned på formen ÅÅÅÅ-MM, ikke "${text}"`);
  return month;
}

export function optionalDate(args: ParsedArguments, name: string): IsoDate | undefined {
  const text = optionalString(args, name);
  if (text === undefined) return undefined;
  const date = parseIsoDate(text);
  if (!date)
    throw new UsageError(`--${name} skal være en dato på formen ÅÅÅÅ-MM-DD, ikke "${text}"`);
  return date;
}
