import { describe, expect, it } from 'vitest';
import { decodeButton, encodeButton } from '../../src/discord/custom-id.js';
import {
  answerPagePayload,
  blockQuote,
  citationMessages,
  markPlaces,
  paginate,
  plainText,
  sourceLabel,
  sourcesPayload,
  splitText,
  variantsPayload,
} from '../../src/discord/render.js';
import { renderResult } from '../../src/discord/results.js';
import { quotedText } from '../../src/search/find-source.js';
import { violation } from '../helpers/fake-discord.js';
import { realEngine } from '../helpers/search.js';

const engine = realEngine();
const ids = engine.conferences.flatMap((c) => c.exchanges.map((e) => e.id));

describe('rendering every exchange of the corpus', () => {
  it('stays within Discord’s limits in every view and language', () => {
    for (const id of ids) {
      const r = engine.resultOf(id);
      const { minister, npc } = engine.exchange(id)!.conference;
      for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) {
        expect(
          violation(renderResult({ engine }, r, lang, { terms: ['台湾', '两岸'], next: { query: 'taiwan', year: 2021, rank: 1, total: 7 } })),
          `${id} ${lang}`,
        ).toBeNull();
        const pages = paginate(r.answer.split('\n')).length;
        for (let p = 0; p < pages; p++) expect(violation(answerPagePayload(r, p, { lang, minister, npc })), `${id} page ${p}`).toBeNull();
        expect(violation(variantsPayload(r, 0, lang))).toBeNull();
        const last = r.answer.split('\n').length - 1;
        for (const m of citationMessages(r, 0, last, { lang, minister, npc, source: (f) => engine.source(f), today: '2026-12-01' }))
          expect(violation(m), `${id} citation`).toBeNull();
      }
    }
  });

  it('pages the whole answer without losing or changing a character', () => {
    for (const id of ids) {
      const r = engine.resultOf(id);
      const pages = paginate(r.answer.split('\n'));
      expect(pages.flat().join('')).toBe(r.answer.split('\n').join(''));
    }
  });

  it('splits an over-long text at sentence ends, losing nothing', () => {
    const text = '这是一句话。'.repeat(1000);
    const parts = splitText(text, 1024);
    expect(parts.join('')).toBe(text);
    expect(parts.every((p) => p.length <= 1024 && p.endsWith('。'))).toBe(true);
  });

  it('keeps button state in custom ids that round-trip and fit in 100 characters', () => {
    const states = [
      { kind: 'next', rank: 2, year: 2021, query: 'south china sea' },
      { kind: 'next', rank: 3, year: null, query: '一带一路|台湾' },
      { kind: 'page', id: '2024-01', page: 1 },
      { kind: 'cite', id: '2021-17', first: 0, last: 6 },
      { kind: 'var', id: '2024-01', page: 2 },
    ] as const;
    for (const s of states) {
      const encoded = encodeButton(s)!;
      expect(encoded.length).toBeLessThanOrEqual(100);
      expect(decodeButton(encoded)).toEqual(s);
    }
    expect(encodeButton({ kind: 'next', rank: 1, year: null, query: 'x'.repeat(100) })).toBeNull();
    expect(decodeButton('page|2024-01|x')).toBeNull();
  });
});

/** The Cite reply as an English user gets it, made on a fixed day. */
const cite = (r: ReturnType<typeof engine.resultOf>, first: number, last: number) =>
  citationMessages(r, first, last, {
    lang: 'en',
    minister: '王毅',
    npc: engine.exchange(r.id)!.conference.npc,
    source: (f) => engine.source(f),
    today: '2026-12-01',
  });

