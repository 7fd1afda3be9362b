/** Running the CLI in-process, as the command-line tests do. */
import { main, type CliIO } from '../src/cli.js';
import { ROOT } from './helpers.js';

/** Run the CLI in-process with a captured stdout and stderr (no stdin, no terminal, no environment unless given). */
export async function runCli(args: string[], io: Partial<CliIO> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: () => Buffer.from(''),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
    cwd: ROOT,
    ...io,
  });
  return { code, stdout, stderr };
}
