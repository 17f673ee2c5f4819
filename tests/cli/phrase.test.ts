/** `npm run phrase` and `npm run keywords` for researchers: JSON and CSV as documented, exit codes that say what happened. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTool } from '../helpers/cli.js';

describe('npm run phrase', () => {
  it('prints the documented JSON: each phrase with its counts per year and its lines', () => {
    const run = runTool('phrase', ['多边主义,multilateralism,人类命运共同体', '--json']);
    expect(run.status).toBe(0);
    const res = JSON.parse(run.stdout) as {
      phrases: {
        query: string;
        counted: string;
        years: { year: number; count: number; per10k: number; chars: number }[];
        occurrences: Record<string, unknown>[];
      }[];
    };
    expect(res.phrases.map((p) => [p.query, p.counted])).toEqual([
      ['多边主义', '多边主义'],
      ['人类命运共同体', '人类命运共同体'],
    ]);
    expect(res.phrases[0]!.years.map((y) => y.count)).toEqual([13, 5, 4]);
    expect(res.phrases[1]!.years.map((y) => y.count)).toEqual([3, 3, 7]);
    expect(Object.keys(res.phrases[0]!.years[0]!).sort()).toEqual(['chars', 'count', 'per10k', 'year']);
    expect(res.phrases[0]!.occurrences).toHaveLength(22);
    expect(res.phrases[0]!.occurrences[0]).toMatchObject({ id: '2021-01', year: 2021, match: '多边主义' });
  });

  it('prints the lines as CSV for a spreadsheet, with the copies that disagree', () => {
    const run = runTool('phrase', ['保持高度警惕, 应当高度警惕', '--csv']);
    expect(run.status).toBe(0);
    const [header, ...rows] = run.stdout
      .replace(/^\uFEFF/u, '')
      .trim()
      .split('\r\n');
    expect(header).toBe('query,counted,id,year,field,left,match,right,copies,not_in,only_in');
    expect(rows).toEqual([
      '保持高度警惕,保持高度警惕,2022-07,2022,answer,中欧双方对此都,保持高度警惕,。,001_b29ca1c87e608954.txt,,001_b29ca1c87e608954.txt',
      '应当高度警惕,应当高度警惕,2022-07,2022,answer,中欧双方对此都,应当高度警惕,。,000_8c7f672185a98615.txt,001_b29ca1c87e608954.txt,',
    ]);
  });

  it('answers a phrase never used with zeros and exit 0, and writes the chart with --png', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'position-phrase-')), 'c.png');
    const run = runTool('phrase', ['量子纠缠', '--json', '--png', file]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).phrases[0].years.map((y: { count: number }) => y.count)).toEqual([0, 0, 0]);
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
  });

  it('refuses empty input, an over-long phrase, six phrases, a bad scope and a year outside the corpus, naming the reason', () => {
    const cases: [string[], string][] = [
      [[''], 'phrase: no phrase given'],
      [['多'.repeat(101)], 'is 101 characters long; the limit is 100'],
      [['一,二,三,四,五,六'], 'phrase: 6 phrases given; compare at most 5 at once'],
      [['多边主义', '--scope', 'all'], 'phrase: unknown scope "all"'],
      [['多边主义', '--year', '2023'], 'search: no conference in 2023'],
      [['多边主义', '--bogus'], "Unknown option '--bogus'"],
    ];
    for (const [args, message] of cases) {
      const run = runTool('phrase', args);
      expect(run.status, message).toBe(1);
      expect(run.stderr, message).toContain(message);
    }
    // A one-character phrase is allowed, its lines capped and said.
    const one = runTool('phrase', ['的', '--json']);
    expect(one.status).toBe(0);
    expect(JSON.parse(one.stdout).phrases[0]).toMatchObject({ capped: true });
  });
});

describe('npm run keywords', () => {
  it('prints the documented JSON, against every other year or the one named', () => {
    const run = runTool('keywords', ['2022', '--json']);
    expect(run.status).toBe(0);
    const res = JSON.parse(run.stdout) as { year: number; vs: number[]; keywords: { term: string; count: number; otherCount: number; ll: number }[] };
    expect(res.year).toBe(2022);
    expect(res.vs).toEqual([2021, 2024]);
    expect(Object.keys(res.keywords[0]!).sort()).toEqual(['count', 'll', 'otherCount', 'term']);
    expect(res.keywords.map((k) => k.term)).toContain('乌克兰');
    const vs = JSON.parse(runTool('keywords', ['2024', '--vs', '2021', '--json']).stdout) as { vs: number[] };
    expect(vs.vs).toEqual([2021]);
  });

  it('refuses a year outside the corpus and a year against itself', () => {
    expect(runTool('keywords', ['2023']).stderr).toContain('search: no conference in 2023');
    const self = runTool('keywords', ['2024', '--vs', '2024']);
    expect(self.status).toBe(1);
    expect(self.stderr).toContain('compared with itself');
  });
});
