import type { Report } from '../types.js';

export interface ReporterOptions {
  /** Emit ANSI colour (decided by the CLI from the terminal, --no-color, NO_COLOR, FORCE_COLOR). */
  color: boolean;
  /** Show every comment and every reason. */
  verbose: boolean;
  /** Show flagged comments only. */
  quiet: boolean;
  /** CSV: cells as the data has them, without the apostrophe that keeps a spreadsheet from running a formula. */
  csvRaw?: boolean;
}

/**
 * A reporter is a pure function from a report to the text to write: one string, or parts to write one
 * after another, made as they are written (a large JSON report, see json-parts.ts).
 */
export type Reporter<Text extends string | Iterable<string> = string> = (report: Report, options: ReporterOptions) => Text;
