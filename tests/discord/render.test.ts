import { describe, expect, it } from 'vitest';
import { decodeButton, encodeButton } from '../../src/discord/custom-id.js';
import { answerPagePayload, citationMessages, paginate, splitText, variantsPayload } from '../../src/discord/render.js';
import { renderResult } from '../../src/discord/results.js';
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
        expect(violation(renderResult(engine, r, lang, { terms: ['台湾', '两岸'], next: { query: 'taiwan', year: 2021, rank: 1, hasNext: true } })), `${id} ${lang}`).toBeNull();
        const pages = paginate(r.answer.split('\n')).length;
        for (let p = 0; p < pages; p++) expect(violation(answerPagePayload(r, p, { lang, minister, npc })), `${id} page ${p}`).toBeNull();
        expect(violation(variantsPayload(r, 0, lang))).toBeNull();
      }
      const last = r.answer.split('\n').length - 1;
      for (const m of citationMessages(r, 0, last, minister)) expect(violation(m), `${id} citation`).toBeNull();
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
