/**
 * The formulations of a corpus, for the commands: its phrase book and its keywords, made once per
 * search engine on first use (the bot that never counts a phrase never builds them).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchEngine } from '../search/engine.js';
import { keywordsOf, type Keyword, type KeywordData } from './keywords.js';
import { PhraseBook } from './phrase.js';

export interface Formulations {
  readonly phrases: PhraseBook;
  /**
   * A year's keywords against the other years, or against those named; null when the index has no
   * keyword data (an engine not opened from a built index).
   */
  keywords(year: number, vs?: readonly number[]): Keyword[] | null;
}

const made = new WeakMap<SearchEngine, Formulations>();

/** Keywords of each year that get a page in the web edition. */
export const publishedKeywords = 10;

/**
 * The phrases the web edition has a page for: each topic's main term (its first) and each year's
 * first keywords. The bot links a phrase to its page only when it is one of these.
 */
export function publishedPhrases(engine: SearchEngine): readonly string[] {
  let list = published.get(engine);
  if (!list) {
    const f = formulationsOf(engine);
    published.set(engine, (list = phrasesToPublish(engine.topics, engine.years, (y) => f.keywords(y))));
  }
  return list;
}

/** The published phrases of each engine: the same for its whole life, asked once per /compare term. */
const published = new WeakMap<SearchEngine, readonly string[]>();

/** The phrases with a page, from the topics and each year's keywords (what `publishedPhrases` reads from an engine). */
export function phrasesToPublish(
  topics: readonly { terms: readonly string[] }[],
  years: readonly number[],
  keywords: (year: number) => readonly Keyword[] | null,
): string[] {
  const first = years.flatMap((y) => (keywords(y) ?? []).slice(0, publishedKeywords).map((k) => k.term));
  return [...new Set([...topics.flatMap((t) => t.terms.slice(0, 1)), ...first])];
}

/** The formulations of the engine's corpus. */
export function formulationsOf(engine: SearchEngine): Formulations {
  const known = made.get(engine);
  if (known) return known;
  const phrases = new PhraseBook(engine.conferences, (text) => engine.chineseFor(text));
  let data: KeywordData | null | undefined;
  const memo = new Map<string, Keyword[]>();
  const f: Formulations = {
    phrases,
    keywords(year, vs = []) {
      if (data === undefined) {
        const file = engine.indexDir === null ? null : join(engine.indexDir, 'keywords.json');
        data = file !== null && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as KeywordData) : null;
      }
      if (data === null) return null;
      const key = `${year}|${[...vs].sort().join(',')}`;
      let found = memo.get(key);
      if (!found) memo.set(key, (found = keywordsOf(data, phrases.text, year, vs)));
      return found;
    },
  };
  made.set(engine, f);
  return f;
}
