/**
 * A streaming, byte-level CSV tokenizer (RFC 4180: fields in double quotes may
 * hold delimiters, quotes written `""` and line breaks). It is fed the bytes of
 * a file chunk by chunk and reports each record with the line it starts on, its
 * number of fields, its length in bytes and whether its quoting is broken — so
 * that every problem can name its line, also after quoted line breaks.
 *
 * By default it builds no strings (it runs over gigabytes); with `extract` it
 * also decodes the field values of each record.
 *
 * Blank lines are not records (DuckDB's reader skips them too); they still
 * count as lines. A quote inside an unquoted field is an ordinary character
 * (as in DuckDB); characters after a closing quote are broken quoting.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;

/** How a record ended. */
export type LineBreak = 'lf' | 'crlf' | 'cr' | 'none';

export interface CsvScannerOptions {
  readonly delimiter: number;
  /** Decode field values (for the header and for rewriting a file). */
  readonly extract: boolean;
  /** Stop collecting a record's values beyond this many bytes (the record is refused anyway). */
  readonly maxRecordBytes: number;
  readonly onRecord: (record: CsvScanner) => void;
}

export class CsvScanner {
  /** The physical line the next byte is on (1-based). */
  line = 1;
  /** Records delivered so far, the header included. */
  recordCount = 0;

  // The record being delivered (read them in onRecord).
  recordStartLine = 1;
  recordFields = 0;
  recordBytes = 0;
  recordBadQuote = false;
  recordLineBreak: LineBreak = 'none';
  recordValues: string[] = [];

  /** Line breaks ending records, by kind (inside quotes they are data). */
  readonly lineBreaks = { lf: 0, crlf: 0, cr: 0 };
  /** Set at the end when the file ends inside a quoted field: the line that record starts on. */
  unterminatedQuoteLine: number | undefined;

  /** May be switched between records. */
  extract: boolean;

  private readonly delimiter: number;
  /** 1 for the bytes that end a run of ordinary bytes outside quotes. */
  private readonly stops = new Uint8Array(256);
  private readonly maxRecordBytes: number;
  private readonly onRecord: (record: CsvScanner) => void;
  private readonly decoder = new TextDecoder('utf-8');

  private state = FIELD_START;
  /** Absolute offset of the first byte of the next chunk. */
  private chunkOffset = 0;
  private recordStart = 0;
  private currentRecordLine = 1;
  private delimiters = 0;
  private fieldNonEmpty = false;
  private fieldQuoted = false;
  private badQuote = false;
  private pendingCr = false;
  private values: string[] = [];
  private fieldBuffer = new Uint8Array(256);
  private fieldBufferLength = 0;

  constructor(options: CsvScannerOptions) {
    this.delimiter = options.delimiter;
    this.stops[options.delimiter] = 1;
    this.stops[LF] = 1;
    this.stops[CR] = 1;
    this.extract = options.extract;
    this.maxRecordBytes = options.maxRecordBytes;
    this.onRecord = options.onRecord;
  }

  feed(chunk: Uint8Array): void {
    const delimiter = this.delimiter;
    const length = chunk.length;
    let index = 0;
    if (this.pendingCr && length > 0) {
      this.pendingCr = false;
      if (chunk[0] === LF) {
        this.endRecord('crlf', this.chunkOffset + 1);
        index = 1;
      } else this.endRecord('cr', this.chunkOffset);
    }
    while (index < length) {
      const state = this.state;
      if (state === UNQUOTED || (state === FIELD_START && chunk[index] !== QUOTE)) {
        // The common case: a run of ordinary bytes up to a delimiter or line break.
        const start = index;
        const stops = this.stops;
        while (index < length && stops[chunk[index] as number] === 0) index += 1;
        if (index > start) {
          this.fieldNonEmpty = true;
          if (this.extract) this.collect(chunk, start, index);
        }
        if (index === length) {
          this.state = UNQUOTED;
          break;
        }
        index = this.special(chunk, index, chunk[index] as number);
      } else if (state === FIELD_START) {
        // An opening quote.
        this.state = QUOTED;
        this.fieldQuoted = true;
        index += 1;
      } else if (state === QUOTED) {
        const start = index;
        while (index < length) {
          const byte = chunk[index] as number;
          if (byte === QUOTE) break;
          if (byte === LF) this.line += 1;
          index += 1;
        }
        if (index > start) {
          this.fieldNonEmpty = true;
          if (this.extract) this.collect(chunk, start, index);
        }
        if (index < length) {
          this.state = QUOTE_IN_QUOTED;
          index += 1;
        }
      } else {
        // After a quote inside a quoted field.
        const byte = chunk[index] as number;
        if (byte === QUOTE) {
          if (this.extract) this.collect(chunk, index, index + 1);
          this.state = QUOTED;
          index += 1;
        } else if (byte === delimiter || byte === LF || byte === CR) {
          index = this.special(chunk, index, byte);
        } else {
          this.badQuote = true;
          this.state = UNQUOTED;
        }
      }
    }
    this.chunkOffset += length;
  }

