/**
 * The command line: wires the commands (src/commands/) into commander, and turns what they throw into
 * one line and an exit code. Exit codes: 0 ran and no gate failed; 1 a gate failed; 2 usage,
 * configuration, input, output or internal error.
 */
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands/index.js';
import { processIO, type CliIO } from './commands/io.js';
import { examplesHelp, type Run } from './commands/options.js';
import { formatKnownError, isKnownError } from './errors.js';
import { stripControls } from './text/sanitize.js';
import { VERSION } from './version.js';

export type { CliIO } from './commands/io.js';
export { useColor } from './commands/io.js';
export { checkGates } from './commands/scan.js';
export { setVendorLoader } from './util/vendor.js';

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[], given?: CliIO): Promise<number> {
  const io = given ?? (await processIO(argv));
  let code = 0;
  const program = new Command('threadsift')
    .description('Find bot-generated replies in comment sections: near-duplicates, boilerplate, echo replies, off-article agendas — with the evidence for every flag.')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError()
    .addHelpText('after', '\nscan is the default command: "threadsift FILE..." scans. "threadsift scan --help" lists its options.')
    .addHelpText('after', examplesHelp([
      ['threadsift article.txt', 'the flagged comments of one thread dump, worst first, with their reasons'],
      ['threadsift exports/ -o report.html', 'every export under exports/ as one HTML report to open in a browser'],
    ]))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`threadsift: ${stripControls(s.replace(/^error: /, '').trimEnd())} (threadsift --help for usage)\n`),
    });
  const debug = argv.includes('--debug');
  // A command's known errors (usage, configuration, input, output) are one line and exit 2.
  const run: Run = async (action) => {
    try {
      code = await action();
    } catch (err) {
      if (isKnownError(err)) {
        io.stderr(`threadsift: ${stripControls(formatKnownError(err))}\n`);
        code = 2;
      } else throw err;
    }
  };
  // Each command takes the program's output, error and exit settings, as program.command() would give.
  COMMANDS.forEach((make, i) => program.addCommand(make(io, run).copyInheritedSettings(program), { isDefault: i === 0 }));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2;
    }
    const e = err as Error;
    io.stderr(debug ? `${e.stack ?? String(e)}\n` : `threadsift: internal error: ${stripControls(e.message)} (this is a bug; rerun with --debug for the stack)\n`);
    return 2;
  }
}
