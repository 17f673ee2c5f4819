/**
 * Child-process entry that builds the search index (see index-store.ts): loads the corpus,
 * segments it with nodejieba's full dictionary, and writes `index.json` (MiniSearch `toJSON`),
 * the query dictionary and `meta.json` into `--out`.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { loadCorpus } from '../corpus/load.js';
import { documentsOf, indexOptions, scaleCorpus, vocabulary } from './documents.js';
import { buildPieceMap } from './compose.js';
import { buildConceptMap, buildEnglishMap, loadDictionary } from './dictionary.js';
import { buildPinyinMap } from './pinyin.js';
import { foldCompact } from '../corpus/script.js';
import { cutWords, segmentForIndex, unknownRuns, writeQueryDictionary } from './segment.js';
import { buildKeywordData } from '../formulations/keywords.js';
import { PhraseText } from '../formulations/text.js';
import { topics } from './topics.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const out = arg('out');
if (!out) throw new Error('build-index: --out is required');
const scale = Number(arg('scale') ?? '1');
const conceptsFile = arg('concepts');
const started = performance.now();
/** Milliseconds per phase, kept in meta.json for the benchmark. */
const phases: Record<string, number> = {};
const phase = <T>(name: string, f: () => T): T => {
  const t = performance.now();
  const value = f();
  phases[name] = Math.round(performance.now() - t);
  return value;
};
const corpus = phase('corpus', () => loadCorpus(arg('corpus')));
const conferences = scaleCorpus(corpus.conferences, scale);
const terms = topics.flatMap((t) => t.terms);
/** Each text's words in order, told from the index's own segmentation (for the keywords). */
const wordsOf = new Map<string, string[]>();
const docs = phase('segment', () => documentsOf(conferences, (text) => segmentForIndex(text, terms, (words) => wordsOf.set(text, words)), topics));
// Each year's keywords (formulations/keywords.ts), from the words of the segmentation just done; before
// the index is built, while the heap is small (measured at 100×: 1.1–1.2 s here, 1.6–1.8 s at the end of the build).
phase('keywords', () => {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'keywords.json'), JSON.stringify(buildKeywordData(new PhraseText(conferences), (text) => wordsOf.get(text) ?? cutWords(text))));
  wordsOf.clear();
});
const index = phase('minisearch', () => {
  const built = new MiniSearch(indexOptions);
  built.addAll(docs);
  return built;
});
const words = vocabulary(docs);
phase('write', () => {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'index.json'), JSON.stringify(index));
  // The segmented documents, for the plain-MiniSearch baseline of `npm run eval` and the bench.
  writeFileSync(join(out, 'docs.json'), JSON.stringify(docs));
  writeQueryDictionary(join(out, 'jieba'), words);
});
// The open vocabulary (CC-CEDICT, read here only): English → the corpus's own words, the pieces of
// compounds no entry lists (海警法), and the corpus words by pinyin (孟晚舟).
phase('dictionary', () => {
  const corpusText = corpus.conferences.flatMap((c) => c.exchanges.flatMap((e) => [e.question ?? '', ...e.paragraphs.map((p) => p.text)])).join('\n');
  const dictionary = loadDictionary();
  writeFileSync(join(out, 'english.json'), JSON.stringify(buildEnglishMap(words, { corpusText, dictionary })));
  writeFileSync(join(out, 'pieces.json'), JSON.stringify(buildPieceMap(dictionary, foldCompact(corpusText))));
  const names = corpusText
    .split('\n')
    .filter((line) => line !== '')
    .flatMap(unknownRuns);
  writeFileSync(join(out, 'pinyin.json'), JSON.stringify(buildPinyinMap(dictionary, [...words.keys(), ...names])));
  // English → any headword, for concepts the corpus never mentions: the same for every corpus,
  // so built once per dictionary release (see index-store.ts).
  if (conceptsFile && !existsSync(conceptsFile)) {
    const tmp = `${conceptsFile}.tmp-${process.pid}`;
    writeFileSync(tmp, buildConceptMap({ dictionary }).toText());
    renameSync(tmp, conceptsFile);
  }
});
const meta = {
  docs: docs.length,
  exchanges: conferences.reduce((n, c) => n + c.exchanges.length, 0),
  buildMs: Math.round(performance.now() - started),
  scale,
  phases,
};
writeFileSync(join(out, 'meta.json'), JSON.stringify(meta));
