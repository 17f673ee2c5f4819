/**
 * What the index holds: one document per question and one per answer paragraph, so that a hit
 * says which paragraphs to quote, and a query of several words must find them in one paragraph.
 * Pure functions over the corpus model.
 */
import type { Options } from 'minisearch';
import type { Conference, Exchange } from '../corpus/model.js';
import type { Topic } from './topics.js';

/** One indexed document. */
export interface SearchDoc {
  readonly id: number;
  readonly exchangeId: string;
  readonly year: number;
  /** -1 for the question (with the questioner), else the paragraph index in the answer. */
  readonly part: number;
  /** The segmented text: tokens separated by spaces. */
  readonly text: string;
  /** Ids of the topics whose terms occur in the text, once per occurrence. */
  readonly topics: string;
}

/** The fields a search hit carries. */
export type StoredDoc = Pick<SearchDoc, 'exchangeId' | 'year' | 'part'>;

const spaceSplit = (s: string) => s.split(' ').filter((t) => t !== '');

/**
 * A term as the index keeps it: every character outside ASCII as `~` and its four hex digits
 * (台湾 → `~53f0~6e7e`). MiniSearch's radix tree finds a child by scanning a node's keys, and
 * Chinese gives the root one key per first character (thousands): each insert and lookup scanned
 * them all. Encoded, no node has more than about 80 keys. One-to-one, so nothing else changes.
 */
export function indexTerm(term: string): string {
  let out = '';
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    out += c < 0x80 && c !== 0x7e ? term[i] : `~${c.toString(16).padStart(4, '0')}`;
  }
  return out;
}

/** MiniSearch options; the same object must be used to build, save and load the index. */
export const indexOptions: Options<SearchDoc> = {
  idField: 'id',
  fields: ['text', 'topics'],
  storeFields: ['exchangeId', 'year', 'part'],
  tokenize: spaceSplit,
  processTerm: indexTerm,
};

const longestFirst = new WeakMap<Topic, readonly string[]>();
const termsLongestFirst = (t: Topic): readonly string[] => {
  let terms = longestFirst.get(t);
  if (!terms) longestFirst.set(t, (terms = [...t.terms].sort((a, b) => b.length - a.length)));
  return terms;
};

/** How often each topic's terms occur in a text (substring count, so 台独 counts inside “台独”). */
export function topicTags(text: string, list: readonly Topic[]): string[] {
  const tags: string[] = [];
  // A term whose first character the text lacks cannot occur in it (most terms, for most texts).
  const chars = new Set(text);
  for (const t of list) {
    let n = 0;
    // Count each place once even where two terms overlap (两岸 inside 海峡两岸).
    const covered = new Set<number>();
    for (const term of termsLongestFirst(t)) {
      if (!chars.has(term[0]!)) continue;
      for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
        if (!covered.has(at)) n++;
        for (let k = at; k < at + term.length; k++) covered.add(k);
      }
    }
    for (let k = 0; k < n; k++) tags.push(t.id);
  }
  return tags;
}

/** The text of an exchange's question document. */
export function questionText(e: Exchange): string {
  return `${e.questioner ?? ''} ${e.question ?? ''}`.trim();
}

/** Builds the documents of a corpus. */
export function documentsOf(conferences: readonly Conference[], segment: (text: string) => string[], list: readonly Topic[]): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const c of conferences) {
    for (const e of c.exchanges) {
      const parts: [number, string][] = [];
      if (e.question) parts.push([-1, questionText(e)]);
      e.paragraphs.forEach((p, i) => parts.push([i, p.text]));
      for (const [part, text] of parts) {
        docs.push({ id: docs.length, exchangeId: e.id, year: c.year, part, text: segment(text).join(' '), topics: topicTags(text, list).join(' ') });
      }
    }
  }
  return docs;
}

/** How often each token occurs in the documents (the query dictionary's frequencies). */
export function vocabulary(docs: readonly SearchDoc[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of docs) for (const t of spaceSplit(d.text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/**
 * A corpus `factor` times the size of `conferences`, made from the real exchanges: copy k moves
 * every conference 100·k years on (so years and ids stay distinct). For benchmarks only.
 */
export function scaleCorpus<C extends Conference>(conferences: readonly C[], factor: number): C[] {
  const out: C[] = [];
  for (let k = 0; k < factor; k++) {
    for (const c of conferences) {
      const year = c.year + 100 * k;
      out.push({
        ...c,
        id: String(year),
        year,
        exchanges: c.exchanges.map((e) => ({ ...e, id: e.id.replace(/^\d+/u, String(year)), conferenceId: String(year) })),
      });
    }
  }
  return out;
}
