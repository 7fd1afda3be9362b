/**
 * The report format of a command that writes one: `-f`, else what the `-o` file's extension says, else
 * the terminal's. `-o report.json` alone writes JSON; `-f json -o report.md` is refused, since one of the
 * two is a mistake and guessing which would write a file nobody asked for.
 */
import { extname } from 'node:path';
import { UsageError } from '../errors.js';
import { toStdout } from '../output.js';

/** Report formats by the extension of the file they are written to. */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.csv': 'csv',
  '.html': 'html',
  '.htm': 'html',
};

/** The format a file name implies, or undefined (no extension, or one no format claims: .txt, .log). */
export const formatOfFile = (file: string): string | undefined => BY_EXTENSION[extname(file).toLowerCase()];

/**
 * The format to write: `format` (from -f) when given, else the one `output`'s extension implies, else
 * "terminal". Throws a UsageError when -f and the extension disagree, or when the extension implies a
 * format this command does not write (`available`).
 */
export function reportFormat(opts: { format?: string; output?: string }, available: readonly string[], command: string): string {
  const implied = toStdout(opts.output) ? undefined : formatOfFile(opts.output!);
  if (opts.format !== undefined) {
    if (implied && implied !== opts.format) {
      throw new UsageError(`-f ${opts.format} does not match -o ${opts.output}, whose extension means ${implied}`, `leave out -f to write ${implied}, or give the file an extension that fits ${opts.format}`);
    }
    return opts.format;
  }
  if (!implied) return 'terminal';
  if (!available.includes(implied)) {
    throw new UsageError(`${command} does not write ${implied}, which the extension of -o ${opts.output} asks for`, `${command} writes ${available.join(', ')}: choose one with -f`);
  }
  return implied;
}
