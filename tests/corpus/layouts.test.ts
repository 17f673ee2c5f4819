/**
 * New copies in other layouts, scripts and encodings, derived from the real files, and files that
 * are not the conference: each must leave the model's exchanges and ids as they are, be listed
 * where it carries text, bring no noise and no spurious variant, or be rejected by name.
 */
import { describe, expect, it } from 'vitest';
import { buildCorpus, type LoadedCorpus, type RawSource } from '../../src/corpus/load.js';
import { answerText, type SourceInfo } from '../../src/corpus/model.js';
import { textOfSource } from '../../src/corpus/rebuild.js';
import { linesOf } from '../../src/corpus/lines.js';
import { bigrams, dice } from '../../src/corpus/text.js';
import { corpusInputs, parsed, plain, rawContaining, same } from '../helpers/corpus.js';
import {
  asLiveBlog,
  asWebPage,
  cityNewsPage,
  continuationPage,
  deputyInterview,
  encode,
  premierConference,
  qinGang2023,
  relabel,
  toTraditional,
  withNoise,
  type Encoding,
  type LabelScheme,
  type NoiseKind,
} from '../helpers/layouts.js';

const { raws, infos, registry } = corpusInputs();
const today = buildCorpus(raws, infos, registry);

const copy2021 = rawContaining('十三届全国人大四次会议');
const full2022 = rawContaining('**王毅：**');
const full2024 = rawContaining('据新华社北京3月7日电');
const partial2024 = rawContaining('下转第三版');

/** The model with one more file (and its sources.json entry). */
function withFile(file: string, content: string | Uint8Array, info: Partial<SourceInfo> = {}): LoadedCorpus {
  const raw: RawSource = typeof content === 'string' ? { file, text: content } : { file, bytes: content };
  return buildCorpus([...raws, raw], [...infos, { file, publisher: 'test copy', priority: 0, ...info }], registry);
}

/** Each id with what identifies its exchange (folded question, or the start of the remarks). */
function idsOf(c: LoadedCorpus): Map<string, Set<string>> {
  return new Map(c.conferences.flatMap((x) => x.exchanges).map((e) => [e.id, bigrams(same(`${e.kind}${e.question ?? answerText(e).slice(0, 60)}`))]));
}

/** The exchanges and ids of today's corpus are all there, unchanged, and nothing was added. */
function expectSameExchanges(c: LoadedCorpus): void {
  const before = idsOf(today);
  const after = idsOf(c);
  expect([...after.keys()].filter((id) => !before.has(id))).toEqual([]);
  for (const [id, key] of before) {
    expect(after.has(id), id).toBe(true);
    expect(dice(key, after.get(id)!), id).toBeGreaterThan(0.8);
  }
  for (const year of [2021, 2022, 2024]) {
    const kinds = (x: LoadedCorpus) => x.conferences.find((k) => k.year === year)!.exchanges.map((e) => e.kind);
    expect(kinds(c), String(year)).toEqual(kinds(today));
  }
  expect(c.newIds).toEqual({});
}

/** Every text of the model: questioners, questions, answers and both sides of every variant. */
function everything(c: LoadedCorpus): string {
  return c.conferences
    .flatMap((k) => k.exchanges)
    .map((e) => `${e.questioner ?? ''}|${e.question ?? ''}|${answerText(e)}|${e.variants.map((v) => `${v.canonical}|${v.text}`).join('|')}`)
    .join('\n');
}

/** The exchanges that list `file` as a source. */
const carriedBy = (c: LoadedCorpus, file: string) => c.conferences.flatMap((k) => k.exchanges).filter((e) => e.sources.includes(file));
const variantsOf = (c: LoadedCorpus, file: string) => c.conferences.flatMap((k) => k.exchanges).flatMap((e) => e.variants.filter((v) => v.source === file));

/**
 * A copy derived from another disagrees with the reading exactly where that one does, with the
 * same words (script and typography aside): no variant of its own.
 */
function expectVariantsOf(c: LoadedCorpus, file: string, derivedFrom: string): void {
  const places = (f: string) =>
    c.conferences
      .flatMap((k) => k.exchanges)
      .flatMap((e) => e.variants.filter((v) => v.source === f).map((v) => `${e.id}|${v.field}|${same(v.canonical)}|${same(v.text)}`))
      .sort();
  expect(places(file)).toEqual(places(derivedFrom));
}

