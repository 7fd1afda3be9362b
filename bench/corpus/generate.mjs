#!/usr/bin/env node
/**
 * Builds a synthetic comment archive from the real comments in ../shared/datasets, with planted
 * near-duplicate families whose members are spread over many threads: the ground truth for
 * bench/corpus/run.mjs.
 *
 * Usage: node bench/corpus/generate.mjs N out.jsonl [--seed 42] [--planted 0.1]
 * Writes out.jsonl (threadsift JSONL: one thread object per line) and out.truth.jsonl (one planted pair
 * per line: {"family", "level", "a": [threadId, commentId], "b": [threadId, commentId]}, a = the family's
 * original, b = an edited copy).
 *
 * Background comments: 1–5 sentences drawn from the pool of real sentences (SFU CTC `comment`, GRiD
 * `Data`, TweepFake train + validation `text`, the three YouTube spam files' `CONTENT`) until a random target of 70–340 characters is met
 * (~300 bytes per comment on average), so almost every background comment is unique but reads like a
 * real one.
 * Planted families (`--planted` share of all comments): an original of ≥ 20 words and 1–15 copies, each
 * edited independently from the original at one level per family — 0, 3, 6, 10 or 20 % of its words —
 * with operations drawn as substitution (30 %), insertion (20 %), deletion (20 %), synonym swap from the
 * table below (20 %) and swapping two sentences (10 %, one operation). Every copy also gets cosmetic
 * noise that normalisation must undo: changed case, a zero-width space, a doubled punctuation mark.
 * Deterministic for a given N and seed.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gridThreads, sfuThreads, tweepfakeThreads, youtubeThreads } from '../datasets.mjs';

const LEVELS = [0, 3, 6, 10, 20];

const SYNONYMS = [
  ['good', 'great'], ['bad', 'terrible'], ['big', 'large'], ['small', 'little'], ['people', 'folks'],
  ['think', 'believe'], ['government', 'administration'], ['country', 'nation'], ['money', 'cash'],
  ['important', 'crucial'], ['problem', 'issue'], ['help', 'assist'], ['buy', 'purchase'], ['start', 'begin'],
  ['end', 'finish'], ['fast', 'quick'], ['smart', 'clever'], ['happy', 'glad'], ['hard', 'difficult'],
  ['easy', 'simple'], ['show', 'demonstrate'], ['use', 'utilize'], ['need', 'require'], ['want', 'wish'],
  ['often', 'frequently'], ['maybe', 'perhaps'], ['really', 'truly'], ['very', 'extremely'], ['job', 'work'],
  ['answer', 'reply'], ['ask', 'inquire'], ['say', 'state'], ['said', 'stated'], ['get', 'obtain'],
  ['make', 'create'], ['idea', 'notion'], ['world', 'globe'], ['city', 'town'], ['car', 'vehicle'],
  ['house', 'home'], ['kids', 'children'], ['old', 'elderly'], ['new', 'novel'], ['fix', 'repair'],
  ['wrong', 'incorrect'], ['right', 'correct'], ['true', 'accurate'], ['funny', 'hilarious'], ['love', 'adore'],
  ['hate', 'despise'], ['video', 'clip'], ['song', 'track'], ['leader', 'chief'], ['law', 'legislation'],
  ['tax', 'levy'], ['vote', 'ballot'], ['war', 'conflict'], ['story', 'article'], ['great', 'excellent'],
];
const SYNONYM = new Map();
for (const [a, b] of SYNONYMS) {
  SYNONYM.set(a, b);
  SYNONYM.set(b, a);
}

/** mulberry32: small, fast, seedable. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function parseArgs(argv) {
  const [nArg, out] = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  const flag = (name, dflt) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : dflt;
  };
  const n = parseCount(nArg);
  if (!Number.isFinite(n) || n < 1 || !out) {
    console.error('usage: node bench/corpus/generate.mjs N out.jsonl [--seed 42] [--planted 0.1]');
    process.exit(2);
  }
  return { n, out, seed: flag('seed', 42), planted: flag('planted', 0.1) };
}

/** "10k" → 10000, "1M" → 1000000. */
export function parseCount(s) {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(String(s ?? ''));
  if (!m) return NaN;
  return Math.round(Number(m[1]) * (m[2] === '' ? 1 : /k/i.test(m[2]) ? 1e3 : 1e6));
}

/** Real comment texts, de-duplicated, as a sentence pool and a vocabulary. */
export function loadPool() {
  const texts = new Set();
  const threads = [
    ...sfuThreads(),
    ...gridThreads(),
    ...['train', 'validation'].flatMap((split) => tweepfakeThreads(split)),
    ...youtubeThreads(),
  ];
  for (const t of threads) for (const c of t.comments) if (c.text && c.text.trim()) texts.add(c.text.replace(/\s+/g, ' ').trim());
  const sentences = [];
  for (const t of texts) {
    for (const s of t.split(/(?<=[.!?])\s+/)) if (s.split(' ').length >= 3 && s.length <= 400) sentences.push(s);
  }
  const vocabulary = [...new Set(sentences.flatMap((s) => s.toLowerCase().match(/[a-z]{2,}/g) ?? []))];
  return { texts: texts.size, sentences, vocabulary };
}

