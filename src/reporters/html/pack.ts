/**
 * The page data as the page embeds it. Two things make a large report open fast:
 *
 * - Comments and reasons are columns (field -> one value per comment, or per reason in comment order), so
 *   field names are written once rather than 10,000 times: a third less for the browser to parse.
 * - The worst comments come first in a block before the page script, the rest in a block after it. The
 *   script draws the summary lists from the first block while the browser is still parsing the second,
 *   so the first render does not wait for the whole report (bench/html-render.mjs).
 */
import type { PageComment, PageData, PageReason } from './data.js';

/** Comments as columns, their reasons as columns in comment order. */
export interface PackedComments {
  comments: {
    thread: number[];
    id: string[];
    author: number[];
    text: string[];
    score: number[];
    flagged: Array<0 | 1>;
    cluster: number[];
    /** How many of the reasons, taken in order, are this comment's. */
    reasons: number[];
  };
  reasons: {
    signal: number[];
    strength: number[];
    message: number[];
    /** 0 where a reason has none. */
    span: Array<[number, number] | 0>;
    related: Array<Array<number | string> | 0>;
  };
}

/** The block before the script: everything but the comments after the first few. */
export interface PackedHead extends Omit<PageData, 'comments'> {
  /** Comments in the report; the head holds the first (worst) of them, the rest block the others. */
  commentCount: number;
  /** Every comment's id, so that links from the first comments to the others can be drawn at once. */
  ids: string[];
  packed: PackedComments;
}

/** How many comments the head holds: a few screens of the default view, worst first. */
export const HEAD_COMMENTS = 400;

export function packComments(list: PageComment[]): PackedComments {
  const comments: PackedComments['comments'] = { thread: [], id: [], author: [], text: [], score: [], flagged: [], cluster: [], reasons: [] };
  const reasons: PackedComments['reasons'] = { signal: [], strength: [], message: [], span: [], related: [] };
  for (const c of list) {
    comments.thread.push(c.thread);
    comments.id.push(c.id);
    comments.author.push(c.author);
    comments.text.push(c.text);
    comments.score.push(c.score);
    comments.flagged.push(c.flagged ? 1 : 0);
    comments.cluster.push(c.cluster);
    comments.reasons.push(c.reasons.length);
    for (const r of c.reasons) {
      reasons.signal.push(r.signal);
      reasons.strength.push(r.strength);
      reasons.message.push(r.message);
      reasons.span.push(r.span ?? 0);
      reasons.related.push(r.related ?? 0);
    }
  }
  return { comments, reasons };
}

/** The page data as the head block and, when there are more comments than it holds, the rest block. */
export function packPageData(data: PageData, headComments = HEAD_COMMENTS): { head: PackedHead; rest?: PackedComments } {
  const { comments, ...shared } = data;
  const head: PackedHead = { ...shared, commentCount: comments.length, ids: comments.map((c) => c.id), packed: packComments(comments.slice(0, headComments)) };
  return comments.length > headComments ? { head, rest: packComments(comments.slice(headComments)) } : { head };
}

/** Comments back from their packed form. The page runs this function's source text too (see html.ts). */
export function unpackComments(packed: PackedComments): PageComment[] {
  const { comments: c, reasons: r } = packed;
  const out: PageComment[] = [];
  let k = 0;
  for (let i = 0; i < c.id.length; i++) {
    const reasons: PageReason[] = [];
    for (const end = k + c.reasons[i]!; k < end; k++) {
      const reason: PageReason = { signal: r.signal[k]!, strength: r.strength[k]!, message: r.message[k]! };
      const span = r.span[k];
      const related = r.related[k];
      if (span) reason.span = span;
      if (related) reason.related = related;
      reasons.push(reason);
    }
    out.push({ thread: c.thread[i]!, id: c.id[i]!, author: c.author[i]!, text: c.text[i]!, score: c.score[i]!, flagged: c.flagged[i] === 1, reasons, cluster: c.cluster[i]! });
  }
  return out;
}
