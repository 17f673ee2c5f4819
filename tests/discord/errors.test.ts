import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js/t2cn';
import { Converter as ConverterTw } from 'opencc-js/cn2t';
import { labels } from '../../src/discord/i18n.js';
import { userMessage } from '../../src/discord/errors.js';
import { SearchError, type SearchProblem } from '../../src/search/errors.js';

const problems: SearchProblem[] = [
  { code: 'empty' },
  { code: 'too-long', length: 120, max: 80 },
  { code: 'unknown-year', year: 2023, years: [2021, 2022, 2024] },
  { code: 'not-a-year', value: 'twenty' },
  { code: 'several-years', years: [2021, 2024] },
  { code: 'conflicting-years', typed: 2021, option: 2024 },
  { code: 'unknown-topic', query: 'qxzvbn', words: ['qxzvbn'], suggestions: ['Taiwan'] },
  { code: 'unknown-id', id: '2099-01' },
];
const toSimplified = Converter({ from: 'tw', to: 'cn' }) as (s: string) => string;

describe('error messages', () => {
  it('names the values at fault, in each language', () => {
    expect(userMessage(new SearchError(problems[2]!), 'en', [2021, 2022, 2024])).toBe(
      'There is no conference from 2023 in the corpus; it has 2021, 2022, 2024.',
    );
    expect(userMessage(new SearchError(problems[6]!), 'en', [])).toContain('Did you mean Taiwan?');
    expect(userMessage(new SearchError(problems[2]!), 'zh-CN', [2021, 2022, 2024])).toBe('语料中没有 2023 年的记者会；现有年份：2021、2022、2024。');
  });

  it('speaks traditional Chinese to zh-TW users, never the simplified text', () => {
    for (const p of problems) {
      const tw = userMessage(new SearchError(p), 'zh-TW', [2021, 2022, 2024]);
      // The simplified characters of the zh-CN messages never appear in zh-TW ones.
      expect(tw, p.code).not.toMatch(/[语没这记话题选项编号写]/u);
      // And the zh-TW text is traditional through and through: converting it to simplified changes it.
      expect(toSimplified(tw), p.code).not.toBe(tw);
    }
    expect(userMessage(new Error('boom'), 'zh-TW', [])).toBe('出錯了，已記錄。請稍後再試。');
  });
});

describe('the zh-TW tables', () => {
  const toTraditional = ConverterTw({ from: 'cn', to: 'tw' }) as (s: string) => string;
  /** Every text of a label table: strings, and what functions give for sample values. */
  const texts = (value: unknown, path: string): [string, string][] => {
    if (typeof value === 'string') return [[path, value]];
    if (typeof value === 'function') {
      for (const sample of [2, ['甲', '乙'], 'x']) {
        try {
          const out: unknown = (value as (...a: unknown[]) => unknown)(...Array<unknown>((value as () => unknown).length).fill(sample));
          if (typeof out === 'string') return [[path, out]];
        } catch {
          // That sample is not the argument's type; try the next.
        }
      }
      return [];
    }
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => texts(v, `${path}.${k}`));
    return [];
  };

  it('are in traditional characters throughout: OpenCC finds nothing to convert', () => {
    const all = texts(labels('zh-TW'), 'zh-TW');
    expect(all.length).toBeGreaterThan(40);
    // 台 and 臺 are both Taiwan usage (OpenCC writes 臺).
    const same = (t: string) => t.replace(/臺/gu, '台');
    for (const [path, text] of all) expect(same(toTraditional(text)), path).toBe(same(text));
    expect(labels('zh-TW').errors.staleButton).toBe('此按鈕已失效，請重新執行指令。');
  });
});
