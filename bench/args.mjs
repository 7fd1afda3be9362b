/** What the benchmark scripts share: their command line, and bench/out/ where corpora and results go. */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This folder (bench/). */
export const BENCH = dirname(fileURLToPath(import.meta.url));
/** bench/out/: generated corpora and results (made on first use; git ignores it). */
export const OUT = join(BENCH, 'out');
mkdirSync(OUT, { recursive: true });

/** The script's arguments. */
export const argv = process.argv.slice(2);

/** The value after `--name` on the command line, or `dflt`. */
export function flag(name, dflt) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
}
