/**
 * Input resolution and reading: files, directories (recursive), globs and "-" for stdin. Errors for one
 * input never stop the others: each becomes an InputProblem in the report.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, type Dirent } from 'node:fs';
import { basename, isAbsolute, join, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type * as Tinyglobby from 'tinyglobby';
import { InputError, UsageError } from './errors.js';
import { PARSERS } from './parsers/index.js';

/** Extensions picked up when a directory is scanned. */
export function knownExtensions(): Set<string> {
  return new Set(PARSERS.flatMap((p) => p.extensions));
}

// Loaded for the first glob, not at every start-up.
const require = createRequire(import.meta.url);

/** Characters that make an argument that names no file a glob ("{" for brace expansion: "**\/*.{json,xml}"). */
const GLOB_CHARS = /[*?[{]/;

type Problems = Array<{ source: string; error: InputError }>;

/** A path as a list of names, so that sorting lists a folder's files where the folder's name sorts. */
const byNames = (a: string, b: string) => {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return x.length - y.length;
};

/**
 * The files a glob matches (tinyglobby), in the order a folder is read in (see walk): a folder that cannot
 * be read is a problem, node_modules and hidden entries are not searched unless named, and, as in a folder,
 * a link to a file is followed and a link to a folder is not (it could loop back on itself).
 */
function globFiles(pattern: string, cwd: string, problems: Problems): string[] {
  const readdirNoFolderLinks = (path: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch (err) {
      const folder = path.replace(/(.)\/$/, '$1');
      problems.push({ source: folder, error: fsError(folder, err) });
      throw err;
    }
    return entries.filter((e) => !e.isSymbolicLink() || !statSync(join(path, e.name), { throwIfNoEntry: false })?.isDirectory());
  };
  const { globSync } = require('tinyglobby') as typeof Tinyglobby;
  const matched = globSync(pattern, {
    cwd,
    absolute: isAbsolute(pattern),
    expandDirectories: false,
    ignore: ['**/node_modules/**'],
    fs: { readdirSync: readdirNoFolderLinks as unknown as typeof readdirSync },
  });
  return matched.sort(byNames);
}

function walk(dir: string, into: string[], problems: Problems): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    problems.push({ source: dir, error: fsError(dir, err) });
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, into, problems);
    else if (e.isFile()) into.push(path);
    // A link to a file is followed; a link to a folder is not (it could loop back on itself).
    else if (e.isSymbolicLink()) {
      try {
        if (statSync(path).isFile()) into.push(path);
      } catch (err) {
        problems.push({ source: path, error: fsError(path, err) });
      }
    }
  }
}

export interface ResolvedInputs {
  files: string[];
  problems: Problems;
  /** Files of a folder or glob left out because threadsift wrote them (see ownFile). */
  skipped: string[];
}

/** Configuration files by name (.threadsiftrc* is hidden, and hidden files are never scanned). */
const CONFIG_NAME = /^threadsift\.config\./i;

