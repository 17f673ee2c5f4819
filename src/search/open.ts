/** Opening the search engine from disk: the corpus folder and its built index (built if needed). */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCorpusDir, loadCorpus } from '../corpus/load.js';
import { withConferences } from '../corpus/report.js';
import type { PieceMap } from './compose.js';
import { ConceptMap, type EnglishMap } from './dictionary.js';
import { SearchEngine, type EngineData } from './engine.js';
import { conceptsFile, ensureIndex } from './index-store.js';
import type { PinyinMap } from './pinyin.js';
import { loadQuerySegmenter } from './segment.js';

/** What a built index folder holds for the engine: the index, the query segmenter and the open-vocabulary maps. */
export function readIndex(dir: string): Pick<EngineData, 'indexJson' | 'segment' | 'english' | 'concepts' | 'pieces' | 'pinyin' | 'indexDir'> {
  const json = <T>(file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
  return {
    indexJson: readFileSync(join(dir, 'index.json'), 'utf8'),
    segment: loadQuerySegmenter(join(dir, 'jieba')),
    english: json<EnglishMap>('english.json'),
    concepts: ConceptMap.parse(readFileSync(conceptsFile(), 'utf8')),
    pieces: json<PieceMap>('pieces.json'),
    pinyin: json<PinyinMap>('pinyin.json'),
    indexDir: dir,
  };
}

/** Loads the corpus and its index; builds the index first (in a child process) when needed. */
export function openSearch(corpusDir: string = defaultCorpusDir, warn: (message: string) => void = (m) => console.error(m)): SearchEngine {
  const corpus = withConferences(loadCorpus(corpusDir), corpusDir);
  const notices = corpus.warnings.filter((w) => w.kind === 'unlisted-source');
  const open = () => {
    const { dir } = ensureIndex(corpusDir, 1, corpus);
    return new SearchEngine({ conferences: corpus.conferences, sources: corpus.sources, rejected: corpus.rejected, notices, ...readIndex(dir) });
  };
  try {
    return open();
  } catch (error) {
    // A cache cut short (a crash mid-write, a full disk) must not fail every start: build it again, once.
    const { dir } = ensureIndex(corpusDir, 1, corpus);
    warn(`search: the cached index in ${dir} cannot be read (${error instanceof Error ? error.message : String(error)}); building it again`);
    rmSync(dir, { recursive: true, force: true });
    return open();
  }
}
