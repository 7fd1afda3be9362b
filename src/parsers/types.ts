import type { InputError } from '../errors.js';
import type { Thread } from '../types.js';

export interface ParseOutput {
  threads: Thread[];
  /** Non-fatal problems worth telling the user (declared count mismatch, skipped records...). */
  warnings: string[];
  /** Records that could not be read (the rest of the file was): reported as errors, exit 2. */
  problems?: InputError[];
}

/** Options some parsers take from the command line (CSV column names...). */
export interface ParseOptions {
  csv?: { text?: string; id?: string; author?: string; parent?: string; date?: string; thread?: string; label?: string };
}

/** A format reader: pure, text in, threads out; throws InputError naming the line or field. */
export interface Parser {
  /** --input-format name. */
  name: string;
  description: string;
  /** File extensions (lower case, with dot) this parser claims by default. */
  extensions: string[];
  /** True when the text looks like this format (checked on the first few KB). */
  sniff(head: string): boolean;
  parse(text: string, source: string, options: ParseOptions): ParseOutput;
}
