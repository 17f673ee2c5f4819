import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { textOfSource } from '../../src/corpus/rebuild.js';
import { foldCompact } from '../../src/corpus/script.js';
import { publishedPhrases } from '../../src/formulations/index.js';
import { copyPath, exchangePath } from '../../src/render/links.js';
import { copyText, placesOf, readingParagraphs, textOf } from '../../src/site/apparatus.js';
import { buildSite, type SiteBuild } from '../../src/site/build.js';
import { openIndex, readQuery, search } from '../../src/site/client/query.js';
import type { SearchData } from '../../src/site/search-data.js';
import { fileFor, serveSite } from '../../src/site/serve.js';
import { realCorpus, rawSources } from '../helpers/corpus.js';
import { realEngine } from '../helpers/search.js';
import { publicUrl, read, realSite, visible } from './fixture.js';

let site: SiteBuild;
const corpus = realCorpus();
const exchanges = corpus.conferences.flatMap((c) => c.exchanges);
const exchange = (id: string) => exchanges.find((e) => e.id === id)!;
beforeAll(async () => {
  site = await realSite();
});

/** Every file of the built site, relative to its root. */
function allFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix)).flatMap((f) =>
    statSync(join(dir, prefix, f)).isDirectory() ? allFiles(dir, posix.join(prefix, f)) : [posix.join(prefix, f)],
  );
}

describe('the apparatus loses nothing', () => {
  it("rebuilds every copy's text of every exchange from its segments, as the corpus layer does", () => {
    for (const e of exchanges) {
      const places = placesOf(e);
      expect(readingParagraphs(e, places).map(textOf)).toEqual(e.paragraphs.map((p) => p.text));
      for (const f of e.sources) {
        for (const field of ['question', 'answer'] as const) {
          const segments = copyText(e, f, field, places);
          const expected = textOfSource(e, f, field);
          expect(segments === null ? null : segments.map(textOf).join(''), `${e.id} ${f} ${field}`).toBe(expected);
        }
      }
    }
  });
});

