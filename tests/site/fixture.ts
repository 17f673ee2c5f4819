/** Fixture: the web edition built once per test file into a temporary folder, as `npm run site` builds it. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, type SiteBuild } from '../../src/site/build.js';

export const publicUrl = 'https://example.org/position/';
export const today = '2026-12-02';

let built: Promise<SiteBuild> | undefined;

/** The site of the real corpus, with PUBLIC_URL set. */
export function realSite(): Promise<SiteBuild> {
  built ??= buildSite({ out: join(mkdtempSync(join(tmpdir(), 'position-site-')), 'site'), publicUrl, today });
  return built;
}

/** A file of the built site, as text. */
export const read = (site: SiteBuild, path: string) => readFileSync(join(site.out, path), 'utf8');

/** Text without tags or entities, as a reader sees it (both interface languages included). */
export function visible(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gu, '')
    .replace(/<[^>]+>/gu, '')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&amp;/gu, '&');
}
