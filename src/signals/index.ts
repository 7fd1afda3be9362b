/** The one ordered registry of signals. Order is report order for equal contributions. */
import type { Signal } from '../types.js';
import { agendaDrift } from './agenda-drift.js';
import { boilerplate } from './boilerplate.js';
import { echoReply } from './echo-reply.js';
import { nearDuplicate } from './near-duplicate.js';
import { ungrounded } from './ungrounded.js';

export const SIGNALS: readonly Signal<object>[] = [
  nearDuplicate as Signal<object>,
  boilerplate as Signal<object>,
  echoReply as Signal<object>,
  ungrounded as Signal<object>,
  agendaDrift as Signal<object>,
];

export function findSignal(id: string): Signal<object> | undefined {
  return SIGNALS.find((s) => s.id === id);
}