/** How each of threadsift's outputs begins (JSON reports, clusters, eval, models, parse output, CSV, GitHub). */
const OUTPUT_HEAD: readonly RegExp[] = [
  /^\s*\{\s*"schemaVersion"\s*:\s*\d+\s*,\s*"tool"\s*:\s*\{\s*"name"\s*:\s*"threadsift"/,
  /^\s*\{\s*"kind"\s*:\s*"threadsift-eval"/,
  /^\s*\{\s*"format"\s*:\s*"threadsift-model"/,
  /^\s*\{\s*"threads"\s*:\s*\[/,
  /^thread,source,comment_id,index,author,score,flagged,top_reasons,related,excerpt,reason_codes[,\r\n]/,
  /^::(?:error|warning|notice)(?: [^:]*)?::/,
  /^\d+ cluster\(s\) of comments repeated across threads: /,
  // A JSONL report opens with its first thread, an input it could not read, or (no thread at all) its summary.
  /^\{"type":"(?:thread|error)","source":"|^\{"type":"summary","schemaVersion":/,
];
/** A terminal report: a thread's title line, then its verdict (reasons.ts formatVerdict). */
const VERDICT = /^(?:No comments to analyse\.|No likely bot replies among \d+ comments?\.|(?:Likely coordinated bot replies|Some likely bot replies): \d+ of \d+ comments flagged)/m;

/**
 * Whether a file in a scanned folder is one threadsift wrote: a configuration file by its name, or a
 * report, model or parse output by how it begins. A report written into the folder it came from would
 * otherwise be read as input on the next run. Only the first 4 KB are read.
 */
export function ownFile(path: string): boolean {
  if (CONFIG_NAME.test(basename(path))) return true;
  let head: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(4096);
      head = buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0)).replace(/^\uFEFF/, '');
    } finally {
      closeSync(fd);
    }
  } catch {
    // Unreadable: reading it as input reports why.
    return false;
  }
  if (OUTPUT_HEAD.some((re) => re.test(head))) return true;
  const lines = head.split('\n', 4);
  return lines.length >= 2 && lines[0]!.includes(' — ') && VERDICT.test(lines.slice(1, 3).join('\n'));
}

/**
 * Expand arguments into an ordered, de-duplicated list of sources. A directory contributes the files
 * below it with a known extension; a glob every file it matches.
 */
export function resolveInputs(args: string[], cwd = process.cwd()): ResolvedInputs {
  const files: string[] = [];
  const problems: ResolvedInputs['problems'] = [];
  const skipped: string[] = [];
  const notOwn = (list: string[]) =>
    list.filter((f) => {
      if (!ownFile(f)) return true;
      skipped.push(f);
      return false;
    });
  const exts = knownExtensions();
  const hasKnownExt = (p: string) => [...exts].some((x) => p.toLowerCase().endsWith(x));
  for (const arg of args) {
    if (arg === '-') {
      files.push('-');
      continue;
    }
    let st;
    try {
      st = statSync(arg);
    } catch (err) {
      if (GLOB_CHARS.test(arg)) {
        const matched = globFiles(arg.split(sep).join('/'), cwd, problems);
        if (matched.length === 0) problems.push({ source: arg, error: new InputError(arg, 'matches no files') });
        for (const f of notOwn(matched)) files.push(f);
      } else problems.push({ source: arg, error: fsError(arg, err) });
      continue;
    }
    if (st.isDirectory()) {
      const below: string[] = [];
      walk(arg, below, problems);
      const picked = below.filter(hasKnownExt);
      if (picked.length === 0) problems.push({ source: arg, error: new InputError(arg, 'holds no files with a known extension', undefined, `extensions: ${[...exts].join(' ')}`) });
      for (const f of notOwn(picked)) files.push(f);
    } else files.push(arg);
  }
  // The same file named twice ("a.json ./a.json") is read once: a second copy would duplicate itself.
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = f === '-' ? f : resolve(cwd, f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: unique, problems, skipped: [...new Set(skipped)] };
}

/** An fs error as a one-line InputError. */
export function fsError(source: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(source, 'no such file or directory');
  if (code === 'EACCES' || code === 'EPERM') return new InputError(source, 'permission denied');
  if (code === 'EISDIR') return new InputError(source, 'is a directory');
  return new InputError(source, `cannot be read (${code ?? (err as Error).message})`);
}

/** Read a file's bytes, or stdin's for "-". */
export function readSource(source: string, readStdin: () => Buffer): Uint8Array {
  if (source === '-') return readStdin();
  try {
    return readFileSync(source);
  } catch (err) {
    throw fsError(source, err);
  }
}

export function assertHasInputs(args: string[]): void {
  if (args.length === 0) throw new UsageError('no input given', 'pass one or more files, directories or globs, or - for stdin');
}

/**
 * Call `onLine` for each line of a UTF-8 file without reading the whole file: a fixed 4 MB buffer,
 * so a 300 MB JSONL archive streams in bounded memory. Lines are decoded one by one, so a line of
 * invalid UTF-8 is reported (`onBadLine`) with its number and the other lines are still read. A binary
 * file is refused as a whole; a leading BOM and CRLF line ends are handled. `onRead` gets the bytes read
 * so far after each line (for a progress bar).
 */
export function forEachLine(
  path: string,
  onLine: (line: string, lineNo: number) => void,
  onBadLine: (error: InputError) => void,
  onRead: (bytes: number) => void = () => undefined,
): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw fsError(path, err);
  }
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const buffer = Buffer.allocUnsafe(1 << 22);
    let carry: Buffer = Buffer.alloc(0);
    let lineNo = 0;
    let first = true;
    let any = false;
    let bad = 0;
    let bytesRead = 0;
    const emit = (bytes: Buffer) => {
      lineNo++;
      let line: string;
      try {
        line = decoder.decode(bytes);
      } catch {
        bad++;
        onBadLine(new InputError(path, 'is not valid UTF-8', `${lineNo}`, 're-encode it as UTF-8, e.g. iconv -f latin1 -t utf-8'));
        return;
      }
      if (lineNo === 1) line = line.replace(/^\uFEFF/, '');
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (line.trim() !== '') any = true;
      onLine(line, lineNo);
    };
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (first && n > 0 && buffer.subarray(0, Math.min(n, 65536)).includes(0)) {
        throw new InputError(path, 'looks like a binary file (it contains NUL bytes), not a comment export', undefined, 'pass a text, JSON, CSV or XML export');
      }
      first = false;
      if (n === 0) break;
      // Where the chunk starts in the file: the unfinished line carried over comes before the bytes just read.
      const offset = bytesRead - carry.length;
      bytesRead += n;
      const chunk = carry.length ? Buffer.concat([carry, buffer.subarray(0, n)]) : buffer.subarray(0, n);
      let start = 0;
      for (let nl = chunk.indexOf(0x0a, start); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
        emit(chunk.subarray(start, nl));
        start = nl + 1;
        onRead(offset + start);
      }
      // The buffer is reused by the next read, so the unfinished line must be copied out.
      carry = Buffer.from(chunk.subarray(start));
    }
    if (carry.length) emit(carry);
    onRead(bytesRead);
    if (!any && bad === 0) throw new InputError(path, 'is empty', undefined, 'pass a file that holds a thread export');
  } finally {
    closeSync(fd);
  }
}
