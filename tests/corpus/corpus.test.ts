import { describe, expect, it } from 'vitest';
import { buildCorpus, readIdRegistry, defaultCorpusDir, readSourceInfo } from '../../src/corpus/load.js';
import { answerText } from '../../src/corpus/model.js';
import { bigrams, dice } from '../../src/corpus/text.js';
import { textOfSource } from '../../src/corpus/rebuild.js';
import { parsed, plain, rawContaining, rawSources, realCorpus, same } from '../helpers/corpus.js';

const corpus = realCorpus();
const conference = (year: number) => {
  const c = corpus.conferences.find((x) => x.year === year);
  if (!c) throw new Error(`no conference ${year}`);
  return c;
};
const partial2024 = rawContaining('下转第三版').file;
const count = (year: number, kind: string) => conference(year).exchanges.filter((e) => e.kind === kind).length;

describe('the real corpus', () => {
  it('finds the three conferences, dated from their own text', () => {
    expect(corpus.conferences.map((c) => [c.year, c.date, c.session])).toEqual([
      [2021, '2021-03-07', '十三届全国人大四次会议'],
      [2022, '2022-03-07', '十三届全国人大五次会议'],
      [2024, '2024-03-07', '十四届全国人大二次会议'],
    ]);
    expect(corpus.conferences.every((c) => c.minister === '王毅')).toBe(true);
  });

  it('merges copies into the union of their exchanges', () => {
    expect([count(2021, 'answer'), count(2021, 'opening'), count(2021, 'closing')]).toEqual([27, 1, 1]);
    expect([count(2022, 'answer'), count(2022, 'opening'), count(2022, 'closing')]).toEqual([16, 1, 0]);
    expect([count(2024, 'answer'), count(2024, 'opening'), count(2024, 'closing')]).toEqual([17, 1, 0]);
    expect(conference(2022).sources).toHaveLength(2);
    expect(conference(2024).sources).toHaveLength(2);
  });

  it('lists every copy that carries an exchange, once', () => {
    const partial2024 = rawContaining('下转第三版').file;
    const carried = conference(2024).exchanges.filter((e) => e.sources.includes(partial2024));
    // The partial 2024 page carries the opening and six answers.
    expect(carried.map((e) => e.kind)).toEqual(['opening', 'answer', 'answer', 'answer', 'answer', 'answer', 'answer']);
    for (const c of corpus.conferences) for (const e of c.exchanges) expect(new Set(e.sources).size).toBe(e.sources.length);
  });

  it('attaches the tail that a partial copy starts with to the answer it ends', () => {
    const partial2022 = rawContaining('下转第四版').file;
    const evacuation = conference(2022).exchanges.find((e) => e.question?.includes('撤出了大批中国公民'))!;
    expect(evacuation.sources).toContain(partial2022);
    // Only the last paragraph is carried by the partial copy.
    expect(evacuation.paragraphs.at(-1)!.sources).toContain(partial2022);
    expect(evacuation.paragraphs[0]!.sources).not.toContain(partial2022);
  });

  it('keeps the disagreements of the 2024 copies as variants, both sides verbatim', () => {
    const all = conference(2024).exchanges.flatMap((e) => e.variants);
    const sides = (v: { canonical: string; text: string }) => `${v.canonical}|${v.text}`;
    expect(all.some((v) => /缅北/u.test(sides(v)) && /俄乌/u.test(sides(v)))).toBe(true);
    expect(all.some((v) => v.field === 'question' && /70周年/u.test(sides(v)) && /75周年/u.test(sides(v)))).toBe(true);
    expect(all.some((v) => /challenge/u.test(sides(v)) && /挑战/u.test(sides(v)))).toBe(true);
  });

  it('reads 2024-06 from 004, which sources.json prefers and which carries the answer whole before its page jump', () => {
    const gaza = conference(2024).exchanges.find((e) => e.id === '2024-06')!;
    expect(gaza.canonicalSource).toBe(partial2024);
    expect(answerText(gaza)).toContain('这场人道灾难竟然无法被制止');
    expect(answerText(gaza)).not.toContain('国灾灾难');
    expect(gaza.paragraphs.every((p) => p.readingSources.includes(partial2024))).toBe(true);
    expect(gaza.variants.find((v) => v.text.includes('国灾灾难'))).toMatchObject({ source: rawContaining('据新华社北京3月7日电').file, impact: 'meaning', rule: 'priority' });
  });

  it('classes the 是/不是 of 2022-11 as a disagreement of meaning, and 两大大文明 as one of form', () => {
    const variants = conference(2022).exchanges.flatMap((e) => e.variants);
    expect(variants.find((v) => v.text.includes('亚太地区不是大国博弈'))).toMatchObject({ canonical: '亚太地区是大国博弈的“棋盘”，', impact: 'meaning', impactReason: 'negation' });
    expect(variants.find((v) => v.text.includes('两大大文明'))).toMatchObject({ impact: 'form', impactReason: 'doubled' });
  });

  it('rejects none of the shipped files, and warns of the partial copy that starts mid-answer', () => {
    expect(corpus.rejected).toEqual([]);
    expect(corpus.duplicates).toEqual([]);
    expect(corpus.warnings).toEqual([{ source: rawContaining('下转第四版').file, line: 15, kind: 'turn-without-speaker' }]);
  });

  it('says on which lines of each file every copy prints each exchange', () => {
    const raw = new Map(rawSources().map((r) => [r.file, r.text.split(/\r?\n/u)]));
    for (const e of corpus.conferences.flatMap((c) => c.exchanges)) {
      expect(e.lines.map((l) => l.source)).toEqual(e.sources);
      for (const l of e.lines) {
        const lines = raw.get(l.source)!;
        expect(l.first).toBeGreaterThanOrEqual(1);
        expect(l.last).toBeGreaterThanOrEqual(l.first);
        const printed = plain(lines.slice(l.first - 1, l.last).join(''));
        // The copy's own text of the exchange lies inside those lines: its first and last words.
        const own = plain(textOfSource(e, l.source, 'answer') ?? '');
        expect(printed, `${e.id} ${l.source}`).toContain(own.slice(0, 6));
        expect(printed, `${e.id} ${l.source}`).toContain(own.slice(-6));
        const question = textOfSource(e, l.source, 'question');
        if (question !== null) expect(printed, `${e.id} ${l.source} question`).toContain(plain(question).slice(0, 6));
      }
    }
    const e = corpus.conferences.flatMap((c) => c.exchanges).find((x) => x.id === '2024-06')!;
    expect(e.lines.map((l) => [l.first, l.last])).toEqual([
      [75, 81],
      [75, 81],
    ]);
  });

  it('keeps the questioner as each copy prints it', () => {
    const q = conference(2022).exchanges.flatMap((e) => e.variants.filter((v) => v.field === 'questioner'));
    expect(q.map((v) => [v.canonical, v.text]).sort()).toEqual([
      ['中央广播电视总台国际广记者', '中央广播电视总台国广记者'],
      ['哈萨克斯塔24KZ电视台记者', '哈萨克斯坦24KZ电视台记者'],
    ]);
  });

  it('finds every paragraph of every canonical answer verbatim in one of its sources', () => {
    const raw = new Map(rawSources().map((r) => [r.file, plain(r.text)]));
    for (const c of corpus.conferences) {
      for (const e of c.exchanges) {
        for (const p of e.paragraphs) {
          expect(p.sources.length).toBeGreaterThan(0);
          expect(p.sources.some((s) => raw.get(s)!.includes(plain(p.text))), `${e.id}: ${p.text.slice(0, 30)}`).toBe(true);
        }
        if (e.question) expect(raw.get(e.canonicalSource)!.includes(plain(e.question)), e.id).toBe(true);
        for (const v of e.variants) expect(raw.get(v.source)!.includes(plain(v.text)), `${e.id} variant ${v.text}`).toBe(true);
      }
    }
  });

  it('loses no sentence of any source: each is in the canonical text or one of its variants', () => {
    const removed = corpus.removed.filter((r) => r.reason !== 'page-break-join');
    for (const { file, text } of rawSources()) {
      let rest = plain(text);
      for (const r of removed.filter((x) => x.source === file)) rest = rest.replace(plain(r.text), '');
      const conf = corpus.conferences.find((c) => c.sources.includes(file))!;
      // What this copy says, speaker labels included, rebuilt from canonical text + this copy's variants.
      const rebuilt = plain(
        conf.exchanges
          .filter((e) => e.sources.includes(file))
          .map((e) => {
            const who = e.variants.find((v) => v.field === 'questioner' && v.source === file)?.text ?? e.questioner;
            const question = textOfSource(e, file, 'question');
            return `${who && question ? `${who}：${question}` : ''}${conf.minister}：${textOfSource(e, file, 'answer')}`;
          })
          .join(''),
      );
      const sentences = rest.split(/(?<=[。！？])/u).filter((s) => s.length >= 2);
      expect(sentences.length).toBeGreaterThan(20);
      for (const s of sentences) expect(rebuilt.includes(s.replace(/^王毅：/u, '')), `${file}: ${s}`).toBe(true);
    }
  });

  it('rebuilds each copy’s text of every exchange exactly from the canonical text and its variants', () => {
    for (const { file, text } of rawSources()) {
      const conf = corpus.conferences.find((c) => c.sources.includes(file))!;
      const info = readSourceInfo(defaultCorpusDir, rawSources().map((r) => r.file)).find((i) => i.file === file);
      const printed = parsed(file, text, info).exchanges;
      for (const ex of printed) {
        const own = same(ex.paragraphs.map((p) => p.text).join(''));
        const match = conf.exchanges.find((e) => e.sources.includes(file) && same(textOfSource(e, file, 'answer') ?? '') === own);
        expect(match, `${file}: ${own.slice(0, 30)}`).toBeDefined();
        if (ex.question !== null) expect(same(textOfSource(match!, file, 'question')!)).toBe(same(ex.question));
      }
    }
  });

  it('keeps captions, continuation markers, reporters’ lines and city news out of every exchange', () => {
    const noise = corpus.removed.filter((r) => ['caption', 'continuation-marker', 'unrelated-article', 'report-line'].includes(r.reason));
    expect(noise.map((r) => r.reason)).toEqual(expect.arrayContaining(['caption', 'continuation-marker', 'unrelated-article', 'report-line']));
    const everything = corpus.conferences
      .flatMap((c) => c.exchanges)
      .map((e) => plain(`${e.questioner ?? ''}${e.question ?? ''}${answerText(e)}${e.variants.map((v) => v.text).join('')}`))
      .join('\n');
    for (const r of noise) expect(everything.includes(plain(r.text)), `${r.reason}: ${r.text}`).toBe(false);
    for (const word of ['本报讯', '下转', '摄', '平顶山', '煤矿', '记者会历时']) expect(everything.includes(word), word).toBe(false);
  });

  it('joins paragraphs broken mid-sentence by a page break', () => {
    const text = conference(2022).exchanges.map((e) => answerText(e)).join('\n');
    expect(text).toContain('坚持真正的多边主义');
    expect(text).toContain('我们都坚决反对。');
    const join = corpus.removed.find((r) => r.reason === 'page-break-join' && r.text.includes('这不'));
    expect(join?.text).toMatch(/这不 ⏎ 是一个负责任大国/u);
  });
});