export function backgroundText(pool, random) {
  const target = 70 + Math.floor(random() * 270);
  let text = '';
  for (let k = 0; k < 5 && text.length < target; k++) {
    const s = pool.sentences[Math.floor(random() * pool.sentences.length)];
    text = text ? `${text} ${s}` : s;
  }
  return text;
}

function originalText(pool, random) {
  for (;;) {
    const t = backgroundText(pool, random);
    if (t.split(' ').length >= 20) return t;
  }
}

/** `original` with round(level% of its words) edit operations, then cosmetic noise. */
export function edit(original, level, pool, random) {
  let words = original.split(' ');
  const ops = Math.round((level / 100) * words.length);
  const pick = (a) => a[Math.floor(random() * a.length)];
  const randomWord = () => pick(pool.vocabulary);
  for (let k = 0; k < ops; k++) {
    const op = random();
    const at = Math.floor(random() * words.length);
    if (op < 0.3) words[at] = randomWord();
    else if (op < 0.5) words.splice(at, 0, randomWord());
    else if (op < 0.7 && words.length > 1) words.splice(at, 1);
    else if (op < 0.9) {
      const candidates = words.map((w, i) => (SYNONYM.has(w.toLowerCase()) ? i : -1)).filter((i) => i >= 0);
      if (candidates.length > 0) {
        const i = pick(candidates);
        words[i] = SYNONYM.get(words[i].toLowerCase());
      } else words[at] = randomWord();
    } else {
      const sentences = words.join(' ').split(/(?<=[.!?])\s+/);
      if (sentences.length >= 2) {
        const i = Math.floor(random() * sentences.length);
        let j = Math.floor(random() * (sentences.length - 1));
        if (j >= i) j++;
        [sentences[i], sentences[j]] = [sentences[j], sentences[i]];
        words = sentences.join(' ').split(' ');
      } else words[at] = randomWord();
    }
  }
  return noise(words, random).join(' ');
}

function noise(words, random) {
  const out = words.slice();
  const at = () => Math.floor(random() * out.length);
  const i = at();
  out[i] = random() < 0.5 ? out[i].toUpperCase() : out[i].charAt(0).toUpperCase() + out[i].slice(1);
  const j = at();
  out[j] = `${out[j].slice(0, 1)}\u200b${out[j].slice(1)}`;
  const k = at();
  out[k] = /[.!?,]$/.test(out[k]) ? out[k] + out[k].slice(-1).repeat(2) : `${out[k]}!!`;
  return out;
}

function main() {
  const { n, out, seed, planted } = parseArgs(process.argv.slice(2));
  const random = rng(seed);
  const pool = loadPool();

  // Plant families until the planted share is reached; members are placed by a shuffle below.
  const plantedTexts = [];
  const families = [];
  const plantedTarget = Math.floor(n * planted);
  while (plantedTexts.length < plantedTarget) {
    const level = LEVELS[families.length % LEVELS.length];
    const copies = Math.min(1 + Math.floor(-Math.log(1 - random()) * 3), 15);
    const original = originalText(pool, random);
    const members = [plantedTexts.length];
    plantedTexts.push(original);
    for (let c = 0; c < copies; c++) {
      members.push(plantedTexts.length);
      plantedTexts.push(edit(original, level, pool, random));
    }
    families.push({ level, members });
  }

  // Slot i holds planted text slot[i] ≥ 0, or a fresh background comment (-1).
  const slots = new Int32Array(Math.max(n, plantedTexts.length)).fill(-1);
  for (let i = 0; i < plantedTexts.length; i++) slots[i] = i;
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = slots[i];
    slots[i] = slots[j];
    slots[j] = t;
  }

  const location = new Array(plantedTexts.length);
  const fd = openSync(out, 'w');
  let buffer = [];
  let bytes = 0;
  let threadNo = 0;
  for (let i = 0; i < slots.length; ) {
    // Thread sizes 1–100, mean ~50, like comment sections of news articles.
    const size = Math.min(1 + Math.floor(random() * 100), slots.length - i);
    const threadId = `t${++threadNo}`;
    const comments = [];
    for (let k = 0; k < size; k++, i++) {
      const p = slots[i];
      const id = String(k + 1);
      if (p >= 0) location[p] = [threadId, id];
      comments.push({ id, text: p >= 0 ? plantedTexts[p] : backgroundText(pool, random) });
    }
    const line = `${JSON.stringify({ id: threadId, title: `Article ${threadNo}`, body: '', comments })}\n`;
    buffer.push(line);
    bytes += line.length;
    if (bytes > 1 << 22) {
      writeSync(fd, buffer.join(''));
      buffer = [];
      bytes = 0;
    }
  }
  writeSync(fd, buffer.join(''));
  closeSync(fd);

  const truthPath = out.replace(/\.jsonl$/, '') + '.truth.jsonl';
  const truth = openSync(truthPath, 'w');
  const lines = [];
  families.forEach((f, family) => {
    const [first, ...copies] = f.members;
    for (const c of copies) lines.push(JSON.stringify({ family, level: f.level, a: location[first], b: location[c] }));
  });
  writeSync(truth, lines.join('\n') + '\n');
  closeSync(truth);
  console.error(
    `wrote ${slots.length} comments in ${threadNo} threads to ${out} (${pool.texts} real texts, ${pool.sentences.length} sentences); ` +
      `${families.length} planted families, ${lines.length} planted pairs in ${truthPath}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
