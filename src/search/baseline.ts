/**
 * The baseline `npm run eval` compares against: plain MiniSearch over whole exchanges, the same
 * nodejieba tokens, no topic file, no relevance rule (whatever matches any word is returned).
 */
import MiniSearch from 'minisearch';
import type { SearchDoc } from './documents.js';
import { normalizeQuery } from './normalize.js';
import type { Segmenter } from './segment.js';

interface ExchangeDoc {
  id: string;
  year: number;
  text: string;
}

/** Plain MiniSearch with nodejieba tokens. */
export class BaselineSearch {
  private readonly index: MiniSearch<ExchangeDoc>;

  constructor(
    docs: readonly SearchDoc[],
    private readonly segment: Segmenter,
  ) {
    const byExchange = new Map<string, ExchangeDoc>();
    for (const d of docs) {
      const e = byExchange.get(d.exchangeId) ?? { id: d.exchangeId, year: d.year, text: '' };
      e.text += ` ${d.text}`;
      byExchange.set(d.exchangeId, e);
    }
    this.index = new MiniSearch<ExchangeDoc>({ fields: ['text'], storeFields: ['year'], tokenize: (s) => s.split(' ').filter(Boolean) });
    this.index.addAll([...byExchange.values()]);
  }

  /** Exchange ids, best first. */
  search(query: string, year: number | null, limit = 5): string[] {
    const { tokens } = this.segment(normalizeQuery(query));
    if (tokens.length === 0) return [];
    return this.index
      .search({ queries: tokens, combineWith: 'OR' }, { tokenize: (s) => [s], filter: (h) => year === null || h.year === year })
      .slice(0, limit)
      .map((h) => String(h.id));
  }
}