describe('npm run site', () => {
  it('writes a home page, a page per conference, per exchange at its permanent address, per copy and per published phrase', () => {
    const files = new Set(allFiles(site.out));
    expect(files.has('index.html')).toBe(true);
    for (const c of corpus.conferences) {
      expect(files.has(`${c.year}/index.html`)).toBe(true);
      for (const e of c.exchanges) expect(files.has(`${exchangePath(e.id)}index.html`), e.id).toBe(true);
      for (const f of c.sources) expect(files.has(`${decodeURIComponent(copyPath(f))}index.html`), f).toBe(true);
    }
    // Home, search, about; the conferences, exchanges and copies; the phrases (tests/site/phrases.test.ts) and their list.
    const phrases = publishedPhrases(realEngine()).length + 1;
    expect(site.pages.length).toBe(3 + corpus.conferences.length + exchanges.length + corpus.conferences.flatMap((c) => c.sources).length + phrases);
    const home = visible(read(site, 'index.html'));
    for (const c of corpus.conferences) {
      expect(home).toContain(c.session);
      expect(home).toContain(c.date!);
      for (const f of c.sources) expect(home).toContain(f);
    }
    expect(home).toContain('王毅 (Wang Yi)');
  });

  it('prints every paragraph of every reading verbatim on its exchange page, with the questioner and the question', () => {
    for (const e of exchanges) {
      // A meaning mark puts its note number after the marked words: the reading is the text without them.
      const text = visible(read(site, `${exchangePath(e.id)}index.html`).replace(/<a class="note-ref"[^>]*>\d+<\/a>/gu, ''));
      for (const p of e.paragraphs) expect(text, `${e.id}: ${p.text.slice(0, 20)}`).toContain(p.text);
      if (e.question) expect(text).toContain(e.questioner!);
    }
  });

  it('marks the 是/不是 of 2022-11 where it occurs and shows both copies’ wording', () => {
    const html = read(site, `${exchangePath('2022-11')}index.html`);
    const marks = [...html.matchAll(/<mark class="meaning" id="at-(\d+)">([^<]*)/gu)].map((m) => m[2]);
    expect(marks).toContain('亚太地区是大国博弈的“棋盘”，');
    expect(html).toContain('changes the meaning');
    expect(visible(html)).toContain('«亚太地区不是大国博弈的“棋盘”，» — 001_b29ca1c87e608954.txt');
    // In 001's column, its own words at that place.
    const column = html.slice(html.indexOf('<article class="copy" aria-label="001_b29ca1c87e608954.txt">'));
    expect(column).toMatch(/<mark class="meaning">亚太地区不是大国博弈的“棋盘”，/u);
  });

  it('puts both copies of 2024-06 side by side, each with its publisher and lines', () => {
    const html = read(site, `${exchangePath('2024-06')}index.html`);
    const columns = [...html.matchAll(/<article class="copy" aria-label="([^"]+)">/gu)].map((m) => m[1]);
    expect(columns).toEqual(exchange('2024-06').sources);
    for (const l of exchange('2024-06').lines) expect(html).toContain(`href="../../${copyPath(l.source)}index.html#L${l.first}"`);
    expect(visible(html)).toContain('Local daily (Pingdingshan) reprinting the Xinhua wire text');
    expect(visible(html)).toContain('lines 75–81');
  });

  it('cites each exchange in every style the bot offers, with its permanent address', () => {
    const text = visible(read(site, `${exchangePath('2021-17')}index.html`));
    for (const style of ['Chicago (author-date)', 'APA 7', 'GB/T 7714-2015', 'BibTeX']) expect(text).toContain(style);
    expect(text).toContain(`Web edition: ${publicUrl}2021/17/.`);
    expect(text).toContain('Wang, Yi (王毅). 2021.');
  });

  it('links the same topic in other years', () => {
    const html = read(site, `${exchangePath('2024-09')}index.html`);
    expect(visible(html)).toMatch(/Taiwan/u);
    const section = html.slice(html.indexOf('id="related"'), html.indexOf('</section>', html.indexOf('id="related"')));
    const links = [...section.matchAll(/href="\.\.\/\.\.\/(\d{4})\/(\d{2})\/index\.html"/gu)].map((m) => `${m[1]}-${m[2]}`);
    expect(links).toContain('2021-17');
    expect(links.every((id) => !id.startsWith('2024'))).toBe(true);
  });

  it('shows each copy as published, line by line, with what was taken out struck through and why', () => {
    for (const raw of rawSources()) {
      const path = `${decodeURIComponent(copyPath(raw.file))}index.html`;
      if (!existsSync(join(site.out, path))) continue;
      const html = read(site, path);
      const rows = [...html.matchAll(/<div class="line(?: removed)?" id="L(\d+)"/gu)].length;
      expect(rows, raw.file).toBe(raw.text.replace(/\r\n?/gu, '\n').split('\n').length);
      for (const r of corpus.removed.filter((x) => x.source === raw.file && x.reason !== 'page-break-join')) {
        const row = new RegExp(`<div class="line removed" id="L${r.line}">.*?</div>`, 'u').exec(html)?.[0] ?? '';
        expect(row, `${raw.file}:${r.line}`).toContain('<del>');
        expect(row).toContain('class="reason"');
      }
    }
    const partial = visible(read(site, `${decodeURIComponent(copyPath('004_0782f86fa7743185.txt'))}index.html`));
    expect(partial).toContain('another article on the same page');
    expect(partial).toContain('continuation marker of the printed page');
  });

  it('resolves every internal link and asset, and requests nothing outside the site', () => {
    const files = new Set(allFiles(site.out));
    for (const page of site.pages) {
      const html = read(site, page);
      for (const m of html.matchAll(/(?:href|src)="([^"]*)"/gu)) {
        const link = m[1]!;
        if (/^https?:/u.test(link)) {
          // Only the outlets' own pages, as links a reader may follow; never a script, style or image.
          expect(m[0].startsWith('href'), `${page}: ${link}`).toBe(true);
          continue;
        }
        if (link.startsWith('#') || link.startsWith('data:')) continue;
        const target = posix.normalize(posix.join(posix.dirname(page), decodeURIComponent(link.split('#')[0]!)));
        const file = target.endsWith('/') || target === '.' ? posix.join(target, 'index.html') : target;
        expect(files.has(file.replace(/^\.\//u, '')), `${page} → ${link}`).toBe(true);
        const anchor = link.split('#')[1];
        if (anchor) expect(read(site, file).includes(`id="${anchor}"`), `${page} → ${link}`).toBe(true);
      }
      expect(html).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)="https?:/u);
    }
  });

  it('declares the languages: an English interface, Chinese text as zh-Hans', () => {
    const html = read(site, `${exchangePath('2024-06')}index.html`);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en"/u);
    expect(html).toContain('<blockquote class="answer" lang="zh-Hans">');
    expect(html).toContain('<span class="ui" lang="zh-Hans">通行文本</span>');
  });

  it('refuses to empty a folder it did not write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'position-notsite-'));
    writeFileSync(join(dir, 'thesis.docx'), 'mine');
    await expect(buildSite({ out: dir })).rejects.toMatchObject({ name: 'SiteError', problem: 'not-ours', out: dir });
    await expect(buildSite({ out: join(dir, 'thesis.docx') })).rejects.toMatchObject({ problem: 'not-a-folder' });
    expect(readFileSync(join(dir, 'thesis.docx'), 'utf8')).toBe('mine');
  });
});

