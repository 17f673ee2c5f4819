/**
 * `npm run eval`: precision@1, MRR and nDCG@3 per kind of query on the labelled queries
 * (tests/search/queries.json), for our engine and for plain MiniSearch + nodejieba without the topic
 * file, side by side; whether our engine says the right thing of queries it cannot answer; the misses.
 * `--json` prints both reports whole.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BaselineSearch } from '../search/baseline.js';
import type { SearchDoc } from '../search/documents.js';
import { SearchError } from '../search/errors.js';
import { evaluate, type EvalMiss, type EvalReport, type Figures, type LabelledQuery, type OutcomeMismatch, type SearchAnswer } from '../search/evaluate.js';
import { ensureIndex, projectRoot } from '../search/index-store.js';
import { openSearch } from '../search/open.js';
import { loadQuerySegmenter } from '../search/segment.js';
import { runCli } from './run.js';
import type { EnglishMap } from '../search/dictionary.js';
import { vocabulary } from '../search/documents.js';
import { openIndex, readQuery, search } from '../site/client/query.js';
import { searchData } from '../site/search-data.js';

const label = (x: { q: string; year?: number; kind?: string }) => `${x.kind ? `[${x.kind}] ` : ''}${x.q}${x.year ? ` --year ${x.year}` : ''}`;

const missLine = (m: EvalMiss) =>
  `  ${label(m)}: expected ${m.expect.join('|') || 'nothing'}, got ${m.got.join(', ') || 'nothing'}${m.rank !== null ? ` (expected at rank ${m.rank})` : ''}` +
  `${m.outcome && m.expect.length === 0 ? ` [${m.outcome}]` : ''}${m.error ? ` (${m.error})` : ''}`;

const mismatchLine = (m: OutcomeMismatch) => `  ${label(m)}: expected ${m.expected}, got ${m.got}${m.error ? ` (${m.error})` : ''}`;

/** The table: one row per kind, then the totals; a search (ours, or the web edition's) and the baseline side by side. */
function table(ours: EvalReport, plain: EvalReport, name = 'position (ours)'): string[] {
  const w = { name: 26, n: 6, fig: 8, outcome: 10 };
  const figs = (f: Figures) => [f.precisionAt1, f.mrr, f.ndcgAt3].map((x) => x.toFixed(3).padStart(w.fig)).join('');
  const outcome = (f: Figures) =>
    (f.outcomesLabelled === 0 || f.outcomesReported === 0 ? '' : `${f.outcomesMatched}/${f.outcomesReported}`).padStart(w.outcome);
  const head = ['P@1', 'MRR', 'nDCG@3'].map((h) => h.padStart(w.fig)).join('');
  const row = (name: string, a: Figures, b: Figures) => `${name.padEnd(w.name)}${String(a.queries).padStart(w.n)}  ${figs(a)}${outcome(a)}    ${figs(b)}`;
  const oursWidth = 3 * w.fig + w.outcome;
  const lines = [
    `${''.padEnd(w.name + w.n)}  ${name.padEnd(oursWidth)}    plain MiniSearch+jieba`,
    `${'kind'.padEnd(w.name)}${'n'.padStart(w.n)}  ${head}${'outcome'.padStart(w.outcome)}    ${head}`,
  ];
  for (const k of ours.byKind) {
    const b = plain.byKind.find((x) => x.kind === k.kind);
    if (b) lines.push(row(k.kind, k, b));
  }
  lines.push(
    '-'.repeat(w.name + w.n + 2 + oursWidth + 4 + 3 * w.fig),
    row('with an expected exchange', ours.withExpected, plain.withExpected),
    `${'must return nothing'.padEnd(w.name)}${String(ours.negatives).padStart(w.n)}  ${`empty ${ours.negativesEmpty}/${ours.negatives}`.padStart(3 * w.fig)}${''.padStart(w.outcome)}    ${`empty ${plain.negativesEmpty}/${plain.negatives}`.padStart(3 * w.fig)}`,
    row('all', ours.all, plain.all),
  );
  return lines;
}

runCli(() => {
  const { queries } = JSON.parse(readFileSync(join(projectRoot, 'tests/search/queries.json'), 'utf8')) as { queries: LabelledQuery[] };
  const engine = openSearch();
  const { dir } = ensureIndex();
  const baseline = new BaselineSearch(JSON.parse(readFileSync(join(dir, 'docs.json'), 'utf8')) as SearchDoc[], loadQuerySegmenter(join(dir, 'jieba')));
  const ours = evaluate(queries, (x): SearchAnswer => {
    try {
      const res = engine.search(x.q, { year: x.year ?? null, limit: 10 });
      return { ids: res.results.map((r) => r.id), outcome: res.outcome };
    } catch (error) {
      // A query the engine refuses (a bad year…) is an input error: score it as one, do not stop.
      if (error instanceof SearchError) return { ids: [], outcome: 'error', error: error.message };
      throw error;
    }
  });
  const plain = evaluate(queries, (x) => baseline.search(x.q, x.year ?? null, 10));
  // The web edition's search, as the browser runs it over the same index (the year typed in the query).
  const data = searchData(
    readFileSync(join(dir, 'index.json'), 'utf8'),
    vocabulary(JSON.parse(readFileSync(join(dir, 'docs.json'), 'utf8')) as SearchDoc[]).keys(),
    JSON.parse(readFileSync(join(dir, 'english.json'), 'utf8')) as EnglishMap,
    engine.conferences,
  );
  const vocab = new Set(data.vocab);
  const index = openIndex(data);
  const web = evaluate(queries, (x) =>
    search(index, readQuery(x.year ? `${x.q} ${x.year}` : x.q, vocab, data.english), vocab)
      .hits.slice(0, 10)
      .map((h) => h.id),
  );
  if (process.argv.includes('--json')) return JSON.stringify({ engine: ours, baseline: plain, browser: web });
  const never = ours.byKind.find((k) => k.kind === 'never-mentioned');
  const lines = [
    `Labelled queries: ${ours.queries} (${ours.positives} with an expected exchange, ${ours.negatives} that must return nothing)`,
    'A must-return-nothing query scores 1 on P@1, MRR and nDCG@3 when it returns nothing. outcome: outcomes as labelled / reported.',
    '',
    ...table(ours, plain),
    '',
    `never-mentioned treated as input error: ${never ? `${never.inputErrors}/${never.queries}` : 'no such queries'} (position), n/a (plain MiniSearch+jieba)`,
    '',
    `Misses of position (${ours.misses.length}):`,
    ...ours.misses.map(missLine),
    '',
    `Outcomes of position not as labelled (${ours.outcomeMismatches.length}):`,
    ...ours.outcomeMismatches.map(mismatchLine),
    '',
    `Misses of the baseline: ${plain.misses.length}`,
    '',
    'The web edition’s search in the browser (same index; no dictionary concept map, no corpus substring search):',
    ...table(web, plain, 'web edition (browser)'),
  ];
  return lines.join('\n');
});
