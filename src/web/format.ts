/**
 * Numbers, dates and municipalities the Danish way, in the browser: `1.234`,
 * `24,8`, `+0,35`, "maj 2024", "Aarhus (751)". The same rules as the
 * server's core/danish-format.ts (the client may import only types from the
 * server): a figure shown against a threshold is never rounded onto the
 * other side of it.
 */

/** `1234.56` with 1 decimal → `1.234,6`; `–` for a missing figure. */
export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const rounded = value.toFixed(decimals);
  const negative = rounded.startsWith('-') && Number(rounded) !== 0;
  const [whole = '0', fraction] = rounded.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `,${fraction}`}`;
}

/** A share in percent with one decimal: `24,8`. */
export function formatPercent(value: number | null | undefined, decimals = 1): string {
  return formatNumber(value, decimals);
}

/** A signed difference: `+1,2`, `-0,4`, `0,0`. */
export function formatSigned(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const text = formatNumber(value, decimals);
  return text.startsWith('-') || Number(value.toFixed(decimals)) === 0 ? text : `+${text}`;
}

const MAXIMUM_DECIMALS = 6;

/** A measure against a threshold, with decimals added until it sits on its true side (19,96 → `19,96`, not `20,0`). */
export function formatAgainst(
  value: number | null | undefined,
  reference: number,
  decimals = 1,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const side = Math.sign(value - reference);
  let shown = decimals;
  while (shown < MAXIMUM_DECIMALS && Math.sign(Number(value.toFixed(shown)) - reference) !== side)
    shown += 1;
  return formatNumber(value, shown);
}

const MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

/** `2024-05` → `maj 2024`. */
export function formatMonth(month: string): string {
  const [year, number] = month.split('-');
  const name = MONTHS[Number(number) - 1];
  return name === undefined ? month : `${name} ${year ?? ''}`;
}

/** `2024-05` → `maj 24` (chart axes). */
export function formatShortMonth(month: string): string {
  const [year, number] = month.split('-');
  const name = MONTHS[Number(number) - 1];
  return name === undefined ? month : `${name.slice(0, 3)}. ${(year ?? '').slice(2)}`;
}

/** `2024-05-03` (or an ISO timestamp) → `3. maj 2024`. */
export function formatDate(date: string | null | undefined): string {
  if (date === null || date === undefined || date === '') return '–';
  const [year, month, day] = date.slice(0, 10).split('-');
  const name = MONTHS[Number(month) - 1];
  return name === undefined ? date : `${String(Number(day))}. ${name} ${year ?? ''}`;
}

/** `2024-05-03T10:15:00Z` → `3. maj 2024 kl. 10.15` (local time). */
export function formatDateTime(timestamp: string | null | undefined): string {
  if (timestamp === null || timestamp === undefined || timestamp === '') return '–';
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${formatDate(day)} kl. ${pad(date.getHours())}.${pad(date.getMinutes())}`;
}

/** A municipality always by name and code: `Aarhus (751)`. */
export function municipalityLabel(municipality: {
  readonly code: number;
  readonly name: string;
}): string {
  return `${municipality.name} (${String(municipality.code)})`;
}

/** Danish alphabetical order (æ, ø, å last). */
export const danishCollator = new Intl.Collator('da-DK');
