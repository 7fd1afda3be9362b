/**
 * The signal registry's contract: every signal words each of its codes, codes are unique across signals,
 * the pipeline gives each signal what it declares it needs, and no code outside src/signals names a signal.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { formatReason } from '../../src/reasons.js';
import { configuredOptions, corpusDefaults, corpusPassSettings, giveModel, modelInput, modelMissing, runOptions } from '../../src/run-needs.js';
import { gatheringSignals, SIGNALS } from '../../src/signals/index.js';
import type { Model } from '../../src/model/load.js';
import type { Signal } from '../../src/types.js';
import { ROOT } from '../helpers.js';

describe('signal registry', () => {
  it('gives every code one signal and a sentence that is not the bare code', () => {
    const owner = new Map<string, string>();
    for (const signal of SIGNALS) {
      const codes = Object.keys(signal.messages);
      expect(codes.length, signal.id).toBeGreaterThan(0);
      for (const code of codes) {
        expect(owner.get(code), `${code} of ${signal.id}`).toBeUndefined();
        owner.set(code, signal.id);
        expect(code).toMatch(/^[A-Z][A-Z_]+$/);
      }
    }
    // A sentence made from arguments of the right shape for a few codes of different signals.
    expect(formatReason({ code: 'EXACT_DUPLICATE', args: { partner: '4' } })).toBe('same text as comment #4');
    expect(formatReason({ code: 'PLATFORM_SPAM', args: { field: 'isSpam=true' } })).toBe('the platform marked it spam (isSpam=true in the export)');
    expect(formatReason({ code: 'AUTHOR_ALLOWED', args: { author: 'mod' } })).toBe('author “mod” is allow-listed in the configuration');
    // A code from a newer version, read back from its report, is shown as it is.
    expect(formatReason({ code: 'FROM_THE_FUTURE', args: {} })).toBe('FROM_THE_FUTURE');
  });

  it('refuses, at compile time, a signal that emits a code without a message', () => {
    const messages = { ONE: () => 'one' };
    // @ts-expect-error TWO has no message: the signal does not type-check.
    const broken: Signal<object, 'ONE' | 'TWO'> = { id: 'x', description: '', weight: 1, defaultOptions: {}, optionsSchema: {}, messages, analyze: () => [] };
    expect(broken.messages).toBe(messages);
  });

  it('passes extra phrases only to the signals that declare them, and leaves the configuration as it was', () => {
    const config = defaultConfig();
    config.extraPhrases = [{ id: 'mine', pattern: 'buy now', note: 'test', source: 'test' }];
    for (const signal of SIGNALS) {
      const options = configuredOptions(signal, config) as { extraPhrases?: unknown };
      if (signal.needs?.extraPhrases) expect(options.extraPhrases, signal.id).toBe(config.extraPhrases);
      else expect(options.extraPhrases, signal.id).toBeUndefined();
      expect(Object.keys(runOptions(signal, config))).toEqual(expect.arrayContaining(Object.keys(signal.defaultOptions)));
    }
    expect(Object.values(config.signals).some((s) => 'extraPhrases' in s.options && s.options.extraPhrases === config.extraPhrases)).toBe(false);
  });

  it('runs the corpus pass only when a signal that needs it is enabled, with that signal\'s settings', () => {
    const config = defaultConfig();
    const corpusSignals = SIGNALS.filter((s) => s.needs?.corpus);
    expect(corpusSignals).toHaveLength(1);
    const id = corpusSignals[0]!.id;
    config.signals[id]!.options.threshold = 0.9;
    expect(corpusPassSettings(config)).toEqual({ threshold: 0.9, minWords: 5 });
    config.signals[id]!.enabled = false;
    expect(corpusPassSettings(config)).toBeUndefined();
    expect(corpusDefaults(config)).toEqual({ threshold: 0.9, minWords: 5 });
  });

  it('gives a model to the signal that needs one, which starts off and is never a model input', () => {
    const config = defaultConfig();
    const reader = SIGNALS.find((s) => s.needs?.model)!;
    expect(config.signals[reader.id]!.enabled).toBe(false);
    expect(modelInput(reader)).toBe(false);
    expect(SIGNALS.filter(modelInput)).toHaveLength(SIGNALS.length - 1);
    config.signals[reader.id]!.enabled = true;
    expect(modelMissing(config)).toBe(true);
    const model = { origin: 'test', predict: () => [] } as unknown as Model;
    giveModel(config, model);
    expect(config.signals[reader.id]!.options.model).toBe(model);
    expect(modelMissing(config)).toBe(false);
  });

  it('gathers duplicate clusters and agenda terms from the signals that declare them', () => {
    expect(gatheringSignals('duplicate-clusters').size).toBe(1);
    expect(gatheringSignals('agenda-terms').size).toBe(1);
  });

  it('is named by no code outside src/signals (configuration defaults come from the registry; comments and the reference generator may)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const p = join(dir, name);
        return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
      });
    const src = join(ROOT, 'src');
    const outside = files(src).filter((f) => !relative(src, f).startsWith('signals') && !f.endsWith('reference.ts'));
    // Comments may name signals; code may not.
    const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const found: string[] = [];
    for (const file of outside) {
      const text = code(readFileSync(file, 'utf8'));
      for (const { id } of SIGNALS) {
        for (const q of ["'", '"', '`']) if (text.includes(`${q}${id}${q}`)) found.push(`${relative(ROOT, file)}: ${id}`);
        if (text.includes(`signals.${id}`) || text.includes(`signals['${id}']`)) found.push(`${relative(ROOT, file)}: ${id}`);
      }
    }
    expect(found).toEqual([]);
  });
});
