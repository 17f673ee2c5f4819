/** Fixture: the search engine over the real corpus, opened once per test file. */
import { openSearch } from '../../src/search/open.js';
import type { SearchEngine } from '../../src/search/engine.js';

let engine: SearchEngine | undefined;

/** The engine as the bot opens it (real corpus, persisted index, query dictionary). */
export function realEngine(): SearchEngine {
  engine ??= openSearch();
  return engine;
}
