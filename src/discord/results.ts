/** Turning search results into replies; shared by /position, /compare, /quote and the buttons. */
import type { SearchResponse, SearchResult } from '../search/engine.js';
import { conferencePath, exchangePath, permalink } from '../render/links.js';
import { SearchError } from '../search/errors.js';
import type { CommandContext, Reply } from './command.js';
import { UserError } from './command.js';
import { labels, type Lang } from './i18n.js';
import {
  answerPagePayload,
  citationMessages,
  conferencePayload,
  plainText,
  resultPayload,
  textPayload,
  variantsPayload,
  type MessagePayload,
  type ResultContext,
} from './render.js';
import type { ButtonState } from './custom-id.js';
import { linesReply, phraseReply } from './phrase-results.js';

/** Longest topic accepted (it must fit in the Next button's custom id). */
export const maxTopicLength = 80;

/** Checks a topic option: not empty, not over-long. */
export function checkTopic(topic: string | number | undefined, lang: Lang): string {
  const t = String(topic ?? '').trim();
  const E = labels(lang).errors;
  if (t === '') throw new UserError(E.noTopic);
  if ([...t].length > maxTopicLength) throw new UserError(E.topicTooLong([...t].length, maxTopicLength));
  return t;
}

/**
 * Reads a year option as Discord or the console gives it (a number, or the text typed after
 * `year:`): absent is null; anything that is not a four-digit year (`0`, `-1`, `twenty`) is an
 * error, never silently ignored.
 */
export function readYear(value: string | number | undefined): number | null {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  const n = typeof value === 'number' ? value : /^\s*\d{4}\s*$/u.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 1000 || n > 9999) throw new SearchError({ code: 'not-a-year', value: String(value) });
  return n;
}

/** How a response's topic is named in titles: topic names, else the query as typed (escaped). */
export function topicLabel(res: Pick<SearchResponse, 'topics' | 'query'>, lang: Lang): string {
  if (res.topics.length > 0) return res.topics.map((t) => (lang === 'en' ? t.name : t.zh)).join(' + ');
  return plainText(res.query.trim());
}

/** The address of an exchange's page in the web edition, when it is published. */
export function pageOf(ctx: CommandContext, id: string): string | null {
  return ctx.publicUrl ? permalink(ctx.publicUrl, exchangePath(id)) : null;
}

/** Renders one result with the context its conference gives. */
export function renderResult(
  ctx: CommandContext,
  r: SearchResult,
  lang: Lang,
  extra: Pick<ResultContext, 'terms' | 'ignored' | 'next' | 'corrected' | 'perYear'> & { topicLabel?: string },
): MessagePayload {
  const { engine } = ctx;
  const conference = engine.exchange(r.id)!.conference;
  return resultPayload(r, {
    permalink: pageOf(ctx, r.id),
    lang,
    minister: conference.minister,
    npc: conference.npc,
    topicLabel: extra.topicLabel ?? r.id,
    source: (file) => engine.source(file),
    terms: extra.terms,
    ignored: extra.ignored,
    corrected: extra.corrected,
    perYear: extra.perYear,
    next: extra.next,
  });
}

/** The reply to `/position` (rank 1) and to its Next result button (rank n). */
export function positionReply(ctx: CommandContext, query: string, year: number | null, rank: number, lang: Lang): { message: MessagePayload; found: boolean } {
  const { engine } = ctx;
  const res = engine.searchKnown(query, { year, limit: rank + 1 });
  const label = topicLabel(res, lang);
  const r = res.results[rank - 1];
  if (!r) {
    const L = labels(lang);
    const why = res.ignored.length > 0 ? `\n${L.notSearched}: ${res.ignored.map(plainText).join(', ')}` : '';
    if (res.outcome === 'not-mentioned') {
      const what = res.notMentioned.map((n) => (n.typed === n.term ? `“${plainText(n.term)}”` : `${plainText(n.typed)} (${n.term})`));
      return { message: textPayload(`${L.notMentioned(what, res.year === null ? engine.years : [res.year])}${why}`), found: false };
    }
    return { message: textPayload(`${rank === 1 ? L.noStatement(label, res.year) : L.noMore(label)}${why}`), found: false };
  }
  return {
    message: renderResult(ctx, r, lang, {
      topicLabel: label,
      terms: res.terms,
      ignored: res.ignored,
      corrected: res.corrected,
      perYear: res.perYear,
      next: { query, year, rank, total: res.total },
    }),
    found: true,
  };
}

