/**
 * Scoring a search function on the labelled queries: precision@1, MRR and nDCG@3, overall and per
 * kind of query, must-return-nothing queries, and whether the search said the right thing of a query
 * it could not answer (its outcome). Pure.
 */

/** The kinds of labelled query, in the order `npm run eval` prints them. */
export const queryKinds = [
  'topic',
  'typo',
  'form',
  'year-in-text',
  'regional',
  'open-english',
  'chinese-free',
  'never-mentioned',
  'no-statement',
  'gibberish',
] as const;

/** What a labelled query exercises (see tests/search/queries.json). */
export type QueryKind = (typeof queryKinds)[number];

/** What became of a query, as the engine reports it (`SearchOutcome`). */
export type Outcome = 'found' | 'no-statement' | 'not-mentioned' | 'unknown';

/** An outcome a search function may report: one of the engine's, or `error` when it refused the query. */
export type ReportedOutcome = Outcome | 'error';

/** One labelled query. */
export interface LabelledQuery {
  readonly q: string;
  readonly year?: number;
  /** Exchange ids acceptable at rank 1; empty when the query must return nothing. */
  readonly expect: readonly string[];
  readonly kind?: QueryKind;
  /** What the search should say of the query (labelled on must-return-nothing queries). */
  readonly outcome?: Outcome;
  readonly note?: string;
}

/** A search function's answer with the outcome it reports; the plain array form reports none. */
export interface SearchAnswer {
  /** Exchange ids, best first. */
  readonly ids: readonly string[];
  readonly outcome?: ReportedOutcome;
  /** Why the search refused the query (with outcome `error`). */
  readonly error?: string;
}

/** Exchange ids best first, or a `SearchAnswer`. */
export type SearchFunction = (query: LabelledQuery) => readonly string[] | SearchAnswer;

/** One query the search got wrong: the expected exchange not first, or results where none were due. */
export interface EvalMiss {
  readonly q: string;
  readonly year?: number;
  readonly kind?: QueryKind;
  readonly expect: readonly string[];
  /** The first three ids returned. */
  readonly got: readonly string[];
  /** 1-based rank of the first expected id in the results, null when absent (or for a negative query). */
  readonly rank: number | null;
  readonly outcome?: ReportedOutcome;
  readonly error?: string;
}

/** A labelled outcome the search did not report. */
export interface OutcomeMismatch {
  readonly q: string;
  readonly year?: number;
  readonly kind?: QueryKind;
  readonly expected: Outcome;
  readonly got: ReportedOutcome;
  readonly error?: string;
}

/**
 * The figures of a group of queries. A query with an expected exchange scores by where that
 * exchange is ranked; a must-return-nothing query scores 1 on precision@1, MRR and nDCG@3 when
 * nothing was returned and 0 otherwise.
 */
export interface Figures {
  readonly queries: number;
  readonly positives: number;
  readonly negatives: number;
  readonly precisionAt1: number;
  readonly mrr: number;
  readonly ndcgAt3: number;
  /** Must-return-nothing queries that did return nothing. */
  readonly negativesEmpty: number;
  /** Queries with an `outcome` label. */
  readonly outcomesLabelled: number;
  /** Of those, the ones the search reported an outcome for. */
  readonly outcomesReported: number;
  /** Of those, the ones whose outcome was the label's. */
  readonly outcomesMatched: number;
  /** Queries the search reported outcomes for. */
  readonly reported: number;
  /** Queries it treated as an input error (outcome `unknown`, or refused) although their label is not `unknown`. */
  readonly inputErrors: number;
}

/** The figures of one kind (`unlabelled` for queries without a kind). */
export interface KindFigures extends Figures {
  readonly kind: string;
}

