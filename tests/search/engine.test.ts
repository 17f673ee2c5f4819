import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SearchError, chooseQuote, maxQueryLength } from '../../src/search/engine.js';
import { evaluate, type LabelledQuery } from '../../src/search/evaluate.js';
import { realEngine } from '../helpers/search.js';

const engine = realEngine();
const top = (q: string, year?: number) => engine.search(q, { year: year ?? null, limit: 10 }).results;

describe('search on the real corpus', () => {
  it('quotes the 2021 answer on Taiwan from its first words', () => {
    const [first] = top('taiwan', 2021);
    expect(first?.questioner).toBe('凤凰卫视记者');
    expect(first?.quote.startsWith('对于台湾问题，我想强调三点')).toBe(true);
    expect(first?.match).toBe('question');
  });

  it('converts traditional characters and finds the 2024 answer on the Taiwan-region election', () => {
    const res = engine.search('臺灣', { year: 2024 });
    expect(res.terms).toContain('台湾');
    expect(res.results[0]?.question).toContain('台湾地区选举');
  });

  it('answers a concept the conferences never mention as such, with the Chinese it searched for', () => {
    for (const [q, term] of [
      ['philippines', '菲律宾'],
      ['afghanistan', '阿富汗'],
      ['fukushima', '福岛'],
      ['菲律宾', '菲律宾'],
      ['new zealand', '新西兰'],
      ['煤矿安全', '煤矿'],
      ['fentanyl', '芬太尼'],
      ['brexit', '脱欧'],
      ['canada', '加拿大'],
    ] as const) {
      const res = engine.searchKnown(q);
      expect(res.outcome, q).toBe('not-mentioned');
      expect(res.results, q).toEqual([]);
      expect(res.terms, q).toContain(term);
    }
  });

  it('finds compounds no dictionary entry lists, joined from their pieces as the corpus prints them', () => {
    for (const [q, term, id] of [
      ['coast guard law', '海警法', '2021-14'],
      ['fake news', '假新闻', '2021-15'],
      ['freedom of navigation', '自由航行', '2021-24'],
      ['summit of the future', '未来峰会', '2024-16'],
      ['new quality productive forces', '新质生产力', '2024-12'],
      ['geographical indications', '地理标志', '2021-08'],
      ['year of the ox', '牛年', '2021-01'],
    ] as const) {
      const res = engine.search(q);
      expect(res.terms, q).toContain(term);
      expect(res.results[0]?.id, q).toBe(id);
      expect(res.results[0]?.answer, q).toContain(term);
    }
  });

  it('reads names typed in pinyin and other forms of dictionary words', () => {
    const meng = engine.search('meng wanzhou');
    expect(meng.terms).toEqual(['孟晚舟']);
    expect(meng.corrected).toEqual([]);
    expect(meng.results[0]?.id).toBe('2022-13');
    const kidnapped = engine.search('kidnapped');
    expect(kidnapped.corrected).toEqual([{ from: 'kidnapped', to: 'kidnap' }]);
    expect(kidnapped.terms).toContain('绑架');
    expect(kidnapped.results.map((r) => r.id)).toContain('2022-13');
  });

  it('tells gibberish apart from a concept never mentioned and from a known topic without a statement', () => {
    expect(engine.search('qxzvbn').outcome).toBe('unknown');
    expect(() => engine.searchKnown('qxzvbn')).toThrow('search: unknown topic "qxzvbn": no topic is named and "qxzvbn" is not in the corpus');
    expect(engine.searchKnown('gaza', { year: 2021 }).outcome).toBe('no-statement');
    expect(engine.searchKnown('gaza', { year: 2024 }).outcome).toBe('found');
  });

  it('finds English outside the topic list through the dictionary, in the corpus’s own words', () => {
    for (const [q, term] of [
      ['supply chain', '供应链'],
      ['munich', '慕尼黑'],
      ['san francisco', '旧金山'],
      ['protectionism', '保护主义'],
      ['ceasefire', '停火'],
      ['peace talks', '和谈'],
    ] as const) {
      const res = engine.searchKnown(q);
      expect(res.terms, q).toContain(term);
      expect(res.outcome, q).toBe('found');
      expect(`${res.results[0]!.question ?? ''}${res.results[0]!.answer}`, q).toContain(term);
    }
  });

  it('returns nothing for the city news printed after the 2024 conference', () => {
    for (const q of ['煤矿安全', '平顶山', '纪检监察', '农村自建房']) expect(top(q), q).toEqual([]);
  });

  it('filters by a year typed in the query, in either language and order', () => {
    for (const q of ['taiwan 2024', '2024 taiwan', '台湾 2024年', '2024年台湾', 'Taiwan ２０２４']) {
      const res = engine.search(q);
      expect(res.year, q).toBe(2024);
      expect(res.results.length, q).toBeGreaterThan(0);
      expect(
        res.results.every((r) => r.year === 2024),
        q,
      ).toBe(true);
      expect(res.results[0]!.id, q).toBe(engine.search('taiwan', { year: 2024 }).results[0]!.id);
    }
  });

  it('refuses a typed year that contradicts the option, several typed years, and a typed year not in the corpus', () => {
    const problem = (q: string, year?: number) => {
      try {
        engine.search(q, { year: year ?? null });
      } catch (error) {
        return (error as SearchError).problem;
      }
      return null;
    };
    expect(problem('taiwan 2021', 2024)).toEqual({ code: 'conflicting-years', typed: 2021, option: 2024 });
    expect(problem('taiwan 2021 2024')).toEqual({ code: 'several-years', years: [2021, 2024] });
    expect(problem('taiwan 2023')).toEqual({ code: 'unknown-year', year: 2023, years: [2021, 2022, 2024] });
    expect(problem('2024年')).toEqual({ code: 'empty' });
  });

  it('reads a year inside a topic name as part of the name, not as a year', () => {
    expect(() => engine.search('2030 agenda')).not.toThrow();
    expect(engine.search('2030 agenda').year).toBeNull();
  });

  it('compares the years typed in the topic', () => {
    expect(engine.compare('taiwan 2021 2024').years.map((y) => y.year)).toEqual([2021, 2024]);
    expect(engine.compare('taiwan 2021', [2024]).years.map((y) => y.year)).toEqual([2021, 2024]);
  });

  it('forgives typos, plurals, possessives, hyphens, hashtags and case, and says what it read', () => {
    const cases: [string, string, { from: string; to: string }[]][] = [
      ['tawian', 'taiwan', [{ from: 'tawian', to: 'taiwan' }]],
      ['ukriane', 'ukraine', [{ from: 'ukriane', to: 'ukraine' }]],
      ['taiwans', 'taiwan', []],
      ["Taiwan's", 'taiwan', []],
      ['south-china-sea', 'south-china-sea', []],
      ['Belt-and-Road', 'belt-and-road', []],
      ['#Taiwan', 'taiwan', []],
    ];
    for (const [q, topic, corrected] of cases) {
      const res = engine.search(q);
      expect(
        res.topics.map((t) => t.id),
        q,
      ).toEqual([topic]);
      expect(res.corrected, q).toEqual(corrected);
      expect(res.results.length, q).toBeGreaterThan(0);
    }
  });

  it('reads Taiwan and Hong Kong phrasing as the mainland words the conferences use', () => {
    expect(engine.search('人工智慧').terms).toContain('人工智能');
    expect(engine.search('人工智慧').results[0]?.id).toBe(engine.search('人工智能').results[0]?.id);
    expect(engine.search('東協', { year: 2022 }).topics.map((t) => t.id)).toEqual(engine.search('东盟', { year: 2022 }).topics.map((t) => t.id));
    expect(engine.search('氣候變遷').results[0]?.id).toBe(engine.search('气候变化').results[0]?.id);
  });

  it('ranks first an exchange that says what was asked: 免签 for visa free, 单边主义, 制裁, and the Taiwan election', () => {
    const first = (q: string) => engine.searchKnown(q).results[0]!;
    expect(first('visa free').year).toBe(2024);
    expect(first('visa free').answer).toContain('免签');
    expect(first('unilateralism').answer).toContain('单边主义');
    expect(first('sanctions').answer).toContain('制裁');
    expect(first('taiwan election').question).toContain('台湾地区选举');
    // A shorter topic form does not take half of a dictionary phrase.
    expect(engine.searchKnown('visa free').topics.map((t) => t.id)).toEqual(['visa-free']);
  });

  it('keeps the year filter exact', () => {
    for (const year of engine.years) for (const r of top('united states', year)) expect(r.year).toBe(year);
  });

  it('never returns one exchange twice, even when two copies carry it', () => {
    const ids = top('belt and road').map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const both = top('europe', 2022).find((r) => r.id === '2022-07');
    expect(both?.sources).toHaveLength(2);
  });

  it('ranks an exchange whose question is about the topic above answers that mention it in passing', () => {
    const results = top('taiwan');
    const kinds = results.map((r) => r.match);
    expect(kinds[0]).toBe('question');
    expect(kinds.indexOf('answer')).toBeGreaterThan(kinds.lastIndexOf('question'));
  });

  it('quotes whole consecutive paragraphs of the answer, verbatim', () => {
    for (const r of [...top('south china sea'), ...top('gaza'), ...top('疫苗')]) {
      const paragraphs = r.answer.split('\n');
      const [first, last] = r.quoteRange;
      expect(r.quote).toBe(paragraphs.slice(first, last + 1).join('\n'));
    }
  });

  it('shows the disagreement between copies that falls inside the quote', () => {
    const r = engine.search('russia', { year: 2024, limit: 1 }).results[0]!;
    const quoted = r.variants.filter((v) => v.inQuote).map((v) => `${v.canonical}/${v.text}`);
    expect(quoted.some((v) => v.includes('75周年') && v.includes('70周年'))).toBe(true);
  });

  it('shows which Chinese terms it searched', () => {
    expect(engine.search('south china sea').terms).toEqual(expect.arrayContaining(['南海', '南海行为准则']));
    expect(engine.search('belt and road').terms).toContain('一带一路');
    expect(engine.search('巴以冲突').terms).toEqual(expect.arrayContaining(['巴以', '冲突']));
  });

  it('reads full-width letters and ignores invisible characters', () => {
    expect(top('ｔａｉｗａｎ', 2021)[0]?.id).toBe(top('taiwan', 2021)[0]?.id);
    expect(top('tai\u200bwan\u200d', 2021)[0]?.id).toBe(top('taiwan', 2021)[0]?.id);
    expect(engine.search('🙂🙂').results).toEqual([]);
  });

  it('refuses an empty query, an over-long one and a year not in the corpus, saying which', () => {
    expect(() => engine.search('   ')).toThrow(SearchError);
    expect(() => engine.search('台'.repeat(maxQueryLength + 1))).toThrow(/limit is 100/u);
    expect(() => engine.search('taiwan', { year: 2023 })).toThrow('search: no conference in 2023; the corpus has 2021, 2022, 2024');
  });

  it('compares a topic across years, with an explicit none where there is no statement', () => {
    const res = engine.compare('gaza');
    expect(res.years.map((y) => y.year)).toEqual([2021, 2022, 2024]);
    expect(res.years.find((y) => y.year === 2024)?.result?.id).toBe('2024-06');
    expect(res.years.find((y) => y.year === 2021)?.result).toBeNull();
  });

  it('holds its precision on every kind of labelled query, and never calls a real concept gibberish', () => {
    const { queries } = JSON.parse(readFileSync('tests/search/queries.json', 'utf8')) as { queries: LabelledQuery[] };
    expect(queries.length).toBeGreaterThanOrEqual(250);
    const report = evaluate(queries, (x) => {
      const res = engine.search(x.q, { year: x.year ?? null, limit: 10 });
      return { ids: res.results.map((r) => r.id), outcome: res.outcome };
    });
    const kind = (k: string) => report.byKind.find((f) => f.kind === k)!;
    // Floors at what this version reaches (`npm run eval` prints the figures): a change that
    // loses ground fails here. Issue 8 asks for 0.9 on every kind.
    const floors: Record<string, number> = {
      topic: 0.95,
      typo: 0.9,
      form: 0.9,
      'year-in-text': 0.95,
      regional: 0.9,
      'open-english': 0.9,
      'chinese-free': 0.95,
      'never-mentioned': 0.9,
      'no-statement': 0.9,
    };
    for (const [k, floor] of Object.entries(floors)) expect(kind(k).precisionAt1, k).toBeGreaterThanOrEqual(floor);
    expect(kind('gibberish').negativesEmpty).toBe(kind('gibberish').negatives);
    expect(kind('no-statement').negativesEmpty / kind('no-statement').negatives).toBeGreaterThanOrEqual(0.95);
    expect(kind('never-mentioned').inputErrors).toBe(0);
  });
});

describe('chooseQuote', () => {
  const paras = ['一'.repeat(300), '二'.repeat(300), '三'.repeat(300), '四'.repeat(300)];

  it('starts at the answer when the question is about the topic', () => {
    expect(chooseQuote(paras, new Map([[3, 5]]), true)).toEqual([0, 2]);
  });

  it('centres on the best paragraph otherwise, never cutting one', () => {
    expect(
      chooseQuote(
        paras,
        new Map([
          [2, 5],
          [3, 1],
        ]),
        false,
      ),
    ).toEqual([1, 3]);
    expect(chooseQuote(['长'.repeat(2000)], new Map(), false)).toEqual([0, 0]);
  });
});
