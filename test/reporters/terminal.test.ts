import { describe, expect, it } from 'vitest';
import { terminalReporter } from '../../src/reporters/terminal.js';
import { DEFAULT_OPTIONS, makeComment, makeReport, makeThread, sampleReport } from './builders.js';

describe('terminal reporter', () => {
  it('--quiet prints only the threads with flagged comments, and their flagged comments', () => {
    const loud = terminalReporter(sampleReport(), DEFAULT_OPTIONS);
    const quiet = terminalReporter(sampleReport(), { ...DEFAULT_OPTIONS, quiet: true });
    expect(loud).toContain('Storm warning');
    expect(quiet).not.toContain('Storm warning');
    expect(quiet).toContain('Leaders meet');
    expect(quiet).toContain('#2');
    // The run summary still counts every thread.
    expect(quiet).toContain('2 thread(s), 5 comments, 3 flagged');
  });

  it('--quiet prints nothing for one thread with nothing flagged', () => {
    const clean = makeReport({ threads: [makeThread({ comments: [makeComment({ id: '1', score: 0.1 })] })] });
    expect(terminalReporter(clean, { ...DEFAULT_OPTIONS, quiet: true })).toBe('');
    expect(terminalReporter(clean, DEFAULT_OPTIONS)).toContain('A thread');
  });
});