/** The new copy's own text of each exchange, rebuilt from the model, is what it printed (script and typography aside). */
function expectRebuilt(c: LoadedCorpus, file: string, text: string, info: Partial<SourceInfo> = {}): void {
  const printed = parsed(file, text, { file, publisher: 'test', priority: 0, ...info }).exchanges;
  for (const ex of printed) {
    const own = same(ex.paragraphs.map((p) => p.text).join(''));
    const match = carriedBy(c, file).find((e) => same(textOfSource(e, file, 'answer') ?? '') === own);
    expect(match, `${file}: ${own.slice(0, 30)}`).toBeDefined();
  }
}

/**
 * Every sentence of every reading is printed, character for character, by one of the copies its
 * paragraph lists, once the lines the passes logged as removed (a caption in a page break) are out.
 */
function expectQuotesInSources(c: LoadedCorpus, extra: Readonly<Record<string, string>>): void {
  const texts = new Map<string, string>();
  for (const [file, text] of [...raws.map((r) => [r.file, r.text] as const), ...Object.entries(extra)]) {
    let rest = plain(
      linesOf(text)
        .map((l) => l.text)
        .join(''),
    );
    for (const r of c.removed.filter((x) => x.source === file && x.reason !== 'page-break-join')) rest = rest.replace(plain(r.text), '');
    texts.set(file, rest);
  }
  for (const e of c.conferences.flatMap((k) => k.exchanges)) {
    for (const p of e.paragraphs) {
      for (const sentence of p.text.split(/(?<=[。！？])/u).filter((s) => s.trim() !== '')) {
        expect(
          p.sources.some((s) => texts.get(s)!.includes(plain(sentence))),
          `${e.id}: ${sentence}`,
        ).toBe(true);
      }
    }
  }
}

describe('a copy of the conference in another layout', () => {
  const layouts: [string, string, string, string][] = [
    ['a page saved from the web', asWebPage(full2022.text), 'web.html.txt', full2022.file],
    ['a live blog with time stamps', asLiveBlog(full2024.text), 'live.txt', full2024.file],
    ['a one-sentence-per-line transcript as a live blog', asLiveBlog(copy2021.text), 'live2021.txt', copy2021.file],
    ...(['qa', 'asks', 'paren', 'spaced', 'ask-verb'] as LabelScheme[]).map((s): [string, string, string, string] => [
      `labels in the scheme "${s}"`,
      relabel(full2024.text, s),
      `labels-${s}.txt`,
      full2024.file,
    ]),
    ['labels 问（…记者）： on the 2021 transcript', relabel(copy2021.text, 'paren'), 'paren2021.txt', copy2021.file],
  ];
  it.each(layouts)('%s loads as one more copy, with no new exchange and no spurious variant', (_, text, file, from) => {
    const c = withFile(file, text);
    expect(c.rejected).toEqual([]);
    expectSameExchanges(c);
    const conference = c.conferences.find((k) => k.sources.includes(file))!;
    expect(carriedBy(c, file).length).toBe(conference.exchanges.length - (conference.year === 2022 ? 0 : 0));
    expectVariantsOf(c, file, from);
    expectRebuilt(c, file, text);
    expectQuotesInSources(withFile(file, text, { priority: 9 }), { [file]: text });
  });

  it('reads the minister’s answers, not the questions, under 问：/答： and …记者问：/王毅答：', () => {
    for (const scheme of ['qa', 'asks', 'paren'] as LabelScheme[]) {
      const p = parsed('x.txt', relabel(full2024.text, scheme));
      expect(p.minister).toBe('王毅');
      const taiwan = p.exchanges.find((e) => e.question?.includes('“台独”') || e.question?.includes('台湾'));
      expect(taiwan?.paragraphs.map((x) => x.text).join('')).not.toContain('？');
      expect(p.exchanges.every((e) => e.questioner === null || !e.questioner.endsWith('问')), scheme).toBe(true);
    }
    expect(parsed('x.txt', relabel(full2024.text, 'paren')).exchanges[1]!.questioner).toBe('中央广播电视总台央视记者');
    expect(parsed('x.txt', relabel(full2024.text, 'qa')).exchanges[1]!.questioner).toBeNull();
  });
});

