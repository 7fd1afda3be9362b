#!/usr/bin/env node
/**
 * Issue #12's scaling checks: each case doubles its input four times (five sizes), runs the built
 * command on it, and prints wall and CPU time (user + system, all threads: V8 collects garbage on helper
 * threads too), each with its ratio to the size before, and peak RSS. The targets: at most 2.2 per
 * doubling, and at most 1 GB peak RSS for a million tiny comments. On a shared machine wall time follows
 * the neighbours' load; CPU time much less.
 *
 *   spaces     item 1: a text dump whose comment holds a run of 1.28M…20.48M spaces (best of 3)
 *   patterns   item 3 (best of 3): 250…4,000 comments of text made to make phrase patterns backtrack (runs of one
 *              letter, of one word, of spaces), scanned with the built-in lists and a user phrase file;
 *              also the time recheck takes to refuse the patterns
 *   disqus     item 9: a Disqus export whose one message is 2…32 MB of escaped HTML
 *   tiny       item 9: one thread of 62,500…1,000,000 distinct tiny comments ("comment N", 25 MB at 1M)
 *
 * Usage: npm run build && node bench/hardening.mjs [case...]   (all cases when none is named)
 * Needs /usr/bin/time (GNU time) for peak RSS. Inputs are written to bench/out/hardening/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'threadsift.cjs');
const OUT = join(ROOT, 'bench', 'out', 'hardening');
mkdirSync(OUT, { recursive: true });

/** Run the command on `args` `times` times; the least wall seconds and peak RSS in MB, from GNU time. */
function measure(args, env = {}, times = 1) {
  const runs = Array.from({ length: times }, () => measureOnce(args, env));
  return runs.reduce((best, r) => (r.cpu < best.cpu ? r : best));
}

function measureOnce(args, env) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, BIN, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...env },
  });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [seconds, user, system, kb] = last.split(' ').map(Number);
  if (!Number.isFinite(seconds)) throw new Error(`no timing from /usr/bin/time: ${r.stderr.slice(-300)}`);
  return { seconds, cpu: user + system, rssMb: kb / 1024, code: r.status };
}

function table(title, rows) {
  console.log(`\n${title}`);
  console.log('size'.padEnd(22), 'wall (s)'.padStart(9), 'x prev'.padStart(7), 'CPU (s)'.padStart(8), 'x prev'.padStart(7), 'peak RSS (MB)'.padStart(14), 'exit'.padStart(5));
  rows.forEach((r, i) => {
    const ratio = (key) => (i === 0 ? '' : (r[key] / rows[i - 1][key]).toFixed(2));
    console.log(r.label.padEnd(22), r.seconds.toFixed(2).padStart(9), ratio('seconds').padStart(7), r.cpu.toFixed(2).padStart(8), ratio('cpu').padStart(7), r.rssMb.toFixed(0).padStart(14), String(r.code).padStart(5));
  });
}

const sizes = (first) => [0, 1, 2, 3, 4].map((k) => first * 2 ** k);

