/**
 * A one-line progress bar on stderr for long runs (cli-progress): shown only when stderr is a terminal
 * (never in CI logs, pipes or reports), erased when done. Progress is measured in bytes of input, so a
 * single large JSONL archive moves the bar as it is read, and the rate and ETA are in bytes too.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as CliProgress from 'cli-progress';

// Loaded when a bar is drawn, not at every start-up: most runs draw none.
const require = createRequire(import.meta.url);

export interface Progress {
  /** `doneFiles` inputs read in full, `comments` read so far. */
  tick(doneFiles: number, comments: number): void;
  /** Bytes read so far of the input being read (one read in pieces, such as a JSONL archive). */
  read(bytes: number): void;
  /** Erase the bar: at the end, and before a message is written to stderr (the next tick draws it again). */
  done(): void;
}

const NOOP: Progress = { tick: () => undefined, read: () => undefined, done: () => undefined };

/** Values are recorded at most this often: each one costs a step of cli-progress's ETA. */
const UPDATE_MS = 100;

/** Megabytes with one decimal. */
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The size of an input in bytes; 0 for stdin and for what cannot be read (its error is reported elsewhere). */
const sizeOf = (file: string) => (file === '-' ? 0 : (statSync(file, { throwIfNoEntry: false })?.size ?? 0));

/** cli-progress's bar, whose redraw timer never keeps the process alive (a run that ends early need not stop it). */
function unrefBar(options: CliProgress.Options, { SingleBar }: typeof CliProgress): CliProgress.SingleBar {
  class Bar extends SingleBar {
    override render(): void {
      super.render();
      (this as unknown as { timer: NodeJS.Timeout | null }).timer?.unref();
    }
  }
  return new Bar(options);
}

/**
 * The bar for reading `files` in order. `write` is made to look like a terminal `columns` wide to
 * cli-progress, which draws with cursor moves and line clears and cuts the line at that width.
 */
export function createProgress(files: readonly string[], write: (s: string) => void, enabled: boolean, columns = 80): Progress {
  if (!enabled || files.length < 1) return NOOP;
  // before[i]: bytes of the inputs before input i, so that reading input i is before[i] + its bytes read.
  const before = [0];
  for (const f of files) before.push(before.at(-1)! + sizeOf(f));
  const total = before.at(-1)!;
  const cliProgress = require('cli-progress') as typeof CliProgress;
  const bar = unrefBar({
    stream: { write: (s: string) => (write(s), true), isTTY: true, columns } as unknown as NodeJS.WritableStream,
    format: '[{bar}] {percentage}% | {inputs} files | {comments} comments | {rate}/s | ETA {eta_formatted}',
    barsize: 20,
    barCompleteChar: '#',
    barIncompleteChar: '.',
    clearOnComplete: true,
    linewrap: true,
    // Drawn by update() below, at most every UPDATE_MS; the timer only refreshes a bar left waiting.
    fps: 1,
    // One value every UPDATE_MS or more: the ETA follows the last 5 s or more.
    etaBuffer: 50,
    // The ETA is not a number until two values were recorded, nor while nothing moves.
    formatTime: (t, options, round) => (typeof t === 'number' ? cliProgress.Format.TimeFormat(t, options, round) : '?'),
  }, cliProgress);
  let started = 0;
  let last = -Infinity;
  let file = 0;
  let fileBytes = 0;
  let comments = 0;
  const update = (force: boolean) => {
    const now = Date.now();
    if (!force && now - last < UPDATE_MS) return;
    last = now;
    started ||= now;
    const value = before[file]! + fileBytes;
    // A rate over less than a second is mostly start-up noise.
    const seconds = (now - started) / 1000;
    const payload = { inputs: `${file}/${files.length}`, comments: comments.toLocaleString('en-US'), rate: seconds < 1 ? '? MB' : megabytes(value / seconds) };
    if (bar.isActive) {
      bar.update(value, payload);
      bar.render();
    } else bar.start(total, value, payload);
  };
  return {
    tick(doneFiles, commentsRead) {
      if (doneFiles !== file) fileBytes = 0;
      file = Math.min(doneFiles, files.length);
      comments = commentsRead;
      update(file === files.length);
    },
    read(bytes) {
      fileBytes = bytes;
      update(false);
    },
    done() {
      if (bar.isActive) bar.stop();
      // After a message, the bar is drawn again at the next value, not UPDATE_MS later.
      last = -Infinity;
    },
  };
}
