/** `/phrase` and `/keywords` as replies: the formulations of the engine's corpus, rendered. */
import { formulationsOf, publishedPhrases } from '../formulations/index.js';
import { PhraseError } from '../formulations/input.js';
import type { Scope } from '../formulations/text.js';
import { permalink, phrasePath } from '../render/links.js';
import type { CommandContext } from './command.js';
import { UserError } from './command.js';
import type { Lang } from './i18n.js';
import { phraseLabels } from '../render/phrase-labels.js';
import { keywordsPayload, lineTotal, linesPayload, linesPerPage, phrasePayload, type PhraseView } from './phrase-render.js';
import type { MessagePayload } from './render.js';

/** What the phrase replies need from the context. */
export function phraseView({ engine }: CommandContext, lang: Lang): PhraseView {
  return { lang, conferences: engine.conferences, source: (file) => engine.source(file) };
}

/**
 * `/phrase`: counts, chart and the first page of lines.
 * @throws PhraseError for bad input, SearchError for a year not in the corpus
 */
export function phraseReply(ctx: CommandContext, text: string, options: { year: number | null; scope: Scope }, lang: Lang): MessagePayload {
  const year = ctx.engine.checkYear(options.year);
  const report = formulationsOf(ctx.engine).phrases.lookup(text, { year, scope: options.scope, lines: [0, linesPerPage] });
  return phrasePayload(report, text, phraseView(ctx, lang));
}

/** A page of `/phrase`'s lines. */
export function linesReply(ctx: CommandContext, state: { page: number; year: number | null; scope: Scope; text: string }, lang: Lang): MessagePayload {
  const year = ctx.engine.checkYear(state.year);
  const phrases = formulationsOf(ctx.engine).phrases;
  const windowOf = (page: number) => [page * linesPerPage, (page + 1) * linesPerPage] as const;
  let page = Math.max(0, state.page);
  let report = phrases.lookup(state.text, { year, scope: state.scope, lines: windowOf(page) });
  // A page past the last (a stale button after the corpus changed) shows the last page.
  const last = Math.max(0, Math.ceil(lineTotal(report) / linesPerPage) - 1);
  if (page > last) {
    page = last;
    report = phrases.lookup(state.text, { year, scope: state.scope, lines: windowOf(page) });
  }
  return linesPayload(report, state.text, page, phraseView(ctx, lang));
}

/**
 * `/keywords`: a year against the others, or against the years named.
 * @throws SearchError for a year not in the corpus, PhraseError for a year compared with itself
 */
export function keywordsReply(ctx: CommandContext, year: number, vs: readonly number[], lang: Lang): MessagePayload {
  ctx.engine.checkYear(year);
  for (const y of vs) ctx.engine.checkYear(y);
  if (vs.length > 0 && vs.every((y) => y === year)) throw new PhraseError({ kind: 'same-year', year });
  const keywords = formulationsOf(ctx.engine).keywords(year, vs);
  if (keywords === null) throw new UserError(phraseLabels(lang).keywordsUnavailable);
  return keywordsPayload(year, vs, keywords, phraseView(ctx, lang));
}

/** The web edition's page of a phrase, when the site is published and has that page. */
export function phrasePageOf(ctx: CommandContext, term: string): string | null {
  return ctx.publicUrl && publishedPhrases(ctx.engine).includes(term) ? permalink(ctx.publicUrl, phrasePath(term)) : null;
}
