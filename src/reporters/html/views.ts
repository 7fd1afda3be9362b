/// <reference lib="dom" />
/**
 * The elements the HTML report's page draws for one comment, cluster, author or thread. Like pageKit, the
 * page runs this function's source text (PAGE_SCRIPT in html.ts): it refers to nothing outside its body but
 * its parameters and browser globals.
 */
import type { PageData } from './data.js';
import type { PageKit } from './kit.js';

export function pageViews(kit: PageKit, data: PageData, ids: string[], selectedAuthor: () => number) {
  const { el, marked, sharedMarks } = kit;
  const many = data.threads.length > 1;
  const two = (n: number) => n.toFixed(2);
  const percent = (n: number) => `${Math.round(n * 100)}%`;
  const PALETTE = 10;
  const signalClass = (s: number) => `s${s % PALETTE}`;
  const threadName = (t: number) => (t >= 0 ? data.threads[t]!.title || data.threads[t]!.id : '');

  /** A link to a comment: its position in the data, never text from the input, makes the address. */
  function commentLink(i: number): HTMLElement {
    const a = el('a', 'goto', `#${ids[i]}`);
    a.href = `#c-${i}`;
    a.dataset.goto = String(i);
    return a;
  }

  function authorButton(a: number): HTMLElement {
    const b = el('button', 'author', data.authors[a]!.name);
    b.type = 'button';
    b.dataset.pickAuthor = String(a);
    b.title = 'Show only this author’s comments';
    return b;
  }

  function card(i: number): HTMLElement {
    const c = data.comments[i]!;
    const card = el('article', c.flagged ? 'comment flagged' : 'comment');
    card.id = `c-${i}`;
    card.tabIndex = -1;
    card.dataset.id = c.id;
    const head = el('header');
    head.append(el('span', `score ${c.flagged ? 'hi' : c.score >= 0.3 ? 'mid' : 'lo'}`, two(c.score)), el('span', 'cid', `#${c.id}`));
    if (c.author >= 0) head.append(authorButton(c.author));
    if (many) head.append(el('span', 'thread', threadName(c.thread)));
    if (c.cluster >= 0) {
      const k = el('a', 'goto-cluster', `cluster ${data.clusters[c.cluster]!.id}`);
      k.href = `#k-${c.cluster}`;
      k.dataset.gotoCluster = String(c.cluster);
      head.append(k);
    }
    head.append(el('span', 'state', c.flagged ? 'flagged' : 'not flagged'));
    const text = el('p', 'text');
    const marks = c.reasons.flatMap((r) => (r.span ? [{ start: r.span[0], end: r.span[1], className: `ev ${signalClass(r.signal)}`, title: `${data.signals[r.signal]}: ${data.messages[r.message]}` }] : []));
    text.append(marked(c.text, marks));
    const reasons = el('ul', 'reasons');
    for (const r of c.reasons) {
      const li = el('li');
      li.append(el('span', `sig ${signalClass(r.signal)}`, data.signals[r.signal]), ' ', el('span', 'msg', data.messages[r.message]), ' ', el('span', 'strength', two(r.strength)));
      if (r.related?.length) {
        li.append(' ', el('span', 'see', 'see'));
        for (const p of r.related) li.append(' ', typeof p === 'number' ? commentLink(p) : el('span', 'missing', `#${p}`));
      }
      reasons.append(li);
    }
    card.append(head, text, reasons);
    return card;
  }

  /** Texts side by side, what they share highlighted; a few columns first, more on request. */
  function sideBySide(columns: Array<{ comment: number; label: string; id: string }>, fallback: string): HTMLElement {
    const box = el('div', 'side-box');
    const row = el('div', 'side');
    const texts = columns.map((m) => (m.comment >= 0 ? data.comments[m.comment]!.text : fallback));
    const marksOf = sharedMarks(texts);
    const more = el('button', 'more');
    more.type = 'button';
    let shown = 0;
    const add = (n: number) => {
      for (; shown < Math.min(columns.length, n); shown++) {
        const m = columns[shown]!;
        const col = el('div', 'col');
        const head = el('header');
        if (m.comment >= 0) {
          const c = data.comments[m.comment]!;
          head.append(commentLink(m.comment), el('span', `score ${c.flagged ? 'hi' : 'lo'}`, two(c.score)));
          if (c.author >= 0) head.append(authorButton(c.author));
        } else head.append(el('span', 'missing', `#${m.id} (not in this report)`));
        if (m.label) head.append(el('span', 'thread', m.label));
        const text = el('p', 'text');
        text.append(marked(texts[shown]!, marksOf(shown)));
        col.append(head, text);
        row.append(col);
      }
      more.textContent = `Show more copies (${columns.length - shown} not shown)`;
      more.hidden = shown >= columns.length;
    };
    more.addEventListener('click', () => add(shown + 12));
    add(6);
    box.append(row, more);
    return box;
  }

  function clusterBlock(k: number): HTMLElement {
    const cl = data.clusters[k]!;
    const box = el('section', 'cluster');
    box.id = `k-${k}`;
    box.tabIndex = -1;
    box.dataset.clusterId = cl.id;
    const where = many ? ` · ${threadName(cl.thread)}` : '';
    box.append(el('h3', '', `Cluster ${cl.id}: ${cl.members.length} comments, mean similarity ${two(cl.similarity)}${where}`));
    box.append(sideBySide(cl.members.map((m) => ({ comment: m, label: '', id: data.comments[m]!.id })), ''));
    return box;
  }

  function crossBlock(k: number): HTMLElement {
    const cl = data.cross[k]!;
    const box = el('section', 'cluster cross');
    box.dataset.clusterId = cl.id;
    const label = (t: { thread: number; source: string; id: string }) => (t.thread >= 0 ? threadName(t.thread) : `${t.id} (${t.source})`);
    box.append(el('h3', '', `${cl.size} copies in ${cl.threads.length} threads, similarity ${two(cl.similarity.min)}–${two(cl.similarity.mean)} (min–mean) · ${cl.id}`));
    const threads = el('ul', 'threads');
    for (const t of cl.threads) {
      const li = el('li', '', label(t));
      if (t.thread >= 0) li.append(el('span', 'source', ` ${data.threads[t.thread]!.source}`));
      threads.append(li);
    }
    const named = new Map(cl.threads.map((t) => [t.thread, label(t)]));
    box.append(threads, sideBySide(cl.members.map((m) => ({ comment: m.comment, label: named.get(m.thread) ?? threadName(m.thread), id: m.id })), cl.representative));
    return box;
  }

  function authorRow(a: number): HTMLElement {
    const au = data.authors[a]!;
    const tr = el('tr');
    const name = el('td');
    name.append(authorButton(a));
    tr.append(name, el('td', 'n', String(au.comments)), el('td', 'n', String(au.flagged)), el('td', 'n', percent(au.flagged / au.comments)), el('td', 'n', String(au.clusters)));
    if (a === selectedAuthor()) tr.className = 'selected';
    return tr;
  }

  function threadRow(t: number): HTMLElement {
    const th = data.threads[t]!;
    const tr = el('tr');
    const name = el('td');
    const b = el('button', 'thread-pick', threadName(t));
    b.type = 'button';
    b.dataset.pickThread = String(t);
    name.append(b, el('div', 'source', th.source));
    tr.append(name, el('td', 'n', String(th.comments)), el('td', 'n', String(th.flagged)), el('td', 'n', percent(th.botShare)), el('td', 'thread-verdict', th.verdict));
    return tr;
  }

  return { card, clusterBlock, crossBlock, authorRow, threadRow };
}
