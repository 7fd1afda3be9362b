/** Worker thread of a scan's ThreadAnalysis: makes the scan's configuration, then analyses the threads it is sent. */
import { scanConfig } from '../commands/scan-config.js';
import { collectBetweenWork } from '../memory.js';
import { REPORTERS } from '../reporters/index.js';
import { runThreadTask, type TaskSettings, type ThreadTask } from './thread-task.js';
import type { AnalysisWorkerData } from './thread-analysis.js';
import { poolData, serveTasks } from './worker-side.js';

const { source, stream, verdicts } = poolData() as AnalysisWorkerData;
const format = stream && REPORTERS[stream.format];
if (stream && !(format && 'stream' in format)) throw new Error(`${stream.format} is not a streamed format`);
// The main thread has already shown the configuration's warnings.
const settings: TaskSettings = { config: scanConfig(source, () => undefined) };
if (stream && format && 'stream' in format) settings.stream = { format: format.stream, options: stream.options };
if (verdicts) settings.verdicts = true;
serveTasks((task: ThreadTask) => runThreadTask(task, settings), collectBetweenWork);
