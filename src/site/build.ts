/**
 * `npm run site`: writes the web edition into a folder (`site/` by default) from the corpus model,
 * the bot's search index and the pure page functions. The only I/O of the site layer besides the
 * preview server (`serve.ts`).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { decodeSource } from '../corpus/decode.js';
import { defaultCorpusDir, loadCorpus } from '../corpus/load.js';
import { withConferences } from '../corpus/report.js';
import type { EnglishMap } from '../search/dictionary.js';
import { vocabulary, type SearchDoc } from '../search/documents.js';
import { ensureIndex } from '../search/index-store.js';
import { topics } from '../search/topics.js';
import { conferencePath, copyPath, exchangePath, phrasePath } from '../render/links.js';
import { phrasesToPublish, publishedKeywords } from '../formulations/index.js';
import { keywordsOf, type KeywordData } from '../formulations/keywords.js';
import { PhraseBook } from '../formulations/phrase.js';
import { phrasePage, phrasesIndexPage } from './phrase-pages.js';
import { exchangePage } from './exchange-page.js';
import { scriptOf } from './labels.js';
import { aboutPage, conferencePage, copyPage, homePage, notFoundPage, searchPage } from './pages.js';
import { relatedByExchange } from './related.js';
import { searchData, searchDataGlobal, searchDataScript, searchScript } from './search-data.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The project's default output folder. */
export const defaultSiteDir = join(here, '../../site');
/** Marks a folder as a site this command wrote, so that a rebuild may empty it and nothing else. */
const marker = '.position-site';

/** What to build. */
export interface SiteOptions {
  readonly corpusDir?: string;
  readonly out?: string;
  /** `PUBLIC_URL`: absolute addresses in citations; null leaves them out. */
  readonly publicUrl?: string | null;
  /** The build's date (`YYYY-MM-DD`), the access date of online copies in citations. */
  readonly today?: string;
}

/** What a build wrote. */
export interface SiteBuild {
  readonly out: string;
  readonly ms: number;
  readonly files: number;
  readonly bytes: number;
  /** Every page written, relative to `out` (`2024/06/index.html`). */
  readonly pages: readonly string[];
  readonly largestPage: { readonly path: string; readonly bytes: number };
}

/** A site folder's problem: it exists and is not one this command wrote. */
export class SiteError extends Error {
  override name = 'SiteError';
  constructor(
    readonly out: string,
    readonly problem: 'not-ours' | 'not-a-folder',
  ) {
    super(
      problem === 'not-a-folder'
        ? `site: ${out} is a file, not a folder; choose another --out`
        : `site: ${out} exists and was not written by npm run site (no ${marker}); choose another --out or empty it`,
    );
  }
}

/**
 * Bundles a browser script: `ui` (every page: the language switch) or `search-page` (the search,
 * with the bot's normalisation and MiniSearch index options).
 */
