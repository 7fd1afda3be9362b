/**
 * The package as a library user gets it: `npm pack`, the tarball installed in an empty folder, imported
 * from an ES module script and type-checked from a TypeScript file with tsc. Uses the built dist/ (npm ci
 * builds it through prepare); under CI it never skips.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { present, ROOT } from './helpers.js';

const BUILT = join(ROOT, 'dist', 'api.d.ts');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
/** Packing, installing (from npm's cache when it can) and a cold tsc run take tens of seconds. */
const SLOW = 300_000;

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const CONSUMER_MJS = `
import { analyze, defaultConfig, formatReport, loadConfig, parseThreads, scanFiles, ConfigError, VERSION } from 'threadsift';
import { createRequire } from 'node:module';
const here = createRequire(import.meta.url);
const seed = here.resolve('threadsift/package.json').replace(/package\\.json$/, 'fixtures/putin-xi-summit.txt');
const report = await scanFiles([seed]);
const { threads } = parseThreads(JSON.stringify({ title: 'T', comments: [{ text: 'hello there' }] }), 'mem.json');
let configError = false;
try { loadConfig({ file: 'missing.json' }); } catch (err) { configError = err instanceof ConfigError; }
const schema = (await import('threadsift/schemas/report.schema.json', { with: { type: 'json' } })).default;
process.stdout.write(JSON.stringify({
  version: VERSION,
  summary: report.summary,
  analyzed: analyze(threads, defaultConfig()).summary.comments,
  csvHeader: formatReport(report, 'csv').split('\\n')[0].split(',').slice(0, 3),
  configError,
  schema: schema.title,
}));
`;

const CONSUMER_TS = `
import { analyze, defaultConfig, loadConfig, scanFiles, type Config, type Report, type ScoredComment, type Thread } from 'threadsift';

const thread: Thread = { id: 't', source: 'memory', title: 'T', body: '', comments: [{ id: '1', index: 1, text: 'hello' }] };
const config: Config = loadConfig({ cwd: '.' });
const report: Report = analyze([thread], config);
const first: ScoredComment | undefined = report.threads[0]?.comments[0];
export const flagged: Promise<number> = scanFiles(['a.txt'], { config: defaultConfig(), threshold: 0.6 }).then((r) => r.summary.flagged + (first?.score ?? 0));
// Each line below must fail to type-check: were the package untyped (any), the directive itself would be an error.
// @ts-expect-error a score is a number
export const score: string = report.threads[0]!.comments[0]!.score;
// @ts-expect-error scanFiles takes an array of paths
void scanFiles('a.txt');
// @ts-expect-error no such option
void scanFiles([], { treshold: 0.5 });
`;

describe.runIf(present(BUILT))('the packed package', () => {
  let dir = '';
  let tarball = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'threadsift-package-'));
    // dist/ is built already (npm ci runs prepare); packing must not rebuild it under the other tests.
    npm(['pack', '--ignore-scripts', '--pack-destination', dir], ROOT);
    tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    npm(['install', `./${tarball}`, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'], dir);
  }, SLOW);

  it('ships the library, its declarations and the schemas, and no tests', () => {
    const files = (JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT)) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    for (const path of ['dist/api.js', 'dist/api.d.ts', 'dist/threadsift.cjs', 'bin/threadsift.cjs', 'schemas/report.schema.json', 'schemas/jsonl.schema.json', 'schemas/config.schema.json', 'package.json']) {
      expect(files, path).toContain(path);
    }
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('src/'))).toEqual([]);
  }, SLOW);

  it("imports from an ES module script: scanFiles, analyze, loadConfig, the schemas", () => {
    writeFileSync(join(dir, 'use.mjs'), CONSUMER_MJS);
    const out = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: dir, encoding: 'utf8' }));
    expect(out).toMatchObject({
      summary: { threads: 1, comments: 16, flagged: 16 },
      analyzed: 1,
      csvHeader: ['thread', 'source', 'comment_id'],
      configError: true,
      schema: 'threadsift JSON report (schemaVersion 1)',
    });
  }, SLOW);

  it('keeps everything but the API out of reach', () => {
    const deep = execFileSync(process.execPath, ['--input-type=module', '-e', "import('threadsift/dist/cli.js').then(() => console.log('reached'), (e) => console.log(e.code))"], { cwd: dir, encoding: 'utf8' });
    expect(deep.trim()).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  }, SLOW);

  it('type-checks a TypeScript consumer against the shipped declarations (skipLibCheck off)', () => {
    writeFileSync(join(dir, 'consumer.ts'), CONSUMER_TS);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')] },
        files: ['consumer.ts'],
      }),
    );
    let output = '';
    try {
      execFileSync(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      output = String((err as { stdout?: string }).stdout ?? err);
    }
    expect(output).toBe('');
  }, SLOW);
});
