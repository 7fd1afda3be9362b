/** The configuration a scan runs with: the configuration file's, with the command line's overrides. */
import type { Config } from '../config.js';
import { DISK, filesFrom, loadConfig, readUserJson, recordingFiles, type UserFiles } from '../config-file.js';
import { loadModel } from '../model/load.js';
import { giveIndex, giveModel, modelMissing } from '../run-needs.js';
import type { InputIO } from '../input-threads.js';
import { provingSafe, trustSafePatterns } from '../text/regex-safety.js';

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
export function applyOverrides(config: Config, opts: Overrides, io: Pick<InputIO, 'stderr'>, files: UserFiles = DISK): Config {
  if (opts.model) giveModel(config, loadModel(readUserJson(opts.model, files), opts.model));
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
  /** The texts of the files the main thread made the configuration from, by path: no file is read again. */
  files?: ReadonlyMap<string, string>;
  /** The patterns the main thread proved safe: not checked again (a check can run out of time). */
  safePatterns?: readonly string[];
}

/** The scan's configuration from its source; warnings go to `stderr`. */
export function scanConfig(source: ScanConfigSource, stderr: (text: string) => void): Config {
  if (source.safePatterns) trustSafePatterns(source.safePatterns);
  const files = source.files ? filesFrom(source.files) : DISK;
  return applyOverrides(loadConfig(source.configFile, source.cwd, files).config, source.overrides, { stderr }, files);
}

/**
 * The scan's configuration, read from the disk, and the source from which a worker thread makes the
 * same one: the texts read and the patterns proven safe, so the worker reads no configuration, phrase or
 * model file (one edited meanwhile would give it another configuration) and loads no pattern checker.
 */
export function scanConfigForWorkers(source: ScanConfigSource, stderr: (text: string) => void): { config: Config; source: ScanConfigSource } {
  const files = recordingFiles();
  const { result: config, proven } = provingSafe(() => applyOverrides(loadConfig(source.configFile, source.cwd, files).config, source.overrides, { stderr }, files));
  return { config, source: { ...source, files: files.texts, safePatterns: proven } };
}
