/** The web edition's formulations: a page per published phrase with the /phrase figures and lines, and their list. */
import { beforeAll, describe, expect, it } from 'vitest';
import { formulationsOf, publishedPhrases } from '../../src/formulations/index.js';
import { exchangePath, phrasePath } from '../../src/render/links.js';
import type { SiteBuild } from '../../src/site/build.js';
import { realEngine } from '../helpers/search.js';
import { read, realSite, visible } from './fixture.js';

let site: SiteBuild;
const engine = realEngine();
beforeAll(async () => {
  site = await realSite();
});
const pageOf = (term: string) => `${decodeURIComponent(phrasePath(term))}index.html`;

describe('formulations in the web edition', () => {
  it('has a page for each topic’s main term and each year’s first keywords, listed on a page the home page links', () => {
    const published = publishedPhrases(engine);
    expect(published).toContain('台湾');
    expect(published).toContain('疫苗');
    for (const term of published) expect(site.pages, term).toContain(pageOf(term.toLowerCase()));
    expect(read(site, 'index.html')).toContain('href="phrases/index.html"');
    const list = visible(read(site, 'phrases/index.html'));
    expect(list).toContain('多边主义 2021: 13 · 2022: 5 · 2024: 4');
    expect(list).toContain('2021: 疫苗 36');
  });

  it('shows the same counts and lines as /phrase, each line verbatim in its exchange’s page and linked to it', () => {
    const html = read(site, pageOf('多边主义'));
    const text = visible(html);
    expect(text).toMatch(/2021\s*13\s*10\.09\s*12886/u);
    expect(text).toMatch(/2024\s*4\s*4\.16\s*9618/u);
    const row = formulationsOf(engine).phrases.lookup('多边主义').rows[0]!;
    const items = [...html.matchAll(/<li><a class="id" href="([^"]+)">([^<]+)<\/a> <span class="kwic" lang="zh-Hans">(.*?)<\/span>/gu)];
    expect(items).toHaveLength(row.lineCount);
    items.forEach((m, i) => {
      const o = row.occurrences[i]!;
      expect(m[1]).toBe(`../../${exchangePath(o.id)}index.html`);
      expect(visible(m[3]!)).toBe(`${o.leftCut ? '…' : ''}${o.left}${o.match}${o.right}${o.rightCut ? '…' : ''}`);
      expect(visible(read(site, `${exchangePath(o.id)}index.html`))).toContain(`${o.left}${o.match}${o.right}`);
    });
  });

  it('says which copy lacks an occurrence on the phrase’s page', () => {
    const published = publishedPhrases(engine);
    const withNotes = published.filter((t) =>
      formulationsOf(engine)
        .phrases.lookup(t)
        .rows[0]!.occurrences.some((o) => o.notIn ?? o.onlyIn),
    );
    expect(withNotes.length).toBeGreaterThan(0);
    for (const term of withNotes.slice(0, 3)) expect(read(site, pageOf(term.toLowerCase()))).toMatch(/not in|only in/u);
  });
});
