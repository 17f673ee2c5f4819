import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildEnglishMap, englishKeys, lookupEnglish, normalizeEnglish, segmentEnglish } from '../../src/search/dictionary.js';
import type { EnglishMap } from '../../src/search/dictionary.js';
import { ensureIndex } from '../../src/search/index-store.js';

const terms = (map: EnglishMap, phrase: string, max?: number) => lookupEnglish(map, phrase, max).map((h) => h.term);

/** A few CC-CEDICT lines with the kinds of noise the real file has. */
const sample = `# CC-CEDICT
#! date=2026-01-01T00:00:00Z
簽證 签证 [qian1 zheng4] /visa/to issue a visa/
免簽 免签 [mian3 qian1] /to waive visa requirements/visa exemption/visa-exempt/
制裁 制裁 [zhi4 cai2] /to punish/punishment/sanctions (incl. economic)/
舊金山 旧金山 [Jiu4 jin1 shan1] /San Francisco, California/
慕尼黑 慕尼黑 [Mu4 ni2 hei1] /München or Munich, capital of Bavaria, Germany/
中日韓 中日韩 [Zhong1 Ri4 Han2] /China, Japan and Korea/
王 王 [Wang2] /surname Wang/
政府 政府 [zheng4 fu3] /government/CL:個|个[ge4]/
台灣 台湾 [Tai2 wan1] /Taiwan/
政策 政策 [zheng4 ce4] /policy/CL:個|个[ge4]/
託 托 [tuo1] /variant of 托[tuo1]/
信任 信任 [xin4 ren4] /to trust/to have confidence in/
托拉斯 托拉斯 [tuo1 la1 si1] /trust (commerce) (loanword)/
相信 相信 [xiang1 xin4] /to believe; to be convinced; to trust/
菲律賓 菲律宾 [Fei1 lu:4 bin1] /the Philippines/
`;
const sampleVocabulary = ['签证', '免签', '制裁', '旧金山', '慕尼黑', '中日韩', '王', '政府', '台湾', '政策', '托', '信任', '托拉斯', '相信'];

describe('normalizeEnglish', () => {
  it('lower-cases, drops accents, splits hyphens and underscores, and makes plurals and possessives singular', () => {
    expect(normalizeEnglish('Visa-Free')).toEqual(['visa', 'free']);
    expect(normalizeEnglish('south_china_sea')).toEqual(['south', 'china', 'sea']);
    expect(normalizeEnglish('München')).toEqual(['munchen']);
    expect(normalizeEnglish('sanctions')).toEqual(['sanction']);
    expect(normalizeEnglish('policies')).toEqual(['policy']);
    expect(normalizeEnglish('taiwans')).toEqual(['taiwan']);
    expect(normalizeEnglish('China’s')).toEqual(['china']);
    expect(normalizeEnglish('to trust')).toEqual(['trust']);
  });

  it('leaves words that only look plural alone', () => {
    expect(normalizeEnglish('us news crisis politics')).toEqual(['us', 'news', 'crisis', 'politics']);
  });
});

describe('buildEnglishMap on a small dictionary', () => {
  const map = buildEnglishMap(sampleVocabulary, { dictionary: sample });

  it('keeps only headwords of the vocabulary', () => {
    expect(terms(map, 'philippines')).toEqual([]);
  });

  it('drops classifiers, surnames and variant cross-references', () => {
    expect(englishKeys(map).some((k) => /\bcl\b|\bge4\b|variant/u.test(k))).toBe(false);
    expect(terms(map, 'wang')).toEqual([]);
    expect(
      Object.values(map.entries)
        .flat()
        .map(([term]) => term),
    ).not.toContain('托');
  });

  it('drops parenthetical glosses and reads plurals as singulars', () => {
    expect(terms(map, 'sanction')).toEqual(['制裁']);
    expect(terms(map, 'sanctions')).toEqual(['制裁']);
  });

  it('reads "X or Y" as two names and a comma as the start of a weaker gloss', () => {
    expect(terms(map, 'munich')).toEqual(['慕尼黑']);
    expect(terms(map, 'munchen')).toEqual(['慕尼黑']);
    expect(terms(map, 'san francisco')).toEqual(['旧金山']);
    expect(lookupEnglish(map, 'california')[0]?.weight).toBeLessThan(lookupEnglish(map, 'san francisco')[0]?.weight ?? 0);
  });

  it('keeps a comma list whole instead of reading its first item as the meaning', () => {
    const whole = lookupEnglish(map, 'china japan and korea')[0];
    const first = lookupEnglish(map, 'china')[0];
    expect(whole?.term).toBe('中日韩');
    expect(first?.term).toBe('中日韩');
    // "china" is only one word of the list: a weak key, not the meaning.
    expect(first?.weight).toBeLessThan((whole?.weight ?? 0) / 2);
  });

  it('ranks the specific term above the general one: visa-free is 免签 before 签证', () => {
    expect(terms(map, 'visa free')).toEqual(['免签', '签证']);
    expect(terms(map, 'visa-free')).toEqual(['免签', '签证']);
    expect(terms(map, 'visa')[0]).toBe('签证');
  });

  it('ranks a first sense above a later one and a specialised sense below both', () => {
    expect(terms(map, 'trust')).toEqual(['信任', '相信', '托拉斯']);
  });

  it('prefers the term the corpus uses more often when given counts', () => {
    const counted = buildEnglishMap(
      new Map([
        ['信任', 1],
        ['相信', 400],
      ]),
      { dictionary: sample },
    );
    expect(terms(counted, 'trust')).toEqual(['相信', '信任']);
  });

  it('finds longer headwords inside the corpus text when they are not tokens', () => {
    const withText = buildEnglishMap(['签证'], { dictionary: sample, corpusText: '他说，旧金山会晤' });
    expect(terms(withText, 'san francisco')).toEqual(['旧金山']);
  });

  it('is plain JSON that survives a round trip and ignores keys inherited from Object', () => {
    const copy = JSON.parse(JSON.stringify(map)) as EnglishMap;
    expect(copy).toEqual(map);
    expect(copy.source).toContain('2026-01-01');
    expect(terms(copy, 'constructor')).toEqual([]);
    expect(englishKeys(copy)).toEqual([...englishKeys(copy)].sort());
  });

  it('splits a query into the longest runs it knows, skipping stop words', () => {
    const { spans, unknown } = segmentEnglish(map, 'trust in the government of Atlantis');
    expect(spans.map((s) => [s.phrase, s.terms[0]?.term])).toEqual([
      ['trust', '信任'],
      ['government', '政府'],
    ]);
    expect(unknown).toEqual(['atlantis']);
  });

  it('refuses a dictionary with no entries, saying so', () => {
    expect(() => buildEnglishMap([], { dictionary: '# nothing here\n' })).toThrow(/no entries/u);
  });
});

