/** The process as the commands see it: streams, stdin, terminal facts, environment. */
import { stdoutWasClosed } from '../output-fd.js';
import { toStdout, type OutputIO } from '../output.js';
import type { InputIO } from '../input-threads.js';

/** Everything the CLI needs from the outside world, so tests can run it in-process. */
export interface CliIO extends OutputIO, InputIO {
  stdoutIsTTY: boolean;
}

/** Everything stdin holds, read asynchronously: a pipe may be non-blocking (EAGAIN for readFileSync). */
async function readAllStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The real process. stdin is read up front only when an argument is "-". A reader that goes away
 * (`threadsift … | head`) ends the run quietly instead of with an EPIPE stack trace.
 */
export async function processIO(argv: string[]): Promise<CliIO> {
  const stdin = argv.includes('-') ? await readAllStdin() : Buffer.alloc(0);
  // Reports are written to descriptor 1 directly (src/output.ts); these streams carry help, version and
  // messages. A reader that went away ends the run quietly; any other failure is one line.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (stream === process.stdout) process.stderr.write(`threadsift: cannot write to stdout (${err.code ?? err.message})\n`);
      process.exit(2);
    });
  }
  return {
    stdout: (t) => process.stdout.write(t),
    // A closed stdout (>&-) was replaced by /dev/null for Node's sake: -1 says it was closed.
    stdoutFd: stdoutWasClosed() ? -1 : 1,
    stderr: (t) => process.stderr.write(t),
    readStdin: () => stdin,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Colour follows --no-color, then NO_COLOR, then FORCE_COLOR, then whether stdout is a terminal. */
export function useColor(opts: { color?: boolean; output?: string }, io: CliIO): boolean {
  if (opts.color === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (!toStdout(opts.output)) return false;
  return io.stdoutIsTTY && io.env.TERM !== 'dumb';
}
