/**
 * Third-party code loaded on first use, which the build bundles into dist/vendor/ (rolldown.config.mjs):
 * zod, for a run that reads a configuration, phrase or model file, and recheck, for one that checks a
 * user's patterns. One bundled file is resolved, read and compiled once, where a package's many modules
 * are each resolved, read and compiled; run from src/ (the tests), where there is no bundle, the package
 * itself is loaded.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { compiledModule } from '../paths.js';

const require = createRequire(import.meta.url);

type LoadFile = (file: string) => unknown;
let loadFile: LoadFile = require;

/**
 * How a bundled file is loaded. bin/threadsift.cjs passes its own loader, which compiles the file with
 * the V8 code cache the build left beside it (docs/performance.md); otherwise it is required as usual.
 */
export function setVendorLoader(load: LoadFile): void {
  loadFile = load;
}

/** The package `name`: its bundle dist/vendor/NAME.cjs when the build made one, else the package. */
export function loadVendor<T>(name: string): T {
  const bundled = fileURLToPath(compiledModule(`vendor/${name}.cjs`));
  return (existsSync(bundled) ? loadFile(bundled) : require(name)) as T;
}
