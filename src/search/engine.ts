/**
 * The search engine behind `/position`, `/compare` and `npm run ask`: from what a user types and
 * an optional year to the exchanges where the minister states his position, best first, with the
 * verbatim paragraphs to quote.
 *
 * Ranking, in order: an exchange whose question is about every part of the query beats one whose
 * answer only mentions it; then the BM25 score (question hits weigh `questionBoost` times a
 * paragraph hit). An exchange must match every part of the query (each topic, and all leftover
 * Chinese words inside one paragraph or the question), so a query with nothing relevant returns
 * nothing rather than the least bad exchange.
 */
import MiniSearch from 'minisearch';
import { englishKeys, lookupConcept, normalizeEnglish, segmentEnglish, type ConceptMap, type EnglishMap } from './dictionary.js';
import { closestWords, Lexicon } from './edit-distance.js';
import { compose, PieceLookup, stems, type PieceMap } from './compose.js';
import { CorpusText, lowerBound } from './corpus-text.js';
import { lookupPinyin, type PinyinMap } from './pinyin.js';
import { SearchError } from './errors.js';
import type { LoadedConference, LoadedExchange } from '../corpus/load.js';
import type { Rejection, SourceInfo, Variant, Warning } from '../corpus/model.js';
import { answerText } from '../corpus/model.js';
import { indexOptions, type SearchDoc, type StoredDoc } from './documents.js';
import { foldCompact } from '../corpus/script.js';
import { normalizeQuery } from './normalize.js';
import { yearsInQuery } from './query-year.js';
import type { Segmenter } from './segment.js';
import { insideTopicForm, parseQuery, phraseJoiner, readLatin, suggestTopics, topicForms, topics as defaultTopics, type Topic } from './topics.js';

export { SearchError, type SearchProblem } from './errors.js';

/** Longest query accepted, in characters (Discord's option limit is 100). */
export const maxQueryLength = 100;
/** A question hit weighs this many paragraph hits. */
export const questionBoost = 3;
/** The quote aims at about this many characters (whole paragraphs, never cut). */
export const quoteBudget = 800;
/** Results returned when no limit is given. */
export const defaultLimit = 5;

/** One exchange found, with what to quote. */
export interface SearchResult {
  readonly id: string;
  readonly year: number;
  readonly date: string | null;
  /** The NPC session as printed, e.g. `十四届全国人大二次会议`. */
  readonly conference: string;
  readonly questioner: string | null;
  readonly question: string | null;
  readonly answer: string;
  /** The most relevant paragraphs, verbatim and in order, joined by `\n`. */
  readonly quote: string;
  /** Paragraph indexes `[first, last]` of the quote in the answer. */
  readonly quoteRange: readonly [number, number];
  readonly sources: readonly string[];
  /** Sources that carry the quoted paragraphs. */
  readonly quoteSources: readonly string[];
  /** The copies that carry each paragraph of the answer, in order (for citing any span of it). */
  readonly paragraphSources: readonly (readonly string[])[];
  readonly kind: 'opening' | 'answer' | 'closing';
  /**
   * Where the copies disagree, meaning-changing first: both wordings, their impact, and whether
   * the place is inside the quote. `start`/`end` are offsets in the answer with its paragraphs
   * joined without separator (for questions and questioners, in that field).
   */
  readonly variants: readonly ResultVariant[];
  /** Offset of the quote's first paragraph in the joined answer (see `variants`). */
  readonly quoteOffset: number;
  /** Whether the question itself is about the query (else the answer mentions it). */
  readonly match: 'question' | 'answer';
  readonly score: number;
}

/** A variant as a result carries it. */
export type ResultVariant = Pick<Variant, 'field' | 'source' | 'canonical' | 'text' | 'impact' | 'impactReason' | 'readingSources' | 'start' | 'end'> & {
  readonly inQuote: boolean;
};

/**
 * What became of a query: exchanges `found`; a known subject with `no-statement` (that year); a
 * subject the conferences are `not-mentioned` to speak of (菲律宾); or nothing `unknown` in it at all.
 * `searched` is internal: the index was asked.
 */
export type SearchOutcome = 'found' | 'no-statement' | 'not-mentioned' | 'unknown';
type Reading = SearchOutcome | 'searched';

