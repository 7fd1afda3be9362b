#!/usr/bin/env node
/**
 * Runs the threadsift command (bin/threadsift.cjs) with the arguments given, and on exit writes the
 * process's own resource usage (user and system CPU, including DuckDB's and worker threads', and peak RSS)
 * as JSON to the file named by THREADSIFT_MEASURE. Used by bench/archive.mjs: Node's child_process reports
 * no resource usage of its children.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Peak RSS in MB. Linux's getrusage keeps, across exec, the high-water mark of the process it was forked
 * from (a benchmark holding a corpus in memory), so /proc's VmHWM, which belongs to this program alone,
 * comes first.
 */
function peakRssMB() {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (kb) return Number(kb[1]) / 1024;
  } catch {
    // Not Linux: getrusage's figure.
  }
  return process.resourceUsage().maxRSS / 1024;
}

process.on('exit', (code) => {
  const usage = process.resourceUsage();
  writeFileSync(process.env.THREADSIFT_MEASURE, JSON.stringify({ code, cpuS: (usage.userCPUTime + usage.systemCPUTime) / 1e6, rssMB: peakRssMB() }));
});
createRequire(import.meta.url)('../bin/threadsift.cjs').start(process.argv.slice(2));
