/**
 * The browser's search, as plain functions so that Node tests run them too: a query read with the
 * bot's own normalisation (OpenCC, regional words), year detection and topic matching (typos
 * included), English through the dictionary map, Chinese cut into the index's own words (longest
 * match first: the browser cannot run jieba), then the bot's MiniSearch index.
 */
import MiniSearch, { type Query, type SearchResult as MiniResult } from 'minisearch';
import { indexOptions, type SearchDoc } from '../../search/documents.js';
import { closestWords, Lexicon } from '../../search/edit-distance.js';
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
  /** Topic terms typed as such (`单边主义`): the exchange must say them, not only something of their topic. */
  readonly typed: readonly string[];
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

/** Most index words a term is looked for inside. */
const maxInside = 40;
const vocabLists = new WeakMap<ReadonlySet<string>, string[]>();
/** The index words that contain `t` (`巴以冲突` for `冲突`), at most `maxInside`, shortest first. */
export function containing(t: string, vocab: ReadonlySet<string>): string[] {
  let list = vocabLists.get(vocab);
  if (!list) vocabLists.set(vocab, (list = [...vocab].sort((a, b) => a.length - b.length)));
  const out: string[] = [];
  for (const w of list) {
    if (w.length > t.length && w.includes(t)) out.push(w);
    if (out.length >= maxInside) break;
  }
  return out;
}

/** The forms of topics that hold digits (`2030 agenda`): not years. */
const digitForms = topics.flatMap((t) => topicForms(t)).filter((f) => /\d/u.test(f));

/** Reads a query as the bot reads it, as far as the browser's data allows. */
const lexicons = new WeakMap<object, { lexicon: Lexicon; keyOf: Map<string, string> }>();
/** The English words of the map and their plurals (the map keeps singulars), for reading typos; built once per map. */
function englishLexicon(english: SearchData['english']): { lexicon: Lexicon; keyOf: Map<string, string> } {
  let entry = lexicons.get(english);
  if (!entry) {
    const keyOf = new Map<string, string>();
    for (const k of Object.keys(english)) if (/^[a-z]+$/u.test(k)) for (const form of [k, `${k}s`]) if (!keyOf.has(form)) keyOf.set(form, k);
    lexicons.set(english, (entry = { lexicon: new Lexicon(keyOf.keys()), keyOf }));
  }
  return entry;
}

export function readQuery(raw: string, vocab: ReadonlySet<string>, english: SearchData['english']): ReadQuery {
  const normalized = normalizeQuery(raw);
  const { years, rest } = yearsInQuery(normalized, digitForms);
  const parts = parseQuery(rest, topics, new Set(Object.keys(english)));
  const words = parts.unknownWords.map((w) => w.toLowerCase()).filter((w) => !fillers.has(w));
  // English: the longest phrase the map knows, then single words (plural read as singular).
  const englishRead: { word: string; terms: readonly string[] }[] = [];
  const unknown: string[] = [];
  const corrected = [...parts.corrected];
  for (let i = 0; i < words.length;) {
    const two = i + 1 < words.length ? `${words[i]} ${words[i + 1]}` : null;
    if (two && english[two]) {
      englishRead.push({ word: two, terms: english[two] });
      i += 2;
      continue;
    }
    const w = words[i]!;
    const hit = english[w] ?? (w.endsWith('s') ? english[w.slice(0, -1)] : undefined);
    // A typo of exactly one dictionary word is read as it (`sanctins` → sanctions), and said.
    const { lexicon, keyOf } = englishLexicon(english);
    const close = hit ? [] : [...new Set(closestWords(w, lexicon).map((c) => keyOf.get(c)!))];
    if (hit) englishRead.push({ word: w, terms: hit });
    else if (close.length === 1) {
      englishRead.push({ word: close[0]!, terms: english[close[0]!]! });
      corrected.push({ from: w, to: close[0]! });
    } else unknown.push(w);
    i += 1;
  }
  // Chinese: the index's words where the run cuts into them; else the run whole, found inside longer
  // index words (jieba may have kept 扩员 or 孟晚舟 inside a word of its own).
  const cut = parts.chinese.split(' ').flatMap((run) => {
    if (run === '') return [];
    const pieces = cutChinese(run, vocab);
    if (pieces.every((w) => vocab.has(w))) return pieces;
    if (containing(run, vocab).length > 0) return [run];
    // Else the words of the run the index has; the characters it has no word for are said.
    for (const w of pieces) if (!vocab.has(w)) unknown.push(w);
    return pieces.filter((w) => vocab.has(w));
  });
  const meaningful = cut.filter((w) => !(w.length === 1 && stopWords.has(w)));
  return {
    years,
    topics: parts.topics.map((t) => t.id),
    terms: [...new Set(meaningful.length > 0 ? meaningful : cut)],
    typed: parts.typedTerms,
    english: englishRead,
    unknown,
    corrected,
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
export function search(index: MiniSearch<SearchDoc>, q: ReadQuery, vocab: ReadonlySet<string>): { hits: Hit[]; perYear: Map<number, number> } {
  /** A Chinese term as the index holds it: its index words (all in one paragraph or the question), or an index word it is part of. */
  const term = (t: string): Query => {
    const words = cutChinese(t, vocab);
    const whole: Query[] = words.every((w) => vocab.has(w)) ? [words.length === 1 ? words[0]! : { combineWith: 'AND', queries: words }] : [];
    const inside = t.length >= 2 ? containing(t, vocab).filter((w) => w !== t) : [];
    return whole.length === 1 && inside.length === 0 ? whole[0]! : { combineWith: 'OR', queries: [...whole, ...inside] };
  };
  // Every group must be found in an exchange: each topic (its tag), each typed topic term, the other
  // Chinese words together, and each English word (any of its Chinese words).
  /** `filter`: the exchange must match, but the match adds nothing to its score (a typed topic term, as in the bot). */
  type Group = { readonly field: 'topics' | 'text'; readonly query: Query; readonly filter?: boolean };
  const groups: Group[] = [
    ...q.topics.map((t): Group => ({ field: 'topics', query: t })),
    ...q.typed.map((t): Group => ({ field: 'text', query: term(t), filter: true })),
    ...(q.terms.length > 0 ? [{ field: 'text', query: { combineWith: 'AND', queries: q.terms.map(term) } } satisfies Group] : []),
    ...q.english.map((e): Group => ({ field: 'text', query: { combineWith: 'OR', queries: e.terms.map(term) } })),
  ];
  if (groups.length === 0) return { hits: [], perYear: new Map() };
  const byExchange = new Map<string, { year: number; score: number; groups: number }>();
  for (const g of groups) {
    const results: MiniResult[] = index.search(g.query, {
      fields: [g.field],
      filter: (r) => q.years.length === 0 || q.years.includes(r['year'] as number),
    });
    const seen = new Set<string>();
    for (const r of results) {
      const id = r['exchangeId'] as string;
      const entry = byExchange.get(id) ?? { year: r['year'] as number, score: 0, groups: 0 };
      if (!g.filter) entry.score += r.score * ((r['part'] as number) === -1 ? questionBoost : 1);
      if (!seen.has(id)) entry.groups += 1;
      seen.add(id);
      byExchange.set(id, entry);
    }
  }
  const hits = [...byExchange]
    .filter(([, e]) => e.groups === groups.length)
    .map(([id, e]) => ({ id, year: e.year, score: e.score }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  const perYear = new Map<number, number>();
  for (const h of hits) perYear.set(h.year, (perYear.get(h.year) ?? 0) + 1);
  return { hits, perYear };
}