describe('disagreements and sources in a reply', () => {
  it('warns before a citation when the copies disagree inside the cited span, and not otherwise', () => {
    const r = engine.resultOf('2022-11');
    const all = r.answer.split('\n');
    const negation = r.variants.find((v) => v.text.includes('不是大国博弈'))!;
    const paragraph = all.findIndex((_, i) => all.slice(0, i + 1).join('').length > negation.start);
    const [warning, citation] = cite(r, paragraph, paragraph);
    expect(warning!.content).toMatch(/^⚠ The copies disagree inside this passage/u);
    expect(warning!.content).toContain(
      '«亚太地区是大国博弈的“棋盘”，» (`000_8c7f672185a98615.txt`) / «亚太地区不是大国博弈的“棋盘”，» (`001_b29ca1c87e608954.txt`)',
    );
    expect(citation!.content).toMatch(/^```text\n/u);
    // One paragraph of a longer answer: an excerpt, marked where it is cut.
    expect(citation!.content).toContain(`\`\`\`text\n${paragraph > 0 ? '…' : ''}${all[paragraph]}${paragraph < all.length - 1 ? '…' : ''}\n\`\`\``);
    expect(citation!.content).toContain('**Chicago (author-date)** · in text (Wang 2022)');
    expect(citation!.content).toContain('Answer to');
    const plain = engine.resultOf('2021-17');
    expect(cite(plain, 0, 0)).toHaveLength(1);
  });

  it('labels closing remarks as closing, and cites the copies that carry the cited paragraphs only', () => {
    const closing = engine.conferences.flatMap((c) => c.exchanges).find((e) => e.kind === 'closing')!;
    const embed = renderResult({ engine }, engine.resultOf(closing.id), 'en', { terms: [] }).embeds![0]!;
    expect(embed.fields!.some((f) => f.name === 'Closing remarks (no question)')).toBe(true);
    const partial = engine.conferences.flatMap((c) => c.exchanges).find((e) => e.paragraphs.length > 1 && e.paragraphs[0]!.sources.length < e.sources.length)!;
    const first = cite(engine.resultOf(partial.id), 0, 0).at(-1)!.content!;
    for (const s of partial.sources) expect(first.includes(s), s).toBe(partial.paragraphs[0]!.sources.includes(s));
  });

  it('marks places without changing a character of the quote', () => {
    const paragraphs = ['中国和东盟顺天时、应地利。', '亚太地区是大国博弈的“棋盘”，东盟国家不是棋子。'];
    const marked = markPlaces(paragraphs, 0, [{ start: 13, end: 28, n: 1 }]);
    expect(marked.map((p) => p.replace(/[\uE000-\uE0FF]/gu, ''))).toEqual(paragraphs);
    expect(blockQuote(marked)).toBe('> 中国和东盟顺天时、应地利。\n> __亚太地区是大国博弈的“棋盘”，__¹东盟国家不是棋子。');
  });

  it('names the publisher, links its url when known, and keeps the file name as the evidence', () => {
    expect(sourceLabel('a.txt', { file: 'a.txt', publisher: 'Xinhua', priority: 1, url: 'https://example.org/a' })).toBe(
      '[Xinhua](<https://example.org/a>) · `a.txt`',
    );
    expect(sourceLabel('a.txt', { file: 'a.txt', publisher: 'Xinhua [wire]', priority: 1 })).toBe('Xinhua wire · `a.txt`');
    expect(sourceLabel('a.txt', undefined)).toBe('`a.txt`');
  });

  it('lists each copy in /sources with its publisher, url and title', () => {
    const file = engine.conferences[0]!.sources[0]!;
    const info = { file, publisher: 'People’s Daily', priority: 1, url: 'https://example.org/p', title: '王毅答中外记者问' };
    const text = JSON.stringify(sourcesPayload(engine.conferences, (f) => (f === file ? info : engine.source(f)), 'en'));
    expect(text).toContain(`[People’s Daily](<https://example.org/p>) · \`${file}\` — «王毅答中外记者问»`);
  });
});

describe('plainText', () => {
  it('escapes what would make markdown, and only that', () => {
    expect(plainText('a*b_c~d`e|f\\g')).toBe('a\\*b\\_c\\~d\\`e\\|f\\\\g');
    expect(plainText('[外交部](https://www.fmprc.gov.cn)')).toBe('\\[外交部\\](https://www.fmprc.gov.cn)');
    expect(plainText('# 标题\n> 引用\n- 一\n 2. 二')).toBe('\\# 标题\n\\> 引用\n\\- 一\n 2\\. 二');
    // Not markdown: a number, a dash and a plus inside a sentence stay as printed.
    expect(plainText('12.5%的增长，-3度，+86')).toBe('12.5%的增长，-3度，+86');
    expect(plainText('“一个中国”原则是国际关系基本准则。')).toBe('“一个中国”原则是国际关系基本准则。');
  });

  it('is undone by what Find source strips from a pasted quote', () => {
    const text = '# 我们**坚持**多边主义_与_[合作](x) 1. 2. \\ ~~ || `code`';
    expect(quotedText(plainText(text))).toBe(text.replace(/\*\*|~~|\|\||`/gu, ''));
  });
});
