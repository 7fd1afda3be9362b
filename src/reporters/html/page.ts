/// <reference lib="dom" />
/**
 * The HTML report's page script: reads the embedded report data and renders the comment list, clusters and
 * tables on demand, under the filters. Like pageKit, it runs from its source text (PAGE_SCRIPT in
 * html.ts) and must refer to nothing outside its body but its parameters and browser globals.
 */
import type { PageKit } from './kit.js';
import type { PageComment, PageData } from './data.js';
import type { PackedComments, PackedHead } from './pack.js';
import type { pageViews } from './views.js';

export function pageMain(kit: PageKit, unpack: (packed: PackedComments) => PageComment[], views: typeof pageViews): void {
  const { el, lazyList } = kit;
  const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
  const { packed, commentCount, ids, ...shared } = JSON.parse(byId('threadsift-data').textContent ?? '') as PackedHead;
  const data: PageData = { ...shared, comments: unpack(packed) };
  const headCount = data.comments.length;
  // The comments after the head are parsed by the browser after this script has drawn the first lists.
  let loaded = headCount === commentCount;
  const afterLoad: Array<() => void> = [];
  const many = data.threads.length > 1;
  const two = (n: number) => n.toFixed(2);
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

  const { card, clusterBlock, crossBlock, authorRow, threadRow } = views(kit, data, ids, () => state.author);

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
    byId('clusters-status').textContent = data.clusters.length ? `${clusterOrder.length} of ${data.clusters.length} clusters.` : 'No clusters of similar comments.';
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
