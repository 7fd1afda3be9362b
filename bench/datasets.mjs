/**
 * Loaders for the labelled public datasets in ../shared/datasets, as threadsift threads. Shared by the
 * evaluation scripts in bench/. Rows are never edited; grouping into threads follows each SOURCE.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const here = dirname(fileURLToPath(import.meta.url));
export const DATASETS = process.env.THREADSIFT_DATASETS ?? join(here, '..', '..', 'shared', 'datasets');

export function datasetsAvailable() {
  return existsSync(DATASETS);
}

/** Exit 2 with one line when ../shared/datasets is not beside the project. */
export function requireDatasets() {
  if (!datasetsAvailable()) {
    console.error(`datasets not found at ${DATASETS}; set THREADSIFT_DATASETS`);
    process.exit(2);
  }
}

/** The seed thread (fixtures/putin-xi-summit.txt), every comment labelled bot. Needs dist/ (npm run build). */
export async function seedThreads() {
  const { parseInput } = await import('../dist/parsers/index.js');
  const path = join(here, '..', 'fixtures', 'putin-xi-summit.txt');
  const threads = parseInput(readFileSync(path), path).threads;
  for (const c of threads[0].comments) c.label = true;
  return threads;
}

function csv(path, options = {}) {
  return parse(readFileSync(join(DATASETS, path)), { columns: true, skip_empty_lines: true, relax_quotes: true, ...options });
}

/** SFU CTC: real Globe and Mail comments, one thread per article (grouped by URL; title from the data). */
export function sfuThreads() {
  const rows = csv('sfu-ctc/SFU_constructiveness_toxicity.csv');
  const byArticle = new Map();
  for (const r of rows) {
    const key = (r.url || r.globe_url || r.title).trim();
    if (!byArticle.has(key)) byArticle.set(key, { title: r.title.replace(/ - The Globe and Mail$/, ''), rows: [] });
    byArticle.get(key).rows.push(r);
  }
  return [...byArticle].map(([url, a], t) => ({
    id: `sfu-${t + 1}`,
    source: 'sfu-ctc',
    title: a.title,
    body: '',
    url,
    comments: a.rows.map((r, i) => ({ id: String(r._unit_id || i + 1), index: i + 1, text: r.comment, label: false })),
  }));
}

/** YouTube Spam Collection: one thread per video file; CLASS 1 = spam. */
export function youtubeThreads(files = ['Youtube01-Psy.csv', 'Youtube02-KatyPerry.csv', 'Youtube03-LMFAO.csv']) {
  return files.map((file) => {
    const rows = csv(`youtube-spam/${file}`);
    return {
      id: file.replace(/\.csv$/, ''),
      source: `youtube-spam/${file}`,
      title: file.replace(/\.csv$/, ''),
      body: '',
      comments: rows.map((r, i) => ({
        id: r.COMMENT_ID || String(i + 1),
        index: i + 1,
        author: r.AUTHOR,
        createdAt: r.DATE,
        text: decodeHtml(r.CONTENT),
        label: r.CLASS === '1',
      })),
    };
  });
}

/** GRiD: GPT-3.5 (1) vs human (0) Reddit answers; one pseudo-thread per chunk of `size` rows. */
export function gridThreads(size = 100) {
  const rows = csv('grid-reddit-gpt/gpt_reddit_dataset_cleaned.csv').filter((r) => r.Data && r.Data.trim());
  return chunk(rows, size).map((part, t) => ({
    id: `grid-${t + 1}`,
    source: 'grid-reddit-gpt',
    title: '',
    body: '',
    comments: part.map((r, i) => ({ id: String(t * size + i + 1), index: i + 1, text: r.Data, label: r.Labels === '1' })),
  }));
}

/** TweepFake: bot vs human tweets; one pseudo-thread per chunk. */
export function tweepfakeThreads(split = 'validation', size = 100) {
  const rows = csv(`tweepfake/${split}.csv`, { delimiter: ';' });
  return chunk(rows, size).map((part, t) => ({
    id: `tweepfake-${split}-${t + 1}`,
    source: `tweepfake/${split}`,
    title: '',
    body: '',
    comments: part.map((r, i) => ({ id: String(t * size + i + 1), index: i + 1, author: r.screen_name, text: r.text, label: r['account.type'] === 'bot' })),
  }));
}