describe('a copy in traditional characters', () => {
  const hk = toTraditional(full2024.text);
  const c = withFile('hk.txt', hk);

  it('is recognised: session, date, labels, captions and reporter lines', () => {
    const p = parsed('hk.txt', hk);
    expect(p.conference).toMatchObject({ year: 2024, date: '2024-03-07' });
    expect(p.minister).toBe('王毅');
    expect(p.exchanges[1]!.questioner).toMatch(/^中央廣播電視總[臺枱台]央視記者$/u);
    expect(p.removed.map((r) => r.reason)).toEqual(expect.arrayContaining(['caption', 'report-line']));
  });

  it('adds a copy to every 2024 exchange without a variant of script or of 「」 against “”', () => {
    expectSameExchanges(c);
    expectQuotesInSources(withFile('hk.txt', hk, { priority: 9 }), { 'hk.txt': hk });
    expect(carriedBy(c, 'hk.txt')).toHaveLength(18);
    expectVariantsOf(c, 'hk.txt', full2024.file);
    expectRebuilt(c, 'hk.txt', hk);
  });

  it('keeps the characters it printed when it gives the reading', () => {
    const preferred = withFile('hk.txt', hk, { priority: 9 });
    const e = preferred.conferences.find((k) => k.year === 2024)!.exchanges.find((x) => x.id === '2024-10')!;
    expect(e.canonicalSource).toBe('hk.txt');
    const printed = linesOf(hk)
      .map((l) => l.text)
      .join('');
    for (const p of e.paragraphs) expect(printed.replace(/\s+/gu, '')).toContain(p.text.replace(/\s+/gu, ''));
    expect(answerText(e)).toMatch(/[國與這]/u);
  });
});

describe('noise in all its shapes', () => {
  const kinds: NoiseKind[] = ['credit-no-name', 'described-caption', 'image-source', 'xinhua-fa', 'jump-then-article', 'wire-end', 'web-footer', 'report-lines'];
  it.each(kinds)('%s never reaches an answer, a question or a variant', (kind) => {
    const { text, inserted } = withNoise(full2022.text, kind);
    const c = withFile(`noise-${kind}.txt`, text);
    expect(c.rejected).toEqual([]);
    expectSameExchanges(c);
    const all = same(everything(c));
    for (const noise of inserted) expect(all.includes(same(noise)), `${kind}: ${noise}`).toBe(false);
    expect(variantsOf(c, `noise-${kind}.txt`)).toEqual([]);
    expect(c.removed.filter((r) => r.source === `noise-${kind}.txt` && r.reason !== 'page-break-join' && r.reason !== 'heading' && r.reason !== 'lede').length).toBeGreaterThan(0);
  });

  it('joins the halves of a sentence that a caption interrupts, and logs the caption', () => {
    const { text } = withNoise(full2022.text, 'described-caption');
    const p = parsed('n.txt', text);
    expect(p.removed.filter((r) => r.reason === 'caption').map((r) => r.text)).toEqual(['3月7日，外交部长王毅在记者会上回答记者提问。', '新华社记者 李学仁 摄']);
    expect(p.exchanges.flatMap((e) => e.paragraphs.map((x) => x.text)).some((x) => x.includes('比雷埃夫斯港'))).toBe(true);
  });
});

describe('copies re-encoded', () => {
  const encodings: Encoding[] = ['utf8-bom', 'utf16le', 'utf16be', 'utf16le-nobom', 'gb18030', 'big5', 'crlf', 'cr'];
  it.each(encodings)('%s: the text of a traditional copy reads the same', (encoding) => {
    const hk = toTraditional(full2022.text);
    const c = withFile('enc.txt', encode(hk, encoding));
    expect(c.rejected).toEqual([]);
    expectSameExchanges(c);
    expect(carriedBy(c, 'enc.txt')).toHaveLength(17);
    expect(variantsOf(c, 'enc.txt')).toEqual([]);
  });

  it('recognises a byte-identical copy, and one re-encoded, as one copy', () => {
    for (const bytes of [Buffer.from(copy2021.text, 'utf8'), encode(copy2021.text, 'gb18030')]) {
      const c = withFile('again.txt', bytes, { priority: 5 });
      expect(c.duplicates).toEqual([{ source: 'again.txt', of: copy2021.file }]);
      expect(c.conferences.find((k) => k.year === 2021)!.sources).toEqual([copy2021.file]);
      expectSameExchanges(c);
    }
  });

  it('rejects a file that is not text', () => {
    const c = withFile('photo.txt', Uint8Array.from({ length: 4000 }, (_, i) => (i * 37) % 256));
    expect(c.rejected).toEqual([{ source: 'photo.txt', reason: { kind: 'undecodable', detail: expect.any(String) } }]);
    expectSameExchanges(c);
  });
});

