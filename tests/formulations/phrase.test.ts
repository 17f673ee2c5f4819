/**
 * `/phrase` on the real corpus: counts once per conference on the reading, held against an
 * independent count over the model's texts; script, spacing and quotation marks; English; copies
 * that disagree; bad input; and every line verbatim.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCorpusDir } from '../../src/corpus/load.js';
import { textOfSource } from '../../src/corpus/rebuild.js';
import { fold } from '../../src/corpus/script.js';
import { PhraseError } from '../../src/formulations/input.js';
import { oneCharacterLines, PhraseBook, type Occurrence } from '../../src/formulations/phrase.js';
import type { Scope } from '../../src/formulations/text.js';
import { realCorpus } from '../helpers/corpus.js';
import { realEngine } from '../helpers/search.js';

const engine = realEngine();
const book = new PhraseBook(engine.conferences, (t) => engine.chineseFor(t));
const counts = (text: string, scope: Scope = 'answers') => book.lookup(text, { scope }).rows.map((r) => r.years.map((y) => y.count));

/** An independent count: folded text without spacing, `indexOf` from the end of the last match. */
function independent(phrase: string, year: number, scope: Scope): number {
  const c = realCorpus().conferences.find((x) => x.year === year)!;
  const texts = c.exchanges.flatMap((e) => [
    ...(scope !== 'questions' ? e.paragraphs.map((p) => p.text) : []),
    ...(scope !== 'answers' && e.question !== null ? [e.question] : []),
  ]);
  let n = 0;
  for (const t of texts) {
    const hay = fold(t).replace(/\s+/gu, '');
    for (let at = hay.indexOf(phrase); at >= 0; at = hay.indexOf(phrase, at + phrase.length)) n++;
  }
  return n;
}

describe('/phrase counts', () => {
  it('gives the figures of the issue: 多边主义 13/5/4 (2 in 2021’s questions), 人类命运共同体 3/3/7, 一个中国 3/0/3, 和平统一 only 2024', () => {
    expect(counts('多边主义')).toEqual([[13, 5, 4]]);
    expect(counts('多边主义', 'questions')).toEqual([[2, 0, 0]]);
    expect(counts('人类命运共同体')).toEqual([[3, 3, 7]]);
    expect(counts('一个中国')).toEqual([[3, 0, 3]]);
    expect(counts('和平统一')).toEqual([[0, 0, 2]]);
  });

  it('agrees with an independent count over the model’s texts for several phrases in every scope', () => {
    for (const phrase of ['多边主义', '人类命运共同体', '台湾', '发展', '中美', '乌克兰', '合作共赢', '的']) {
      for (const scope of ['answers', 'questions', 'both'] as const) {
        const row = book.lookup(phrase, { scope, lines: [0, 0] }).rows[0]!;
        expect(
          row.years.map((y) => y.count),
          `${phrase} ${scope}`,
        ).toEqual(engine.years.map((y) => independent(phrase, y, scope)));
        expect(row.total).toBe(row.years.reduce((n, y) => n + y.count, 0));
      }
    }
  });

  it('counts 2024 once although both of its copies print every occurrence (a count over the copies gets 14)', () => {
    const conference = realCorpus().conferences.find((c) => c.year === 2024)!;
    const files = conference.sources;
    expect(files.length).toBe(2);
    const inCopies = files.reduce(
      (n, f) => n + conference.exchanges.reduce((m, e) => m + (textOfSource(e, f, 'answer') ?? '').split('人类命运共同体').length - 1, 0),
      0,
    );
    expect(inCopies).toBe(14);
    // The files themselves carry more (other articles on the page): counting them is further off still.
    const inFiles = files.reduce((n, f) => n + readFileSync(join(defaultCorpusDir, f), 'utf8').split('人类命运共同体').length - 1, 0);
    expect(inFiles).toBeGreaterThanOrEqual(14);
    expect(counts('人类命运共同体')[0]![2]).toBe(7);
    // Each 2024 line is printed by both copies.
    const lines = book.lookup('人类命运共同体', { year: 2024 }).rows[0]!.occurrences;
    expect(lines).toHaveLength(7);
    for (const o of lines) expect([...o.copies].sort()).toEqual([...files].sort());
  });

  it('reads traditional, spaced, full-width and quoted input as the same phrase', () => {
    for (const typed of ['多邊主義', '多边 主义', '“多边主义”', '「多邊主義」', '"多边主义"', ' 多边主义 ']) {
      const r = book.lookup(typed).rows[0]!;
      expect(r.counted, typed).toBe('多边主义');
      expect(
        r.years.map((y) => y.count),
        typed,
      ).toEqual([13, 5, 4]);
    }
    // Latin the corpus prints, typed full-width or in any case, is counted as typed.
    expect(counts('ＩＩＩ', 'both')).toEqual(counts('iii', 'both'));
    expect(book.lookup('III').rows[0]!.via).toBe('typed');
    expect(book.lookup('III', { scope: 'both' }).rows[0]!.total).toBe(1);
    // A term of a topic in Latin script (RCEP) is counted in any case.
    expect(book.lookup('RCEP').rows.map((r) => r.counted)).toContain('rcep');
  });

  it('keeps quotation marks inside a phrase, so that 下一个“中国” is no 一个中国', () => {
    const lines = book.lookup('一个中国', { year: 2024 }).rows[0]!.occurrences;
    expect(lines.every((o) => o.match === '一个中国')).toBe(true);
    expect(book.lookup('一个“中国”').rows[0]!.years.map((y) => y.count)).toEqual([0, 0, 1]);
  });

  it('maps English through the dictionary and the topics, and says which Chinese was counted', () => {
    const r = book.lookup('multilateralism');
    expect(r.rows.map((x) => [x.query, x.counted, x.via])).toEqual([['multilateralism', '多边主义', 'dictionary']]);
    expect(r.rows[0]!.years.map((y) => y.count)).toEqual([13, 5, 4]);
    const shared = book.lookup('community with a shared future').rows;
    expect(shared.map((x) => [x.counted, x.via])).toEqual([
      ['人类命运共同体', 'topic'],
      ['命运共同体', 'topic'],
    ]);
    const typo = book.lookup('tawian');
    expect(typo.corrected).toEqual([{ from: 'tawian', to: 'taiwan' }]);
    expect(typo.rows[0]!.counted).toBe('台湾');
    // A concept the conferences never mention is an answer with zero counts.
    const never = book.lookup('philippines').rows[0]!;
    expect([never.counted, never.total, never.via]).toEqual(['菲律宾', 0, 'concept']);
  });

  it('compares up to five phrases, one row each, and never counts a string twice', () => {
    const r = book.lookup('多边主义, 人类命运共同体，一个中国; multilateralism');
    expect(r.rows.map((x) => x.counted)).toEqual(['多边主义', '人类命运共同体', '一个中国']);
  });

  it('answers a phrase that is never said with zero in every year', () => {
    const r = book.lookup('量子纠缠').rows[0]!;
    expect(r.years.map((y) => y.count)).toEqual([0, 0, 0]);
    expect(r.years.every((y) => y.chars > 0 && y.per10k === 0)).toBe(true);
    expect(r.occurrences).toEqual([]);
  });

  it('gives the rate per 10,000 characters of that year’s text in the scope', () => {
    const r = book.lookup('多边主义').rows[0]!;
    for (const y of r.years) expect(y.per10k).toBeCloseTo((y.count / y.chars) * 10000, 2);
    const q = book.lookup('多边主义', { scope: 'questions' }).rows[0]!;
    expect(q.years[0]!.chars).toBeLessThan(r.years[0]!.chars);
  });
});

