/**
 * Run in its own process (nodejieba loads one dictionary per process): for every question and
 * paragraph of the corpus, compares the words told from `cutForSearch` with nodejieba's own `cut`,
 * with the dictionary the index builder uses. Prints `{ texts, same, differ, untold }`.
 */
import { createRequire } from 'node:module';
import { loadCorpus } from '../../src/corpus/load.js';
import { segmentForIndex, wordsOfSearchCut } from '../../src/search/segment.js';
import { topics } from '../../src/search/topics.js';

const jieba = createRequire(import.meta.url)('nodejieba') as { cut(t: string): string[]; cutForSearch(t: string): string[] };
// Loads the full dictionary with the topic terms, as the index builder does.
segmentForIndex(
  '',
  topics.flatMap((t) => t.terms),
);
const texts = loadCorpus()
  .conferences.flatMap((c) => c.exchanges.flatMap((e) => [e.question ?? '', ...e.paragraphs.map((p) => p.text)]))
  .filter((t) => t !== '');
let same = 0;
let differ = 0;
let untold = 0;
for (const t of texts) {
  const words = wordsOfSearchCut(t, jieba.cutForSearch(t));
  if (words === null) untold++;
  else if (words.join('\u0001') === jieba.cut(t).join('\u0001')) same++;
  else differ++;
}
process.stdout.write(`${JSON.stringify({ texts: texts.length, same, differ, untold })}\n`);
