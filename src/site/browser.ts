/**
 * Chromium for the site's budgets and browser tests: Debian's package (`apt-get install chromium`),
 * never a browser downloaded at install, driven by playwright-core. Started with no network of its
 * own (no background requests, sync or component updates): a page may only load what the site ships.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's; null when neither exists. */
export function chromiumPath(): string | null {
  const path = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  return existsSync(path) ? path : null;
}

/** Launches headless Chromium; throws when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('site: Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH)');
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** First contentful paint of a page, in ms, from Chromium's own paint timing. */
export async function firstContentfulPaint(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const seen = performance.getEntriesByName('first-contentful-paint')[0];
          if (seen) return resolve(seen.startTime);
          new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({ type: 'paint', buffered: true });
        }),
    );
  } finally {
    await page.close();
  }
}
