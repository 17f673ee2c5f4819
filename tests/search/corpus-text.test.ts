import { describe, expect, it } from 'vitest';
import { CorpusText } from '../../src/search/corpus-text.js';
import { ConceptMap } from '../../src/search/dictionary.js';
import { indexTerm } from '../../src/search/documents.js';

/** What `CorpusText.count` must agree with: indexOf from the end of the last match, per document. */
function naive(docs: readonly string[], s: string, from = 0, to = docs.length): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = from; i < to; i++) {
    let n = 0;
    for (let at = docs[i]!.indexOf(s); at >= 0; at = docs[i]!.indexOf(s, at + s.length)) n++;
    if (n > 0) out.set(i, n);
  }
  return out;
}

describe('CorpusText', () => {
  const docs = ['中方坚持多边主义', '多边主义多边主义，真正的多边主义', '啊啊啊啊啊', '𠮷野家与多边', '', '单边主义'];
  const text = new CorpusText(docs);

  it('counts what indexOf counts, per document and within a range of documents', () => {
    for (const s of ['多边主义', '多边', '啊啊', '主义', '𠮷野', '边主', '单', '家与多', '不在']) {
      expect(text.count(s), s).toEqual(naive(docs, s));
      expect(text.count(s, 1, 4), s).toEqual(naive(docs, s, 1, 4));
    }
  });

  it('says whether any document prints a string, never across two documents', () => {
    expect(text.includes('真正的多边主义')).toBe(true);
    expect(text.includes('𠮷野家')).toBe(true);
    expect(text.includes('主义多边主义，')).toBe(true);
    expect(text.includes('边主义多')).toBe(true);
    expect(text.includes('多边主义单边')).toBe(false);
    expect(text.includes('啊啊啊啊啊啊')).toBe(false);
    expect(text.includes('美国')).toBe(false);
  });
});

describe('ConceptMap', () => {
  it('finds every key it was given, and nothing else, after a round trip through its text', () => {
    const entries = [
      ['philippine', ['菲律宾']],
      ['canada', ['加拿大', '加国']],
      ['new zealand', ['新西兰']],
      ['a', ['甲']],
      ['zulu', ['祖鲁']],
    ] as const;
    const map = ConceptMap.parse(ConceptMap.fromEntries(entries).toText());
    expect(map.size).toBe(entries.length);
    for (const [key, terms] of entries) expect(map.get(key)).toEqual(terms);
    for (const missing of ['', 'b', 'canad', 'canadas', 'zz', 'new']) expect(map.get(missing), missing).toBeNull();
    expect(ConceptMap.parse('').get('x')).toBeNull();
  });
});

describe('indexTerm', () => {
  it('keeps ASCII and spells everything else in hex, one to one', () => {
    expect(indexTerm('taiwan')).toBe('taiwan');
    expect(indexTerm('台湾')).toBe('~53f0~6e7e');
    const terms = ['台湾', '~53f0', '53f0', 'a~', 'a', '𠮷', '多边主义', 'covid-19'];
    expect(new Set(terms.map(indexTerm)).size).toBe(terms.length);
  });
});