describe('/phrase where copies disagree', () => {
  it('counts an occurrence the reading has and lists the copy that lacks it', () => {
    const r = book.lookup('应当高度警惕').rows[0]!;
    expect(r.years.map((y) => y.count)).toEqual([0, 1, 0]);
    const [line] = r.occurrences;
    expect(line!.notIn).toEqual(['001_b29ca1c87e608954.txt']);
    expect(line!.copies).not.toContain('001_b29ca1c87e608954.txt');
  });

  it('lists an occurrence only one copy prints, and does not count it', () => {
    const r = book.lookup('保持高度警惕').rows[0]!;
    expect(r.total).toBe(0);
    expect(r.occurrences).toHaveLength(1);
    const [line] = r.occurrences;
    expect(line!.onlyIn).toEqual(['001_b29ca1c87e608954.txt']);
    expect(`${line!.left}${line!.match}${line!.right}`).toBe('中欧双方对此都保持高度警惕。');
  });

  it('finds a long phrase (over 16 characters, the wide windows) that only a copy prints', () => {
    const copy = book.lookup('为推动国际抗疫合作、确保产业链供应链稳定').rows[0]!;
    expect(copy.total).toBe(0);
    expect(copy.occurrences.map((o) => o.onlyIn)).toEqual([['001_b29ca1c87e608954.txt']]);
    // A comma separates phrases, so the reading's wording (with ，) is two phrases, each counted.
    expect(book.lookup('为推动国际抗疫合作，确保产业链供应链稳定').rows.map((r) => r.years[1]!.count)).toEqual([1, 1]);
  });

  it('finds a variant in a question, in the questions’ scope', () => {
    const [only] = book.lookup('中美关系会', { scope: 'questions' }).rows[0]!.occurrences;
    expect(only!.onlyIn).toEqual(['001_b29ca1c87e608954.txt']);
    expect(book.lookup('中美关系会').rows[0]!.occurrences).toEqual([]);
  });
});