/** The answer to one query. */
export interface SearchResponse {
  readonly query: string;
  readonly year: number | null;
  /** The Chinese terms searched (topic terms, then leftover words). */
  readonly terms: readonly string[];
  readonly topics: readonly Pick<Topic, 'id' | 'name' | 'zh'>[];
  /** Words that name no topic and that the corpus never uses; not searched. */
  readonly ignored: readonly string[];
  /** False when nothing in the query names a topic or only words the corpus never uses (an unknown topic). */
  readonly understood: boolean;
  /** Typos read as the word they are close to (`tawian` → `taiwan`), to say so in the reply. */
  readonly corrected: readonly { readonly from: string; readonly to: string }[];
  /** Topics the query may have meant, when a word was too unsure to correct. */
  readonly suggestions: readonly Pick<Topic, 'id' | 'name' | 'zh'>[];
  readonly outcome: SearchOutcome;
  /** For `not-mentioned`: what was typed and the Chinese word searched for it. */
  readonly notMentioned: readonly { readonly typed: string; readonly term: string }[];
  /** Without a year: how many exchanges match in each year of the corpus (zeros included). Null when a year was asked. */
  readonly perYear: readonly { readonly year: number; readonly count: number }[] | null;
  /** How many exchanges match (in the year asked), of which `results` are the first. */
  readonly total: number;
  readonly results: readonly SearchResult[];
}

/** The best exchange per year for a topic. */
export interface CompareResponse {
  readonly topic: string;
  readonly terms: readonly string[];
  readonly topics: SearchResponse['topics'];
  readonly years: readonly { readonly year: number; readonly result: SearchResult | null }[];
}

/** A question or answer paragraph, folded and compacted. */
/** `exchange`: the index of its exchange in `exchangeIds`. */
type PlainDoc = StoredDoc & { readonly id: number; readonly text: string; readonly exchange: number };

/** What an exchange gathered from the parts of a query. */
interface Acc {
  score: number;
  questionGroups: Set<number>;
  groups: Set<number>;
  paragraphScores: Map<number, number>;
}

/** An exchange that matches every part of a query, in ranking order. */
interface Ranked {
  readonly id: string;
  readonly year: number;
  readonly acc: Acc;
  readonly aboutQuestion: boolean;
}

/** Which documents match one part of a query: document id → score. */
type Hits = ReadonlyMap<number, number>;

interface Group {
  readonly hits: Hits;
}

/** The documents of one topic, by ascending id, with their scores (computed once, when the engine opens). */
interface Postings {
  readonly ids: Int32Array;
  readonly scores: Float64Array;
}

/** Everything the engine needs, as plain data. */
export interface EngineData {
  readonly conferences: readonly LoadedConference[];
  /** `JSON.stringify(miniSearch)` of the built index. */
  readonly indexJson: string;
  readonly segment: Segmenter;
  readonly topics?: readonly Topic[];
  /** The entries of corpus/sources.json (publisher, note, priority). */
  readonly sources?: readonly SourceInfo[];
  /** Files of the corpus folder that are not a copy of any conference, and why. */
  readonly rejected?: readonly Rejection[];
  /** What is wrong with the corpus's data but did not stop it loading (a copy `sources.json` does not list), to say at start. */
  readonly notices?: readonly Warning[];
  /** English → the corpus's words (CC-CEDICT, built with the index); without it English outside the topics is unknown. */
  readonly english?: EnglishMap;
  /** English → any headword, for concepts the corpus never mentions. */
  readonly concepts?: ConceptMap;
  /** English stems → headwords the corpus text contains, for compounds no entry lists (海警法). */
  readonly pieces?: PieceMap;
  /** Pinyin → the corpus's words, for names typed in pinyin (孟晚舟). */
  readonly pinyin?: PinyinMap;
  /** The built index's folder, for the data only some commands read (`keywords.json`). */
  readonly indexDir?: string;
}

/** Search over a corpus and its index. Construct with `openSearch()` (I/O) or directly from data. */
export class SearchEngine {
  readonly conferences: readonly LoadedConference[];
  readonly topics: readonly Topic[];
  readonly sources: readonly SourceInfo[];
  readonly rejected: readonly Rejection[];
  readonly notices: readonly Warning[];
  /** The built index's folder, when opened from one. */
  readonly indexDir: string | null;
  private readonly index: MiniSearch<SearchDoc>;
  private readonly segment: Segmenter;
  private readonly exchanges = new Map<string, { exchange: LoadedExchange; conference: LoadedConference }>();
  private readonly sourceByFile: ReadonlyMap<string, SourceInfo>;
  private readonly english: EnglishMap | undefined;
  private readonly concepts: ConceptMap | undefined;
  private readonly pieces: PieceLookup | undefined;
  private readonly pinyin: PinyinMap | undefined;
  /** The English map's single words by stem (`kidnap` for `kidnapped`). */
  private readonly wordsByStem = new Map<string, string[]>();
  /** `plainDocs` as one text with where each character is: what the corpus prints, and where. */
  private readonly corpusText: CorpusText;
  /** Every word of the English map's keys: real words, never taken for typos of topic words. */
  private readonly englishWords: ReadonlySet<string>;
  private readonly englishLexicon: Lexicon;
  /** The dictionary's English phrases of two to four words. */
  private readonly englishPhrases: ReadonlySet<string>;
  /** Topic forms with a year-like number in them (`2030 agenda`, `1992 consensus`): the number is no year filter. */
  private readonly numberedForms: readonly string[];
  private readonly printedCache = new Map<string, Hits>();
  private readonly topicPostings = new Map<string, Postings>();
  private readonly exchangeIds: string[] = [];
  /** Every question and answer paragraph, folded and compacted, for words the segmenter cannot cut. */
  private readonly plainDocs: readonly PlainDoc[];
  /** The documents of each year: `[first, end)` indexes in `plainDocs`. */
  private readonly yearDocs = new Map<number, [number, number]>();