function chunk(rows, size) {
  const out = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** YouTube exports carry HTML: <br /> and entities. */
export function decodeHtml(s) {
  return s
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** A seeded shuffle (mulberry32), so pseudo-threads mix classes the same way on every run. */
export function shuffled(items, seed = 1) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Labelled items ({text, label, author?}) as pseudo-threads of `size` comments, in the given order. */
export function itemThreads(items, source, size = 25) {
  return chunk(items, size).map((part, t) => ({
    id: `${source}-${t + 1}`,
    source,
    title: '',
    body: '',
    comments: part.map((r, i) => ({
      id: String(t * size + i + 1),
      index: i + 1,
      text: r.text,
      label: r.label,
      ...(r.author ? { author: r.author } : {}),
    })),
  }));
}

/**
 * The artefacts election-tweets' SOURCE.md lists, neutralised for both classes: the wrapping quotes a
 * model put round its own output, every hashtag, and a leading run of @mentions.
 */
export function neutralizeArtifacts(text) {
  let t = text.trim();
  while (t.length >= 2 && /^["“”]/.test(t) && /["“”]$/.test(t)) t = t.slice(1, -1).trim();
  t = t.replace(/^(?:\.?@\w+[\s,:]*)+/u, '');
  t = t.replace(/(^|[^\w&])#[\p{L}\p{N}_]+/gu, '$1');
  return t.replace(/[ \t]{2,}/g, ' ').trim();
}

export const ELECTION_GENERATORS = { gpt4o: 'gpt4o_sample_5000.csv', llama3: 'llama3_sample_5000.csv', gemini: 'gemini1.5_sample_2754.csv' };

/**
 * election-tweets: human tweets (label false) and one generator's rewrites (label true). Items are
 * shuffled before chunking, so a human tweet and its rewrite seldom share a pseudo-thread (they share a
 * topic, and near-duplicate would link them). `neutralize` applies neutralizeArtifacts to every text.
 */
export function electionItems(generator, { neutralize = false, human = true, machine = true } = {}) {
  const rows = csv(`election-tweets/${ELECTION_GENERATORS[generator]}`);
  const fix = neutralize ? neutralizeArtifacts : (t) => t;
  const items = [];
  rows.forEach((r, row) => {
    if (human && r.ori_tweet?.trim()) items.push({ text: fix(r.ori_tweet), label: false, generator: 'human', row });
    if (machine && r.rewrite_tweet?.trim()) items.push({ text: fix(r.rewrite_tweet), label: true, generator, row });
  });
  return items.filter((x) => x.text.trim());
}

export function electionThreads(generator, options = {}) {
  return itemThreads(shuffled(electionItems(generator, options), 7), `election-${generator}`);
}

/** SMS Spam Collection: spam (true) vs ham (false), in file order, threads of 25. */
export function smsItems() {
  const lines = readFileSync(join(DATASETS, 'sms-spam/SMSSpamCollection'), 'utf8').split('\n');
  const items = [];
  for (const line of lines) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const label = line.slice(0, tab);
    if (label !== 'ham' && label !== 'spam') continue;
    items.push({ text: line.slice(tab + 1), label: label === 'spam' });
  }
  return items;
}
export const smsThreads = () => itemThreads(smsItems(), 'sms-spam');

/** Davidson et al.: 24,783 human tweets (offensive language labels, not authorship), raw as in the file. */
export function davidsonItems() {
  return csv('davidson-tweets/labeled_data.csv').map((r) => ({ text: r.tweet, label: false }));
}
export const davidsonThreads = () => itemThreads(davidsonItems(), 'davidson-tweets');

/** TweepFake split as items (bot = true), with the posting account as author. */
export function tweepfakeItems(split = 'validation') {
  return csv(`tweepfake/${split}.csv`, { delimiter: ';' }).map((r) => ({ text: r.text, label: r['account.type'] === 'bot', author: r.screen_name, generator: r.class_type }));
}

/** GRiD rows as items (GPT-3.5 = true). */
export function gridItems() {
  return csv('grid-reddit-gpt/gpt_reddit_dataset_cleaned.csv')
    .map((r, row) => ({ text: r.Data, label: r.Labels === '1', row }))
    .filter((r) => r.text && r.text.trim());
}

/**
 * The shipped detector's split: rows whose index in their file is a multiple of 5 are never fitted on
 * (bench/fit-detector.mjs), so figures on them are out of sample. A human tweet and its rewrite share a row.
 */
export const isReportRow = (item) => item.row % 5 === 0;
