import { describe, expect, it } from 'vitest';
import { buildPieceMap, compose, PieceLookup } from '../../src/search/compose.js';
import { buildPinyinMap, lookupPinyin } from '../../src/search/pinyin.js';

/** CC-CEDICT lines for the pieces of a few compounds, with the noise the real file has. */
const dictionary = `# CC-CEDICT
海警 海警 [hai3 jing3] /coast guard/
法 法 [fa3] /law/method/way/to emulate/
法 法 [Fa3] /France/French/abbr. for 法國|法国[Fa3 guo2]/
航行 航行 [hang2 xing2] /to sail/to fly/to navigate/
自由 自由 [zi4 you2] /freedom/free/liberty/CL:個|个[ge4]/
峰會 峰会 [feng1 hui4] /summit meeting/
未來 未来 [wei4 lai2] /future/tomorrow/
政府 政府 [zheng4 fu3] /government/CL:個|个[ge4]/
信任 信任 [xin4 ren4] /to trust/to have confidence in/
紅 红 [hong2] /red/
綠 绿 [lu:4] /green/
孟 孟 [Meng4] /surname Meng/
孟 孟 [meng4] /first month/eldest brother/
晚 晚 [wan3] /evening/night/late/
舟 舟 [zhou1] /boat/
王 王 [Wang2] /surname Wang/
毅 毅 [yi4] /firm and resolute/staunch/
`;
const corpus = '中国海警法符合国际惯例。我们维护航行自由。支持联合国举办未来峰会。民众对政府信任度高达91%。被非法拘押的孟晚舟女士。';

const lookup = new PieceLookup(buildPieceMap(dictionary, corpus));
const inCorpus = (s: string) => corpus.includes(s);

describe('compose', () => {
  it('joins pieces in the typed order where Chinese has the same order', () => {
    expect(compose(lookup, 'coast guard law', inCorpus)).toEqual(['海警法']);
  });

  it('swaps the parts around of, and tries a swap at any point without one', () => {
    expect(compose(lookup, 'freedom of navigation', inCorpus)).toEqual(['航行自由']);
    expect(compose(lookup, 'summit of the future', inCorpus)).toEqual(['未来峰会']);
    expect(compose(lookup, 'government trust', inCorpus)).toEqual(['政府信任']);
  });

  it('keeps only what the corpus prints, and needs two words', () => {
    expect(compose(lookup, 'red government', inCorpus)).toEqual([]);
    expect(compose(lookup, 'freedom', inCorpus)).toEqual([]);
    expect(compose(lookup, 'law', inCorpus)).toEqual([]);
  });

  it('lets a long stem differ at its end (navigation finds to navigate)', () => {
    expect(lookup.pieces(['navig'])).toContain('航行');
  });

  it('keeps only headwords the corpus text contains', () => {
    expect(lookup.pieces(['red'])).toEqual([]);
    expect(lookup.pieces(['law'])).toEqual(['法']);
  });
});

describe('pinyin', () => {
  const map = buildPinyinMap(dictionary, ['孟晚舟', '政府', '王毅', '航行', '王']);

  it('reads a corpus word by its entry, else by its characters, surnames first', () => {
    expect(lookupPinyin(map, ['meng', 'wanzhou'])).toEqual(['孟晚舟']);
    expect(lookupPinyin(map, ['Zhengfu'])).toEqual(['政府']);
    expect(lookupPinyin(map, ['wang', 'yi'])).toEqual(['王毅']);
  });

  it('does not read short keys, which spell too many words, nor single characters', () => {
    expect(lookupPinyin(map, ['wang'])).toEqual([]);
    expect(lookupPinyin(map, ['hang'])).toEqual([]);
    expect(lookupPinyin(map, ['hangxing'])).toEqual(['航行']);
  });
});
