/// <reference lib="dom" />
/**
 * Building blocks of the HTML report's page script. The page runs this function's source text
 * (PAGE_SCRIPT in html.ts), so its body must refer to nothing but its own locals and browser globals: no
 * imports, no module constants (a type-only import is erased and fine). The DOM reference above is for
 * this file and page.ts, but tsc has no per-file lib: it adds the DOM's types to the whole program.
 *
 * Input text only ever reaches the page as text nodes and attribute values set through the DOM, never as
 * markup; the page's Content-Security-Policy also forbids every HTML-string sink (Trusted Types).
 */
// The types stand outside pageKit: they are erased, and the declaration of its return type names them.
/** A range of a text to highlight: 0-based, half-open. */
export interface Mark {
  start: number;
  end: number;
  className: string;
  title?: string;
}

/** A list rendered a chunk at a time: items [0, count) go into `container` as they come near view. */
export interface LazyList {
  /** The element of item `i`, rendering every item before it first. */
  ensure(i: number): HTMLElement | undefined;
  /** More items than at the start: the items drawn stay, the next chunks reach further. */
  extend(count: number): void;
  /** Stop: the next render of the same container starts from empty. */
  dispose(): void;
}

export function pageKit() {
  /** An element with a class and text content. */
  function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * The text with each marked range in a <mark>. Where marks overlap, the segment takes the class of the
   * mark listed first (the caller lists the strongest evidence first) and the titles of all of them.
   */
  function marked(text: string, marks: Mark[]): DocumentFragment {
    const out = document.createDocumentFragment();
    const valid = marks
      .map((m, order) => ({ ...m, start: Math.max(0, m.start), end: Math.min(text.length, m.end), order }))
      .filter((m) => m.start < m.end)
      .sort((a, b) => a.start - b.start || a.order - b.order);
    if (valid.length === 0) {
      out.append(text);
      return out;
    }
    const cuts = new Set<number>([0, text.length]);
    for (const m of valid) cuts.add(m.start).add(m.end);
    const points = [...cuts].sort((a, b) => a - b);
    let active: typeof valid = [];
    let next = 0;
    for (let k = 0; k + 1 < points.length; k++) {
      const from = points[k]!;
      const piece = text.slice(from, points[k + 1]);
      while (next < valid.length && valid[next]!.start <= from) active.push(valid[next++]!);
      active = active.filter((m) => m.end > from);
      if (active.length === 0) {
        out.append(piece);
        continue;
      }
      const lead = active.reduce((a, b) => (b.order < a.order ? b : a));
      const mark = el('mark', lead.className, piece);
      const titles = [...new Set(active.flatMap((m) => (m.title ? [m.title] : [])))];
      if (titles.length) mark.title = titles.join('\n');
      out.append(mark);
    }
    return out;
  }

  const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
  const RUN = 3;
  // Shorter words ("the", "and", "is") are shared by almost any two comments and would light up everything.
  const MIN_SHARED_WORD = 4;

  /**
   * What makes a group of texts duplicates, as marks per text: runs of RUN or more words that another text
   * of the group also contains ("run"), and longer single words another text also uses ("word"). Counts
   * are made over every text; marks are made for one text when asked, as a large cluster shows few.
   */
  function sharedMarks(texts: string[]): (i: number) => Mark[] {
    const words = texts.map((t) => Array.from(t.matchAll(WORD), (m) => ({ start: m.index, end: m.index + m[0].length, key: m[0].toLowerCase() })));
    const runKey = (ws: typeof words[number], i: number) => ws.slice(i, i + RUN).map((w) => w.key).join(' ');
    const runs = new Map<string, number>();
    const singles = new Map<string, number>();
    const count = (map: Map<string, number>, keys: Set<string>) => keys.forEach((k) => map.set(k, (map.get(k) ?? 0) + 1));
    for (const ws of words) {
      const own = new Set<string>();
      for (let i = 0; i + RUN <= ws.length; i++) own.add(runKey(ws, i));
      count(runs, own);
      count(singles, new Set(ws.map((w) => w.key)));
    }
    return (t) => {
      const ws = words[t] ?? [];
      const kind = new Array<number>(ws.length).fill(0);
      for (let i = 0; i + RUN <= ws.length; i++) if (runs.get(runKey(ws, i))! > 1) kind.fill(2, i, i + RUN);
      ws.forEach((w, i) => {
        if (!kind[i] && w.key.length >= MIN_SHARED_WORD && singles.get(w.key)! > 1) kind[i] = 1;
      });
      const marks: Mark[] = [];
      ws.forEach((w, i) => {
        if (!kind[i]) return;
        const last = marks[marks.length - 1];
        const className = kind[i] === 2 ? 'shared run' : 'shared word';
        // Neighbouring words of one kind become one mark, spaces and punctuation between them included.
        if (last && last.className === className && kind[i - 1] === kind[i]) last.end = w.end;
        else marks.push({ start: w.start, end: w.end, className });
      });
      return marks;
    };
  }

  /**
   * Renders `chunk` items, then a "show more" button after `host` (the container, or the table around a
   * tbody); the next chunk comes when the button scrolls within reach or is clicked. 10,000 rows are never
   * built at once, and a filter change re-renders only what is in view.
   */
  function lazyList(container: HTMLElement, host: HTMLElement, count: number, render: (i: number) => HTMLElement, chunk: number): LazyList {
    let disposed = false;
    container.replaceChildren();
    const nodes: HTMLElement[] = [];
    const more = el('button', 'more');
    more.type = 'button';
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) grow(nodes.length + chunk);
    }, { rootMargin: '800px 0px' });
    function grow(until: number): void {
      const end = Math.min(count, until);
      const batch = document.createDocumentFragment();
      while (nodes.length < end) {
        const node = render(nodes.length);
        nodes.push(node);
        batch.append(node);
      }
      container.append(batch);
      const left = count - nodes.length;
      more.textContent = `Show ${Math.min(chunk, left)} more (${left} not shown yet)`;
      observer.unobserve(more);
      if (left > 0) {
        if (!more.isConnected) host.after(more);
        // Observing anew reports the button's state again: still in reach after this chunk means another.
        observer.observe(more);
      } else more.remove();
    }
    more.addEventListener('click', () => grow(nodes.length + chunk));
    grow(chunk);
    return {
      ensure: (i) => {
        if (i >= nodes.length) grow(i + 1);
        return nodes[i];
      },
      extend: (n) => {
        count = n;
        if (!disposed) grow(Math.max(nodes.length, chunk));
      },
      dispose: () => {
        disposed = true;
        observer.disconnect();
        more.remove();
      },
    };
  }

  return { el, marked, sharedMarks, lazyList };
}

export type PageKit = ReturnType<typeof pageKit>;
