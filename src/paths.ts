/**
 * Files threadsift reads from its own package. This module sits one level below the package root in
 * every layout it runs from — src/ (tests), dist/ (compiled modules) and dist/threadsift.cjs (the bundle
 * the command runs) — so paths relative to it hold in all three.
 */

/** A file of the package's data/ folder. */
export const dataFile = (name: string): URL => new URL(`../data/${name}`, import.meta.url);

/** A compiled module beside this one (dist/...), for worker threads, which load files by path. */
export const compiledModule = (path: string): URL => new URL(`./${path}`, import.meta.url);

/** The package's package.json. */
export const packageJson = (): URL => new URL('../package.json', import.meta.url);
