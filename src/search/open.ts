/** Opening the search engine from disk: the corpus folder and its built index (built if needed). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCorpusDir, loadCorpus } from '../corpus/load.js';
import type { ConceptMap, EnglishMap } from './dictionary.js';
import { SearchEngine } from './engine.js';
import { ensureIndex } from './index-store.js';
import { loadQuerySegmenter } from './segment.js';

/** Loads the corpus and its index; builds the index first (in a child process) when needed. */
export function openSearch(corpusDir: string = defaultCorpusDir): SearchEngine {
  const corpus = loadCorpus(corpusDir);
  const { dir } = ensureIndex(corpusDir, 1, corpus);
  return new SearchEngine({
    conferences: corpus.conferences,
    sources: corpus.sources,
    rejected: corpus.rejected,
    indexJson: readFileSync(join(dir, 'index.json'), 'utf8'),
    segment: loadQuerySegmenter(join(dir, 'jieba')),
    english: JSON.parse(readFileSync(join(dir, 'english.json'), 'utf8')) as EnglishMap,
    concepts: JSON.parse(readFileSync(join(dir, 'concepts.json'), 'utf8')) as ConceptMap,
  });
}
