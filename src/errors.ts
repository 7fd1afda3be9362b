/** Known error classes: the CLI prints their message as one line and exits 2. Anything else is a bug. */
import type { MemoryExceeded } from './memory.js';

/** Wrong command-line usage (bad option value, missing file argument). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}

/** A configuration file or value that does not validate. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}

/** The report (or model) cannot be written: a full disk, a closed stdout, a folder that is not there. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}

/** An input that cannot be read as a thread. `where` names the line or field when known. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly source: string,
    readonly problem: string,
    readonly where?: string,
    readonly hint?: string,
  ) {
    super(`${source}${where ? `:${where}` : ''}: ${problem}`);
  }
}

export type KnownError = UsageError | ConfigError | InputError | OutputError;

export function isKnownError(error: unknown): error is KnownError {
  return error instanceof UsageError || error instanceof ConfigError || error instanceof InputError || error instanceof OutputError;
}

/** One line for stderr: the message, then the hint when there is one. */
export function formatKnownError(error: KnownError): string {
  return error.hint ? `${error.message} (${error.hint})` : error.message;
}

/** An input given up because it does not fit in memory, as that input's error: the batch goes on. */
export function memoryError(source: string, err: MemoryExceeded): InputError {
  return new InputError(source, `is too large to analyse: it ${err.message}`, undefined, 'split it into smaller files, or allow more memory with NODE_OPTIONS=--max-old-space-size=<MB>');
}
