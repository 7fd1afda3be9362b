/** The one ordered registry of reporters: --format name -> reporter. */
import { csvReporter } from './csv.js';
import { githubReporter } from './github.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { jsonlStream } from './jsonl.js';
import { markdownReporter } from './markdown.js';
import { terminalReporter } from './terminal.js';
import type { Reporter, ThreadStream } from './types.js';

/** A format made from the whole report once the run is over. */
export interface WholeFormat {
  reporter: Reporter<string | Iterable<string>>;
  description: string;
}

/** A format written thread by thread as the run goes (see ThreadStream). */
export interface StreamedFormat {
  stream: ThreadStream;
  description: string;
}

export const REPORTERS: Readonly<Record<string, WholeFormat | StreamedFormat>> = {
  terminal: { reporter: terminalReporter, description: 'human-readable report for a terminal (default)' },
  json: { reporter: jsonReporter, description: 'versioned JSON report (schemaVersion 1) for scripts and CI' },
  jsonl: { stream: jsonlStream, description: 'one JSON object per line (comments, clusters, a summary), written as the scan goes: for archives of millions of comments' },
  markdown: { reporter: markdownReporter, description: 'GitHub-flavoured Markdown, e.g. for $GITHUB_STEP_SUMMARY or a PR comment' },
  csv: { reporter: csvReporter, description: 'one CSV row per comment for spreadsheets (spreadsheet-safe cells)' },
  github: { reporter: githubReporter, description: 'GitHub Actions annotations: one per flagged comment, then a summary notice' },
  html: { reporter: htmlReporter, description: 'one self-contained HTML page to open in a browser: evidence highlighted, clusters side by side, filters' },
};

export function reporterNames(): string[] {
  return Object.keys(REPORTERS);
}
