/**
 * Append-only integer columns for the generated rows of one municipality:
 * compact (typed arrays, doubling) so that a large municipality's millions
 * of events fit in memory until they are written in person order.
 */

export class IntColumn {
  private data: Int32Array;
  private size = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size] = value;
    this.size += 1;
  }

  get(index: number): number {
    return this.data[index] ?? 0;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }
}

/**
 * The order of `rows` rows by `person` (stable: rows of one person keep the
 * order they were appended in), by counting sort over `persons` persons.
 */
export function orderByPerson(person: IntColumn, persons: number): Int32Array {
  const counts = new Int32Array(persons + 1);
  for (let row = 0; row < person.length; row += 1) {
    const key = person.get(row);
    counts[key + 1] = (counts[key + 1] ?? 0) + 1;
  }
  for (let index = 1; index <= persons; index += 1)
    counts[index] = (counts[index] ?? 0) + (counts[index - 1] ?? 0);
  const order = new Int32Array(person.length);
  for (let row = 0; row < person.length; row += 1) {
    const key = person.get(row);
    const position = counts[key] ?? 0;
    order[position] = row;
    counts[key] = position + 1;
  }
  return order;
}
