import { describe, expect, it } from 'vitest';
import { evaluate, ndcgAt, type LabelledQuery, type SearchAnswer } from '../../src/search/evaluate.js';

/** A search that answers from a table: query text → ids (or a full answer). */
const table =
  (answers: Record<string, readonly string[] | SearchAnswer>) =>
  (query: LabelledQuery): readonly string[] | SearchAnswer =>
    answers[query.q] ?? [];

describe('ndcgAt', () => {
  // Binary gains; the discount at rank i is 1/log2(i+1): 1, 1/log2 3 = 0.6309, 1/log2 4 = 0.5.
  it('is 1 for the expected exchange first, and the discount of its rank otherwise', () => {
    expect(ndcgAt(3, ['a'], ['a', 'x', 'y'])).toBe(1);
    expect(ndcgAt(3, ['a'], ['x', 'a', 'y'])).toBeCloseTo(0.6309, 4);
    expect(ndcgAt(3, ['a'], ['x', 'y', 'a'])).toBeCloseTo(0.5, 10);
    expect(ndcgAt(3, ['a'], ['x', 'y', 'z', 'a'])).toBe(0);
    expect(ndcgAt(3, ['a'], [])).toBe(0);
  });

  it('takes the ideal from min(3, |expect|) relevant results', () => {
    // Two expected, found at ranks 2 and 3: (0.6309 + 0.5) / (1 + 0.6309) = 0.6934.
    expect(ndcgAt(3, ['a', 'b'], ['x', 'a', 'b'])).toBeCloseTo(0.6934, 4);
    // Two expected, one at rank 2: 0.6309 / 1.6309 = 0.3869.
    expect(ndcgAt(3, ['a', 'b'], ['x', 'a', 'y'])).toBeCloseTo(0.3869, 4);
    expect(ndcgAt(3, ['a', 'b'], ['b', 'a'])).toBe(1);
    // Four expected, ideal is three: (1 + 0.5) / (1 + 0.6309 + 0.5) = 0.7039; rank 3 alone: 0.5 / 2.1309 = 0.2346.
    expect(ndcgAt(3, ['a', 'b', 'c', 'd'], ['a', 'x', 'b'])).toBeCloseTo(0.7039, 4);
    expect(ndcgAt(3, ['a', 'b', 'c', 'd'], ['x', 'y', 'd'])).toBeCloseTo(0.2346, 4);
    expect(ndcgAt(3, ['a', 'b', 'c', 'd'], ['d', 'c', 'b', 'a'])).toBe(1);
  });

  it('counts a relevant id once even when it is returned twice, and is 0 when nothing is expected', () => {
    expect(ndcgAt(3, ['a'], ['a', 'a', 'a'])).toBe(1);
    expect(ndcgAt(3, ['a', 'b'], ['a', 'a'])).toBeCloseTo(1 / 1.6309, 4);
    expect(ndcgAt(3, [], ['a'])).toBe(0);
  });
});

