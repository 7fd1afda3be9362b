/**
 * How large V8's young generation (its "new space", where objects are first allocated) may grow during
 * a scan. V8 grows it from 1 MB towards 16 MB per semi-space as objects survive. For a short run the
 * growth costs more than it saves on this kind of machine: every new page is a page fault, and a small
 * new space stays in cache. Measured on Node 20, threads of 2,000 / 5,000 / 7,500 / 10,000 comments:
 * −10% / −3% / −2% / +10% wall time with the young generation kept at 1 MB. So a scan keeps it at 1 MB
 * until it has read SMALL_RUN_CHARS characters of text (articles and comments), then lets V8 decide as
 * usual.
 *
 * Only on V8 11 (where it was measured), and never when the user set a semi-space flag themselves. A
 * scan run in-process (main() from another program) ends by setting V8's default growth factor, 2.
 */
import { setFlagsFromString } from 'node:v8';

/** Past this many characters of text read (articles and comments), the young generation grows as V8 decides. */
export const SMALL_RUN_CHARS = 1_500_000;

// V8 reads "-" and "_" alike in flag names (--max_semi_space_size).
const SEMI_SPACE_FLAG = /semi[-_]space/;

/** Whether this process may tune the young generation: V8 11, and no semi-space flag chosen by the user. */
export function mayTune(execArgv: readonly string[], nodeOptions: string | undefined, v8Version: string): boolean {
  return v8Version.startsWith('11.') && !SEMI_SPACE_FLAG.test(`${execArgv.join(' ')} ${nodeOptions ?? ''}`);
}

/** The young generation of one scan: small while little has been read (see the module comment). */
export class YoungGeneration {
  private chars = 0;
  private keptSmall: boolean;

  constructor(tune = mayTune(process.execArgv, process.env.NODE_OPTIONS, process.versions.v8)) {
    this.keptSmall = tune;
    if (tune) setFlagsFromString('--semi-space-growth-factor=1');
  }

  /** Whether the young generation is still held at its initial size. */
  get small(): boolean {
    return this.keptSmall;
  }

  /** Count the characters of a thread about to be analysed; past the limit, growth is allowed again. */
  read(chars: number): void {
    this.chars += chars;
    if (this.chars > SMALL_RUN_CHARS) this.release();
  }

  /** Let V8 grow the young generation again (its default growth factor, 2): at the limit, and when the scan ends. */
  release(): void {
    if (!this.keptSmall) return;
    setFlagsFromString('--semi-space-growth-factor=2');
    this.keptSmall = false;
  }
}