  constructor(data: EngineData) {
    this.conferences = data.conferences;
    this.topics = data.topics ?? defaultTopics;
    this.sources = data.sources ?? [];
    this.rejected = data.rejected ?? [];
    this.notices = data.notices ?? [];
    this.indexDir = data.indexDir ?? null;
    this.sourceByFile = new Map(this.sources.map((info) => [info.file, info]));
    this.english = data.english;
    this.concepts = data.concepts;
    this.pieces = data.pieces ? new PieceLookup(data.pieces) : undefined;
    this.pinyin = data.pinyin;
    const keys = data.english ? englishKeys(data.english) : [];
    this.englishWords = new Set(keys.flatMap((k) => k.split(' ')));
    this.englishLexicon = new Lexicon(this.englishWords);
    this.englishPhrases = new Set(keys.filter((k) => /^\S+(?: \S+){1,3}$/u.test(k)));
    for (const w of this.englishWords) {
      const [stem] = stems([w]);
      if (stem === undefined) continue;
      const list = this.wordsByStem.get(stem);
      if (list) list.push(w);
      else this.wordsByStem.set(stem, [w]);
    }
    this.index = MiniSearch.loadJSON<SearchDoc>(data.indexJson, indexOptions);
    this.segment = data.segment;
    for (const conference of data.conferences) for (const exchange of conference.exchanges) this.exchanges.set(exchange.id, { exchange, conference });
    // In the order of the index's documents (documents.ts), so that ids are the same.
    const plain: PlainDoc[] = [];
    for (const c of data.conferences) {
      for (const e of c.exchanges) {
        const exchange = this.exchangeIds.push(e.id) - 1;
        const doc = { exchangeId: e.id, year: c.year, exchange };
        if (e.question) plain.push({ ...doc, id: plain.length, part: -1, text: foldCompact(`${e.questioner ?? ''}${e.question}`) });
        e.paragraphs.forEach((p, i) => plain.push({ ...doc, id: plain.length, part: i, text: foldCompact(p.text) }));
      }
    }
    this.plainDocs = plain;
    // A year's documents are one conference's, consecutive: a range.
    plain.forEach((d, i) => {
      const range = this.yearDocs.get(d.year);
      if (range) range[1] = i + 1;
      else this.yearDocs.set(d.year, [i, i + 1]);
    });
    this.corpusText = new CorpusText(plain.map((d) => d.text));
    // Each topic's documents and scores, once: a query on a topic reads them, a year reads a range of them.
    for (const t of this.topics) {
      const hits = this.index.search(t.id, { fields: ['topics'], tokenize: (x) => [x] }).sort((a, b) => (a.id as number) - (b.id as number));
      this.topicPostings.set(t.id, { ids: Int32Array.from(hits, (h) => h.id as number), scores: Float64Array.from(hits, (h) => h.score) });
    }
    this.numberedForms = this.topics.flatMap((t) => topicForms(t)).filter((f) => /(?:19|20)\d{2}/u.test(f));
  }

  /** What `corpus/sources.json` says of a file (publisher, url, title), if it lists it. */
  source(file: string): SourceInfo | undefined {
    return this.sourceByFile.get(file);
  }

  /** The years in the corpus, ascending. */
  get years(): number[] {
    return this.conferences.map((c) => c.year);
  }

  /** An exchange by id, with its conference. */
  exchange(id: string): { exchange: LoadedExchange; conference: LoadedConference } | undefined {
    return this.exchanges.get(id.trim());
  }

  /**
   * An exchange by id as a result (quoted from the start of the answer), for `/quote`.
   * @throws SearchError when no exchange has that id
   */
  resultOf(id: string): SearchResult {
    const found = this.exchanges.get(id.trim());
    if (!found) throw new SearchError({ code: 'unknown-id', id: id.trim() });
    return this.result(found.exchange.id, new Map(), true, 0);
  }

