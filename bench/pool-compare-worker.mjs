// piscina's worker for bench/pool-compare.mjs: the scan's own task function, with the default configuration.
import { scanConfig } from '../dist/commands/scan-config.js';
import { runThreadTask } from '../dist/pool/thread-task.js';

const settings = { config: scanConfig({ cwd: process.cwd(), overrides: {} }, () => undefined) };
export default (task) => runThreadTask(task, settings);
