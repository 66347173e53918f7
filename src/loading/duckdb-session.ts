/**
 * The DuckDB engine a load runs in: an in-memory database with a memory limit
 * and a spill folder inside the staging folder, so that a load of any size
 * stays within a few GiB and leaves nothing behind. Errors from DuckDB are
 * passed on with anything that could be a CPR number masked and any secret
 * (the padded pseudonymisation key) removed: its messages can quote input lines.
 */
import {
  DuckDBInstance,
  DuckDBScalarFunction,
  DuckDBVarCharVector,
  VARCHAR,
  type DuckDBConnection,
} from '@duckdb/node-api';
import { MASK_FUNCTION, maskCprNumbers } from './cpr-number.js';

export interface DuckDbSettings {
  /** DuckDB's `memory_limit`, e.g. `2GB`. */
  readonly memoryLimit: string;
  readonly threads: number;
  /** Where DuckDB may spill; deleted with the staging folder. */
  readonly tempDirectory: string;
  /** Called after each statement with its text and duration (for benchmarks). */
  readonly trace?: (sql: string, milliseconds: number) => void;
}

export type SqlValue = string | number | boolean | null;

/** A DuckDB failure, with its message made safe to show. */
export class DuckDbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DuckDbError';
  }
}

export class DuckDbSession {
  private readonly secrets: string[] = [];

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly trace: ((sql: string, milliseconds: number) => void) | undefined,
  ) {}

  static async open(settings: DuckDbSettings): Promise<DuckDbSession> {
    const instance = await DuckDBInstance.create(':memory:', {
      memory_limit: settings.memoryLimit,
      threads: String(settings.threads),
      temp_directory: settings.tempDirectory,
      preserve_insertion_order: 'true',
      enable_external_access: 'true',
    });
    const connection = await instance.connect();
    const session = new DuckDbSession(instance, connection, settings.trace);
    session.registerTextFunction(MASK_FUNCTION, maskCprNumbers);
    return session;
  }

  /**
   * Registers `name(VARCHAR) → VARCHAR`, computed in Node value by value
   * (NULL stays NULL), so that DuckDB keeps only its result.
   */
  registerTextFunction(name: string, compute: (value: string) => string | null): void {
    this.connection.registerScalarFunction(
      DuckDBScalarFunction.create({
        name,
        returnType: VARCHAR,
        parameterTypes: [VARCHAR],
        mainFunction: (_info, input, output) => {
          const values = input.getColumnVector(0);
          const results = output;
          if (!(values instanceof DuckDBVarCharVector) || !(results instanceof DuckDBVarCharVector))
            throw new Error(`${name} reads and returns VARCHAR`);
          for (let index = 0; index < input.rowCount; index += 1) {
            const value = values.getItem(index);
            results.setItem(index, value === null ? null : compute(value));
          }
          results.flush();
        },
      }),
    );
  }

  /** Text that must never appear in an error message (it is replaced by `***`). */
  addSecret(secret: string): void {
    this.secrets.push(secret);
  }

  async run(sql: string): Promise<void> {
    const start = performance.now();
    try {
      await this.connection.run(sql);
    } catch (error) {
      throw this.safe(error);
    }
    this.trace?.(this.redact(sql), performance.now() - start);
  }

  /** Rows as plain objects: numbers for INTEGER/DOUBLE, strings for VARCHAR and BIGINT. */
  async rows(sql: string): Promise<Record<string, SqlValue>[]> {
    const start = performance.now();
    try {
      const reader = await this.connection.runAndReadAll(sql);
      const rows = reader.getRowObjectsJson() as Record<string, SqlValue>[];
      this.trace?.(this.redact(sql), performance.now() - start);
      return rows;
    } catch (error) {
      throw this.safe(error);
    }
  }

  /** Appends rows to an existing table, values in column order. */
  async append(table: string, rows: readonly (readonly SqlValue[])[]): Promise<void> {
    if (rows.length === 0) return;
    try {
      const appender = await this.connection.createAppender(table);
      for (const row of rows) {
        for (const value of row) {
          if (value === null) appender.appendNull();
          else if (typeof value === 'string') appender.appendVarchar(value);
          else if (typeof value === 'boolean') appender.appendBoolean(value);
          else if (Number.isInteger(value)) appender.appendBigInt(BigInt(value));
          else appender.appendDouble(value);
        }
        appender.endRow();
      }
      appender.closeSync();
    } catch (error) {
      throw this.safe(error);
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private safe(error: unknown): DuckDbError {
    return new DuckDbError(this.redact(error instanceof Error ? error.message : String(error)));
  }

  /** Secrets replaced by `***`, CPR-like numbers masked. */
  private redact(text: string): string {
    let redacted = text;
    for (const secret of this.secrets) redacted = redacted.split(secret).join('***');
    return maskCprNumbers(redacted);
  }
}

/** A SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A quoted SQL identifier. */
export function sqlIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