  /** Checks a year against the corpus. */
  checkYear(year: number | null | undefined): number | null {
    if (year === null || year === undefined) return null;
    if (!this.years.includes(year)) {
      throw new SearchError({ code: 'unknown-year', year, years: this.years });
    }
    return year;
  }

  /**
   * Finds the exchanges about a query.
   * @throws SearchError for an empty or over-long query, or a year not in the corpus
   */
  search(query: string, options: { year?: number | null; limit?: number } = {}): SearchResponse {
    return this.run(query, options).response;
  }

  /** `search`, and every matching exchange ranked (for `compare`, which takes the best of each year from one pass). */
  private run(query: string, options: { year?: number | null; limit?: number }): { response: SearchResponse; ranked: readonly Ranked[] } {
    const limit = options.limit ?? defaultLimit;
    const full = normalizeQuery(query);
    if ([...full].length > maxQueryLength) {
      throw new SearchError({ code: 'too-long', length: [...full].length, max: maxQueryLength });
    }
    // A year typed in the query filters like the year option (and must agree with it).
    const typed = yearsInQuery(full, this.numberedForms);
    if (typed.years.length > 1) throw new SearchError({ code: 'several-years', years: typed.years });
    const option = options.year ?? null;
    if (typed.years.length === 1 && option !== null && option !== typed.years[0])
      throw new SearchError({ code: 'conflicting-years', typed: typed.years[0]!, option });
    const year = this.checkYear(typed.years[0] ?? option);
    const normalized = typed.rest;
    if (normalized === '') throw new SearchError({ code: 'empty' });
    const parts = parseQuery(this.protectPhrases(normalized), this.topics, this.englishWords);
    // Chinese the corpus prints as typed (孟晚舟, 零和博弈) is looked up as printed, whatever the
    // segmenter makes of it; the rest goes through the segmenter.
    const chunks = parts.chinese.split(' ').filter((c) => [...c].length >= 2);
    // Printed in any year: a word of another year's conference is a subject without a statement this year, not an unknown.
    const printed = chunks.filter((c) => this.printed(c, null).size > 0);
    const rest = parts.chinese
      .split(' ')
      .filter((c) => !printed.includes(c))
      .join(' ')
      .trim();
    const { tokens: words, unknown } = rest === '' ? { tokens: [], unknown: [] } : this.segment(rest);
    const read = this.readEnglish(parts.unknownWords);
    // A concept whose Chinese the corpus prints after all (埃塞俄比亚 for ethiopia) is searched.
    const english = {
      ...read,
      spans: [
        ...read.spans,
        ...read.concepts.map((c) => ({ phrase: c.word, terms: c.terms.filter((t) => this.printed(t, null).size > 0) })).filter((c) => c.terms.length > 0),
      ],
      concepts: read.concepts.filter((c) => c.terms.every((t) => this.printed(t, null).size === 0)).map((c) => ({ word: c.word, term: c.terms[0]! })),
    };
    const corrected = [...parts.corrected, ...english.corrected];
    const terms = [...new Set([...parts.topics.flatMap((t) => t.terms), ...printed, ...words, ...english.spans.flatMap((s) => s.terms)])];
    // Concepts the corpus never uses: Chinese words its vocabulary lacks, English words the dictionary knows.
    const neverMentioned = [...unknown, ...english.concepts.map((c) => c.term)];
    const searchable = parts.topics.length > 0 || printed.length > 0 || words.length > 0 || english.spans.length > 0;
    const outcome: Reading = parts.topics.length === 0 && neverMentioned.length > 0 ? 'not-mentioned' : searchable ? 'searched' : 'unknown';
    const base = {
      query,
      year,
      terms: outcome === 'not-mentioned' ? [...new Set([...terms, ...neverMentioned])] : terms,
      topics: parts.topics.map(({ id, name, zh }) => ({ id, name, zh })),
      ignored: [...english.unknown, ...(outcome === 'not-mentioned' ? [] : [...unknown, ...english.concepts.map((c) => c.word)])],
      corrected,
      suggestions: parts.suggestions.map(({ id, name, zh }) => ({ id, name, zh })),
      notMentioned:
        outcome === 'not-mentioned' ? [...unknown.map((w) => ({ typed: w, term: w })), ...english.concepts.map((c) => ({ typed: c.word, term: c.term }))] : [],
      understood: outcome !== 'unknown',
    };
    // Without a topic, a part the corpus never mentions cannot be matched, so nothing can; with a
    // topic, such words are left out and said so.
    if (outcome !== 'searched') return { response: { ...base, outcome, perYear: null, total: 0, results: [] }, ranked: [] };

    // Documents of other years weigh 0, which MiniSearch skips before scoring them.
    const boostDocument = year === null ? undefined : (_id: unknown, _term: string, stored?: Record<string, unknown>) => (stored?.year === year ? 1 : 0);
    const hitsOf = (queryWords: readonly string[]): Hits =>
      new Map(
        this.index
          .search({ queries: [...queryWords], combineWith: 'AND' }, { fields: ['text'], tokenize: (x) => [x], boostDocument })
          .map((h) => [h.id as number, h.score]),
      );
    // A Chinese term: as printed where the corpus prints it, else through the segmenter.
    const termHits = (term: string): Hits => {
      const found = this.printed(term, year);
      if (found.size > 0) return found;
      const tokens = this.segment(term).tokens;
      return tokens.length > 0 ? hitsOf(tokens) : new Map();
    };
    const groups: Group[] = parts.topics.map((t) => ({ hits: this.topicHits(t.id, year) }));
    if (words.length > 0) groups.push({ hits: hitsOf(words) });
    for (const chunk of printed) groups.push({ hits: this.printed(chunk, year) });
    // A topic's term typed as such must be said: each is a part of its own (segmented as queries are).
    for (const term of parts.typedTerms) groups.push({ hits: termHits(term) });
    // Each English phrase is one part of the query; its Chinese terms are alternatives.
    for (const span of english.spans) {
      const hits = new Map<number, number>();
      for (const term of span.terms) for (const [id, score] of termHits(term)) if (!hits.has(id)) hits.set(id, score);
      groups.push({ hits });
    }
    const ranked = this.rank(groups);
    const results = ranked.slice(0, Math.max(0, limit)).map((r) => this.resultOfRanked(r));
    let perYear: { year: number; count: number }[] | null = null;
    if (year === null) {
      const counts = new Map<number, number>();
      for (const r of ranked) counts.set(r.year, (counts.get(r.year) ?? 0) + 1);
      perYear = this.years.map((y) => ({ year: y, count: counts.get(y) ?? 0 }));
    }
    return { response: { ...base, outcome: results.length > 0 ? 'found' : 'no-statement', perYear, total: ranked.length, results }, ranked };
  }