/** Where a button was pressed: on an ephemeral message (the presser's own), and whether by the person who ran the command. */
export interface Pressed {
  readonly ephemeral: boolean;
  readonly own: boolean;
  /** For a menu: the values chosen. */
  readonly values?: readonly string[];
}

/**
 * The list of a conference's exchanges (`/conference`), a page at a time.
 * @throws SearchError `unknown-year` for a year the corpus has no conference of
 */
export function conferenceReply({ engine, publicUrl }: CommandContext, year: number, page: number, lang: Lang): MessagePayload {
  const conference = engine.conferences.find((c) => c.year === year);
  if (!conference) throw new SearchError({ code: 'unknown-year', year, years: engine.years });
  return conferencePayload(conference, page, lang, publicUrl ? permalink(publicUrl, conferencePath(year)) : null);
}

/**
 * What a button press replies. Paging through results belongs to the reader: the person who ran the
 * command pages the shared message; anyone else gets their own ephemeral copy, which they then
 * page. The full answer, variants and citations always open for the presser alone.
 */
export function buttonReply(ctx: CommandContext, state: ButtonState, lang: Lang, pressed: Pressed): Reply {
  const { engine } = ctx;
  const onEphemeral = pressed.ephemeral;
  // Paging a shared list (results, a conference's exchanges): the owner's to page, a copy for others.
  const paged = (message: MessagePayload): Reply => (onEphemeral || pressed.own ? { type: 'update', message } : { type: 'message', message, ephemeral: true });
  if (state.kind === 'next') return paged(positionReply(ctx, state.query, state.year, state.rank, lang).message);
  if (state.kind === 'conf') return paged(conferenceReply(ctx, state.year, state.page, lang));
  if (state.kind === 'lines') {
    // The reader's own pager: opened for the presser, then paged in place.
    const message = linesReply(ctx, state, lang);
    return onEphemeral ? { type: 'update', message } : { type: 'message', message, ephemeral: true };
  }
  if (state.kind === 'phrase' || state.kind === 'phrases') {
    const text = state.kind === 'phrase' ? state.text : (pressed.values?.[0] ?? '');
    return { type: 'message', ephemeral: true, message: phraseReply(ctx, text, { year: null, scope: state.scope }, lang) };
  }
  if (state.kind === 'quote') {
    return { type: 'message', ephemeral: true, message: renderResult(ctx, engine.resultOf(pressed.values?.[0] ?? ''), lang, { terms: [] }) };
  }
  if (state.kind === 'open') {
    // The exchange chosen in a conference's menu, for the one who chose it.
    const id = pressed.values?.[0] ?? '';
    if (!id.startsWith(`${state.year}-`)) throw new SearchError({ code: 'unknown-id', id });
    return { type: 'message', ephemeral: true, message: renderResult(ctx, engine.resultOf(id), lang, { terms: [] }) };
  }
  const r = engine.resultOf(state.id);
  const { minister, npc } = engine.exchange(state.id)!.conference;
  if (state.kind === 'cite') {
    const today = new Date().toISOString().slice(0, 10);
    const [first, ...rest] = citationMessages(r, state.first, state.last, {
      lang,
      minister,
      npc,
      source: (file) => engine.source(file),
      today,
      permalink: pageOf(ctx, r.id),
    });
    return { type: 'message', message: first!, ephemeral: true, followUps: rest };
  }
  const message =
    state.kind === 'page'
      ? answerPagePayload(r, state.page, { lang, minister, npc, source: (file) => engine.source(file), permalink: pageOf(ctx, r.id) })
      : variantsPayload(r, state.page, lang, pageOf(ctx, r.id));
  return onEphemeral ? { type: 'update', message } : { type: 'message', message, ephemeral: true };
}
