/**
 * Writes CSV lines to a file through a large buffer: UTF-8 without BOM, LF
 * line endings, `,` between fields. The generator's values never contain a
 * comma, quote or line break, so no field needs quoting (names with Danish
 * letters are plain UTF-8).
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_AT = 1 << 20;

export class CsvWriter {
  private readonly descriptor: number;
  private buffer = '';
  private rowCount = 0;

  /** Opens `path` for writing (`append` adds to an existing file). */
  constructor(path: string, append = false) {
    this.descriptor = openSync(path, append ? 'a' : 'w');
  }

  /** Rows written so far (the header is not a row). */
  get rows(): number {
    return this.rowCount;
  }

  header(columns: readonly string[]): void {
    this.buffer += `${columns.join(',')}\n`;
  }

  /** Writes one line: `line` is the fields already joined with commas. */
  line(line: string): void {
    this.buffer += `${line}\n`;
    this.rowCount += 1;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.buffer === '') return;
    const bytes = Buffer.from(this.buffer, 'utf8');
    let written = 0;
    while (written < bytes.length)
      written += writeSync(this.descriptor, bytes, written, bytes.length - written);
    this.buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.descriptor);
  }
}