describe('stable ids', () => {
  const raws = rawSources();
  const registry = readIdRegistry(defaultCorpusDir);
  const infos = readSourceInfo(defaultCorpusDir, raws.map((r) => r.file));
  /** Each id with what identifies its exchange: the question, or the start of the remarks (folded). */
  const idsOf = (c: ReturnType<typeof buildCorpus>) =>
    new Map(c.conferences.flatMap((x) => x.exchanges).map((e) => [e.id, bigrams(same(`${e.kind}${e.question ?? answerText(e).slice(0, 60)}`))]));
  /** Every id of `before` names the same exchange in `after` (its wording may follow a new majority). */
  const expectSameIds = (before: ReturnType<typeof idsOf>, after: ReturnType<typeof idsOf>) => {
    for (const [id, key] of before) {
      expect(after.has(id), id).toBe(true);
      expect(dice(key, after.get(id)!), id).toBeGreaterThan(0.8);
    }
  };

  it('records every id of the corpus in corpus/ids.json', () => {
    expect(corpus.newIds).toEqual({});
  });

  it('gives the same ids when a copy is removed or the copies are read in another order', () => {
    const full = idsOf(buildCorpus(raws, infos, registry));
    const partial2022 = rawContaining('下转第四版').file;
    const fewer = idsOf(buildCorpus(raws.filter((r) => r.file !== partial2022).reverse(), infos, registry));
    expect(fewer.size).toBe(full.size);
    expectSameIds(fewer, full);
  });

  it('keeps existing ids when a new copy brings an exchange the others lacked', () => {
    const base = rawContaining('下转第四版');
    const extra = '韩联社记者：中方为重启朝鲜半岛核问题';
    const inserted = base.text.replace(extra, `法新社记者：这是一个只有新副本才有的问题吗？\n\n王毅：这是只有新副本才有的回答。\n\n${extra}`);
    const withNew = buildCorpus([...raws, { file: '009_new-copy.txt', text: inserted }], infos, registry);
    expect(withNew.newIds['2022']?.map((e) => e.id)).toEqual(['2022-17']);
    const before = idsOf(buildCorpus(raws, infos, registry));
    expectSameIds(before, idsOf(withNew));
  });
});
