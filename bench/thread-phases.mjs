#!/usr/bin/env node
/**
 * Where one thread's analysis spends its time: CPU milliseconds per phase (module load, parse, shared
 * text features, language detection, each signal, scoring, the terminal report), measured in one cold process. Run it under
 * `node --single-threaded` so garbage collection and JIT compilation are charged to the phase that caused
 * them (bench/thread-speed.mjs does, and keeps the minimum of several runs). Prints one JSON line.
 * Usage: node --single-threaded bench/thread-phases.mjs FILE
 */
import { setFlagsFromString } from 'node:v8';

// As bin/threadsift.cjs does.
setFlagsFromString('--no-regexp-tier-up --no-turbo-inlining --no-turbo-loop-peeling');
const { readFileSync } = await import('node:fs');
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const start = cpu();
const { parseInput } = await import('../dist/parsers/index.js');
const { threadFeatures } = await import('../dist/text/features.js');
const { detectLanguage } = await import('../dist/text/language.js');
const { SIGNALS } = await import('../dist/signals/index.js');
const { buildReport, scoreThread } = await import('../dist/analyze.js');
const { defaultConfig } = await import('../dist/config.js');
const { REPORTERS } = await import('../dist/reporters/index.js');
const phases = { load: cpu() - start };
let t0 = cpu();
const thread = parseInput(readFileSync(process.argv[2]), process.argv[2]).threads[0];
phases.parse = cpu() - t0;
t0 = cpu();
threadFeatures(thread);
phases.features = cpu() - t0;
// What analyzeThread adds when any enabled signal declares languages: each comment's language, once.
t0 = cpu();
const featureList = threadFeatures(thread).comments;
thread.comments.forEach((c, i) => detectLanguage(c.text, featureList[i].tokens));
phases.language = cpu() - t0;
const findings = [];
for (const signal of SIGNALS) {
  t0 = cpu();
  findings.push(...signal.analyze(thread, { options: signal.defaultOptions }));
  phases[signal.id] = cpu() - t0;
}
const config = defaultConfig();
t0 = cpu();
const scored = scoreThread(thread, findings, config);
phases.score = cpu() - t0;
t0 = cpu();
REPORTERS.terminal.reporter(buildReport([scored], config), { color: false, verbose: false, quiet: false });
phases.report = cpu() - t0;
phases.total = cpu() - start;
console.log(JSON.stringify(phases));