  /**
   * The Chinese the corpus prints for an English phrase, to be counted as typed (`/phrase`):
   * the dictionary's words when it reads the phrase whole (`multilateralism` → 多边主义), else
   * the terms of the topic the phrase names (`community with a shared future` → 人类命运共同体,
   * 命运共同体), else the Chinese of a concept the corpus never prints (`philippines` → 菲律宾),
   * else each dictionary word of the phrase on its own. Empty `terms` when nothing maps.
   */
  chineseFor(text: string): {
    readonly terms: readonly string[];
    readonly via: 'dictionary' | 'topic' | 'concept' | null;
    readonly corrected: readonly { readonly from: string; readonly to: string }[];
    readonly unknown: readonly string[];
  } {
    const normalized = readLatin(normalizeQuery(text));
    const words = normalized.split(' ').filter((w) => w !== '');
    const read = this.readEnglish(words);
    const printedTerms = (terms: readonly string[]) => terms.filter((t) => this.printed(foldCompact(t), null).size > 0);
    const whole = read.spans.length === 1 && read.concepts.length === 0 && read.unknown.length === 0 ? printedTerms(read.spans[0]!.terms) : [];
    if (whole.length > 0) return { terms: whole, via: 'dictionary', corrected: read.corrected, unknown: [] };
    const parts = parseQuery(normalized, this.topics, this.englishWords);
    if (parts.topics.length === 1 && parts.unknownWords.length === 0 && parts.chinese === '')
      return { terms: parts.topics[0]!.terms, via: 'topic', corrected: parts.corrected, unknown: [] };
    if (read.spans.length === 0 && read.concepts.length === 1 && read.unknown.length === 0)
      return { terms: [read.concepts[0]!.terms[0]!], via: 'concept', corrected: read.corrected, unknown: [] };
    const each = read.unknown.length === 0 && read.concepts.length === 0 ? [...new Set(read.spans.flatMap((s) => printedTerms(s.terms).slice(0, 1)))] : [];
    if (each.length > 0) return { terms: each, via: 'dictionary', corrected: read.corrected, unknown: [] };
    return { terms: [], via: null, corrected: [], unknown: read.unknown.length > 0 ? read.unknown : words };
  }

