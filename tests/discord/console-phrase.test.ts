/** /phrase and /keywords in console mode: the counts, the text chart, the lines, paging, and --png. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { session } from '../helpers/console.js';

describe('/phrase in the console', () => {
  it('shows 13/5/4 and 3/3/7 with their lines and a text chart, pages the lines, and writes the PNG with --png', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'position-png-')), 'chart.png');
    const { out, err, code } = await session([`/phrase 多边主义, 人类命运共同体 --png ${file}`, '!lines', '!next']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('│ 2021: **13** (10.09/10k) · 2022: **5** (5.61/10k) · 2024: **4** (4.16/10k)');
    expect(out).toContain('│ 2021: **3** (2.33/10k) · 2022: **3** (3.37/10k) · 2024: **7** (7.28/10k)');
    expect(out).toContain(`  2021 ${'█'.repeat(40)} 13`);
    expect(out).toContain('[phrase.png · ');
    expect(out).toContain('│ `2021-11` · 【**多边主义**】是旗帜，而不是幌子；');
    expect(out).toContain(`(chart written to ${file})`);
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    expect(out).toContain('Lines 11–20 of 35');
    expect(out).toContain('Lines 21–30 of 35');
  });

  it('names what is wrong, and goes on with the next line', async () => {
    const { out, err, code } = await session(['/phrase a,b,c,d,e,f', '/phrase 多边主义 --png', '/keywords 2023', '/keywords 2022']);
    expect(code).toBe(1);
    expect(err).toContain('error: That is 6 phrases; compare at most 5 at once.');
    expect(err).toContain('error: --png needs a file name');
    expect(err).toContain('error: There is no conference from 2023 in the corpus');
    expect(out).toContain('Keywords of 2022 against the other years');
    expect(out).toContain('**乌克兰** · 15 vs 4');
    // The keywords' menu opens each in /phrase, which the console names.
    expect(out).toMatch(/Open in \/phrase… \/phrase 亚太 \| 乌克兰/u);
  });
});