describe('buildEnglishMap on the real corpus', () => {
  let map: EnglishMap;
  let buildMs = 0;
  let corpusText = '';

  beforeAll(() => {
    const { dir } = ensureIndex();
    const docs = JSON.parse(readFileSync(join(dir, 'docs.json'), 'utf8')) as { text: string }[];
    const counts = new Map<string, number>();
    for (const d of docs) for (const t of d.text.split(' ')) if (t !== '') counts.set(t, (counts.get(t) ?? 0) + 1);
    corpusText = loadCorpus()
      .conferences.flatMap((c) => c.exchanges.flatMap((e) => [e.question ?? '', ...e.paragraphs.map((p) => p.text)]))
      .join('\n');
    const started = performance.now();
    map = buildEnglishMap(counts, { corpusText });
    buildMs = performance.now() - started;
  });

  it('maps supply chain to 供应链 first', () => {
    expect(terms(map, 'supply chain')[0]).toBe('供应链');
  });

  it('maps place names: munich to 慕尼黑, san francisco to 旧金山', () => {
    expect(terms(map, 'munich')[0]).toBe('慕尼黑');
    expect(terms(map, 'Munich')[0]).toBe('慕尼黑');
    expect(terms(map, 'san francisco')[0]).toBe('旧金山');
  });

  it('maps the -isms: protectionism to 保护主义, unilateralism to 单边主义', () => {
    expect(terms(map, 'protectionism')[0]).toBe('保护主义');
    expect(terms(map, 'unilateralism')[0]).toBe('单边主义');
  });

  it('maps ceasefire to 停火 and peace talks to 和谈', () => {
    expect(terms(map, 'ceasefire')[0]).toBe('停火');
    expect(terms(map, 'peace talks')[0]).toBe('和谈');
  });

  it('maps visa free and visa-free to 免签, before 签证', () => {
    for (const q of ['visa free', 'visa-free', 'Visa_Free']) {
      const found = terms(map, q, 10);
      expect(found[0]).toBe('免签');
      expect(found.indexOf('签证')).toBeGreaterThan(0);
    }
  });

  it('maps sanctions and sanction to 制裁', () => {
    expect(terms(map, 'sanctions')[0]).toBe('制裁');
    expect(terms(map, 'sanction')[0]).toBe('制裁');
  });

  it('maps trust to a word for trust the corpus uses', () => {
    expect(terms(map, 'trust').some((t) => t === '信任' || t === '信任度')).toBe(true);
  });

  it('reads plurals and possessives of corpus words', () => {
    expect(terms(map, 'taiwans')[0]).toBe('台湾');
    expect(terms(map, "China's")[0]).toBe('中国');
    expect(terms(map, 'policies')[0]).toBe('政策');
  });

  it('finds nothing for concepts the corpus never names', () => {
    expect(corpusText).not.toContain('菲律宾');
    expect(corpusText).not.toContain('福岛');
    expect(lookupEnglish(map, 'philippines')).toEqual([]);
    expect(lookupEnglish(map, 'fukushima')).toEqual([]);
  });

  it('splits trust in government into two parts, each with its own terms', () => {
    const { spans } = segmentEnglish(map, 'trust in government');
    expect(spans.map((s) => s.phrase)).toEqual(['trust', 'government']);
    expect(spans[1]?.terms[0]?.term).toBe('政府');
  });

  it('is small enough to cache next to the index (under 400 kB of JSON)', () => {
    expect(Buffer.byteLength(JSON.stringify(map))).toBeLessThan(400_000);
    expect(englishKeys(map).length).toBeGreaterThan(3000);
  });

  it('builds in under 5 seconds', () => {
    expect(buildMs).toBeLessThan(5000);
  });
});
