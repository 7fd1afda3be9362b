/// <reference lib="dom" />
/**
 * The HTML report's page script: reads the embedded report data and renders the comment list, clusters and
 * tables on demand, under the filters. Like pageKit, it runs from its source text (PAGE_SCRIPT in
 * html.ts) and must refer to nothing outside its body but its parameters and browser globals.
 */
import type { PageKit } from './kit.js';
import type { PageComment, PageData } from './data.js';
import type { PackedComments, PackedHead } from './pack.js';

export function pageMain(kit: PageKit, unpack: (packed: PackedComments) => PageComment[]): void {
  const { el, marked, sharedMarks, lazyList } = kit;
  const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
  const { packed, commentCount, ids, ...shared } = JSON.parse(byId('threadsift-data').textContent ?? '') as PackedHead;
  const data: PageData = { ...shared, comments: unpack(packed) };
  const headCount = data.comments.length;
  // The comments after the head are parsed by the browser after this script has drawn the first lists.
  let loaded = headCount === commentCount;
  const afterLoad: Array<() => void> = [];
  const many = data.threads.length > 1;
  const two = (n: number) => n.toFixed(2);
  const percent = (n: number) => `${Math.round(n * 100)}%`;
  const PALETTE = 10;
  const signalClass = (s: number) => `s${s % PALETTE}`;
  const threadName = (t: number) => (t >= 0 ? data.threads[t]!.title || data.threads[t]!.id : '');

  const initial = () => ({ signal: -1, min: data.threshold, thread: -1, author: -1 });
  let state = initial();
  const controls = {
    signal: byId<HTMLSelectElement>('f-signal'),
    min: byId<HTMLInputElement>('f-min'),
    minValue: byId<HTMLOutputElement>('f-min-value'),
    thread: byId<HTMLSelectElement>('f-thread'),
    author: byId('f-author'),
    authorName: byId('f-author-name'),
    note: byId('f-note'),
  };

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
    if (a === state.author) tr.className = 'selected';
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

  const matches = (c: PageComment) =>
    c.score >= state.min &&
    (state.thread < 0 || c.thread === state.thread) &&
    (state.author < 0 || c.author === state.author) &&
    (state.signal < 0 || c.reasons.some((r) => r.signal === state.signal));
  const byAuthor = (i: number) => state.author < 0 || data.comments[i]?.author === state.author;

  let order: number[] = [];
  let clusterOrder: number[] = [];
  let shownClusters = '';
  const lists: Record<string, ReturnType<typeof lazyList>> = {};
  function list(name: string, count: number, render: (i: number) => HTMLElement, chunk: number, host?: HTMLElement) {
    lists[name]?.dispose();
    const container = byId(`${name}-list`);
    lists[name] = lazyList(container, host ?? container, count, render, chunk);
  }

  function describeFilters(): string {
    const parts = [`score ≥ ${two(state.min)}${state.min === data.threshold ? ' (flagged)' : ''}`];
    if (state.signal >= 0) parts.push(`signal ${data.signals[state.signal]}`);
    if (state.thread >= 0) parts.push(`thread “${threadName(state.thread)}”`);
    if (state.author >= 0) parts.push(`author “${data.authors[state.author]!.name}”`);
    return parts.join(', ');
  }

  function apply(note = ''): void {
    controls.signal.value = String(state.signal);
    controls.min.value = String(state.min);
    controls.minValue.textContent = two(state.min);
    controls.thread.value = String(state.thread);
    controls.author.hidden = state.author < 0;
    controls.authorName.textContent = state.author >= 0 ? data.authors[state.author]!.name : '';
    controls.note.textContent = note;
    for (const row of document.querySelectorAll('#authors-list tr')) row.classList.toggle('selected', row.querySelector(`[data-pick-author="${state.author}"]`) !== null);

    order = [];
    data.comments.forEach((c, i) => matches(c) && order.push(i));
    commentsStatus();
    list('comments', order.length, (k) => card(order[k]!), 40);
    if (loaded) drawClusters();
  }

  function commentsStatus(): void {
    const total = loaded ? `${order.length}` : `${order.length} so far`;
    byId('comments-status').textContent = `${total} of ${commentCount} comments, worst first: ${describeFilters()}.`;
  }

  /** The cluster lists, which depend on the thread and author only: the slider and the signal leave them be. */
  function drawClusters(): void {
    const clusterKey = `${state.thread} ${state.author}`;
    if (clusterKey === shownClusters) return;
    shownClusters = clusterKey;
    clusterOrder = data.clusters.flatMap((cl, k) => ((state.thread < 0 || cl.thread === state.thread) && cl.members.some(byAuthor) ? [k] : []));
    byId('clusters-status').textContent = data.clusters.length ? `${clusterOrder.length} of ${data.clusters.length} clusters.` : 'No duplicate clusters.';
    list('clusters', clusterOrder.length, (k) => clusterBlock(clusterOrder[k]!), 8);

    const cross = data.cross.flatMap((cl, k) => ((state.thread < 0 || cl.members.some((m) => m.thread === state.thread)) && cl.members.some((m) => byAuthor(m.comment)) ? [k] : []));
    byId('cross-status').textContent = data.cross.length ? `${cross.length} of ${data.cross.length} clusters.` : 'No comment is repeated across threads of this report.';
    list('cross', cross.length, (k) => crossBlock(cross[k]!), 8);
  }

  /**
   * The comments after the head: appended in their worst-first order, so the list of any filter only grows
   * at its end, and the chunks already drawn stay as they are. Clusters wait for them (their copies may be
   * anywhere), and so do clicks that needed them.
   */
  function finishLoading(): void {
    if (!loaded) {
      data.comments.push(...unpack(JSON.parse(byId('threadsift-rest').textContent ?? '') as PackedComments));
      loaded = true;
      for (let i = headCount; i < data.comments.length; i++) if (matches(data.comments[i]!)) order.push(i);
      lists.comments?.extend(order.length);
      commentsStatus();
    }
    drawClusters();
    for (const then of afterLoad.splice(0)) then();
    performance.mark('threadsift:loaded');
    document.documentElement.dataset.ready = 'true';
  }

  /** Scroll to a comment, clearing the filters first when they hide it. */
  function reveal(i: number): void {
    if (!loaded) return void afterLoad.push(() => reveal(i));
    let k = order.indexOf(i);
    if (k < 0) {
      state = { ...initial(), min: 0 };
      apply(`Filters cleared to show #${data.comments[i]!.id}.`);
      k = order.indexOf(i);
    }
    const node = lists.comments?.ensure(k);
    if (!node) return;
    node.scrollIntoView({ block: 'start' });
    node.focus({ preventScroll: true });
  }

  /** Scroll to a duplicate cluster, clearing the thread and author filters first when they hide it. */
  function revealCluster(k: number): void {
    if (!loaded) return void afterLoad.push(() => revealCluster(k));
    if (!clusterOrder.includes(k)) {
      state = { ...state, thread: -1, author: -1 };
      apply();
    }
    const node = lists.clusters?.ensure(clusterOrder.indexOf(k));
    node?.scrollIntoView({ block: 'start' });
    node?.focus({ preventScroll: true });
  }

  document.addEventListener('click', (ev) => {
    const target = (ev.target as Element | null)?.closest<HTMLElement>('[data-goto],[data-goto-cluster],[data-pick-author],[data-pick-signal],[data-pick-thread]');
    if (!target) return;
    ev.preventDefault();
    const d = target.dataset;
    if (d.goto !== undefined) return reveal(Number(d.goto));
    if (d.gotoCluster !== undefined) return revealCluster(Number(d.gotoCluster));
    if (d.pickAuthor !== undefined) state.author = state.author === Number(d.pickAuthor) ? -1 : Number(d.pickAuthor);
    if (d.pickSignal !== undefined) state.signal = Number(d.pickSignal);
    if (d.pickThread !== undefined) state.thread = Number(d.pickThread);
    apply();
    byId('comments').scrollIntoView({ block: 'start' });
  });

  controls.signal.addEventListener('change', () => {
    state.signal = Number(controls.signal.value);
    apply();
  });
  // A slider fires many input events per second; render at most once a frame.
  let pending = 0;
  controls.min.addEventListener('input', () => {
    state.min = Number(controls.min.value);
    controls.minValue.textContent = two(state.min);
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => apply());
  });
  controls.thread.addEventListener('change', () => {
    state.thread = Number(controls.thread.value);
    apply();
  });
  byId('f-author-clear').addEventListener('click', () => {
    state.author = -1;
    apply();
  });
  byId('f-reset').addEventListener('click', () => {
    state = initial();
    apply();
  });

  if (many) {
    for (const [t] of data.threads.entries()) {
      const option = el('option', '', threadName(t));
      option.value = String(t);
      controls.thread.append(option);
    }
    byId('f-thread-label').hidden = false;
    byId('threads').hidden = false;
    list('threads', data.threads.length, threadRow, 100, byId('threads-table'));
  }
  byId('authors-status').textContent = data.authors.length ? `${data.authors.length} authors, most flagged first.` : 'The input names no authors.';
  byId('authors-table').hidden = data.authors.length === 0;
  list('authors', data.authors.length, authorRow, 100, byId('authors-table'));
  byId('clusters-status').textContent = byId('cross-status').textContent = 'Loading…';
  apply();
  performance.mark('threadsift:first-render');
  if (loaded) finishLoading();
  else document.addEventListener('DOMContentLoaded', finishLoading);
}