async function clientScript(entry: 'ui' | 'search-page'): Promise<string> {
  const result = await build({
    entryPoints: [join(here, `client/${entry}.ts`)],
    bundle: true,
    // A classic script: a page opened from disk (file://) may not load modules.
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    write: false,
    legalComments: 'eof',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Builds the site. */
export async function buildSite(options: SiteOptions = {}): Promise<SiteBuild> {
  const started = performance.now();
  const corpusDir = options.corpusDir ?? defaultCorpusDir;
  const out = options.out ?? defaultSiteDir;
  if (existsSync(out) && !statSync(out).isDirectory()) throw new SiteError(out, 'not-a-folder');
  if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(join(out, marker))) throw new SiteError(out, 'not-ours');
  const corpus = withConferences(loadCorpus(corpusDir), corpusDir);
  const { dir } = ensureIndex(corpusDir, 1, corpus);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const publicUrl = options.publicUrl ?? null;
  const infos = new Map(corpus.sources.map((s) => [s.file, s]));
  const source = (file: string) => infos.get(file);
  const texts = new Map<string, string>();
  for (const c of corpus.conferences)
    for (const f of c.sources) {
      const decoded = decodeSource(readFileSync(join(corpusDir, f)));
      if (decoded.ok) texts.set(f, decoded.text);
    }
  const scripts = new Map([...texts].map(([f, t]) => [f, scriptOf(t)]));
  const related = relatedByExchange(corpus.conferences, topics);

  const files = new Map<string, string>();
  files.set('index.html', homePage(corpus, source));
  files.set('search/index.html', searchPage());
  files.set('about/index.html', aboutPage());
  for (const c of corpus.conferences) {
    files.set(`${conferencePath(c.year)}index.html`, conferencePage(c, source));
    c.exchanges.forEach((e, i) => {
      const ctx = { conference: c, source, scriptOf: (f: string) => scripts.get(f) ?? 'zh-Hans', related: related.get(e.id) ?? [], publicUrl, today };
      files.set(`${exchangePath(e.id)}index.html`, exchangePage(e, ctx, { prev: c.exchanges[i - 1], next: c.exchanges[i + 1] }));
    });
    for (const f of c.sources) {
      files.set(
        `${decodeURIComponent(copyPath(f))}index.html`,
        copyPage({
          file: f,
          text: texts.get(f) ?? '',
          info: source(f),
          removed: corpus.removed.filter((r) => r.source === f),
          conference: c,
          script: scripts.get(f) ?? 'zh-Hans',
        }),
      );
    }
  }
  // Formulations: a page for each topic's main term and each year's first keywords, and their list.
  const keywordData = JSON.parse(readFileSync(join(dir, 'keywords.json'), 'utf8')) as KeywordData;
  const book = new PhraseBook(corpus.conferences, () => ({ terms: [], via: null, corrected: [], unknown: [] }));
  const keywordsOfYear = (y: number) => keywordsOf(keywordData, book.text, y);
  const phraseRows = phrasesToPublish(
    topics,
    corpus.conferences.map((c) => c.year),
    keywordsOfYear,
  ).map((term) => book.lookup(term).rows[0]!);
  const phraseCtx = { conferences: corpus.conferences, source };
  for (const row of phraseRows) files.set(`${decodeURIComponent(phrasePath(row.counted))}index.html`, phrasePage(row, phraseCtx));
  files.set(
    'phrases/index.html',
    phrasesIndexPage(
      phraseRows,
      corpus.conferences.map((c) => ({ year: c.year, keywords: keywordsOfYear(c.year).slice(0, publishedKeywords) })),
    ),
  );
  const pages = [...files.keys()];
  // Not a page of the site but the host's answer to any other address, so not in `pages`.
  files.set(
    '404.html',
    notFoundPage(
      corpus.conferences.map((c) => c.year),
      publicUrl ? new URL(publicUrl).pathname : '/',
    ),
  );
  const docs = JSON.parse(readFileSync(join(dir, 'docs.json'), 'utf8')) as SearchDoc[];
  const english = JSON.parse(readFileSync(join(dir, 'english.json'), 'utf8')) as EnglishMap;
  const data = searchData(readFileSync(join(dir, 'index.json'), 'utf8'), vocabulary(docs).keys(), english, corpus.conferences);
  files.set(searchDataScript, `window.${searchDataGlobal} = ${JSON.stringify(data)};\n`);
  files.set('assets/site.css', readFileSync(join(here, 'assets/site.css'), 'utf8'));
  files.set('assets/ui.js', await clientScript('ui'));
  files.set(searchScript, await clientScript('search-page'));
  files.set('.nojekyll', '');
  files.set(marker, `Written by npm run site; a rebuild empties this folder.\n`);

  rmSync(out, { recursive: true, force: true });
  let bytes = 0;
  for (const [path, content] of files) {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    bytes += statSync(target).size;
  }
  const sizes = pages.map((p) => ({ path: p, bytes: Buffer.byteLength(files.get(p)!) })).sort((a, b) => b.bytes - a.bytes);
  return { out: relative(process.cwd(), out) || '.', ms: performance.now() - started, files: files.size, bytes, pages, largestPage: sizes[0]! };
}