describe('continuation pages and order', () => {
  const stated = { conference: { year: 2024, date: '2024-03-07', session: '十四届全国人大二次会议' } };

  it('attaches a page that starts at a later question to the right exchanges, whatever its priority', () => {
    const page = continuationPage(full2024.text, 8);
    for (const priority of [0, 9]) {
      const c = withFile('page3.txt', page, { ...stated, priority });
      expect(c.rejected).toEqual([]);
      expectSameExchanges(c);
      expect(carriedBy(c, 'page3.txt').map((e) => e.id)).toEqual(['2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2024-13', '2024-14', '2024-15', '2024-16', '2024-17']);
      expect(variantsOf(c, 'page3.txt')).toEqual([]);
      // The variants between 002 and 004 are all still there.
      expect(variantsOf(c, full2024.file).length + variantsOf(c, partial2024.file).length).toBe(variantsOf(today, full2024.file).length + variantsOf(today, partial2024.file).length);
    }
  });

  it('attaches a page that starts inside an answer to the answer it ends', () => {
    const page = continuationPage(full2024.text, 8, { midAnswer: true });
    const c = withFile('page3.txt', page, stated);
    expectSameExchanges(c);
    const first = carriedBy(c, 'page3.txt')[0]!;
    expect(first.id).toBe('2024-08');
    expect(first.paragraphs[0]!.sources).not.toContain('page3.txt');
    expect(first.paragraphs.at(-1)!.sources).toContain('page3.txt');
    expect(c.removed.filter((r) => r.source === 'page3.txt' && r.reason === 'heading').map((r) => r.text)).toEqual([expect.stringMatching(/^2024年3月8日/u)]);
  });

  it('gives the same model whatever the files are called, the order they come in, or their priorities', () => {
    const renamed = raws.map((r, i) => ({ file: `z${9 - i}_${r.text.length}.txt`, text: r.text }));
    const nameOf = new Map(raws.map((r, i) => [renamed[i]!.file, r.file]));
    const again = buildCorpus(
      [...renamed].reverse(),
      infos.map((info) => ({ ...info, file: renamed[raws.findIndex((r) => r.file === info.file)]!.file })),
      registry,
    );
    const shape = (c: LoadedCorpus, name: (f: string) => string) =>
      c.conferences.map((k) => k.exchanges.map((e) => ({ id: e.id, text: answerText(e), question: e.question, sources: e.sources.map(name).sort(), variants: e.variants.length })));
    expect(shape(again, (f) => nameOf.get(f)!)).toEqual(shape(today, (f) => f));

    const flipped = buildCorpus(
      raws,
      infos.map((info) => ({ ...info, priority: 10 - info.priority })),
      registry,
    );
    expect(flipped.conferences.map((k) => k.exchanges.map((e) => [e.id, e.kind, [...e.sources].sort()]))).toEqual(today.conferences.map((k) => k.exchanges.map((e) => [e.id, e.kind, [...e.sources].sort()])));
  });
});

describe('files that are not the foreign minister’s conference', () => {
  const cases: [string, string][] = [
    ['the premier’s press conference of the same session', premierConference(full2024.text)],
    ['an interview with a deputy', deputyInterview()],
    ['a page of city news', cityNewsPage(partial2024.text)],
  ];
  it.each(cases)('%s is rejected on its own, by name, and the rest loads', (_, text) => {
    const c = withFile('other.txt', text);
    expect(c.rejected).toEqual([{ source: 'other.txt', reason: { kind: 'not-a-conference' } }]);
    expectSameExchanges(c);
    expect(everything(c)).not.toContain('李强');
    expect(everything(c)).not.toContain('张建国');
  });

  it('rejects a copy whose date is not the conference’s', () => {
    const moved = full2024.text.replace('3月7日，十四届', '3月8日，十四届');
    const c = withFile('moved.txt', moved);
    expect(c.rejected).toEqual([{ source: 'moved.txt', reason: expect.objectContaining({ kind: 'date-mismatch', date: '2024-03-08', conferenceDate: '2024-03-07' }) }]);
    expectSameExchanges(c);
  });
});

describe('another year and another minister', () => {
  it('takes 2023 as 秦刚’s conference, named by its header', () => {
    const c = withFile('2023.txt', qinGang2023(partial2024.text));
    const y2023 = c.conferences.find((k) => k.year === 2023)!;
    expect(y2023).toMatchObject({ minister: '秦刚', date: '2023-03-07', session: '十四届全国人大一次会议' });
    expect(y2023.exchanges.map((e) => e.id)).toEqual(['2023-00', '2023-01', '2023-02', '2023-03', '2023-04']);
    expect(c.newIds['2023']).toHaveLength(5);
  });
});
