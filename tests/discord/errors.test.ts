import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js/t2cn';
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
