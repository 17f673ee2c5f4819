/** `/keywords` on the real corpus: built with the index, consistent with /phrase, ranked by log-likelihood. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formulationsOf } from '../../src/formulations/index.js';
import { candidateToken, logLikelihood } from '../../src/formulations/keywords.js';
import { realEngine } from '../helpers/search.js';

const engine = realEngine();
const f = formulationsOf(engine);

describe('/keywords', () => {
  it('are computed when the index is built', () => {
    expect(existsSync(join(engine.indexDir!, 'keywords.json'))).toBe(true);
  });

  it('count each keyword as /phrase counts it in that year, and the other years’ occurrences beside it', () => {
    for (const year of engine.years) {
      const keywords = f.keywords(year)!;
      expect(keywords.length).toBeGreaterThan(10);
      for (const k of keywords) {
        const row = f.phrases.lookup(k.term, { lines: [0, 0] }).rows[0]!;
        expect(k.count, `${year} ${k.term}`).toBe(row.years.find((y) => y.year === year)!.count);
        expect(k.otherCount, `${year} ${k.term}`).toBe(row.years.filter((y) => y.year !== year).reduce((n, y) => n + y.count, 0));
      }
    }
  });

  it('are sorted by log-likelihood, said more often that year than in the others, with no stop word or number', () => {
    for (const year of engine.years) {
      const keywords = f.keywords(year)!;
      const ll = keywords.map((k) => k.ll);
      expect(ll).toEqual([...ll].sort((a, b) => b - a));
      const size = (y: number) => f.phrases.text.chars(y, 'answers');
      const others = engine.years.filter((y) => y !== year).reduce((n, y) => n + size(y), 0);
      for (const k of keywords) {
        expect(k.count / size(year)).toBeGreaterThan(k.otherCount / others);
        expect(k.ll).toBeCloseTo(logLikelihood(k.count, k.otherCount, size(year), others), 1);
        expect(/\d|[一二三四五六七八九十]{2}/u.test(k.term) && !/\p{Script=Han}{2}/u.test(k.term)).toBe(false);
        expect(['我们', '中方', '一个', '已经'].includes(k.term)).toBe(false);
      }
    }
  });

  it('name what set each year apart: 2021 疫苗, 2022 乌克兰, 2024 巴勒斯坦', () => {
    const top = (year: number) =>
      f
        .keywords(year)!
        .slice(0, 10)
        .map((k) => k.term);
    expect(top(2021)).toContain('疫苗');
    expect(top(2022)).toContain('乌克兰');
    expect(top(2024)).toContain('巴勒斯坦');
  });

  it('rank a year against one other year on request', () => {
    const against = f.keywords(2024, [2021])!;
    for (const k of against) {
      const row = f.phrases.lookup(k.term, { lines: [0, 0] }).rows[0]!;
      expect(k.otherCount).toBe(row.years.find((y) => y.year === 2021)!.count);
    }
    expect(against.map((k) => k.term)).toContain('乌克兰');
  });

  it('leave out stop words, numbers and punctuation by a reviewed rule', () => {
    for (const t of ['我们', '一个', '2024', '十年', '三个', '第一', '，', '的']) expect(candidateToken(t), t).toBe(false);
    for (const t of ['多边主义', '疫苗', '乌克兰']) expect(candidateToken(t), t).toBe(true);
  });

  it('compute Dunning’s log-likelihood', () => {
    // a = 10 in 1000, b = 10 in 10000: G² = 2(10 ln(10/1.818…) + 10 ln(10/18.18…)) = 22.13…
    expect(logLikelihood(10, 10, 1000, 10000)).toBeCloseTo(22.13, 1);
    expect(logLikelihood(1, 20, 1000, 1000)).toBeLessThan(0);
    expect(logLikelihood(0, 0, 10, 10)).toBe(0);
  });
});
