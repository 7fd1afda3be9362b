import { describe, expect, it } from 'vitest';
import { REPORTERS, reporterNames } from '../../src/reporters/index.js';

describe('reporter registry', () => {
  it('keeps terminal first (the default), json and jsonl next, then the CI and export formats', () => {
    expect(reporterNames()).toEqual(['terminal', 'json', 'jsonl', 'markdown', 'csv', 'github', 'html']);
    for (const { description } of Object.values(REPORTERS)) expect(description).not.toBe('');
  });
});
