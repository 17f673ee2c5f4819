/** Scoring a search function on the labelled queries (precision@1, MRR, must-return-nothing). Pure. */

/** One labelled query. */
export interface LabelledQuery {
  readonly q: string;
  readonly year?: number;
  /** Exchange ids acceptable at rank 1; empty when the query must return nothing. */
  readonly expect: readonly string[];
}

/** The figures `npm run eval` prints for one system. */
export interface EvalReport {
  readonly queries: number;
  readonly positives: number;
  readonly precisionAt1: number;
  readonly mrr: number;
  readonly negatives: number;
  /** Must-return-nothing queries that did return nothing. */
  readonly negativesEmpty: number;
  readonly misses: readonly { readonly q: string; readonly year?: number; readonly expect: readonly string[]; readonly got: readonly string[] }[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Runs every query through `search` (exchange ids, best first) and scores the answers. */
export function evaluate(queries: readonly LabelledQuery[], search: (q: LabelledQuery) => readonly string[]): EvalReport {
  let hits = 0;
  let rr = 0;
  let negativesEmpty = 0;
  const misses: EvalReport['misses'][number][] = [];
  const positives = queries.filter((x) => x.expect.length > 0);
  for (const query of queries) {
    const got = search(query);
    if (query.expect.length === 0) {
      if (got.length === 0) negativesEmpty++;
      else misses.push({ q: query.q, year: query.year, expect: query.expect, got: got.slice(0, 3) });
      continue;
    }
    const rank = got.findIndex((id) => query.expect.includes(id));
    if (rank === 0) hits++;
    else misses.push({ q: query.q, year: query.year, expect: query.expect, got: got.slice(0, 3) });
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  return {
    queries: queries.length,
    positives: positives.length,
    precisionAt1: round(positives.length === 0 ? 0 : hits / positives.length),
    mrr: round(positives.length === 0 ? 0 : rr / positives.length),
    negatives: queries.length - positives.length,
    negativesEmpty,
    misses,
  };
}
