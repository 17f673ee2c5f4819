import { describe, expect, it } from 'vitest';
import { normalizeQuery } from '../../src/search/normalize.js';
import { parseQuery, suggestTopics, topics } from '../../src/search/topics.js';

const ids = (q: string) => parseQuery(normalizeQuery(q)).topics.map((t) => t.id);

describe('topics', () => {
  it('covers at least 60 topics, each with an English name and Chinese terms', () => {
    expect(topics.length).toBeGreaterThanOrEqual(60);
    for (const t of topics) {
      expect(t.name).toMatch(/[A-Za-z]/u);
      expect(t.terms.every((term) => /\p{Script=Han}|[A-Z0-9]/u.test(term))).toBe(true);
    }
  });

  it('matches the longest form first and Latin forms as whole words', () => {
    expect(ids('south china sea')).toEqual(['south-china-sea']);
    expect(ids('russia')).toEqual(['russia']);
    expect(ids('us')).toEqual(['united-states']);
    expect(ids('status')).toEqual([]);
  });

  it('reads several topics and keeps unknown words apart', () => {
    const parts = parseQuery(normalizeQuery('US trade war, bitcoin'));
    expect(parts.topics.map((t) => t.id)).toEqual(['united-states', 'trade-tech']);
    expect(parts.unknownWords).toEqual(['bitcoin']);
  });

  it('maps traditional and simplified Chinese to the same topic', () => {
    expect(ids('臺灣')).toEqual(['taiwan']);
    expect(ids('台湾')).toEqual(['taiwan']);
    expect(ids('加薩')).toEqual(['palestine']);
  });

  it('suggests topics by prefix, best first, at most 25', () => {
    expect(suggestTopics('tai')[0]?.id).toBe('taiwan');
    expect(suggestTopics('南海')[0]?.id).toBe('south-china-sea');
    expect(suggestTopics('')).toHaveLength(25);
    expect(suggestTopics('zzzz')).toEqual([]);
  });
});