const CASES = {
  spaces() {
    const rows = sizes(1_280_000).map((n) => {
      const file = join(OUT, `spaces-${n}.txt`);
      writeFileSync(file, `T\nB\n\n3 Comments\nx\na${' '.repeat(n)}x\ny\n`);
      return { label: `${n.toLocaleString('en')} spaces`, ...measure([file, '-f', 'json', '-o', join(OUT, 'spaces.report.json')], {}, 3) };
    });
    table('item 1: text dump, a comment with a run of spaces', rows);
  },

  patterns() {
    const phrases = join(OUT, 'phrases.json');
    writeFileSync(
      phrases,
      JSON.stringify([
        { id: 'big-if-true', pattern: '\\bbig if true\\b', note: 'meme filler', source: 'bench' },
        { id: 'far-reaching', pattern: '\\b(?:far|wide)[- ]reaching (?:consequences|implications)\\b', note: 'stock', source: 'bench' },
        { id: 'great-point', pattern: '\\bgreat (?:point|idea|take)s?\\b', note: 'agreement', source: 'bench' },
      ]),
    );
    writeFileSync(join(OUT, 'threadsift.config.json'), JSON.stringify({ phraseFiles: ['phrases.json'] }));
    const hostile = ['a'.repeat(2000), 'great '.repeat(333), ' '.repeat(2000), 'aaaa '.repeat(400), `${'ab'.repeat(999)}!`, `${'www.'.repeat(500)}x`];
    const rows = sizes(250).map((n) => {
      const comments = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, text: `${hostile[i % hostile.length]} ${i}` }));
      const file = join(OUT, `patterns-${n}.json`);
      writeFileSync(file, JSON.stringify({ title: 'Patterns', body: '', comments }));
      return { label: `${n.toLocaleString('en')} comments`, ...measure([file, '-c', join(OUT, 'threadsift.config.json'), '-f', 'json', '-o', join(OUT, 'patterns.report.json')], {}, 3) };
    });
    table('item 3: adversarial comments (about 2,000 characters each), built-in lists and a user phrase file', rows);
    console.log('\nitem 3: refusing the issue\'s patterns (recheck, pure JavaScript, automaton checker, 5 s timeout each)');
    for (const pattern of ['(?:a+){2,60}b', 'a*a*a*a*b', '(?:\\w+ ?){1,40}!']) {
      const file = join(OUT, 'bad-phrases.json');
      writeFileSync(file, JSON.stringify([{ id: 'bad', pattern, note: 'n', source: 's' }]));
      writeFileSync(join(OUT, 'bad.config.json'), JSON.stringify({ phraseFiles: ['bad-phrases.json'] }));
      const r = measure([join(ROOT, 'fixtures', 'putin-xi-summit.txt'), '-c', join(OUT, 'bad.config.json')]);
      console.log(`  ${pattern.padEnd(20)} refused in ${r.seconds.toFixed(2)} s (CPU ${r.cpu.toFixed(2)} s, exit ${r.code}), peak RSS ${r.rssMb.toFixed(0)} MB`);
    }
  },

  disqus() {
    const rows = sizes(2).map((mb) => {
      const parts = [];
      let size = 0;
      for (let i = 0; size < mb * 1e6; i++) {
        const w = `word${i % 1000} ${i % 40 === 0 ? '&lt;/p&gt;&lt;p&gt;' : ''}${i % 7 === 0 ? '&amp; ' : ''}`;
        parts.push(w);
        size += w.length;
      }
      const file = join(OUT, `disqus-${mb}mb.xml`);
      writeFileSync(
        file,
        `<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n<thread dsq:id="1"><link>http://x/</link><title>T</title><message>m</message></thread>\n<post dsq:id="10"><message>${parts.join('')}</message><thread dsq:id="1"/></post>\n<post dsq:id="11"><message>short reply</message><thread dsq:id="1"/></post>\n</disqus>\n`,
      );
      return { label: `${mb} MB message`, ...measure([file, '-f', 'json', '-o', join(OUT, 'disqus.report.json')]) };
    });
    table('item 9: Disqus export with one large message', rows);
  },

  tiny() {
    const rows = sizes(62_500).map((n) => {
      const parts = [];
      for (let i = 0; i < n; i++) parts.push(`{"text":"comment ${i}"}`);
      const file = join(OUT, `tiny-${n}.json`);
      writeFileSync(file, `{"title":"t","body":"","comments":[${parts.join(',')}]}`);
      return { label: `${n.toLocaleString('en')} comments`, ...measure([file, '-f', 'json', '-o', join(OUT, 'tiny.report.json')]) };
    });
    table('item 9: one thread of distinct tiny comments (JSON report to a file)', rows);
    const big = join(OUT, 'tiny-1000000.json');
    const capped = measure([big, join(ROOT, 'fixtures', 'putin-xi-summit.txt'), '-f', 'json', '-o', join(OUT, 'tiny-512.report.json')], { NODE_OPTIONS: '--max-old-space-size=512' });
    console.log(`\nitem 9: 1,000,000 tiny comments and the seed thread under NODE_OPTIONS=--max-old-space-size=512: exit ${capped.code} in ${capped.seconds.toFixed(2)} s (CPU ${capped.cpu.toFixed(2)} s), peak RSS ${capped.rssMb.toFixed(0)} MB (the seed's report is kept; see ${join(OUT, 'tiny-512.report.json')})`);
  },
};

const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(CASES)) {
  const run = CASES[name];
  if (!run) {
    console.error(`unknown case "${name}"; cases: ${Object.keys(CASES).join(', ')}`);
    process.exit(2);
  }
  run();
}
