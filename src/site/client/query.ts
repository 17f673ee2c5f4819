/**
 * The browser's search, as plain functions so that Node tests run them too: a query read with the
 * bot's own normalisation (OpenCC, regional words), year detection and topic matching (typos
 * included), English through the dictionary map, Chinese cut into the index's own words (longest
 * match first: the browser cannot run jieba), then the bot's MiniSearch index.
 */
import MiniSearch, { type SearchResult as MiniResult } from 'minisearch';
import { indexOptions, type SearchDoc } from '../../search/documents.js';
import { normalizeQuery } from '../../search/normalize.js';
import { yearsInQuery } from '../../search/query-year.js';
import { parseQuery, topicForms, topics } from '../../search/topics.js';
import type { SearchData } from '../search-data.js';

/** What a query was read as. */
export interface ReadQuery {
  readonly years: readonly number[];
  /** Topic ids, searched in the `topics` field (the tags of the index). */
  readonly topics: readonly string[];
  /** Chinese words of the index, searched in the `text` field. */
  readonly terms: readonly string[];
  /** English read through the dictionary: each word and the Chinese searched for it. */
  readonly english: readonly { readonly word: string; readonly terms: readonly string[] }[];
  /** Words that map to nothing. */
  readonly unknown: readonly string[];
  readonly corrected: readonly { readonly from: string; readonly to: string }[];
}

/** Longest word of the vocabulary tried when cutting Chinese. */
const maxWord = 8;
/** Words too common to narrow a search; a query of only such words still searches them. */
const stopWords = new Set(['的', '了', '和', '是', '在', '与', '及', '对', '我', '也', '就', '都', '而', '中', '将', '把', '为']);
/** English words that carry no search meaning. */
const fillers = new Set('a an the of on in at to for and or about with what did say says said china chinese wang yi minister position policy'.split(' '));

/** Cuts a run of Chinese into words of `vocab`, longest first; a character no word starts with stands alone. */
export function cutChinese(run: string, vocab: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const chars = [...run];
  for (let i = 0; i < chars.length;) {
    let len = Math.min(maxWord, chars.length - i);
    while (len > 1 && !vocab.has(chars.slice(i, i + len).join(''))) len--;
    out.push(chars.slice(i, i + len).join(''));
    i += len;
  }
  return out;
}

/** The forms of topics that hold digits (`2030 agenda`): not years. */
const digitForms = topics.flatMap((t) => topicForms(t)).filter((f) => /\d/u.test(f));

/** Reads a query as the bot reads it, as far as the browser's data allows. */
export function readQuery(raw: string, vocab: ReadonlySet<string>, english: SearchData['english']): ReadQuery {
  const normalized = normalizeQuery(raw);
  const { years, rest } = yearsInQuery(normalized, digitForms);
  const parts = parseQuery(rest, topics, new Set(Object.keys(english)));
  const words = parts.unknownWords.map((w) => w.toLowerCase()).filter((w) => !fillers.has(w));
  // English: the longest phrase the map knows, then single words (plural read as singular).
  const englishRead: { word: string; terms: readonly string[] }[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < words.length;) {
    const two = i + 1 < words.length ? `${words[i]} ${words[i + 1]}` : null;
    if (two && english[two]) {
      englishRead.push({ word: two, terms: english[two] });
      i += 2;
      continue;
    }
    const w = words[i]!;
    const hit = english[w] ?? (w.endsWith('s') ? english[w.slice(0, -1)] : undefined);
    if (hit) englishRead.push({ word: w, terms: hit });
    else unknown.push(w);
    i += 1;
  }
  const cut = parts.chinese.split(' ').flatMap((run) => (run === '' ? [] : cutChinese(run, vocab)));
  const meaningful = cut.filter((w) => vocab.has(w) && !(w.length === 1 && stopWords.has(w)));
  for (const w of cut) if (!vocab.has(w)) unknown.push(w);
  return {
    years,
    topics: parts.topics.map((t) => t.id),
    terms: [...new Set(meaningful.length > 0 ? meaningful : cut.filter((w) => vocab.has(w)))],
    english: englishRead,
    unknown,
    corrected: parts.corrected,
  };
}

/** One exchange found. */
export interface Hit {
  readonly id: string;
  readonly year: number;
  readonly score: number;
}

/** A question hit weighs as the bot weighs it: three paragraph hits. */
const questionBoost = 3;

/** Opens the bot's index in the browser. */
export function openIndex(data: SearchData): MiniSearch<SearchDoc> {
  return MiniSearch.loadJS(data.index as Parameters<typeof MiniSearch.loadJS>[0], indexOptions);
}

/**
 * Searches: every topic, every Chinese word and each English word (any of its Chinese words) must
 * be found in the exchange; exchanges ranked by their summed BM25 scores.
 */
export function search(index: MiniSearch<SearchDoc>, q: ReadQuery): { hits: Hit[]; perYear: Map<number, number> } {
  const groups: (readonly string[])[] = [...q.topics.map((t) => [t]), ...(q.terms.length > 0 ? [q.terms] : []), ...q.english.map((e) => [...e.terms])];
  if (groups.length === 0) return { hits: [], perYear: new Map() };
  const byExchange = new Map<string, { year: number; score: number; groups: number }>();
  groups.forEach((g, i) => {
    const isTopic = i < q.topics.length;
    const results: MiniResult[] = index.search(g.join(' '), {
      fields: [isTopic ? 'topics' : 'text'],
      // Chinese words of the query: all in one paragraph or the question; an English word: any of its words.
      combineWith: isTopic || i >= q.topics.length + (q.terms.length > 0 ? 1 : 0) ? 'OR' : 'AND',
      filter: (r) => q.years.length === 0 || q.years.includes(r['year'] as number),
    });
    const seen = new Set<string>();
    for (const r of results) {
      const id = r['exchangeId'] as string;
      const entry = byExchange.get(id) ?? { year: r['year'] as number, score: 0, groups: 0 };
      entry.score += r.score * ((r['part'] as number) === -1 ? questionBoost : 1);
      if (!seen.has(id)) entry.groups += 1;
      seen.add(id);
      byExchange.set(id, entry);
    }
  });
  const hits = [...byExchange]
    .filter(([, e]) => e.groups === groups.length)
    .map(([id, e]) => ({ id, year: e.year, score: e.score }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  const perYear = new Map<number, number>();
  for (const h of hits) perYear.set(h.year, (perYear.get(h.year) ?? 0) + 1);
  return { hits, perYear };
}
