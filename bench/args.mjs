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

/**
 * `RUNS 'command' ['command' …]`, as the side-by-side scripts take them (bench/ab-wall.mjs,
 * bench/ab-instructions.mjs); anything else prints `usage` and exits 2.
 */
export function runsAndCommands(usage) {
  const runs = Number(argv[0]);
  const commands = argv.slice(1);
  if (!Number.isInteger(runs) || runs < 1 || commands.length === 0) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  return { runs, commands };
}
