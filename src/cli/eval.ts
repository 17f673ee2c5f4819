/**
 * `npm run eval`: precision@1, MRR and the misses on the labelled queries (tests/search/queries.json),
 * for our engine and for plain MiniSearch + nodejieba without the topic file, side by side.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BaselineSearch } from '../search/baseline.js';
import type { SearchDoc } from '../search/documents.js';
import { evaluate, type EvalReport, type LabelledQuery } from '../search/evaluate.js';
import { ensureIndex, projectRoot } from '../search/index-store.js';
import { openSearch } from '../search/open.js';
import { loadQuerySegmenter } from '../search/segment.js';
import { runCli } from './run.js';

runCli(() => {
  const { queries } = JSON.parse(readFileSync(join(projectRoot, 'tests/search/queries.json'), 'utf8')) as { queries: LabelledQuery[] };
  const engine = openSearch();
  const { dir } = ensureIndex();
  const baseline = new BaselineSearch(JSON.parse(readFileSync(join(dir, 'docs.json'), 'utf8')) as SearchDoc[], loadQuerySegmenter(join(dir, 'jieba')));
  const ours = evaluate(queries, (x) => engine.search(x.q, { year: x.year ?? null, limit: 10 }).results.map((r) => r.id));
  const plain = evaluate(queries, (x) => baseline.search(x.q, x.year ?? null, 10));
  if (process.argv.includes('--json')) return JSON.stringify({ engine: ours, baseline: plain });
  const row = (label: string, f: (r: EvalReport) => string) => `${label.padEnd(30)}${f(ours).padStart(12)}${f(plain).padStart(26)}`;
  const lines = [
    `Labelled queries: ${ours.queries} (${ours.positives} with an expected exchange, ${ours.negatives} that must return nothing)`,
    '',
    `${''.padEnd(30)}${'position'.padStart(12)}${'plain MiniSearch+jieba'.padStart(26)}`,
    row('precision@1', (r) => r.precisionAt1.toFixed(3)),
    row('MRR', (r) => r.mrr.toFixed(3)),
    row('must-return-nothing, empty', (r) => `${r.negativesEmpty}/${r.negatives}`),
    '',
    `Misses of position (${ours.misses.length}):`,
    ...ours.misses.map(
      (m) => `  ${m.q}${m.year ? ` --year ${m.year}` : ''}: expected ${m.expect.join('|') || 'nothing'}, got ${m.got.join(', ') || 'nothing'}`,
    ),
    '',
    `Misses of the baseline: ${plain.misses.length}`,
  ];
  return lines.join('\n');
});
