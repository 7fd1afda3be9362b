/** The configuration a scan runs with: the configuration file's, with the command line's overrides. */
import type { Config } from '../config.js';
import { loadConfig, readUserJson } from '../config-file.js';
import { loadModel } from '../model/load.js';
import { giveIndex, giveModel, modelMissing } from '../run-needs.js';
import type { InputIO } from '../input-threads.js';

/** The command-line options that override the configuration. */
export interface Overrides {
  model?: string;
  threshold?: number;
  maxFlagged?: number;
  maxBotShare?: number;
  /** The run has an index (--index): the signal that reads it is on. */
  index?: boolean;
}

/** The command-line settings that override the configuration: a model, an index, the threshold, the gates. */
export function applyOverrides(config: Config, opts: Overrides, io: Pick<InputIO, 'stderr'>): Config {
  if (opts.model) giveModel(config, loadModel(readUserJson(opts.model), opts.model));
  if (opts.index) giveIndex(config);
  if (modelMissing(config)) {
    io.stderr('threadsift: warning: the model signal is enabled but no model was given (--model FILE); it finds nothing\n');
  }
  if (opts.threshold !== undefined) config.threshold = opts.threshold;
  if (opts.maxFlagged !== undefined) config.gates.maxFlagged = opts.maxFlagged;
  if (opts.maxBotShare !== undefined) config.gates.maxBotShare = opts.maxBotShare;
  return config;
}

/** What a scan's configuration is made from: enough for a worker thread to make the same one. */
export interface ScanConfigSource {
  configFile?: string;
  cwd: string;
  overrides: Overrides;
}

/** The scan's configuration from its source; warnings go to `stderr`. */
export function scanConfig(source: ScanConfigSource, stderr: (text: string) => void): Config {
  return applyOverrides(loadConfig(source.configFile, source.cwd).config, source.overrides, { stderr });
}
