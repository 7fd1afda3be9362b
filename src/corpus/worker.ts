/** Worker thread of CorpusIndex: sketches batches of texts (see sketch.ts) and transfers the results back. */
import { parentPort, workerData } from 'node:worker_threads';
import { Sketcher, type SketchParams } from './sketch.js';

/** A batch to sketch, numbered so the index can integrate results in add order. */
export interface SketchRequest {
  seq: number;
  texts: string[];
}

const sketcher = new Sketcher(workerData as SketchParams);
const port = parentPort;
if (!port) throw new Error('corpus/worker.js must run in a worker thread');
port.on('message', ({ seq, texts }: SketchRequest) => {
  const batch = sketcher.batch(texts);
  port.postMessage({ seq, batch }, [batch.meta.buffer, batch.shingles.buffer, batch.keys.buffer]);
});