  /**
   * Like `search`, but an unknown topic is an error rather than an empty answer.
   * @throws SearchError `unknown-topic` naming the words that were not recognised
   */
  searchKnown(query: string, options: { year?: number | null; limit?: number } = {}): SearchResponse {
    return this.known(query, this.search(query, options));
  }

  /** The response, or the unknown-topic error when nothing in the query was understood. */
  private known(query: string, res: SearchResponse): SearchResponse {
    if (!res.understood) {
      const close = res.suggestions.length > 0 ? res.suggestions : res.ignored.flatMap((w) => suggestTopics(w, 3, this.topics));
      const suggestions = [...new Set(close.map((t) => t.name))].slice(0, 3);
      throw new SearchError({ code: 'unknown-topic', query: query.trim(), words: res.ignored, suggestions });
    }
    return res;
  }

  /**
   * The best exchange of each year for a query, or null for a year without a statement on it.
   * @param years - years to compare; all years of the corpus when empty
   */
  compare(query: string, years: readonly number[] = []): CompareResponse {
    // Years typed in the topic (`taiwan 2021 2024`) join the years asked for.
    const typed = yearsInQuery(normalizeQuery(query), this.numberedForms);
    const asked = [...new Set([...years, ...typed.years])];
    const wanted = asked.length > 0 ? asked.sort((a, b) => a - b) : this.years;
    for (const y of wanted) this.checkYear(y);
    if (typed.years.length > 0) query = typed.rest;
    // One pass over every year; the best of a year is its first exchange in the ranking (a year
    // filter only leaves out the other years' exchanges, it scores none differently).
    const { response, ranked } = this.run(query, { year: null, limit: 0 });
    this.known(query, response);
    const best = new Map<number, Ranked>();
    for (const r of ranked) if (!best.has(r.year)) best.set(r.year, r);
    return {
      topic: query,
      terms: response.terms,
      topics: response.topics,
      years: wanted.map((year) => {
        const r = best.get(year);
        return { year, result: r ? this.resultOfRanked(r) : null };
      }),
    };
  }

  /**
   * The documents (questions, answer paragraphs) whose text holds `chunk` as printed, script and
   * typography folded, scored by how often: hits in the shape the index gives.
   */
  private printed(chunk: string, year: number | null): Hits {
    const key = `${chunk}|${year ?? ''}`;
    const known = this.printedCache.get(key);
    if (known) return known;
    const hits = this.scanPrinted(chunk, year);
    // One query asks for the same chunk several times (to classify it, then to search it).
    if (this.printedCache.size >= 1000) this.printedCache.clear();
    this.printedCache.set(key, hits);
    return hits;
  }

  private scanPrinted(chunk: string, year: number | null): Hits {
    const [from, to] = year === null ? [0, this.plainDocs.length] : (this.yearDocs.get(year) ?? [0, 0]);
    const hits = new Map<number, number>();
    for (const [id, n] of this.corpusText.count(foldCompact(chunk), from, to)) hits.set(id, 2 * n);
    return hits;
  }

  /** A topic's documents (of one year), with their scores. */
  private topicHits(topic: string, year: number | null): Hits {
    const postings = this.topicPostings.get(topic);
    const hits = new Map<number, number>();
    if (!postings) return hits;
    const [from, to] = year === null ? [0, this.plainDocs.length] : (this.yearDocs.get(year) ?? [0, 0]);
    for (let i = lowerBound(postings.ids, from); i < postings.ids.length && postings.ids[i]! < to; i++) hits.set(postings.ids[i]!, postings.scores[i]!);
    return hits;
  }

  /**
   * Joins English phrases of the dictionary that no topic form holds (`visa free`, `peace talks`)
   * so that a shorter topic form (`visa`) does not take half of them: the longer meaning wins.
   */
  private protectPhrases(normalized: string): string {
    if (this.englishPhrases.size === 0) return normalized;
    const words = readLatin(normalized).split(' ');
    const keys = words.map((w) => (/^[a-z]/u.test(w) ? normalizeEnglish(w).join(' ') : ''));
    for (let i = 0; i < words.length; i++) {
      for (let n = Math.min(4, words.length - i); n >= 2; n--) {
        const span = keys.slice(i, i + n);
        if (span.some((k) => k === '') || !this.englishPhrases.has(span.join(' ')) || insideTopicForm(span.join(' ').split(' '), this.topics)) continue;
        words.splice(i, n, words.slice(i, i + n).join(phraseJoiner));
        keys.splice(i, n, span.join(' '));
        break;
      }
    }
    return words.join(' ');
  }

