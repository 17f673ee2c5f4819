import { describe, expect, it } from 'vitest';
import { citations, excerpt, type CiteInput } from '../../src/render/cite.js';
import { ministerName, ordinal, outletName, withEnglish } from '../../src/render/names.js';

const input: CiteInput = {
  minister: '王毅',
  year: 2021,
  date: '2021-03-07',
  session: '十三届全国人大四次会议',
  npc: { term: 13, session: 4 },
  exchangeId: '2021-17',
  questioner: '凤凰卫视记者',
  copies: [{ publisher: 'People’s Daily, page 3', url: 'https://example.org/2021/0307.html' }],
  today: '2026-12-01',
};
const byStyle = (c: CiteInput) => Object.fromEntries(citations(c).map((x) => [x.style, x]));

describe('citations', () => {
  it('gives Chicago author-date, APA 7, GB/T 7714-2015 and BibTeX, each with the exchange id, the publisher and the URL', () => {
    const s = byStyle(input);
    expect(s['chicago']!.reference).toBe(
      "Wang, Yi (王毅). 2021. “外交部长王毅就中国外交政策和对外关系回答中外记者提问” [Foreign Minister Wang Yi answers questions from Chinese and foreign journalists on China's foreign policy and external relations]. Press conference, 4th Session of the 13th National People's Congress, Beijing, March 7, 2021. Answer to 凤凰卫视记者 (Phoenix TV), exchange 2021-17. Copy: People’s Daily, page 3. https://example.org/2021/0307.html.",
    );
    expect(s['chicago']!.inText).toBe('(Wang 2021)');
    expect(s['apa']!.reference).toMatch(
      /^Wang, Y\. \(2021, March 7\)\. 外交部长王毅就中国外交政策和对外关系回答中外记者提问 \[.*exchange 2021-17\] \[Transcript\]\. People’s Daily, page 3\. https:\/\/example\.org\/2021\/0307\.html$/u,
    );
    expect(s['apa']!.inText).toBe('(Wang, 2021)');
    expect(s['gbt']!.reference).toBe(
      '王毅. 外交部长王毅就中国外交政策和对外关系回答中外记者提问: 答凤凰卫视记者问(问答编号 2021-17)[N/OL]. People’s Daily, page 3, 2021-03-07[2026-12-01]. https://example.org/2021/0307.html.',
    );
    expect(s['bibtex']!.reference).toMatch(/^@misc\{wang2021_17,\n {2}author {7}= \{Wang, Yi\},\n/u);
    expect(s['bibtex']!.reference).toContain('  url          = {https://example.org/2021/0307.html},');
    expect(s['bibtex']!.reference).toContain('  date         = {2021-03-07},');
  });

  it('leaves out what is not known rather than inventing it: no URL, no date, no questioner, a minister the table does not know', () => {
    const s = byStyle({ ...input, copies: [{ publisher: 'A local daily' }], date: null, questioner: null, minister: '某某' });
    expect(s['gbt']!.reference).toBe('某某. 外交部长某某就中国外交政策和对外关系回答中外记者提问: 开场讲话(问答编号 2021-17)[N]. A local daily, 2021.');
    expect(s['chicago']!.reference).toContain('某某. 2021. “外交部长某某就');
    expect(s['chicago']!.reference).toContain('Remarks, exchange 2021-17.');
    expect(s['apa']!.reference.startsWith('某某 (2021). ')).toBe(true);
    for (const c of citations({ ...input, copies: [{ publisher: 'A local daily' }] })) expect(c.reference).not.toContain('http');
  });

  it("adds the web edition's page where it is published: beside the copy's URL, or as the online address where there is none", () => {
    const web = 'https://example.org/position/2021/17/';
    const both = byStyle({ ...input, permalink: web });
    expect(both['chicago']!.reference.endsWith(`https://example.org/2021/0307.html. Web edition: ${web}.`)).toBe(true);
    expect(both['apa']!.reference.endsWith(`https://example.org/2021/0307.html. Web edition: ${web}`)).toBe(true);
    expect(both['gbt']!.reference.endsWith(`[2026-12-01]. https://example.org/2021/0307.html. 网络版: ${web}.`)).toBe(true);
    expect(both['bibtex']!.reference).toContain('  url          = {https://example.org/2021/0307.html},');
    expect(both['bibtex']!.reference).toContain(`  addendum     = {Web edition: ${web}},`);
    const only = byStyle({ ...input, copies: [{ publisher: 'A local daily' }], permalink: web });
    expect(only['gbt']!.reference).toBe(
      `王毅. 外交部长王毅就中国外交政策和对外关系回答中外记者提问: 答凤凰卫视记者问(问答编号 2021-17)[N/OL]. A local daily, 2021-03-07[2026-12-01]. ${web}.`,
    );
    expect(only['bibtex']!.reference).toContain(`  url          = {${web}},`);
    expect(only['bibtex']!.reference).toContain('  urldate      = {2026-12-01},');
    expect(only['bibtex']!.reference).not.toContain('addendum');
    expect(only['apa']!.reference.endsWith(`A local daily. Web edition: ${web}`)).toBe(true);
  });

  it('marks an excerpt with … where it does not start or end the answer', () => {
    expect(excerpt(['b', 'c'], 1, 2, 4)).toBe('…b\nc…');
    expect(excerpt(['a'], 0, 0, 1)).toBe('a');
    expect(excerpt(['a', 'b'], 0, 1, 3)).toBe('a\nb…');
  });
});

describe('English names from the reviewed table', () => {
  it('names outlets and ministers it knows, next to the Chinese, and leaves the rest as printed', () => {
    expect(withEnglish('路透社记者', outletName('路透社记者'))).toBe('路透社记者 (Reuters)');
    expect(outletName('《环球时报》特约记者')).toBe('Global Times');
    // A misprinted outlet is not silently corrected into a name.
    expect(outletName('哈萨克斯塔24KZ电视台记者')).toBeNull();
    expect(withEnglish('某台记者', outletName('某台记者'))).toBe('某台记者');
    expect(ministerName('王毅')).toEqual({ en: 'Wang Yi', family: 'Wang', given: 'Yi' });
    expect(ministerName('某某')).toBeNull();
    expect([1, 2, 3, 4, 11, 12, 13, 14, 21, 22].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '14th', '21st', '22nd']);
  });
});
