/** The CLI run in-process, as tests drive it: what it wrote to stdout and stderr, and its exit code. */
import { main, type CliIO } from '../src/cli.js';
import { ROOT } from './helpers.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `threadsift args…` with stdin `stdin`, stdout a pipe unless `tty` (or the descriptor `stdoutFd`), in `env` (default empty) and `cwd` (default the checkout). */
export async function runCli(
  args: string[],
  options: { stdin?: string; env?: Record<string, string>; tty?: boolean; cwd?: string; stdoutFd?: number } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: () => Buffer.from(options.stdin ?? ''),
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: false,
    env: options.env ?? {},
    cwd: options.cwd ?? ROOT,
    ...(options.stdoutFd !== undefined ? { stdoutFd: options.stdoutFd } : {}),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