  /**
   * The Latin words no topic names, read through the open vocabulary: phrases the corpus words
   * translate (`supply chain` → 供应链), concepts it never mentions (`philippines` → 菲律宾), typos
   * of dictionary words, and what is left (gibberish).
   */
  private readEnglish(words: readonly string[]): {
    spans: { phrase: string; terms: string[] }[];
    concepts: { word: string; terms: readonly string[] }[];
    corrected: { from: string; to: string }[];
    unknown: string[];
  } {
    if (words.length === 0 || !this.english) return { spans: [], concepts: [], corrected: [], unknown: [...words] };
    const english = this.english;
    const read = (text: string) => segmentEnglish(english, text);
    const concepts: { word: string; terms: readonly string[] }[] = [];
    // A two-word name the corpus never uses (`new zealand`) is one concept, not `new` + `zealand`.
    const rest: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const pair = i + 1 < words.length ? `${words[i]} ${words[i + 1]}` : null;
      const concept = pair !== null && this.concepts ? lookupConcept(this.concepts, pair) : null;
      if (concept && pair !== null && read(pair).spans.every((s) => s.phrase !== normalizeEnglish(pair).join(' '))) {
        concepts.push({ word: pair, terms: concept });
        i++;
      } else rest.push(words[i]!);
    }
    // A phrase no entry covers whole may be a compound the corpus prints (`coast guard law` → 海警法).
    const composed: { phrase: string; terms: string[] }[] = [];
    const plain: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      let taken = 0;
      for (let n = Math.min(4, rest.length - i); n >= 2 && taken === 0; n--) {
        const window = rest.slice(i, i + n).join(' ');
        const whole = read(window);
        if (!this.pieces || (whole.spans.length === 1 && whole.unknown.length === 0)) continue;
        const terms = compose(this.pieces, window, (s) => this.corpusText.includes(s));
        if (terms.length === 0) continue;
        composed.push({ phrase: normalizeEnglish(window).join(' '), terms });
        taken = n;
      }
      if (taken > 0) i += taken - 1;
      else plain.push(rest[i]!);
    }
    const first = read(plain.join(' '));
    const spans = [...composed, ...first.spans.map((s) => ({ phrase: s.phrase, terms: s.terms.map((t) => t.term) }))];
    const corrected: { from: string; to: string }[] = [];
    const unknown: string[] = [];
    // What the user typed for a normalised word (`philippines` for `philippine`).
    const typed = new Map(plain.map((w) => [normalizeEnglish(w).join(' '), w]));
    const left = first.unknown.map((normal) => typed.get(normal) ?? normal);
    // A name in pinyin (`meng wanzhou` → 孟晚舟): the longest run of unknown words that spells a corpus word.
    const named = new Set<number>();
    for (let i = 0; i < left.length && this.pinyin; i++) {
      for (let n = Math.min(4, left.length - i); n >= 1; n--) {
        const run = left.slice(i, i + n);
        const words = lookupPinyin(this.pinyin, run);
        if (words.length === 0) continue;
        spans.push({ phrase: run.join(' '), terms: [...words] });
        for (let k = i; k < i + n; k++) named.add(k);
        i += n - 1;
        break;
      }
    }
    for (const [at, w] of left.entries()) {
      if (named.has(at)) continue;
      const concept = this.concepts ? lookupConcept(this.concepts, w) : null;
      if (concept) {
        concepts.push({ word: w, terms: concept });
        continue;
      }
      // Another form of a word the dictionary has (`kidnapped` → `kidnap`).
      const form = (this.wordsByStem.get(stems([w])[0] ?? '') ?? [])
        .map((key) => ({ key, spans: read(key).spans }))
        .filter((f) => f.spans.length > 0)
        .sort((a, b) => (b.spans[0]!.terms[0]?.weight ?? 0) - (a.spans[0]!.terms[0]?.weight ?? 0))[0];
      if (form) {
        corrected.push({ from: w, to: form.key });
        spans.push(...form.spans.map((s) => ({ phrase: s.phrase, terms: s.terms.map((t) => t.term) })));
        continue;
      }
      const close = closestWords(w, this.englishLexicon);
      const again = close.length === 1 ? read(close[0]!).spans : [];
      if (again.length > 0) {
        corrected.push({ from: w, to: close[0]! });
        spans.push(...again.map((s) => ({ phrase: s.phrase, terms: s.terms.map((t) => t.term) })));
      } else unknown.push(w);
    }
    return { spans, concepts, corrected, unknown };
  }

  /** Groups doc hits per exchange, keeps exchanges that match every group, and ranks them. */
  private rank(groups: readonly Group[]): Ranked[] {
    const byExchange = new Map<number, Acc>();
    // Smallest part first: only the exchanges it matches are followed through the others.
    [...groups]
      .sort((a, b) => a.hits.size - b.hits.size)
      .forEach((g, gi) => {
        for (const [id, score] of g.hits) {
          const doc = this.plainDocs[id]!;
          let acc = byExchange.get(doc.exchange);
          // Only an exchange that matched every earlier part can match them all.
          if (!acc && gi > 0) continue;
          if (!acc)
            byExchange.set(
              doc.exchange,
              (acc = { score: 0, questionGroups: new Set<number>(), groups: new Set<number>(), paragraphScores: new Map<number, number>() }),
            );
          if (doc.part < 0) {
            acc.questionGroups.add(gi);
            acc.score += score * questionBoost;
          } else {
            acc.score += score;
            acc.paragraphScores.set(doc.part, (acc.paragraphScores.get(doc.part) ?? 0) + score);
          }
          acc.groups.add(gi);
        }
      });
    return [...byExchange]
      .filter(([, acc]) => acc.groups.size === groups.length)
      .map(([exchange, acc]) => {
        const id = this.exchangeIds[exchange]!;
        return { id, year: this.exchanges.get(id)!.conference.year, acc, aboutQuestion: acc.questionGroups.size === groups.length };
      })
      .sort((a, b) => Number(b.aboutQuestion) - Number(a.aboutQuestion) || b.acc.score - a.acc.score || a.id.localeCompare(b.id));
  }

  private resultOfRanked({ id, acc, aboutQuestion }: Ranked): SearchResult {
    return this.result(id, acc.paragraphScores, aboutQuestion, acc.score);
  }

  private result(id: string, paragraphScores: ReadonlyMap<number, number>, aboutQuestion: boolean, score: number): SearchResult {
    const { exchange: e, conference: c } = this.exchanges.get(id)!;
    const [first, last] = chooseQuote(
      e.paragraphs.map((p) => p.text),
      paragraphScores,
      aboutQuestion,
    );
    const quoted = e.paragraphs.slice(first, last + 1);
    const offset = (i: number) => e.paragraphs.slice(0, i).reduce((n, p) => n + p.text.length, 0);
    const [qs, qe] = [offset(first), offset(last + 1)];
    return {
      id: e.id,
      year: c.year,
      date: c.date,
      conference: c.session,
      questioner: e.questioner,
      question: e.question,
      answer: answerText(e),
      quote: quoted.map((p) => p.text).join('\n'),
      quoteRange: [first, last],
      sources: e.sources,
      quoteSources: [...new Set(quoted.flatMap((p) => p.sources))],
      paragraphSources: e.paragraphs.map((p) => p.sources),
      kind: e.kind,
      variants: [...e.variants]
        .sort((a, b) => Number(b.impact === 'meaning') - Number(a.impact === 'meaning'))
        .map((v) => ({
          field: v.field,
          source: v.source,
          canonical: v.canonical,
          text: v.text,
          impact: v.impact,
          impactReason: v.impactReason,
          readingSources: v.readingSources,
          start: v.start,
          end: v.end,
          inQuote: v.field !== 'answer' || (v.start < qe && v.end > qs),
        })),
      quoteOffset: qs,
      match: aboutQuestion ? 'question' : 'answer',
      score: Math.round(score * 1000) / 1000,
    };
  }
}

