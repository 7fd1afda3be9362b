/**
 * A one-line progress bar on stderr for long batch runs: shown only when stderr is a terminal (never in
 * CI logs or pipes), redrawn at most every 100 ms, erased when done.
 */
export interface Progress {
  tick(doneFiles: number, comments: number): void;
  done(): void;
}

const WIDTH = 24;
const NOOP: Progress = { tick: () => undefined, done: () => undefined };

export function createProgress(total: number, write: (s: string) => void, enabled: boolean, now = () => Date.now()): Progress {
  if (!enabled || total < 1) return NOOP;
  let last = 0;
  let drawn = false;
  return {
    tick(doneFiles, comments) {
      const t = now();
      if (t - last < 100 && doneFiles < total) return;
      last = t;
      const filled = Math.round((doneFiles / total) * WIDTH);
      write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${doneFiles}/${total} inputs, ${comments.toLocaleString('en-US')} comments`);
      drawn = true;
    },
    done() {
      if (drawn) write('\r\u001b[2K');
    },
  };
}