describe('evaluate', () => {
  const queries: LabelledQuery[] = [
    { q: 'first', kind: 'typo', expect: ['x1'] },
    { q: 'second', kind: 'typo', year: 2024, expect: ['y1'] },
    { q: 'absent', kind: 'topic', expect: ['w1'] },
    { q: 'quiet', kind: 'gibberish', expect: [] },
    { q: 'noisy', kind: 'gibberish', expect: [] },
  ];
  const search = table({ first: ['x1', 'x2'], second: ['z', 'y1', 'y2'], absent: [], quiet: [], noisy: ['k'] });

  it('keeps the overall figures over the queries with an expected exchange', () => {
    const report = evaluate(queries, search);
    expect(report).toMatchObject({ queries: 5, positives: 3, negatives: 2, negativesEmpty: 1 });
    // Hits 1 of 3; reciprocal ranks 1, 1/2, 0; nDCG@3 1, 0.6309, 0.
    expect(report.precisionAt1).toBe(0.333);
    expect(report.mrr).toBe(0.5);
    expect(report.ndcgAt3).toBe(0.544);
    expect(report.withExpected).toMatchObject({ queries: 3, positives: 3, negatives: 0, precisionAt1: 0.333, mrr: 0.5, ndcgAt3: 0.544 });
  });

  it('lists the misses with their rank, and the results a negative query should not have had', () => {
    const report = evaluate(queries, search);
    expect(report.misses).toEqual([
      { q: 'second', year: 2024, kind: 'typo', expect: ['y1'], got: ['z', 'y1', 'y2'], rank: 2 },
      { q: 'absent', kind: 'topic', expect: ['w1'], got: [], rank: null },
      { q: 'noisy', kind: 'gibberish', expect: [], got: ['k'], rank: null },
    ]);
  });

  it('gives figures per kind in the fixed order, a negative query scoring 1 when it returns nothing', () => {
    const report = evaluate(queries, search);
    expect(report.byKind.map((k) => k.kind)).toEqual(['topic', 'typo', 'gibberish']);
    const typo = report.byKind.find((k) => k.kind === 'typo')!;
    expect(typo).toMatchObject({ queries: 2, positives: 2, negatives: 0, precisionAt1: 0.5, mrr: 0.75, ndcgAt3: 0.815 });
    const gibberish = report.byKind.find((k) => k.kind === 'gibberish')!;
    expect(gibberish).toMatchObject({ queries: 2, positives: 0, negatives: 2, negativesEmpty: 1, precisionAt1: 0.5, mrr: 0.5, ndcgAt3: 0.5 });
    // Every query: hits first and quiet; (1 + 0.6309 + 0 + 1 + 0) / 5 = 0.5262.
    expect(report.all).toMatchObject({ queries: 5, precisionAt1: 0.4, mrr: 0.5, ndcgAt3: 0.526 });
  });

  it('puts queries without a kind last, after any kind it does not know', () => {
    const report = evaluate(
      [
        { q: 'first', expect: ['x1'] },
        JSON.parse('{"q": "second", "kind": "made-up", "expect": ["y1"]}') as LabelledQuery,
        { q: 'absent', kind: 'form', expect: ['w1'] },
      ],
      search,
    );
    expect(report.byKind.map((k) => [k.kind, k.queries, k.precisionAt1])).toEqual([
      ['form', 1, 0],
      ['made-up', 1, 0],
      ['unlabelled', 1, 1],
    ]);
  });

  it('counts outcomes matched when the search reports them, and input errors', () => {
    const labelled: LabelledQuery[] = [
      { q: 'philippines', kind: 'never-mentioned', expect: [], outcome: 'not-mentioned' },
      { q: 'fukushima', kind: 'never-mentioned', expect: [], outcome: 'not-mentioned' },
      { q: 'afghanistan', kind: 'never-mentioned', expect: [], outcome: 'not-mentioned' },
      { q: 'qxzvbn', kind: 'gibberish', expect: [], outcome: 'unknown' },
      { q: 'gaza', kind: 'no-statement', year: 2021, expect: [], outcome: 'no-statement' },
      { q: 'taiwan', kind: 'topic', expect: ['t1'] },
    ];
    const report = evaluate(
      labelled,
      table({
        philippines: { ids: [], outcome: 'not-mentioned' },
        fukushima: { ids: [], outcome: 'unknown' },
        afghanistan: { ids: [], outcome: 'error', error: 'search: refused' },
        qxzvbn: { ids: [], outcome: 'unknown' },
        gaza: ['g1'],
        taiwan: { ids: ['t1'], outcome: 'found' },
      }),
    );
    const never = report.byKind.find((k) => k.kind === 'never-mentioned')!;
    expect(never).toMatchObject({ outcomesLabelled: 3, outcomesReported: 3, outcomesMatched: 1, reported: 3, inputErrors: 2, negativesEmpty: 3 });
    // Gibberish said to be unknown is right, not an input error.
    expect(report.byKind.find((k) => k.kind === 'gibberish')).toMatchObject({ outcomesMatched: 1, inputErrors: 0 });
    // The array form reports no outcome: labelled, not reported, not a mismatch.
    expect(report.byKind.find((k) => k.kind === 'no-statement')).toMatchObject({ outcomesLabelled: 1, outcomesReported: 0, reported: 0, negativesEmpty: 0 });
    expect(report.all).toMatchObject({ outcomesLabelled: 5, outcomesReported: 4, outcomesMatched: 2, reported: 5, inputErrors: 2 });
    expect(report.outcomeMismatches).toEqual([
      { q: 'fukushima', kind: 'never-mentioned', expected: 'not-mentioned', got: 'unknown' },
      { q: 'afghanistan', kind: 'never-mentioned', expected: 'not-mentioned', got: 'error', error: 'search: refused' },
    ]);
    expect(report.misses).toEqual([{ q: 'gaza', year: 2021, kind: 'no-statement', expect: [], got: ['g1'], rank: null }]);
  });

  it('reports zeros, not NaN, for no queries', () => {
    const report = evaluate([], search);
    expect(report).toMatchObject({ queries: 0, positives: 0, precisionAt1: 0, mrr: 0, ndcgAt3: 0, byKind: [] });
    expect(report.all.precisionAt1).toBe(0);
    expect(report.withExpected.queries).toBe(0);
  });
});