/**
 * Chooses which paragraphs to quote: whole paragraphs, consecutive, about `quoteBudget` characters.
 * When the question is about the query the answer is quoted from its start (the minister's framing);
 * otherwise the quote is centred on the paragraph that matches best.
 * @returns the first and last paragraph index
 */
export function chooseQuote(paragraphs: readonly string[], scores: ReadonlyMap<number, number>, fromStart: boolean): [number, number] {
  if (paragraphs.length === 0) return [0, -1];
  const lengths = paragraphs.map((p) => [...p].length);
  const len = (i: number) => lengths[i]!;
  let best = 0;
  if (!fromStart) for (const [i, s] of scores) if (s > (scores.get(best) ?? 0)) best = i;
  let first = best;
  let last = best;
  let size = len(best);
  while (size < quoteBudget) {
    const canNext = last + 1 < paragraphs.length;
    const canPrev = !fromStart && first > 0;
    if (!canNext && !canPrev) break;
    // Prefer the neighbour that matches; on a tie, read on.
    const next = canNext ? (scores.get(last + 1) ?? 0) : -1;
    const prev = canPrev ? (scores.get(first - 1) ?? 0) : -1;
    const take = next >= prev ? last + 1 : first - 1;
    if (size + len(take) > quoteBudget * 1.25) break;
    size += len(take);
    if (take > last) last = take;
    else first = take;
  }
  return [first, last];
}
