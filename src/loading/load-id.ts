/**
 * Load ids: the UTC time of the load and a random suffix, e.g.
 * `20261123T130512Z-3f9a` — unique, and sorted by time when sorted as text.
 */
import { randomBytes } from 'node:crypto';

export const LOAD_ID_PATTERN = /^\d{8}T\d{6}Z-[0-9a-f]{4}$/;

export function newLoadId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

export function isLoadId(text: string): boolean {
  return LOAD_ID_PATTERN.test(text);
}
