/**
 * Where each row of a file is: the line a CSV record starts on (the header is
 * line 1; quoted line breaks and blank lines shift later records), or the row
 * number in a Parquet file. Rows are numbered 0, 1, 2 … in the order the reader
 * (DuckDB) delivers them; the map stores only the ordinals where the distance
 * between ordinal and line changes, so it stays tiny for ordinary files.
 */

/** How a position is named in messages: `linje 7` in CSV, `række 7` in Parquet. */
export type PositionKind = 'line' | 'row';

export interface LineBreakpoint {
  /** From this ordinal on … */
  readonly ordinal: number;
  /** … position = ordinal + offset (until the next breakpoint). */
  readonly offset: number;
}

export class LineMap {
  readonly kind: PositionKind;
  private readonly points: LineBreakpoint[] = [];

  constructor(kind: PositionKind) {
    this.kind = kind;
  }

  /** A Parquet file: row N is ordinal N − 1. */
  static rows(): LineMap {
    const map = new LineMap('row');
    map.add(0, 1);
    return map;
  }

  /** Records that the row with `ordinal` is at `position`; ordinals must come in order. */
  add(ordinal: number, position: number): void {
    const offset = position - ordinal;
    const last = this.points[this.points.length - 1];
    if (last === undefined || last.offset !== offset) this.points.push({ ordinal, offset });
  }

  positionOf(ordinal: number): number {
    let low = 0;
    let high = this.points.length - 1;
    let found = this.points[0];
    while (low <= high) {
      const middle = (low + high) >> 1;
      const point = this.points[middle] as LineBreakpoint;
      if (point.ordinal <= ordinal) {
        found = point;
        low = middle + 1;
      } else high = middle - 1;
    }
    return ordinal + (found?.offset ?? (this.kind === 'line' ? 2 : 1));
  }

  breakpoints(): readonly LineBreakpoint[] {
    return this.points.length > 0
      ? this.points
      : [{ ordinal: 0, offset: this.kind === 'line' ? 2 : 1 }];
  }
}
