/**
 * Rendering replies as Discord message payloads (plain JSON). Pure: the same functions feed the
 * bot and the console mode, so both show the same content. Every payload respects Discord's limits
 * by construction: long text is paged, and whatever does not fit is announced, never dropped.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  type APIStringSelectComponent,
} from 'discord.js';
import type { LoadedConference } from '../corpus/load.js';
import type { SourceInfo } from '../corpus/model.js';
import type { ResultVariant, SearchResult } from '../search/engine.js';
import { encodeButton, type ButtonState } from './custom-id.js';
import { labels, type Lang } from './i18n.js';
import { limits } from './limits.js';
import { citations, excerpt } from '../render/cite.js';
import { ministerName, ordinal, outletName, withEnglish } from '../render/names.js';

/** A message as sent to Discord (what `reply`, `followUp` and channel messages take). */
export interface MessagePayload {
  readonly content?: string;
  readonly embeds?: APIEmbed[];
  readonly components?: APIActionRowComponent<APIButtonComponent | APIStringSelectComponent>[];
  /** Attached files (a chart); an embed shows one as `attachment://<name>`. */
  readonly files?: readonly PayloadFile[];
}

/** A file sent with a message. */
export interface PayloadFile {
  readonly name: string;
  readonly data: Uint8Array;
  /** Its alt text, which Discord shows to screen readers (at most 1024 characters). */
  readonly description: string;
  /** What a terminal prints instead of it (the console's text chart). */
  readonly text?: string;
}

/** Characters of quoted text per embed description, leaving room for quote markers and escapes. */
export const pageBudget = 3000;
/** Variants shown inline under a quote before the Variants button takes over. */
export const inlineVariants = 3;

/** Characters that make markdown anywhere in a line: emphasis, code, spoilers, strikethrough, link brackets, the escape itself. */
const inlineMarkdown = /[\\*_~`|[\]]/gu;
/** What makes a line a heading, list item, quote or subtext: `#`, `- `, `+ `, `>`, `1. ` after optional spaces. */
const lineMarkdown = /^( *)(#|>|[-+](?= )|\d+(?=\. ))/gmu;

/**
 * Escapes user-typed or corpus text so Discord shows it as written (no markdown, no links): a
 * backslash before each character that could start markdown. Two linear passes; discord.js's
 * `escapeMarkdown` was 75% of a reply's CPU time, its regexes being quadratic in line length.
 */
export function plainText(text: string): string {
  return text
    .replace(inlineMarkdown, '\\$&')
    .replace(lineMarkdown, (_, spaces: string, mark: string) => (/\d/u.test(mark) ? `${spaces}${mark}\\` : `${spaces}\\${mark}`));
}

/** A source file name as inline code: shown and copied exactly. */
export function fileName(file: string): string {
  return `\`${file.replace(/`/gu, "'")}\``;
}

/**
 * A source as a reply names it: the publisher (a link when `sources.json` gives its url), then the
 * file name, which is the evidence the quote is checked against.
 */
export function sourceLabel(file: string, info: SourceInfo | undefined): string {
  if (!info) return fileName(file);
  const publisher = plainText(info.publisher.replace(/[[\]]/gu, ''));
  const named = info.url ? `[${publisher}](<${info.url}>)` : publisher;
  return `${named} · ${fileName(file)}`;
}

/** Private-use marks put into a quote before it is escaped and paged: underline on, underline off, a note's number. */
const mark = { open: '\uE000', close: '\uE001', note: 0xe010 } as const;
const superscript = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
/** `¹`, `²`, … `¹²`: the note mark of the n-th place. */
export const noteMark = (n: number) => [...String(n)].map((d) => superscript[Number(d)]).join('');

/** Renders paragraphs as a Discord block quote, escaped; marked places are underlined with their note number. */
export function blockQuote(paragraphs: readonly string[]): string {
  return paragraphs
    .map((p) => `> ${plainText(p)}`)
    .join('\n')
    .replace(/\uE000/gu, '__')
    .replace(/\uE001/gu, '__')
    .replace(/[\uE010-\uE0FF]/gu, (c) => noteMark(c.charCodeAt(0) - mark.note));
}

/**
 * Marks places in paragraphs (offsets in the paragraphs joined without separator, from `offset`):
 * each place is underlined and followed by its note number. The marks are private-use characters
 * until `blockQuote` renders them, so escaping and paging never split or escape them.
 */