describe('the search in the page', () => {
  let data: SearchData;
  beforeAll(() => {
    data = JSON.parse(
      read(site, 'assets/search-data.js')
        .replace(/^window\.positionSearch = /u, '')
        .replace(/;\n$/u, ''),
    ) as SearchData;
  });
  const run = (q: string) => search(openIndex(data), readQuery(q, new Set(data.vocab), data.english), new Set(data.vocab));

  it('loads the bot’s own index and finds the bot’s answer to taiwan 2024 first', () => {
    const bot = realEngine().search('taiwan', { year: 2024 }).results[0]!.id;
    for (const q of ['taiwan 2024', '2024 taiwan', '台湾 2024年', '臺灣 2024', 'tawian 2024']) {
      const { hits } = run(q);
      expect(hits[0]?.id, q).toBe(bot);
      expect(hits.every((h) => h.year === 2024)).toBe(true);
    }
  });

  it('counts matches per year without a year, and finds English outside the topics through the dictionary', () => {
    const { perYear } = run('taiwan');
    expect([...perYear.keys()].sort()).toEqual([2021, 2022, 2024]);
    const supply = readQuery('supply chain', new Set(data.vocab), data.english);
    expect(supply.english.flatMap((e) => e.terms)).toContain('供应链');
    const hits = run('supply chain').hits;
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits.slice(0, 3))
      expect(
        foldCompact(
          exchanges
            .find((e) => e.id === h.id)!
            .paragraphs.map((p) => p.text)
            .join('') + (exchange(h.id).question ?? ''),
        ),
      ).toContain('供应链');
  });

  it('reads a typo of a dictionary word as it, and requires a topic term typed as such without letting it reorder', () => {
    const q = readQuery('sanctins', new Set(data.vocab), data.english);
    expect(q.corrected).toEqual([{ from: 'sanctins', to: 'sanction' }]);
    const top = run('sanctins').hits.slice(0, 3);
    expect(top.length).toBeGreaterThan(0);
    for (const h of top)
      expect(
        foldCompact(
          exchange(h.id)
            .paragraphs.map((p) => p.text)
            .join('') + (exchange(h.id).question ?? ''),
        ),
      ).toContain('制裁');
    // 东盟 is a term of the ASEAN topic: the exchange must say it, and the question about ASEAN stays first.
    expect(run('东盟 2021').hits[0]?.id).toBe(realEngine().search('东盟', { year: 2021 }).results[0]!.id);
    expect(run('東協 2021').hits[0]?.id).toBe(run('东盟 2021').hits[0]?.id);
  });

  it('finds nothing for gibberish and says which words the index lacks', () => {
    const q = readQuery('qxzvbn', new Set(data.vocab), data.english);
    expect(q.unknown).toEqual(['qxzvbn']);
    expect(run('qxzvbn').hits).toEqual([]);
  });
});

describe('the preview server', () => {
  it('serves pages on 127.0.0.1, a folder without its slash redirected with its query', async () => {
    const { server, url } = await serveSite(site.out);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/u);
      const page = await fetch(`${url}2024/06/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toContain('2024-06');
      expect((await fetch(`${url}search/index.html?q=taiwan`)).status).toBe(200);
      const bare = await fetch(`${url}search?q=taiwan`, { redirect: 'manual' });
      expect([bare.status, bare.headers.get('location')]).toEqual([301, '/search/?q=taiwan']);
      const missing = await fetch(`${url}nope/`);
      expect(missing.status).toBe(404);
      // The site's own 404 page, whose links start from the root the site is published at.
      const text = await missing.text();
      expect(text).toContain('No page at this address');
      expect(text).toContain('href="/position/2024/index.html"');
      expect((await fetch(url, { method: 'POST' })).status).toBe(405);
    } finally {
      server.close();
    }
  });

  it('serves only files inside the site', () => {
    const dir = mkdtempSync(join(tmpdir(), 'position-serve-'));
    mkdirSync(join(dir, '2024', '06'), { recursive: true });
    writeFileSync(join(dir, '2024', '06', 'index.html'), 'x');
    expect(fileFor(dir, '/2024/06/')).toBe(join(dir, '2024', '06', 'index.html'));
    expect(fileFor(dir, '/../../etc/passwd')).toBeNull();
    expect(fileFor(dir, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(fileFor(dir, '/%E0%A4%A')).toBeNull();
    expect(fileFor(dirname(dir), '/nope')).toBeNull();
  });
});
