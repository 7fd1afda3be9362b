/**
 * DuckDB, for `threadsift sketch` (writing Parquet) and `clusters --sketches` (the SQL of sql.ts): an
 * optional package (a ~70 MB prebuilt engine), loaded only by those commands.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Duck from '@duckdb/node-api';
import { InputError, UsageError } from '../errors.js';

export type DuckConnection = Duck.DuckDBConnection;

/** @duckdb/node-api, or a one-line usage error naming what to install. */
export function duckdb(command: string): typeof Duck {
  try {
    return createRequire(import.meta.url)('@duckdb/node-api') as typeof Duck;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((err as Error).message).includes('@duckdb/node-api')) {
      throw new UsageError(`${command} needs the optional package @duckdb/node-api, which is not installed`, 'npm install @duckdb/node-api@1.5.6-r.1 beside threadsift');
    }
    throw err;
  }
}

/**
 * An in-memory DuckDB connection; `close` ends it. What does not fit in memory spills to a temporary folder
 * of its own (DuckDB's default is ./.tmp, in the user's folder), removed on close.
 */
export async function connect(command: string): Promise<{ connection: DuckConnection; close: () => void }> {
  const { DuckDBInstance } = duckdb(command);
  const spill = mkdtempSync(join(tmpdir(), 'threadsift-duckdb-'));
  const instance = await DuckDBInstance.create(':memory:', { temp_directory: spill });
  const connection = await instance.connect();
  // The queries of sql.ts write lambdas as Spark does (x -> ...), which DuckDB 1.3+ accepts when asked.
  await connection.run("SET lambda_syntax = 'ENABLE_SINGLE_ARROW'");
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
      rmSync(spill, { recursive: true, force: true });
    },
  };
}

/** A string as a SQL literal. */
export const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * DuckDB's error for files it cannot read (none match the glob, not Parquet, not sketch files) as an input
 * error naming `what`; any other error is a bug and stays as it is.
 */
export function readError(what: string, err: unknown): unknown {
  const message = String((err as Error)?.message ?? err).split('\n')[0]!;
  if (/No files found|IO Error|Invalid Input Error|not a parquet file|Binder Error/i.test(message)) {
    return new InputError(what, `cannot be read as threadsift sketches (${message})`, undefined, 'give the Parquet files that `threadsift sketch` wrote, e.g. \'DIR/*.parquet\'');
  }
  return err;
}