/** The figures `npm run eval` prints for one system. */
export interface EvalReport {
  readonly queries: number;
  readonly positives: number;
  /** Over the queries with an expected exchange. */
  readonly precisionAt1: number;
  /** Over the queries with an expected exchange. */
  readonly mrr: number;
  /** Over the queries with an expected exchange. */
  readonly ndcgAt3: number;
  readonly negatives: number;
  /** Must-return-nothing queries that did return nothing. */
  readonly negativesEmpty: number;
  readonly misses: readonly EvalMiss[];
  readonly outcomeMismatches: readonly OutcomeMismatch[];
  /** The queries with an expected exchange (the figures above, with the rest of `Figures`). */
  readonly withExpected: Figures;
  /** Every query, negatives scored as in `Figures`. */
  readonly all: Figures;
  /** Per kind that has queries: `queryKinds` order, then any other kind, then `unlabelled`. */
  readonly byKind: readonly KindFigures[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * nDCG@k with binary gains: an id in `expect` is relevant (counted once, at its first place), the
 * discount at rank i is 1/log2(i + 1), and the ideal ranking puts min(k, |expect|) relevant ids first.
 * 0 when nothing is expected.
 */
export function ndcgAt(k: number, expect: readonly string[], got: readonly string[]): number {
  const relevant = new Set(expect);
  const ideal = Math.min(k, relevant.size);
  if (ideal === 0) return 0;
  const seen = new Set<string>();
  let dcg = 0;
  got.slice(0, k).forEach((id, i) => {
    if (relevant.has(id) && !seen.has(id)) dcg += 1 / Math.log2(i + 2);
    seen.add(id);
  });
  let idcg = 0;
  for (let i = 0; i < ideal; i++) idcg += 1 / Math.log2(i + 2);
  return dcg / idcg;
}

/** One query's scores. */
interface Scored {
  readonly query: LabelledQuery;
  readonly answer: SearchAnswer;
  readonly positive: boolean;
  readonly hit: boolean;
  readonly rr: number;
  readonly ndcg: number;
}

function figures(scored: readonly Scored[]): Figures {
  const n = scored.length;
  const sum = (f: (s: Scored) => number) => scored.reduce((acc, s) => acc + f(s), 0);
  const labelled = scored.filter((s) => s.query.outcome !== undefined);
  const reported = labelled.filter((s) => s.answer.outcome !== undefined);
  return {
    queries: n,
    positives: scored.filter((s) => s.positive).length,
    negatives: scored.filter((s) => !s.positive).length,
    precisionAt1: round(n === 0 ? 0 : sum((s) => (s.hit ? 1 : 0)) / n),
    mrr: round(n === 0 ? 0 : sum((s) => s.rr) / n),
    ndcgAt3: round(n === 0 ? 0 : sum((s) => s.ndcg) / n),
    negativesEmpty: scored.filter((s) => !s.positive && s.answer.ids.length === 0).length,
    outcomesLabelled: labelled.length,
    outcomesReported: reported.length,
    outcomesMatched: reported.filter((s) => s.answer.outcome === s.query.outcome).length,
    reported: scored.filter((s) => s.answer.outcome !== undefined).length,
    inputErrors: scored.filter((s) => (s.answer.outcome === 'unknown' || s.answer.outcome === 'error') && s.query.outcome !== 'unknown').length,
  };
}

/** Runs every query through `search` and scores the answers. */
export function evaluate(queries: readonly LabelledQuery[], search: SearchFunction): EvalReport {
  const misses: EvalMiss[] = [];
  const outcomeMismatches: OutcomeMismatch[] = [];
  const scored: Scored[] = [];
  for (const query of queries) {
    const raw = search(query);
    const answer: SearchAnswer = 'ids' in raw ? raw : { ids: raw };
    const got = answer.ids;
    const where = { q: query.q, year: query.year, kind: query.kind };
    const said = { outcome: answer.outcome, error: answer.error };
    const positive = query.expect.length > 0;
    if (positive) {
      const index = got.findIndex((id) => query.expect.includes(id));
      const rr = index >= 0 ? 1 / (index + 1) : 0;
      scored.push({ query, answer, positive, hit: index === 0, rr, ndcg: ndcgAt(3, query.expect, got) });
      if (index !== 0) misses.push({ ...where, expect: query.expect, got: got.slice(0, 3), rank: index >= 0 ? index + 1 : null, ...said });
    } else {
      const empty = got.length === 0;
      scored.push({ query, answer, positive, hit: empty, rr: empty ? 1 : 0, ndcg: empty ? 1 : 0 });
      if (!empty) misses.push({ ...where, expect: query.expect, got: got.slice(0, 3), rank: null, ...said });
    }
    if (query.outcome !== undefined && answer.outcome !== undefined && answer.outcome !== query.outcome) {
      outcomeMismatches.push({ ...where, expected: query.outcome, got: answer.outcome, error: answer.error });
    }
  }
  const positives = scored.filter((s) => s.positive);
  const overall = figures(positives);
  const kindOf = (s: Scored): string => s.query.kind ?? 'unlabelled';
  const kinds = [...new Set<string>([...queryKinds, ...scored.map(kindOf).filter((k) => k !== 'unlabelled'), 'unlabelled'])];
  const byKind = kinds
    .map((kind) => ({ kind, group: scored.filter((s) => kindOf(s) === kind) }))
    .filter(({ group }) => group.length > 0)
    .map(({ kind, group }) => ({ kind, ...figures(group) }));
  return {
    queries: queries.length,
    positives: positives.length,
    precisionAt1: overall.precisionAt1,
    mrr: overall.mrr,
    ndcgAt3: overall.ndcgAt3,
    negatives: queries.length - positives.length,
    negativesEmpty: scored.filter((s) => !s.positive && s.answer.ids.length === 0).length,
    misses,
    outcomeMismatches,
    withExpected: overall,
    all: figures(scored),
    byKind,
  };
}