  /** Call once after the last chunk. */
  end(): void {
    if (this.pendingCr) {
      this.pendingCr = false;
      this.endRecord('cr', this.chunkOffset);
    }
    if (this.state === QUOTED) {
      this.unterminatedQuoteLine = this.currentRecordLine;
      return;
    }
    if (this.delimiters > 0 || this.fieldNonEmpty || this.fieldQuoted) {
      this.endRecord('none', this.chunkOffset);
    }
  }

  /** A delimiter, LF or CR outside quotes at `index`; returns the next index. */
  private special(chunk: Uint8Array, index: number, byte: number): number {
    if (byte === this.delimiter) {
      this.endField();
      this.delimiters += 1;
      return index + 1;
    }
    const offset = this.chunkOffset + index;
    if (byte === LF) {
      this.endRecord('lf', offset + 1);
      return index + 1;
    }
    // CR: a CRLF pair, or a lone CR; the LF may be in the next chunk.
    if (index + 1 < chunk.length) {
      if (chunk[index + 1] === LF) {
        this.endRecord('crlf', offset + 2);
        return index + 2;
      }
      this.endRecord('cr', offset + 1);
      return index + 1;
    }
    this.pendingCr = true;
    return index + 1;
  }

  private collect(chunk: Uint8Array, start: number, end: number): void {
    const room = this.maxRecordBytes - this.fieldBufferLength;
    const count = Math.min(end - start, Math.max(room, 0));
    if (count <= 0) return;
    if (this.fieldBufferLength + count > this.fieldBuffer.length) {
      const larger = new Uint8Array(
        Math.max(this.fieldBuffer.length * 2, this.fieldBufferLength + count),
      );
      larger.set(this.fieldBuffer.subarray(0, this.fieldBufferLength));
      this.fieldBuffer = larger;
    }
    this.fieldBuffer.set(chunk.subarray(start, start + count), this.fieldBufferLength);
    this.fieldBufferLength += count;
  }

  private endField(): void {
    if (this.extract) {
      this.values.push(this.decoder.decode(this.fieldBuffer.subarray(0, this.fieldBufferLength)));
    }
    this.fieldBufferLength = 0;
    this.fieldNonEmpty = false;
    this.fieldQuoted = false;
    this.state = FIELD_START;
  }

  /**
   * Ends the record whose line break (if any) ends just before absolute offset
   * `next`, where the next record starts.
   */
  private endRecord(lineBreak: LineBreak, next: number): void {
    const blank = this.delimiters === 0 && !this.fieldNonEmpty && !this.fieldQuoted;
    const breakLength = lineBreak === 'crlf' ? 2 : lineBreak === 'none' ? 0 : 1;
    const bytes = next - breakLength - this.recordStart;
    this.endField();
    if (lineBreak !== 'none') this.lineBreaks[lineBreak] += 1;
    if (!blank) {
      this.recordStartLine = this.currentRecordLine;
      this.recordFields = this.delimiters + 1;
      this.recordBytes = bytes;
      this.recordBadQuote = this.badQuote;
      this.recordLineBreak = lineBreak;
      this.recordValues = this.values;
      this.recordCount += 1;
      this.onRecord(this);
    }
    this.values = [];
    this.delimiters = 0;
    this.badQuote = false;
    this.line += 1;
    this.currentRecordLine = this.line;
    this.recordStart = next;
  }
}
