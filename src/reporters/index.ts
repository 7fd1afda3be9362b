/** The one ordered registry of reporters: --format name -> reporter. */
import { jsonReporter } from './json.js';
import { terminalReporter } from './terminal.js';
import type { Reporter } from './types.js';

export const REPORTERS: Readonly<Record<string, { reporter: Reporter; description: string }>> = {
  terminal: { reporter: terminalReporter, description: 'human-readable report for a terminal (default)' },
  json: { reporter: jsonReporter, description: 'versioned JSON report (schemaVersion 1) for scripts and CI' },
};

export function reporterNames(): string[] {
  return Object.keys(REPORTERS);
}
