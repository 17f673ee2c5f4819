/**
 * `npm run site [-- --out DIR] [--serve [--port N]] [--stats [--json]]`: builds the web edition
 * into `site/`; `--serve` previews it on 127.0.0.1; `--stats` prints the budgets (build time, total
 * size, the largest page and its first contentful paint in Chromium, when Chromium is installed).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { buildSite, defaultSiteDir } from '../site/build.js';
import { chromiumPath, firstContentfulPaint, launchChromium } from '../site/browser.js';
import { serveSite } from '../site/serve.js';
import { UsageError, runCli } from './run.js';

runCli(async () => {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, serve: { type: 'boolean' }, port: { type: 'string' }, stats: { type: 'boolean' }, json: { type: 'boolean' } },
  });
  if (values.port !== undefined && (!/^\d{1,5}$/u.test(values.port) || Number(values.port) > 65535))
    throw new UsageError(`--port: expected a port number, got "${values.port}"`);
  const config = loadConfig();
  const out = values.out ? resolve(values.out) : defaultSiteDir;
  const site = await buildSite({ corpusDir: config.corpusDir ?? undefined, out, publicUrl: config.publicUrl });
  const mb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const lines = [
    `site: wrote ${site.pages.length} pages (${site.files} files, ${mb(site.bytes)}) into ${site.out} in ${Math.round(site.ms)} ms; open ${site.out}/index.html`,
  ];
  if (values.stats) {
    let fcp: number | null = null;
    let baselineFcp: number | null = null;
    if (chromiumPath()) {
      // The baseline, measured in the same run: a page of one line, served the same way.
      const blank = mkdtempSync(join(tmpdir(), 'position-fcp-'));
      writeFileSync(join(blank, 'index.html'), '<!doctype html><meta charset="utf-8"><title>baseline</title><p>baseline 基线</p>');
      const { server, url } = await serveSite(out);
      const baseline = await serveSite(blank);
      const browser = await launchChromium();
      try {
        // The median of five loads each: one paint timing is noisy.
        const median = async (page: string) => {
          const runs: number[] = [];
          for (let i = 0; i < 5; i++) runs.push(await firstContentfulPaint(browser, page));
          return runs.sort((a, b) => a - b)[2]!;
        };
        baselineFcp = await median(baseline.url);
        fcp = await median(`${url}${site.largestPage.path.replace(/index\.html$/u, '')}`);
      } finally {
        await browser.close();
        server.close();
        baseline.server.close();
        rmSync(blank, { recursive: true, force: true });
      }
    }
    const stats = {
      buildMs: Math.round(site.ms),
      pages: site.pages.length,
      files: site.files,
      totalBytes: site.bytes,
      largestPage: site.largestPage.path,
      largestPageBytes: site.largestPage.bytes,
      largestPageFcpMs: fcp === null ? null : Math.round(fcp),
      baselineFcpMs: baselineFcp === null ? null : Math.round(baselineFcp),
    };
    if (values.json) return JSON.stringify(stats);
    lines.push(
      `build time            ${stats.buildMs} ms`,
      `total size            ${mb(stats.totalBytes)} in ${stats.files} files`,
      `largest page          ${stats.largestPage} (${mb(stats.largestPageBytes)})`,
      `  first contentful paint ${fcp === null ? 'not measured: Chromium is not installed (apt-get install chromium)' : `${stats.largestPageFcpMs} ms (median of 5 loads, headless Chromium, served on 127.0.0.1)`}`,
      ...(baselineFcp === null ? [] : [`  baseline, one line    ${stats.baselineFcpMs} ms (the same browser and server, same run)`]),
    );
  }
  if (values.serve) {
    const port = values.port === undefined ? 8080 : Number(values.port);
    const { url } = await serveSite(out, port);
    lines.push(`site: serving ${site.out} at ${url} (127.0.0.1 only); Ctrl-C to stop`);
  }
  return lines.join('\n');
});
