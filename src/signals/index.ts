/** The one ordered registry of signals. Order is report order for equal contributions. */
import type { Signal } from '../types.js';
import { agendaDrift } from './agenda-drift.js';
import { boilerplate } from './boilerplate.js';
import { crossThread } from './cross-thread.js';
import { echoReply } from './echo-reply.js';
import { llmStyle } from './llm-style.js';
import { modelSignal } from './model.js';
import { nearDuplicate } from './near-duplicate.js';
import { platformFlag } from './platform-flag.js';
import { promo } from './promo.js';
import { seenBefore } from './seen-before.js';
import { selfDeclaredBot } from './self-declared-bot.js';
import { ungrounded } from './ungrounded.js';

export const SIGNALS: readonly Signal<object>[] = [
  nearDuplicate as Signal<object>,
  crossThread as Signal<object>,
  seenBefore as Signal<object>,
  platformFlag as Signal<object>,
  selfDeclaredBot as Signal<object>,
  boilerplate as Signal<object>,
  echoReply as Signal<object>,
  ungrounded as Signal<object>,
  agendaDrift as Signal<object>,
  promo as Signal<object>,
  llmStyle as Signal<object>,
  modelSignal as Signal<object>,
];

/** The registered signal with this id, or undefined. */
export const signalById = (id: string): Signal<object> | undefined => SIGNALS.find((s) => s.id === id);

/** The signals whose findings the thread summary gathers into `kind` (see Signal.gathers). */
export const gatheringSignals = (kind: NonNullable<Signal['gathers']>): ReadonlySet<string> =>
  new Set(SIGNALS.filter((s) => s.gathers === kind).map((s) => s.id));
