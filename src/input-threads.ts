/**
 * The input loop: every input named on the command line resolved, read and parsed, each thread handed
 * on as soon as it is read, every bad input reported as one line while the rest still run.
 */
import { extname } from 'node:path';
import { formatKnownError, InputError, memoryError } from './errors.js';
import { assertHasInputs, forEachLine, readSource, resolveInputs } from './inputs.js';
import { MemoryExceeded } from './memory.js';
import { parseInput } from './parsers/index.js';
import { jsonl, jsonlRecord } from './parsers/json.js';
import type { ParseOptions } from './parsers/types.js';
import { createProgress } from './progress.js';
import { stripControls } from './text/sanitize.js';
import type { InputProblem, Thread } from './types.js';

/** What the input loop needs from the process. */
export interface InputIO {
  stderr: (text: string) => void;
  readStdin: () => Buffer;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** JSONL files (by extension or --input-format) are read line by line instead of whole. */
function streamable(source: string, inputFormat: string | undefined): boolean {
  if (source === '-') return false;
  if (inputFormat) return inputFormat === 'jsonl';
  return jsonl.extensions.includes(extname(source).toLowerCase());
}

/**
 * Read and parse every input, handing each thread to `onThread` as soon as it is read, so a batch of
 * thousands of files never holds more than one file's threads at a time. A bad input is reported on
 * stderr (one line) and the rest still run. `repeat` marks a second reading of the same inputs, whose
 * problems and warnings the first reading has already reported.
 */
export function forEachThread(
  args: string[],
  opts: { inputFormat?: string },
  parseOptions: ParseOptions,
  io: InputIO,
  onThread: (thread: Thread) => void,
  repeat = false,
): InputProblem[] {
  assertHasInputs(args);
  const { files, problems: resolveProblems, skipped } = resolveInputs(args, io.cwd);
  if (skipped.length && !repeat) {
    io.stderr(`threadsift: skipped ${skipped.length} file(s) that threadsift wrote (reports, models, configuration), e.g. ${stripControls(skipped[0]!)}\n`);
  }
  const problems: InputProblem[] = [];
  // A bar for batches, and for a single JSONL archive (which can hold a million comments).
  const long = files.length > 1 || files.some((f) => streamable(f, opts.inputFormat));
  const progress = createProgress(files, io.stderr, long && io.stderrIsTTY && !io.env.CI);
  const report = (error: InputError) => {
    const line = formatKnownError(error);
    problems.push({ source: error.source, message: line });
    progress.done();
    if (!repeat) io.stderr(`threadsift: ${stripControls(line)}\n`);
  };
  for (const p of resolveProblems) report(p.error);
  let comments = 0;
  let done = 0;
  const deliver = (thread: Thread) => {
    comments += thread.comments.length;
    onThread(thread);
    progress.tick(done, comments);
  };
  files.forEach((source, i) => {
    done = i;
    try {
      if (streamable(source, opts.inputFormat)) {
        // Large JSONL archives stream line by line; a bad line is reported and the rest still read.
        forEachLine(
          source,
          (line, lineNo) => {
            try {
              const thread = jsonlRecord(line, lineNo, source);
              if (thread) deliver(thread);
            } catch (err) {
              if (err instanceof InputError) report(err);
              else throw err;
            }
          },
          report,
          progress.read,
        );
      } else {
        const out = parseInput(readSource(source, io.readStdin), source, opts.inputFormat, parseOptions);
        if (!repeat) for (const w of out.warnings) io.stderr(`threadsift: warning: ${stripControls(w)}\n`);
        for (const p of out.problems ?? []) report(p);
        out.threads.forEach(deliver);
      }
    } catch (err) {
      if (err instanceof InputError) report(err);
      else if (err instanceof MemoryExceeded) report(memoryError(source, err));
      else throw err;
    }
    progress.tick(i + 1, comments);
  });
  progress.done();
  return problems;
}

/** Every thread of the inputs, held together (for commands that need them all: parse, eval, train). */
export function readAllThreads(args: string[], opts: { inputFormat?: string }, parseOptions: ParseOptions, io: InputIO): { threads: Thread[]; problems: InputProblem[] } {
  const threads: Thread[] = [];
  const problems = forEachThread(args, opts, parseOptions, io, (t) => threads.push(t));
  return { threads, problems };
}
