/**
 * What the run gives each signal beyond its thread, from what the signal declares it needs
 * (Signal.needs): the configuration's extra phrases, a trained model, the corpus pass's settings. The
 * pipeline, the commands and model training ask here, so none of them names a signal.
 */
import type { Config, SignalSettings } from './config.js';
import { UsageError } from './errors.js';
import type { Model } from './model/load.js';
import { SIGNALS } from './signals/index.js';
import type { CorpusSettings, Signal, SignalNeeds } from './types.js';

/**
 * A signal's options as the configuration sets them, plus what it needs from the run (its defaults are
 * merged by whoever runs it). The result is a new object: the configuration is not changed.
 */
export function configuredOptions(signal: Signal<object>, config: Config): Record<string, unknown> {
  const options = { ...(config.signals[signal.id]?.options ?? {}) };
  if (signal.needs?.extraPhrases) options.extraPhrases = config.extraPhrases;
  return options;
}

/** The options a signal runs with: its defaults, then the configuration's, then what it needs from the run. */
export const runOptions = (signal: Signal<object>, config: Config): object => ({ ...signal.defaultOptions, ...configuredOptions(signal, config) });

/** The signal that reads the run-wide corpus pass, when the configuration enables one. */
function corpusSignal(config: Config, enabledOnly: boolean): { signal: Signal<object>; settings: CorpusSettings } | undefined {
  for (const signal of SIGNALS) {
    const settings = config.signals[signal.id];
    if (!signal.needs?.corpus || !settings || (enabledOnly && !settings.enabled)) continue;
    return { signal, settings: signal.needs.corpus({ ...signal.defaultOptions, ...settings.options }) };
  }
  return undefined;
}

/** Settings of the corpus pass a scan must run first, or undefined when no enabled signal needs one. */
export const corpusPassSettings = (config: Config): CorpusSettings | undefined => corpusSignal(config, true)?.settings;

/** The configured corpus settings (enabled or not): the defaults of `threadsift clusters`. */
export function corpusDefaults(config: Config): CorpusSettings {
  const found = corpusSignal(config, false);
  if (!found) throw new UsageError('this build has no signal that compares comments across threads');
  return found.settings;
}

/** The signal that reads the persistent index (`--index`). */
const indexSignal = (): Signal<object> | undefined => SIGNALS.find((s) => s.needs?.index);

/** The signal that reads the persistent index, with its settings in `config`. */
function configuredIndexSignal(config: Config): { needs: NonNullable<SignalNeeds<object>['index']>; signal: Signal<object>; settings: SignalSettings } {
  const signal = indexSignal();
  const settings = signal && config.signals[signal.id];
  if (!signal?.needs?.index || !settings) throw new UsageError('this build has no signal that reads an index');
  return { needs: signal.needs.index, signal, settings };
}

/** Enable the signal that reads the persistent index (the run has one). */
export function giveIndex(config: Config): void {
  configuredIndexSignal(config).settings.enabled = true;
}

/** The settings the index is matched with: its signal's defaults, then the configuration's options. */
export function indexSettings(config: Config): CorpusSettings {
  const { needs, signal, settings } = configuredIndexSignal(config);
  return needs({ ...signal.defaultOptions, ...settings.options });
}

/**
 * Whether a report lists a configured signal: every signal, on or off, except one that reads the index
 * in a run without one (reports of runs without an index stay as they were before the index existed).
 */
export function listedInReport([id, settings]: [string, SignalSettings]): boolean {
  return settings.enabled || !SIGNALS.find((s) => s.id === id)?.needs?.index;
}

/** The signal a trained model is given to (`--model`). */
const modelSignal = (): Signal<object> | undefined => SIGNALS.find((s) => s.needs?.model);

/** Enable the signal that reads a trained model and give it `model`. */
export function giveModel(config: Config, model: Model): void {
  const signal = modelSignal();
  const settings = signal && config.signals[signal.id];
  if (!settings) throw new UsageError('this build has no model signal');
  settings.enabled = true;
  settings.options.model = model;
}

/** Whether a signal that reads a trained model is enabled without one (it then finds nothing). */
export function modelMissing(config: Config): boolean {
  const signal = modelSignal();
  const settings = signal && config.signals[signal.id];
  return Boolean(settings?.enabled && !settings.options.model);
}

/** Whether a signal's strengths can be an input of a trained model: every signal but the one reading a model. */
export const modelInput = (signal: Signal<object>): boolean => !signal.needs?.model;
