/**
 * Renders an EvalResult: a table a person reads (every figure beside the length baseline's) or JSON
 * for scripts. Pure: returns the text, the CLI writes it.
 */
import { Chalk } from 'chalk';
import type { EvalResult } from './evaluate.js';
import type { Figures } from './metrics.js';
import { escapeInvisible } from '../text/sanitize.js';

/** Output forms of {@link formatEval}. */
export type EvalFormat = 'terminal' | 'json';

/** Rendering options of {@link formatEval}. */
export interface EvalFormatOptions {
  /** Emit ANSI colour (the CLI decides from the terminal, --no-color, NO_COLOR and FORCE_COLOR). */
  color: boolean;
}

const num = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
const signed = (x: number | null) => (x === null ? 'n/a' : `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(3)}`);

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => visibleLength(r[col] ?? ''))));
  return rows.map((r) => r.map((cell, col) => cell + ' '.repeat(widths[col]! - visibleLength(cell))).join('   ').trimEnd());
}

// Widths must ignore colour codes, or coloured cells push their columns out of line.
const visibleLength = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '').length;

/** Format an evaluation as a terminal table or as JSON (one object, trailing newline). */
export function formatEval(result: EvalResult, format: EvalFormat, options: EvalFormatOptions): string {
  if (format === 'json') return `${escapeInvisible(JSON.stringify(result, null, 2))}\n`;
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const { counts } = result;
  const ts = result.threadsift;
  const base = result.baseline;
  // Green where threadsift beats the trivial baseline, red where it does not.
  const versus = (a: number | null, b: number | null) =>
    a === null || b === null ? num(a) : a > b ? c.green(num(a)) : a < b ? c.red(num(a)) : num(a);
  const out: string[] = [];
  out.push(
    `${counts.labelled} labelled comments (${counts.positives} bot/spam, ${counts.negatives} human) in ${counts.threads} thread(s)` +
      (counts.unlabelled ? `; ${counts.unlabelled} unlabelled, analysed as context only` : ''),
  );
  out.push(`threshold ${result.threshold}; signals: ${result.signals.join(', ')}`, '');
  const rows: Array<[string, (f: Figures) => number | null]> = [
    ['precision', (f) => f.precision],
    ['recall', (f) => f.recall],
    ['F1', (f) => f.f1],
    ['accuracy', (f) => f.accuracy],
    ['AUROC', (f) => f.auroc],
  ];
  out.push(
    ...table([
      [c.bold('figure'), c.bold('threadsift'), c.bold('length baseline')],
      ...rows.map(([name, get]) => [name, versus(get(ts), get(base)), num(get(base))]),
      ['best-F1 threshold', `${num(ts.best.threshold)} (F1 ${num(ts.best.f1)})`, `${num(base.best.threshold)} (F1 ${num(base.best.f1)})`],
      ['tp / fp / tn / fn', confusionCell(ts), confusionCell(base)],
    ]),
  );
  out.push(c.dim(`threadsift at threshold ${result.threshold}; the baseline (score = length) at its own F1-best threshold.`), '');
  out.push(c.bold('Confusion matrix (threadsift)'));
  out.push(
    ...table([
      ['', 'flagged', 'not flagged'],
      ['bot/spam', String(ts.confusion.tp), String(ts.confusion.fn)],
      ['human', String(ts.confusion.fp), String(ts.confusion.tn)],
    ]).map((l) => `  ${l}`),
  );
  if (result.ablation.length) {
    out.push('', c.bold('Ablation: each signal turned off'));
    out.push(
      ...table([
        ['signal off', 'F1', 'ΔF1', 'AUROC', 'ΔAUROC', 'baseline F1', 'baseline AUROC'],
        ...result.ablation.map((a) => [
          a.signal,
          num(a.figures.f1),
          a.delta.f1 < 0 ? c.green(signed(a.delta.f1)) : signed(a.delta.f1),
          num(a.figures.auroc),
          signed(a.delta.auroc),
          num(base.f1),
          num(base.auroc),
        ]),
      ]).map((l) => `  ${l}`),
    );
    out.push(c.dim('A negative Δ means the detector is worse without the signal: the signal helps.'));
  }
  if (result.silent.length) out.push(c.dim(`No findings in these threads (nothing to ablate): ${result.silent.join(', ')}.`));
  return `${out.join('\n')}\n`;
}

function confusionCell(f: Figures): string {
  const m = f.confusion;
  return `${m.tp} / ${m.fp} / ${m.tn} / ${m.fn}`;
}
