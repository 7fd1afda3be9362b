/** Tests that need ../shared or dist/ skip locally with a printed reason, and run (and so fail) under CI. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { present, ROOT } from './helpers.js';

describe('present(): no silent skips', () => {
  const missing = join(ROOT, '..', 'shared', 'datasets', 'no-such-folder');

  it('under CI a missing file still runs the test, which then fails on it', () => {
    const warned: string[] = [];
    expect(present(missing, true, (line) => warned.push(line))).toBe(true);
    expect(warned).toEqual([]);
  });

  it('locally a missing file skips the test and says why, once', () => {
    const warned: string[] = [];
    expect(present(missing, false, (line) => warned.push(line))).toBe(false);
    expect(present(missing, false, (line) => warned.push(line))).toBe(false);
    expect(warned).toEqual(['skipped: ../shared/datasets/no-such-folder is missing (data outside the repository); under CI=true this fails instead']);
    const build: string[] = [];
    present(join(ROOT, 'dist', 'no-such-file.cjs'), false, (line) => build.push(line));
    expect(build).toEqual(['skipped: dist/no-such-file.cjs is missing (npm run build makes it); under CI=true this fails instead']);
  });

  it('a file that is there runs the test', () => {
    expect(present(join(ROOT, 'package.json'), false, () => expect.fail('nothing to report'))).toBe(true);
  });
});