export function markPlaces(paragraphs: readonly string[], offset: number, places: readonly { start: number; end: number; n: number }[]): string[] {
  let at = offset;
  return paragraphs.map((p) => {
    const from = at;
    at += p.length;
    const inside = places.filter((x) => x.start < at && x.end > from).sort((a, b) => b.start - a.start);
    let out = p;
    for (const x of inside) {
      const s = Math.max(0, x.start - from);
      const e = Math.min(p.length, x.end - from);
      const closes = x.end <= at;
      out = `${out.slice(0, s)}${mark.open}${out.slice(s, e)}${mark.close}${closes ? String.fromCharCode(mark.note + x.n) : ''}${out.slice(e)}`;
    }
    return out;
  });
}

/** Cuts text into pieces of at most `max` characters, at sentence ends where possible. */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(...['。', '！', '？', '；', '. ', '\n'].map((p) => window.lastIndexOf(p)));
    const at = cut > max / 3 ? cut + 1 : max;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest !== '' || out.length === 0) out.push(rest);
  return out;
}

/** Groups paragraphs into pages of about `budget` characters; an over-long paragraph is split. */
export function paginate(paragraphs: readonly string[], budget = pageBudget): string[][] {
  const pages: string[][] = [];
  let page: string[] = [];
  let size = 0;
  for (const p of paragraphs.flatMap((x) => splitText(x, budget))) {
    if (size + p.length > budget && page.length > 0) {
      pages.push(page);
      page = [];
      size = 0;
    }
    page.push(p);
    size += p.length;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** Splits a field value over several fields of at most 1024 characters, naming the continuations. */
export function fields(name: string, value: string): APIEmbedField[] {
  return splitText(value, limits.fieldValue).map((v, i) => ({ name: truncateLabel(i === 0 ? name : `${name} (${i + 1})`, limits.fieldName), value: v }));
}

/** Labels (never quotes) may be shortened to fit; an ellipsis says so. */
export function truncateLabel(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The minister as printed, and in English for English users where the reviewed table knows him: `王毅 (Wang Yi)`. */
export function ministerLabel(minister: string, lang: Lang): string {
  return plainText(lang === 'en' ? withEnglish(minister, ministerName(minister)?.en ?? null) : minister);
}

/** Who asked, as printed, with the outlet in English for English users where the table knows it: `路透社记者 (Reuters)`. */
function questionerLabel(questioner: string | null, lang: Lang): string {
  if (questioner === null) return plainText(labels(lang).questionerUnknown);
  return plainText(lang === 'en' ? withEnglish(questioner, outletName(questioner)) : questioner);
}

/** `2024-03-07 · 十四届全国人大二次会议 (14th NPC, 2nd session)` in the user's language. */
export function conferenceLabel(result: Pick<SearchResult, 'date' | 'conference'>, npc: { term: number; session: number } | null, lang: Lang): string {
  if (lang !== 'en') {
    const date = result.date ? result.date.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/u, '$1年$2月$3日') : '';
    return [date, result.conference].filter(Boolean).join(' · ');
  }
  const npcLabel = npc ? ` (${ordinal(npc.term)} NPC, ${ordinal(npc.session)} session)` : '';
  return `${result.date ?? 'date unknown'} · ${result.conference}${npcLabel}`;
}

/** A row of buttons, leaving out any whose state does not fit in a custom id. */
export function buttonRow(
  buttons: { label: string; state: ButtonState; style?: ButtonStyle.Primary | ButtonStyle.Secondary; disabled?: boolean }[],
): APIActionRowComponent<APIButtonComponent>[] {
  const components: APIButtonComponent[] = [];
  for (const b of buttons) {
    const customId = encodeButton(b.state);
    if (customId === null) continue;
    components.push({
      type: ComponentType.Button,
      style: b.style ?? ButtonStyle.Secondary,
      label: truncateLabel(b.label, limits.buttonLabel),
      custom_id: customId,
      disabled: b.disabled ?? false,
    });
  }
  return components.length === 0 ? [] : [{ type: ComponentType.ActionRow, components }];
}

/** What a search reply needs besides the result itself. */
export interface ResultContext {
  readonly lang: Lang;
  readonly minister: string;
  /** How the topic is named in titles (topic names, or the query as typed). */
  readonly topicLabel: string;
  readonly npc: { term: number; session: number } | null;
  /** Chinese terms searched; empty for `/quote`. */
  readonly terms: readonly string[];
  readonly ignored?: readonly string[];
  /** Typos read as another word, said so the reader can tell (`tawian → taiwan`). */
  readonly corrected?: readonly { readonly from: string; readonly to: string }[];
  /** What `sources.json` says of a file, to name its publisher. */
  readonly source?: (file: string) => SourceInfo | undefined;
  /** Without a year: how many exchanges match in each year, shown with a button per other year. */
  readonly perYear?: readonly { readonly year: number; readonly count: number }[] | null;
  /** The exchange's page in the web edition (`PUBLIC_URL`): the title links to it. Absent: no link. */
  readonly permalink?: string | null;
  /** For the Next result button: the query, year and this result's rank; absent for `/quote`. */
  readonly next?: { readonly query: string; readonly year: number | null; readonly rank: number; readonly total: number };
}

/** One note per place of disagreement (several copies may word one place otherwise), numbered in order. */
function placesOf(variants: readonly ResultVariant[]): { start: number; end: number; n: number }[] {
  const seen = new Map<string, { start: number; end: number; n: number }>();
  for (const v of [...variants].sort((a, b) => a.start - b.start)) {
    const key = `${v.start}|${v.end}`;
    if (!seen.has(key)) seen.set(key, { start: v.start, end: v.end, n: seen.size + 1 });
  }
  return [...seen.values()];
}

/** Both wordings of a place, each with the copies that print it. */
function variantLines(v: ResultVariant): string {
  return `«${plainText(v.canonical)}» — ${v.readingSources.map(fileName).join(', ')}\n«${plainText(v.text)}» — ${fileName(v.source)}`;
}

/** The main reply: one exchange, its quote as a block quote, and everything a citation needs. */
export function resultPayload(r: SearchResult, ctx: ResultContext): MessagePayload {
  const L = labels(ctx.lang);
  const total = r.answer.split('\n').length;
  const [first, last] = r.quoteRange;
  // Disagreements inside the quote: every one that changes the meaning, at its place, then form.
  const disagreements = r.variants.filter((v) => v.inQuote);
  const meaning = disagreements.filter((v) => v.impact === 'meaning');
  const inline = [...meaning, ...disagreements.filter((v) => v.impact === 'form').slice(0, Math.max(0, inlineVariants - meaning.length))];
  const marked = placesOf(meaning.filter((v) => v.field === 'answer'));
  const pages = paginate(markPlaces(r.quote.split('\n'), r.quoteOffset, marked));
  const quoteCut = pages.length > 1;

  const embedFields: APIEmbedField[] = [];
  if (r.question !== null) embedFields.push(...fields(L.question(questionerLabel(r.questioner, ctx.lang)), plainText(r.question)));
  else embedFields.push({ name: L.remarks(r.kind === 'closing' ? 'closing' : 'opening'), value: '—' });
  if (r.match === 'answer') embedFields.push({ name: '⚠', value: L.passing });
  embedFields.push({ name: L.conference, value: conferenceLabel(r, ctx.npc, ctx.lang), inline: true });
  embedFields.push({ name: L.exchange, value: `\`${r.id}\``, inline: true });
  for (const v of inline) {
    const field = v.field === 'answer' ? '' : ` (${v.field})`;
    const place = v.field === 'answer' ? marked.find((m) => m.start === v.start && m.end === v.end) : undefined;
    embedFields.push(...fields(`${v.impact === 'meaning' ? L.disagreeMeaning(place ? noteMark(place.n) : '') : L.disagree}${field}`, variantLines(v)));
  }
  if (disagreements.length > inline.length) embedFields.push({ name: L.disagree, value: L.moreVariants(disagreements.length - inline.length) });
  embedFields.push(...fields(L.sources, r.quoteSources.map((f) => sourceLabel(f, ctx.source?.(f))).join('\n')));
  if (ctx.terms.length > 0) embedFields.push(...fields(L.searched, ctx.terms.join('、')));
  if (ctx.ignored && ctx.ignored.length > 0) embedFields.push(...fields(L.notSearched, ctx.ignored.map(plainText).join(', ')));
  if (ctx.corrected && ctx.corrected.length > 0)
    embedFields.push(...fields(L.readAs, ctx.corrected.map((c) => `${plainText(c.from)} → ${plainText(c.to)}`).join(', ')));
  if (ctx.perYear) embedFields.push({ name: L.byYear, value: ctx.perYear.map((y) => `${y.year} · ${y.count}`).join('  ') });

  const footerParts = [quoteCut ? `${L.quoteOf(first + 1, last + 1, total)} · ${L.page(1, pages.length)}` : L.quoteOf(first + 1, last + 1, total), L.verbatim];
  if (ctx.next) footerParts.unshift(L.resultOf(ctx.next.rank, ctx.next.total));
  const embed: APIEmbed = {
    title: truncateLabel(`${ministerLabel(ctx.minister, ctx.lang)} · ${ctx.topicLabel} · ${r.year}`, limits.embedTitle),
    ...(ctx.permalink ? { url: ctx.permalink } : {}),
    description: blockQuote(pages[0]!),
    fields: embedFields.slice(0, limits.embedFields),
    footer: { text: footerParts.join('\n') },
  };
  const buttons: Parameters<typeof buttonRow>[0] = [];
  if (ctx.next) {
    const { rank, total, year, query } = ctx.next;
    // On the first result Previous is disabled; it carries rank 1 so that its id stays valid and unlike Next's.
    buttons.push({ label: L.prevResult, state: { kind: 'next', rank: Math.max(1, rank - 1), year, query }, disabled: rank <= 1 });
    buttons.push({ label: L.next, state: { kind: 'next', rank: rank + 1, year, query }, style: ButtonStyle.Primary, disabled: rank >= total });
  }
  buttons.push({ label: L.full, state: { kind: 'page', id: r.id, page: 0 } });
  buttons.push({ label: L.cite, state: { kind: 'cite', id: r.id, first, last } });
  if (r.variants.length > 0) buttons.push({ label: L.variants, state: { kind: 'var', id: r.id, page: 0 } });
  // The other years one click away: the best exchange of that year, in place.
  const years = ctx.next && ctx.perYear ? ctx.perYear.filter((y) => y.count > 0).slice(0, 5) : [];
  const yearButtons = years.map((y) => ({ label: L.inYear(y.year, y.count), state: { kind: 'next', rank: 1, year: y.year, query: ctx.next!.query } as const }));
  return { embeds: [fitEmbed(embed, ctx.lang)], components: [...buttonRow(buttons), ...buttonRow(yearButtons)] };
}

/** Keeps an embed under the 6000-character total by dropping trailing fields and saying so. */
export function fitEmbed(embed: APIEmbed, lang: Lang): APIEmbed {
  const size = (e: APIEmbed) =>
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  const out = { ...embed, fields: [...(embed.fields ?? [])] };
  let dropped = 0;
  while (size(out) > limits.embedTotal - 40 && out.fields.length > 0) {
    out.fields.pop();
    dropped++;
  }
  if (dropped > 0) out.fields.push({ name: '…', value: labels(lang).moreFields(dropped) });
  return out;
}

/** One page of the full answer (ephemeral pager). */
export function answerPagePayload(
  r: SearchResult,
  page: number,
  ctx: Pick<ResultContext, 'lang' | 'minister' | 'npc' | 'source' | 'permalink'>,
): MessagePayload {
  const L = labels(ctx.lang);
  const meaning = r.variants.filter((v) => v.field === 'answer' && v.impact === 'meaning');
  const marked = placesOf(meaning);
  const pages = paginate(markPlaces(r.answer.split('\n'), 0, marked));
  const p = Math.min(Math.max(page, 0), pages.length - 1);
  const shown = new Set([...pages[p]!.join('').matchAll(/[\uE010-\uE0FF]/gu)].map((m) => m[0].charCodeAt(0) - 0xe010));
  const embed: APIEmbed = {
    title: truncateLabel(`${ministerLabel(ctx.minister, ctx.lang)} · ${r.id} · ${L.full}`, limits.embedTitle),
    ...(ctx.permalink ? { url: ctx.permalink } : {}),
    description: blockQuote(pages[p]!),
    fields: [
      ...(r.question !== null ? fields(L.question(questionerLabel(r.questioner, ctx.lang)), plainText(r.question)) : []),
      { name: L.conference, value: conferenceLabel(r, ctx.npc, ctx.lang) },
      ...fields(L.sources, r.sources.map((f) => sourceLabel(f, ctx.source?.(f))).join('\n')),
      ...marked
        .filter((m) => shown.has(m.n))
        .flatMap((m) =>
          meaning.filter((v) => v.start === m.start && v.end === m.end).flatMap((v) => fields(L.disagreeMeaning(noteMark(m.n)), variantLines(v))),
        ),
    ],
    footer: { text: `${L.page(p + 1, pages.length)}\n${L.verbatim}` },
  };
  return {
    embeds: [fitEmbed(embed, ctx.lang)],
    components: buttonRow([
      { label: L.prev, state: { kind: 'page', id: r.id, page: Math.max(0, p - 1) }, disabled: p === 0 },
      { label: L.nextPage, state: { kind: 'page', id: r.id, page: p + 1 }, disabled: p >= pages.length - 1 },
      { label: L.cite, state: { kind: 'cite', id: r.id, first: 0, last: r.answer.split('\n').length - 1 } },
    ]),
  };
}

/** Variants of an exchange, paged, each side verbatim. */
export function variantsPayload(r: SearchResult, page: number, lang: Lang, permalink: string | null = null): MessagePayload {
  const L = labels(lang);
  const perPage = 8;
  const pages = Math.max(1, Math.ceil(r.variants.length / perPage));
  const p = Math.min(Math.max(page, 0), pages - 1);
  const shown = r.variants.slice(p * perPage, (p + 1) * perPage);
  const embed: APIEmbed = {
    title: truncateLabel(L.variantsTitle(r.id), limits.embedTitle),
    // The web edition shows every copy side by side: its apparatus is the place to read them all.
    ...(permalink ? { url: `${permalink}#apparatus` } : {}),
    fields: shown.flatMap((v) => fields(`${v.field} · ${L.impact(v.impact, v.impactReason)}`, variantLines(v))),
    footer: { text: L.page(p + 1, pages) },
  };
  return {
    embeds: [fitEmbed(embed, lang)],
    components: buttonRow([
      { label: L.prev, state: { kind: 'var', id: r.id, page: Math.max(0, p - 1) }, disabled: p === 0 },
      { label: L.nextPage, state: { kind: 'var', id: r.id, page: p + 1 }, disabled: p >= pages - 1 },
    ]),
  };
}

/**
 * The Cite reply: a warning first where the copies disagree inside the span; the quoted paragraphs
 * verbatim (`…` where they are an excerpt) and the copies that carry them; then the reference in
 * each style of `cite.ts`, each in a code block so that copying gives the exact text. Split over
 * several messages when longer than one allows.
 */
export function citationMessages(
  r: SearchResult,
  first: number,
  last: number,
  ctx: Pick<ResultContext, 'lang' | 'minister' | 'npc' | 'source' | 'permalink'> & { readonly today: string },
): MessagePayload[] {
  const L = labels(ctx.lang);
  const all = r.answer.split('\n');
  const paragraphs = all.slice(first, last + 1);
  const from = all.slice(0, first).join('').length;
  const to = from + paragraphs.join('').length;
  const disputed = r.variants.filter((v) => v.field === 'answer' && v.start < to && v.end > from);
  const files = [...new Set(r.paragraphSources.slice(first, last + 1).flat())];
  const fence = (text: string) => text.replace(/```/gu, '`\u200b``');
  const quote = splitText(fence(excerpt(paragraphs, first, last, all.length)), limits.content - 20).map((piece) => `\`\`\`text\n${piece}\n\`\`\``);
  const styles = citations({
    minister: ctx.minister,
    year: r.year,
    date: r.date,
    session: r.conference,
    npc: ctx.npc ?? null,
    exchangeId: r.id,
    questioner: r.questioner,
    copies: files.map((f) => ctx.source?.(f)).filter((x): x is SourceInfo => x !== undefined),
    today: ctx.today,
    ...(ctx.permalink ? { permalink: ctx.permalink } : {}),
  }).map(
    (c) => `**${c.name}**${c.inText ? ` · ${L.inText} ${c.inText}` : ''}\n\`\`\`${c.style === 'bibtex' ? 'bibtex' : 'text'}\n${fence(c.reference)}\n\`\`\``,
  );
  const blocks = [...quote, L.citeCopies(r.id, files.map(fileName).join(', ')), ...styles];
  // As few messages as the blocks fit in, never splitting a code block.
  const messages: MessagePayload[] = [];
  let current = '';
  for (const block of blocks) {
    if (current !== '' && current.length + 1 + block.length > limits.content) {
      messages.push({ content: current });
      current = '';
    }
    current = current === '' ? block.slice(0, limits.content) : `${current}\n${block}`;
  }
  if (current !== '') messages.push({ content: current });
  if (disputed.length === 0) return messages;
  // The warning comes first, so it is read before the citation is copied.
  const lines = disputed.map(
    (v) => `«${plainText(v.canonical)}» (${v.readingSources.map(fileName).join(', ')}) / «${plainText(v.text)}» (${fileName(v.source)})`,
  );
  const warning = splitText(`${L.citeWarning(disputed.length)}\n${lines.join('\n')}`, limits.content);
  return [...warning.map((content) => ({ content })), ...messages];
}

/** A plain message (no statement, errors, notes), escaped. */
export function textPayload(text: string): MessagePayload {
  return { content: splitText(text, limits.content)[0] };
}

/** `/sources`: the conferences in the corpus with their copies and variant counts. */
export function sourcesPayload(
  conferences: readonly LoadedConference[],
  source: (file: string) => SourceInfo | undefined,
  lang: Lang,
  siteUrl: string | null = null,
): MessagePayload {
  const L = labels(lang);
  const embed: APIEmbed = {
    title: L.corpusTitle,
    ...(siteUrl ? { url: siteUrl } : {}),
    fields: conferences.flatMap((c) => {
      const variants = c.exchanges.reduce((n, e) => n + e.variants.length, 0);
      const answers = c.exchanges.filter((e) => e.kind === 'answer').length;
      const head = L.corpusCounts(answers, variants);
      const title = (f: string) => {
        const t = source(f)?.title;
        return t ? ` — «${plainText(t)}»` : '';
      };
      const files = c.sources.map((f) => `• ${sourceLabel(f, source(f))}${title(f)}`).join('\n');
      return fields(`${c.year} · ${conferenceLabel({ date: c.date, conference: c.session }, c.npc, lang)}`, `${head}\n${L.sources}:\n${files}`);
    }),
    footer: { text: L.verbatim },
  };
  return { embeds: [fitEmbed(embed, lang)] };
}

/** Exchanges per page of `/conference`: a menu holds 25, ten keep the list readable on a phone. */
export const conferencePageSize = 10;

/**
 * `/conference year`: the exchanges in order (id, who asked, the start of the question), a page at a
 * time, with a menu that opens any of them and Previous/Next for the pages.
 */
export function conferencePayload(conference: LoadedConference, page: number, lang: Lang, url: string | null = null): MessagePayload {
  const L = labels(lang);
  const all = conference.exchanges;
  const pages = Math.max(1, Math.ceil(all.length / conferencePageSize));
  const p = Math.min(Math.max(0, page), pages - 1);
  const shown = all.slice(p * conferencePageSize, (p + 1) * conferencePageSize);
  const who = (e: (typeof all)[number]) => (e.questioner === null ? L.remarks(e.kind) : questionerLabel(e.questioner, lang));
  const start = (e: (typeof all)[number]) => (e.question === null ? '' : truncateLabel(e.question.replace(/\s+/gu, ''), 40));
  const lines = shown.map((e) => `\`${e.id}\` · ${who(e)}${e.question === null ? '' : ` — ${plainText(start(e))}`}`);
  const embed: APIEmbed = {
    title: truncateLabel(`${ministerLabel(conference.minister, lang)} · ${L.conferenceList(conference.year, all.length)}`, limits.embedTitle),
    ...(url ? { url } : {}),
    description: lines.join('\n').slice(0, limits.embedDescription),
    fields: fields(L.conference, conferenceLabel({ date: conference.date, conference: conference.session }, conference.npc, lang)),
    footer: { text: `${L.page(p + 1, pages)}\n${L.verbatim}` },
  };
  const open = encodeButton({ kind: 'open', year: conference.year });
  const menu: APIActionRowComponent<APIStringSelectComponent>[] =
    open === null || shown.length === 0
      ? []
      : [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.StringSelect,
                custom_id: open,
                placeholder: L.openExchange,
                options: shown.map((e) => ({
                  label: truncateLabel(`${e.id} · ${e.questioner ?? L.remarks(e.kind)}`, 100),
                  value: e.id,
                  ...(e.question === null ? {} : { description: truncateLabel(start(e), 100) }),
                })),
              },
            ],
          },
        ];
  const nav = buttonRow([
    { label: L.prev, state: { kind: 'conf', year: conference.year, page: Math.max(0, p - 1) }, disabled: p === 0 },
    { label: L.nextPage, state: { kind: 'conf', year: conference.year, page: p + 1 }, disabled: p >= pages - 1 },
  ]);
  return { embeds: [fitEmbed(embed, lang)], components: [...menu, ...nav] };
}
