/**
 * A table whose columns sort by a click or by Enter/Space on the header's
 * button; the header says how it is sorted (`aria-sort`), and numbers sort
 * as numbers, text in Danish alphabetical order, a missing value last.
 */
import { useState, type ReactNode } from 'react';
import { danishCollator } from '../format.js';

export interface Column<Row> {
  readonly key: string;
  readonly header: ReactNode;
  /** The value the column sorts by; omit for a column that does not sort. */
  readonly sortValue?: (row: Row) => number | string | null;
  readonly render: (row: Row) => ReactNode;
  readonly numeric?: boolean;
  /** A row header cell (the first column naming the row). */
  readonly rowHeader?: boolean;
}

function compare(a: number | string | null, b: number | string | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return danishCollator.compare(String(a), String(b));
}

export function SortableTable<Row>(props: {
  readonly caption: ReactNode;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  readonly initialSort?: { readonly key: string; readonly descending: boolean };
  readonly rowClass?: (row: Row) => string | undefined;
}) {
  const [sort, setSort] = useState(props.initialSort ?? null);
  const column = props.columns.find((candidate) => candidate.key === sort?.key);
  const sortValue = column?.sortValue;
  const rows =
    sort === null || sortValue === undefined
      ? props.rows
      : [...props.rows].sort((a, b) => {
          const order = compare(sortValue(a), sortValue(b));
          const missing = sortValue(a) === null || sortValue(b) === null;
          return sort.descending && !missing ? -order : order;
        });
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Tabel (kan rulles)">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((candidate) => {
              const active = sort?.key === candidate.key;
              const ariaSort = active ? (sort.descending ? 'descending' : 'ascending') : undefined;
              return (
                <th
                  key={candidate.key}
                  scope="col"
                  aria-sort={ariaSort}
                  className={candidate.numeric === true ? 'numeric' : undefined}
                >
                  {candidate.sortValue === undefined ? (
                    candidate.header
                  ) : (
                    <button
                      type="button"
                      className="sort"
                      onClick={() => {
                        setSort({
                          key: candidate.key,
                          descending: active ? !sort.descending : candidate.numeric === true,
                        });
                      }}
                    >
                      {candidate.header}
                      <span aria-hidden="true">
                        {active ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}
                      </span>
                    </button>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={props.rowKey(row)} className={props.rowClass?.(row)}>
              {props.columns.map((candidate) =>
                candidate.rowHeader === true ? (
                  <th key={candidate.key} scope="row">
                    {candidate.render(row)}
                  </th>
                ) : (
                  <td
                    key={candidate.key}
                    className={candidate.numeric === true ? 'numeric' : undefined}
                  >
                    {candidate.render(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
