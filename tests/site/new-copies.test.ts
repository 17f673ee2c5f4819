/**
 * The web edition of a corpus with realistic new files: a Hong Kong copy in traditional script and
 * Big5, another year's conference of another minister (秦刚, 2023), and the premier's press
 * conference, which must never be shown as the minister's.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCorpusDir } from '../../src/corpus/load.js';
import { copyPath, exchangePath } from '../../src/render/links.js';
import { buildSite, type SiteBuild } from '../../src/site/build.js';
import { rawContaining } from '../helpers/corpus.js';
import { encode, premierConference, qinGang2023, toTraditional } from '../helpers/layouts.js';
import { read, visible } from './fixture.js';

let site: SiteBuild;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'position-new-copies-'));
  for (const f of readdirSync(defaultCorpusDir)) copyFileSync(join(defaultCorpusDir, f), join(dir, f));
  const copy2021 = rawContaining('十三届全国人大四次会议').text;
  const full2024 = rawContaining('十四届全国人大二次会议').text;
  writeFileSync(join(dir, 'hk-2021.txt'), encode(toTraditional(copy2021), 'big5'));
  writeFileSync(join(dir, 'qin-2023.txt'), qinGang2023(full2024));
  writeFileSync(join(dir, 'premier-2024.txt'), premierConference(full2024));
  site = await buildSite({ corpusDir: dir, out: join(dir, '..', `${dir.split('/').at(-1)}-site`), today: '2026-12-02' });
}, 120_000);

describe('the web edition of new copies', () => {
  it('adds the 2023 conference of 秦刚 with its own pages, and keeps the other years’ addresses', () => {
    const home = visible(read(site, 'index.html'));
    expect(home).toContain('秦刚');
    expect(home).toContain('十四届全国人大一次会议');
    const page2023 = visible(read(site, '2023/index.html'));
    expect(page2023).toContain('秦刚');
    expect(page2023).not.toContain('王毅');
    expect(site.pages).toContain(`${exchangePath('2023-01')}index.html`);
    expect(visible(read(site, `${exchangePath('2021-17')}index.html`))).toContain('对于台湾问题，我想强调三点');
  });

  it('lists the premier’s press conference as left out, with the reason, and gives it no page', () => {
    const home = visible(read(site, 'index.html'));
    expect(home).toContain('Files left out');
    expect(home).toMatch(/premier-2024\.txt: .*/u);
    expect(site.pages.some((p) => p.includes('premier'))).toBe(false);
  });

  it('shows the traditional copy as published, marked zh-Hant, beside the simplified one', () => {
    const copy = read(site, `${decodeURIComponent(copyPath('hk-2021.txt'))}index.html`);
    expect(copy).toContain('<div class="raw" lang="zh-Hant">');
    expect(visible(copy)).toContain('對於臺灣問題，我想強調三點');
    expect(visible(copy)).toContain('Publisher not recorded');
    const exchange = read(site, `${exchangePath('2021-17')}index.html`);
    const columns = [...exchange.matchAll(/<article class="copy" aria-label="([^"]+)">/gu)].map((m) => m[1]);
    expect(columns.sort()).toEqual(['003_c9fbacde6bcfd7ce.txt', 'hk-2021.txt']);
    expect(exchange).toContain('<div class="text" lang="zh-Hant">');
    expect(readFileSync(join(site.out, 'index.html'), 'utf8')).toContain('hk-2021.txt');
  });
});
