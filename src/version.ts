import { readFileSync } from 'node:fs';
import { packageJson } from './paths.js';

/** The package version, read from package.json so the two cannot drift. */
export const VERSION: string = (JSON.parse(readFileSync(packageJson(), 'utf8')) as { version: string }).version;
