/**
 * What a data load accepts beyond the shape data.md prescribes. data.md leaves
 * these limits open; they are named here, with the reason for each value, so
 * that an analyst can see and change them.
 */

/**
 * The earliest date accepted in any date column. DREAM, the national register
 * of public benefits, begins in 1991; a long-term recipient's periods can reach
 * back that far, and spells that began before 2019 matter for durations.
 */
export const EARLIEST_DATE = '1990-01-01';

/** The latest date accepted: anything later is a typing error, not a plan. */
export const LATEST_DATE = '2099-12-31';

/** The years of {@link EARLIEST_DATE} and {@link LATEST_DATE}, for year and month columns. */
export const EARLIEST_YEAR = 1990;
export const LATEST_YEAR = 2099;

/** No month has more hours than 31 × 24 = 744. */
export const MAX_HOURS_IN_MONTH = 744;

/** A field longer than this is refused: no value in data.md comes close. */
export const MAX_FIELD_CHARACTERS = 1000;

/**
 * A CSV record (one line, or several when a quoted field holds line breaks)
 * longer than this is refused without being read further. DuckDB's CSV reader
 * is told to allow twice as much, so it never meets a line it cannot hold.
 */
export const MAX_RECORD_BYTES = 1_048_576;

/**
 * A CSV file with more malformed records than this (wrong number of fields,
 * broken quoting) is refused as a whole: it is not the CSV it claims to be, and
 * listing every line would exhaust memory.
 */
export const MAX_MALFORMED_RECORDS = 100_000;

/** The length of a shown or stored offending value; longer values are cut with "...". */
export const MAX_REPORTED_VALUE_CHARACTERS = 200;
