/** What `eval` and `train` share: their inputs must carry labels. */
import { UsageError } from '../errors.js';
import type { Thread } from '../types.js';

/** Refuse inputs without a single labelled comment, saying how to give labels. */
export function requireLabels(threads: Thread[], command: string): void {
  if (!threads.some((t) => t.comments.some((c) => c.label !== undefined))) {
    throw new UsageError(
      `${command} needs labelled comments and none of the inputs has any`,
      'give CSV a label column (label, class, is_bot...; or --csv-label) or JSON comments a "label" (1/true/"bot"/"spam" = bot)',
    );
  }
}
