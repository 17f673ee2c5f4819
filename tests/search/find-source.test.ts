import { describe, expect, it } from 'vitest';
import { findSource } from '../../src/search/find-source.js';
import { realEngine } from '../helpers/search.js';

const { conferences } = realEngine();
const check = (text: string) => findSource(conferences, text);
const exact = '中国政府在台湾问题上没有妥协余地，没有退让空间。';

describe('Find source on the real corpus', () => {
  it('finds a verbatim quote, in simplified or traditional script, and inside an attribution', () => {
    for (const text of [
      exact,
      '中國政府在臺灣問題上沒有妥協餘地，沒有退讓空間。',
      `王毅外长表示，${exact}`,
      `王毅說：「${exact}」`,
      `> ${exact}\n— 王毅, 2021`,
    ]) {
      const found = check(text);
      expect(found.status, text).toBe('verbatim');
      expect(found.status === 'verbatim' && found.exchangeId, text).toBe('2021-17');
    }
  });

  it('finds a near-miss with a clause changed and shows the characters that differ, as each side prints them', () => {
    const found = check('中國政府在臺灣問題上沒有任何妥協餘地，沒有退讓空間。');
    expect(found.status).toBe('differs');
    if (found.status !== 'differs') return;
    expect(found.exchangeId).toBe('2021-17');
    const [difference] = found.differences;
    expect(difference?.quoted).toBe('中國政府在臺灣問題上沒有任何妥協餘地');
    expect(difference?.closest).toBe('中国政府在台湾问题上没有妥协余地');
    expect(difference?.changes.filter((c) => c.in !== 'both')).toEqual([{ in: 'quoted', quoted: '任何', source: '' }]);
    expect(difference?.changes.map((c) => c.source).join('')).toBe(difference?.closest);
    expect(difference?.changes.map((c) => c.quoted).join('')).toBe(difference?.quoted);
  });

  it('finds a near-miss even when no clause is printed as quoted', () => {
    const found = check('中国政府在台湾问题上绝无妥协余地');
    expect(found.status).toBe('differs');
    if (found.status !== 'differs') return;
    expect(found.exchangeId).toBe('2021-17');
    expect(found.differences[0]?.changes.filter((c) => c.in !== 'both').map((c) => c.quoted || c.source)).toEqual(['绝无', '没有']);
  });

  it('finds nothing for words the conferences never said, and says when there is no Chinese to look up', () => {
    expect(check('我们要加快煤矿智能化建设步伐，提升本质安全水平。')).toEqual({ status: 'none', reason: 'no-match' });
    expect(check('王毅表示，好的')).toEqual({ status: 'none', reason: 'no-chinese' });
    expect(check('Wang Yi said nothing in Chinese here.')).toEqual({ status: 'none', reason: 'no-chinese' });
  });
});