describe('/phrase lines', () => {
  /** The text a line was cut from: the reading's field, or the copy's own. */
  const source = (o: Occurrence) => {
    const e = engine.exchange(o.id)!.exchange;
    if (o.onlyIn) return textOfSource(e, o.onlyIn[0]!, o.field)!;
    return o.field === 'question' ? e.question! : e.paragraphs.map((p) => p.text).join('\n');
  };

  it('prints every line verbatim: its context and match are characters of its exchange as printed', () => {
    for (const phrase of ['多边主义', '人类命运共同体', '台湾', '保持高度警惕', '中美关系会', '發展']) {
      for (const o of book.lookup(phrase, { scope: 'both' }).rows[0]!.occurrences) {
        expect(source(o)).toContain(`${o.left}${o.match}${o.right}`);
        expect(fold(o.match).replace(/\s+/gu, '')).toBe(fold(phrase === '發展' ? '发展' : phrase));
      }
    }
  });

  it('keeps about 20 characters each side, cut at a sentence end where one is near', () => {
    for (const o of book.lookup('多边主义').rows[0]!.occurrences) {
      expect([...o.left].length).toBeLessThanOrEqual(20);
      expect([...o.right].length).toBeLessThanOrEqual(20);
      if (!o.leftCut && o.left !== '') expect(source(o)).toContain(`。${o.left}${o.match}`.slice(1));
      expect(/[。！？；]/u.test(o.right.slice(0, -1))).toBe(false);
    }
  });

  it('lists lines in reading order, and only of the year asked while the counts stay those of every year', () => {
    const all = book.lookup('多边主义').rows[0]!.occurrences.map((o) => o.year);
    expect(all).toEqual([...all].sort());
    const r = book.lookup('多边主义', { year: 2022 }).rows[0]!;
    expect(r.occurrences.every((o) => o.year === 2022)).toBe(true);
    expect(r.occurrences).toHaveLength(5);
    expect(r.years.map((y) => y.count)).toEqual([13, 5, 4]);
  });

  it('pages through all rows’ lines one after another', () => {
    const whole = book.lookup('多边主义, 人类命运共同体').rows.flatMap((r) => r.occurrences);
    const page = book.lookup('多边主义, 人类命运共同体', { lines: [20, 30] }).rows.flatMap((r) => r.occurrences);
    expect(page).toEqual(whole.slice(20, 30));
  });

  it('gives every window of lines as the same slice of the whole list, in every scope, across years and rows', () => {
    for (const scope of ['answers', 'questions', 'both'] as const) {
      for (const phrase of ['多边主义, 人类命运共同体', '发展', '保持高度警惕, 应当高度警惕']) {
        const whole = book.lookup(phrase, { scope }).rows.flatMap((r) => r.occurrences);
        for (const [from, to] of [
          [0, 10],
          [3, 8],
          [12, 17],
          [whole.length - 2, whole.length + 5],
        ] as const) {
          const page = book.lookup(phrase, { scope, lines: [Math.max(0, from), to] }).rows.flatMap((r) => r.occurrences);
          expect(page, `${phrase} ${scope} [${from}, ${to})`).toEqual(whole.slice(Math.max(0, from), to));
        }
      }
    }
  });

  it('caps the lines of a one-character phrase and says so, with exact counts', () => {
    const r = book.lookup('的').rows[0]!;
    expect(r.capped).toBe(true);
    expect(r.occurrences).toHaveLength(oneCharacterLines);
    // The lines are the reading's occurrences and those only a copy prints.
    expect(r.lineCount).toBeGreaterThanOrEqual(r.total);
    expect(r.total).toBeGreaterThan(oneCharacterLines);
  });
});

describe('/phrase input', () => {
  const problem = (raw: string) => {
    try {
      book.lookup(raw);
    } catch (error) {
      if (error instanceof PhraseError) return error.problem;
      throw error;
    }
    return null;
  };

  it('refuses empty input, a phrase over 100 characters, more than five phrases and English with no Chinese, naming what is wrong', () => {
    expect(problem('')).toEqual({ kind: 'empty' });
    expect(problem(' , ，')).toEqual({ kind: 'empty' });
    expect(problem('“”')).toEqual({ kind: 'empty' });
    expect(problem('多'.repeat(101))).toMatchObject({ kind: 'too-long', length: 101, max: 100 });
    expect(problem('一,二,三,四,五,六')).toEqual({ kind: 'too-many', count: 6, max: 5 });
    expect(problem('xyzzy')).toMatchObject({ kind: 'no-chinese', phrase: 'xyzzy' });
    expect(problem('多'.repeat(100))).toBeNull();
  });
});
