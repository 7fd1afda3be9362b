/** Thread-level facts built from findings: duplicate clusters, agenda terms and the one-line verdict. */
import { formatVerdict } from '../reasons.js';
import { gatheringSignals } from '../signals/index.js';
import type { AgendaTerm, Cluster, Finding, ScoredComment, ThreadSummary, VerdictCode } from '../types.js';

/** Signals whose findings link duplicates (args.links), and those whose findings name an agenda term (args.term). */
const DUPLICATE_SIGNALS = gatheringSignals('duplicate-clusters');
const AGENDA_SIGNALS = gatheringSignals('agenda-terms');

/** Clusters: connected groups of near-duplicate links, ordered by first comment, ids c1, c2, ... */
export function buildClusters(findings: Finding[], order: Map<string, number>): Cluster[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const edges: Array<[string, string, number]> = [];
  for (const f of findings) {
    if (!DUPLICATE_SIGNALS.has(f.signal)) continue;
    const links = (f.reason.args.links as Array<{ id: string; similarity: number }> | undefined) ?? [];
    for (const l of links) {
      if (!parent.has(f.commentId)) parent.set(f.commentId, f.commentId);
      if (!parent.has(l.id)) parent.set(l.id, l.id);
      if (f.commentId < l.id) edges.push([f.commentId, l.id, l.similarity]);
      const a = find(f.commentId);
      const b = find(l.id);
      if (a !== b) parent.set(a, b);
    }
  }
  const groups = new Map<string, { ids: string[]; sims: number[] }>();
  for (const id of parent.keys()) {
    const root = find(id);
    const g = groups.get(root) ?? { ids: [], sims: [] };
    g.ids.push(id);
    groups.set(root, g);
  }
  for (const [a, , s] of edges) groups.get(find(a))!.sims.push(s);
  const pos = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...groups.values()]
    .map((g) => ({ ids: g.ids.sort((x, y) => pos(x) - pos(y)), sims: g.sims }))
    .sort((a, b) => pos(a.ids[0]!) - pos(b.ids[0]!))
    .map((g, i) => ({
      id: `c${i + 1}`,
      commentIds: g.ids,
      similarity: Math.round((g.sims.reduce((x, y) => x + y, 0) / Math.max(1, g.sims.length)) * 1000) / 1000,
    }));
}

export function buildAgendaTerms(findings: Finding[], order: Map<string, number>): AgendaTerm[] {
  const terms = new Map<string, Set<string>>();
  for (const f of findings) {
    if (!AGENDA_SIGNALS.has(f.signal)) continue;
    const term = String(f.reason.args.term);
    const set = terms.get(term) ?? new Set<string>();
    set.add(f.commentId);
    terms.set(term, set);
  }
  const pos = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...terms]
    .map(([term, ids]) => ({ term, commentIds: [...ids].sort((a, b) => pos(a) - pos(b)) }))
    .sort((a, b) => b.commentIds.length - a.commentIds.length || a.term.localeCompare(b.term));
}

export function summarize(comments: ScoredComment[], clusters: Cluster[], agenda: AgendaTerm[]): ThreadSummary {
  const n = comments.length;
  const flagged = comments.filter((c) => c.flagged).length;
  const botShare = n === 0 ? 0 : Math.round((flagged / n) * 1000) / 1000;
  const verdictCode: VerdictCode =
    n === 0 ? 'NO_COMMENTS' : flagged === 0 ? 'CLEAN' : flagged >= 3 && botShare >= 0.5 ? 'LIKELY_COORDINATED' : 'SOME_FLAGGED';
  const verdict = formatVerdict(verdictCode, { flagged, comments: n, botShare, clusters: clusters.length, terms: agenda.slice(0, 3).map((a) => a.term) });
  return { flagged, botShare, verdictCode, verdict };
}
