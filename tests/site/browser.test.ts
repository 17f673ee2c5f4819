/**
 * The web edition in a real browser: Debian's Chromium driven by playwright-core, the site served by
 * the preview server on 127.0.0.1. Skipped, and said so, when Chromium is not installed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangePath } from '../../src/render/links.js';
import { chromiumPath, launchChromium } from '../../src/site/browser.js';
import { serveSite } from '../../src/site/serve.js';
import { realEngine } from '../helpers/search.js';
import { realSite } from './fixture.js';

const chromium = chromiumPath();
if (!chromium) console.warn('browser tests SKIPPED: Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH); .ci/run installs it');

/** Where the screenshots are kept (CI keeps the folder as an artifact). */
export const screenshotDir = join(import.meta.dirname, '../../test-artifacts/screenshots');

describe.skipIf(!chromium)('the web edition in Chromium', () => {
  let browser: Browser;
  let base: string;
  let close: () => void;
  /** Every request a page made, to prove none leaves 127.0.0.1. */
  const requested: string[] = [];

  beforeAll(async () => {
    const site = await realSite();
    const served = await serveSite(site.out);
    base = served.url;
    close = () => served.server.close();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    close?.();
  });

  async function open(path: string, options: { width?: number; dark?: boolean; lang?: string } = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: 900 },
      colorScheme: options.dark ? 'dark' : 'light',
      locale: options.lang ?? 'en-US',
    });
    const page = await context.newPage();
    page.on('request', (r) => requested.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('close', () => expect(errors, path).toEqual([]));
    await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
    return page;
  }

  it('shows the 是/不是 disagreement of 2022-11 marked in the text, and both wordings', async () => {
    const page = await open(exchangePath('2022-11'));
    const marked = page.locator('blockquote.answer mark.meaning');
    await expect.poll(() => marked.allInnerTexts()).toContainEqual(expect.stringContaining('亚太地区是大国博弈的“棋盘”'));
    expect(await marked.first().isVisible()).toBe(true);
    const apparatus = await page.locator('#apparatus ~ ul.places').first().innerText();
    expect(apparatus).toContain('亚太地区不是大国博弈的“棋盘”');
    expect(apparatus).toContain('changes the meaning');
    // The note number in the text leads to the note.
    await marked.filter({ hasText: '亚太地区是' }).locator('a.note-ref').click();
    const target = await page.evaluate(() => location.hash);
    expect(await page.locator(`${target}`).innerText()).toContain('亚太地区不是');
    await page.context().close();
  });

  it('shows both copies of 2024-06 side by side on a desktop, one above the other on a phone', async () => {
    for (const width of [1280, 390]) {
      const page = await open(exchangePath('2024-06'), { width });
      const copies = page.locator('article.copy');
      expect(await copies.count()).toBe(2);
      const [a, b] = [await copies.nth(0).boundingBox(), await copies.nth(1).boundingBox()];
      if (width === 1280) expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
      else expect(b!.y).toBeGreaterThan(a!.y + a!.height - 1);
      expect(await copies.nth(0).innerText()).toContain('004_0782f86fa7743185.txt');
      expect(await copies.nth(1).innerText()).toContain('002_bc82054929ba87a5.txt');
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.context().close();
    }
  });

  it('finds Taiwan 2024 from the search box in the header, typed and sent with the keyboard', async () => {
    const page = await open('');
    await page.locator('header input[type=search]').fill('taiwan 2024');
    await page.keyboard.press('Enter');
    await page.waitForURL(/search\/index\.html\?q=taiwan/u);
    const first = page.locator('#results li a.id').first();
    await first.waitFor();
    const bot = realEngine().search('taiwan', { year: 2024 }).results[0]!.id;
    expect(await first.innerText()).toBe(bot);
    expect(await page.locator('#status').innerText()).toMatch(/in 2024\. Searched: Taiwan\./u);
    await first.click();
    await page.waitForURL(new RegExp(`${exchangePath(bot)}index\\.html$`, 'u'));
    expect(await page.locator('h1').innerText()).toContain(bot);
    await page.context().close();
  });

  it('puts each year one click away when the query names none', async () => {
    const page = await open('search/index.html?q=taiwan');
    const years = page.locator('#status p.years a');
    await years.first().waitFor();
    expect(await years.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^2021 \(\d+\)$/u), expect.stringMatching(/^2024 \(\d+\)$/u)]));
    await years.filter({ hasText: '2024' }).click();
    await page.waitForURL(/q=taiwan\+2024/u);
    await page.locator('#results li').first().waitFor();
    expect(await page.locator('#status').innerText()).toMatch(/in 2024/u);
    await page.context().close();
  });

  it('follows links from the home page to a conference, an exchange and a copy, and every page it links answers', async () => {
    const page = await open('');
    await page.getByRole('link', { name: '2021', exact: true }).first().click();
    await page.waitForURL(/\/2021\/index\.html$/u);
    await page.locator('ol.exchanges a.id', { hasText: '2021-17' }).click();
    await page.waitForURL(/\/2021\/17\/index\.html$/u);
    await page
      .locator('article.copy .meta a', { hasText: /^lines/u })
      .first()
      .click();
    await page.waitForURL(/\/copies\/003_c9fbacde6bcfd7ce\/index\.html#L\d+$/u);
    // The line is shown, though its block was not rendered before the link opened it.
    const target = page.locator('.line:target');
    expect(await target.count()).toBe(1);
    expect(await target.isVisible()).toBe(true);
    expect(await target.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(900);
    // Crawl: every internal link of every page reached from the home page.
    const seen = new Set<string>();
    const queue = [base];
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(200);
      if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) continue;
      for (const m of (await response.text()).matchAll(/(?:href|src)="([^"#]*)[^"]*"/gu)) {
        if (m[1] === '' || m[1]!.startsWith('data:')) continue;
        const u = new URL(m[1]!, url).href;
        if (u.startsWith(base) && !u.includes('?') && !seen.has(u)) queue.push(u);
      }
    }
    // Every page is reachable from the home page (the search page's results are links too, when searched).
    const pages = (await realSite()).pages.map((p) => new URL(p, base).href);
    expect(pages.filter((p) => !seen.has(p))).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('works opened from disk (file://), as after npm run site: links, pages and search', async () => {
    const site = await realSite();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(site.out, 'index.html')).href);
    await page.getByRole('link', { name: '2024', exact: true }).first().click();
    await page.waitForURL(/\/2024\/index\.html$/u);
    await page.locator('ol.exchanges a.id', { hasText: '2024-06' }).click();
    await page.waitForURL(/\/2024\/06\/index\.html$/u);
    expect(await page.locator('article.copy').count()).toBe(2);
    await page.locator('header input[type=search]').fill('台湾 2024');
    await page.keyboard.press('Enter');
    await page.locator('#results li a.id').first().waitFor();
    expect(await page.locator('#results li a.id').first().innerText()).toBe(realEngine().search('taiwan', { year: 2024 }).results[0]!.id);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches the interface between English and Chinese, remembers it, and starts in Chinese for a Chinese browser', async () => {
    const page = await open(exchangePath('2021-17'));
    expect(await page.locator('h2#reading').innerText()).toBe('The reading');
    await page.locator('#lang-switch').click();
    expect(await page.locator('h2#reading').innerText()).toBe('通行文本');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    await page.reload();
    expect(await page.locator('h2#reading').innerText()).toBe('通行文本');
    await page.context().close();
    const zh = await open('', { lang: 'zh-CN' });
    expect(await zh.locator('h1').innerText()).toContain('逐字原文');
    await zh.context().close();
  });

  it('is usable with the keyboard and readable in light and dark', async () => {
    for (const dark of [false, true]) {
      const page = await open(exchangePath('2022-11'), { dark });
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
      expect(await page.locator('a.skip').isVisible()).toBe(true);
      const contrast = await page.evaluate(() => {
        const rgb = (c: string) => (c.match(/\d+(\.\d+)?/gu) ?? []).slice(0, 3).map(Number);
        const lum = ([r, g, b]: number[]) => {
          const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
        };
        const bg = lum(rgb(getComputedStyle(document.body).backgroundColor));
        return ['p.explain', 'blockquote.answer', 'mark.meaning', 'a', '.reason'].map((sel) => {
          const el = document.querySelector(sel)!;
          const fg = lum(rgb(getComputedStyle(el).color));
          const own = getComputedStyle(el).backgroundColor;
          const back = own.startsWith('rgba(0, 0, 0, 0)') ? bg : lum(rgb(own));
          return { sel, ratio: (Math.max(fg, back) + 0.05) / (Math.min(fg, back) + 0.05) };
        });
      });
      for (const c of contrast) expect(c.ratio, `${c.sel} ${dark ? 'dark' : 'light'}`).toBeGreaterThanOrEqual(4.5);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(dark ? 'rgb(22, 23, 26)' : 'rgb(253, 252, 248)');
      await page.context().close();
    }
  });

  it('makes no request outside 127.0.0.1', () => {
    expect(requested.length).toBeGreaterThan(20);
    expect(requested.filter((u) => !u.startsWith(base) && !u.startsWith('data:'))).toEqual([]);
  });

  it('keeps screenshots of three pages at phone and desktop widths', async () => {
    mkdirSync(screenshotDir, { recursive: true });
    for (const [name, path] of [
      ['home', ''],
      ['exchange-2022-11', exchangePath('2022-11')],
      ['search-taiwan-2024', 'search/?q=taiwan+2024'],
    ] as const) {
      for (const [device, width] of [
        ['phone', 390],
        ['desktop', 1280],
      ] as const) {
        const page = await open(path, { width });
        if (name.startsWith('search')) await page.locator('#results li').first().waitFor();
        const file = join(screenshotDir, `${name}-${device}.png`);
        const png = await page.screenshot({ path: file, fullPage: false });
        expect(png.length).toBeGreaterThan(10_000);
        await page.context().close();
      }
    }
  });
});
