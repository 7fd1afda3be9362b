/**
 * The report a run writes (JSON schemaVersion 1, src/schemas.ts): per thread its scored comments with
 * their reasons, clusters, agenda terms and verdict; per run the signals, totals, cross-thread clusters
 * and the inputs that could not be read. Every reporter reads these shapes; src/types.ts re-exports them.
 */
/** One reason in a report: a finding with its wording. */
export interface Reason {
  signal: string;
  code: string;
  strength: number;
  message: string;
  args: Record<string, unknown>;
  related?: string[];
  span?: [number, number];
}

export interface ScoredComment {
  id: string;
  index: number;
  author: string | null;
  text: string;
  score: number;
  flagged: boolean;
  /** Strongest contribution first. */
  reasons: Reason[];
  /** The comment's date as the export gives it, when it has one. Not in the JSON report (schemaVersion 1). */
  createdAt?: string;
  /** Id of the comment replied to, when the export records it. Not in the JSON report (schemaVersion 1). */
  parentId?: string;
  /** 1-based line in the input file (see Comment.line). Not in the JSON report (schemaVersion 1). */
  line?: number;
}

/** Comments that say nearly the same thing. */
export interface Cluster {
  id: string;
  commentIds: string[];
  /** Mean similarity of the linked pairs inside the cluster. */
  similarity: number;
}

/** A term repeated across comments that the article never mentions. */
export interface AgendaTerm {
  term: string;
  commentIds: string[];
}

export type VerdictCode = 'NO_COMMENTS' | 'CLEAN' | 'SOME_FLAGGED' | 'LIKELY_COORDINATED';

export interface ThreadSummary {
  flagged: number;
  botShare: number;
  verdictCode: VerdictCode;
  verdict: string;
}

export interface ThreadReport {
  id: string;
  source: string;
  title: string;
  url?: string;
  commentCount: number;
  declaredCommentCount?: number;
  excluded?: Record<string, number>;
  summary: ThreadSummary;
  comments: ScoredComment[];
  clusters: Cluster[];
  agendaTerms: AgendaTerm[];
}

export interface SignalInfo {
  id: string;
  description: string;
  weight: number;
  enabled: boolean;
}

export interface RunSummary {
  threads: number;
  comments: number;
  flagged: number;
  botShare: number;
  /** Inputs that could not be read, with why. */
  errors: number;
}

/** A bad input reported in the run; the rest of the run still completes. */
export interface InputProblem {
  source: string;
  message: string;
}

/** Comments repeated (nearly) verbatim across threads of the run. */
export interface CrossThreadCluster {
  /** Stable: a hash of the representative's normalised words. */
  id: string;
  size: number;
  threads: Array<{ source: string; id: string }>;
  members: Array<{ source: string; threadId: string; commentId: string }>;
  representative: string;
  similarity: { min: number; mean: number };
}

export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  settings: { threshold: number; [key: string]: unknown };
  signals: SignalInfo[];
  summary: RunSummary;
  threads: ThreadReport[];
  /** Present when the run compared comments across threads (more than one thread read). */
  crossThreadClusters?: CrossThreadCluster[];
  errors: InputProblem[];
}

/** What a run's report says besides its threads: all a streamed report writes after the last thread. */
export type ReportHead = Omit<Report, 'threads'>;
