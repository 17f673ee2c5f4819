/**
 * Replies of `/phrase` and `/keywords`: the counts per year with their chart, the keyword-in-context
 * lines a page at a time, and a year's keywords. Pure: from the formulations' plain data to message
 * payloads. Every line is the reading's (or a copy's) characters; only labels are added.
 */
import { ComponentType, type APIActionRowComponent, type APIEmbed, type APIStringSelectComponent } from 'discord.js';
import type { LoadedConference } from '../corpus/load.js';
import type { SourceInfo } from '../corpus/model.js';
import type { Keyword } from '../formulations/keywords.js';
import { oneCharacterLines, type Occurrence, type PhraseReport, type PhraseRow } from '../formulations/phrase.js';
import type { Scope } from '../formulations/text.js';
import { maxSeries, renderChart, textChart } from '../render/chart.js';
import { encodeButton, type ButtonState } from './custom-id.js';
import { labels, type Lang } from './i18n.js';
import { phraseLabels } from '../render/phrase-labels.js';
import { chartInput, copyTag } from '../render/phrase-chart.js';
import { limits } from './limits.js';
import { buttonRow, conferenceLabel, fields, fileName, fitEmbed, ministerLabel, plainText, truncateLabel, type MessagePayload } from './render.js';

/** Lines per page: ten fit an embed with their notes and stay readable on a phone. */
export const linesPerPage = 10;
/** The chart's file name, which the embed shows as its image. */
export const chartFile = 'phrase.png';
/** Keywords listed in a reply (the menu holds 25). */
export const keywordsShown = 15;

/** What the replies need besides the report. */
export interface PhraseView {
  readonly lang: Lang;
  readonly conferences: readonly LoadedConference[];
  readonly source: (file: string) => SourceInfo | undefined;
}

/** `2021-05 · …left【match】right…`, with where the copies disagree. */
export function lineText(o: Occurrence, lang: Lang): string {
  const P = phraseLabels(lang);
  const notes = [...(o.notIn ? [P.notIn(o.notIn.map(copyTag).join(', '))] : []), ...(o.onlyIn ? [P.onlyIn(o.onlyIn.map(copyTag).join(', '))] : [])];
  return `\`${o.id}\` · ${o.leftCut ? '…' : ''}${plainText(o.left)}【**${plainText(o.match)}**】${plainText(o.right)}${o.rightCut ? '…' : ''}${notes.length > 0 ? ` — _${notes.join('; ')}_` : ''}`;
}

/** The figures of a row: one cell per year. */
const rowCells = (row: PhraseRow, lang: Lang) => row.years.map((y) => phraseLabels(lang).cell(y.year, y.count, y.per10k)).join(' · ');

/** How a row is named: the string counted, and what was typed when that was English. */
function rowName(row: PhraseRow, lang: Lang): string {
  const P = phraseLabels(lang);
  if (row.via === 'typed') return `**${plainText(row.counted)}**`;
  return `**${plainText(row.counted)}** — ${plainText(P.via[row.via](row.query, row.counted))}`;
}

/** The chart's alt text: every figure, as the image shows it. */
export function chartAlt(report: PhraseReport, lang: Lang, shown: number): string {
  const P = phraseLabels(lang);
  const rows = report.rows
    .slice(0, shown)
    .map((r) => `${r.counted} ${r.years.map((y) => `${y.year} ${y.count}`).join(', ')}`)
    .join('; ');
  const more = report.rows.length > shown ? ` ${P.chartMore(report.rows.length - shown)}` : '';
  return truncateLabel(`${P.chartAlt(rows, P.scope[report.scope])}${more}`, limits.attachmentDescription);
}

/** The state of a page of lines, or null when the phrases are too long to fit in a custom id. */
function linesState(report: PhraseReport, text: string, page: number): ButtonState | null {
  const state: ButtonState = { kind: 'lines', page, year: report.year, scope: report.scope, text };
  return encodeButton(state) === null ? null : state;
}

/** All rows' lines as listed (one after another), how many. */
export const lineTotal = (report: PhraseReport) => report.rows.reduce((n, r) => n + (r.capped ? oneCharacterLines : r.lineCount), 0);

/** The lines embed of a page: the lines, the copies they name, and what was left out. */
function linesEmbed(report: PhraseReport, lines: readonly Occurrence[], page: number, total: number, view: PhraseView): APIEmbed {
  const P = phraseLabels(view.lang);
  const from = page * linesPerPage;
  const named = [...new Set(lines.flatMap((o) => [...(o.notIn ?? []), ...(o.onlyIn ?? [])]))];
  const notes = [
    ...(report.year !== null ? [P.linesYear(report.year)] : []),
    ...report.rows.filter((r) => r.capped).map((r) => P.capped(oneCharacterLines, r.lineCount)),
  ];
  return {
    title: truncateLabel(total === 0 ? P.lines : P.linesOf(from + 1, from + lines.length, total), limits.embedTitle),
    description: (lines.length === 0 ? P.noLines : lines.map((o) => lineText(o, view.lang)).join('\n')).slice(0, limits.embedDescription),
    fields:
      named.length === 0 ? [] : fields(P.copies, named.map((f) => `${copyTag(f)} = ${plainText(view.source(f)?.publisher ?? f)} · ${fileName(f)}`).join('\n')),
    ...(notes.length > 0 ? { footer: { text: notes.join('\n') } } : {}),
  };
}

/** A menu opening the exchanges of the lines shown (`/quote`). */
function quoteMenu(lines: readonly Occurrence[], lang: Lang): APIActionRowComponent<APIStringSelectComponent>[] {
  const ids = [...new Set(lines.map((o) => o.id))].slice(0, limits.selectOptions);
  if (ids.length === 0) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: encodeButton({ kind: 'quote' })!,
          placeholder: labels(lang).openExchange,
          options: ids.map((id) => ({ label: id, value: id })),
        },
      ],
    },
  ];
}

/**
 * `/phrase`: the counts of each row per year (with the rate), the conferences, the chart as an
 * attached PNG, and the first page of lines. `text` is what was typed, kept for paging.
 */
export function phrasePayload(report: PhraseReport, text: string, view: PhraseView): MessagePayload {
  const P = phraseLabels(view.lang);
  const L = labels(view.lang);
  const counted = report.rows.map((r) => r.counted).join('、');
  const description = report.rows
    .map((r) => `${rowName(r, view.lang)}\n${rowCells(r, view.lang)}${r.total === 0 ? `\n${plainText(P.neverSaid(r.counted))}` : ''}`)
    .join('\n\n');
  const info = [...report.corrected.map((c) => P.readAs(c.from, c.to)), ...report.omitted.map((o) => P.omitted(o.query, o.terms.join('、')))];
  const conferenceLines = view.conferences.map((c) =>
    P.conferenceLine(
      c.year,
      conferenceLabel({ date: c.date, conference: c.session }, c.npc, view.lang),
      ministerLabel(c.minister, view.lang),
      c.sources.length,
    ),
  );
  const chart = renderChart(chartInput(report, view));
  const shown = Math.min(report.rows.length, maxSeries);
  const counts: APIEmbed = {
    title: truncateLabel(plainText(P.title(counted)), limits.embedTitle),
    description: description.slice(0, limits.embedDescription),
    fields: [...fields(L.conference, conferenceLines.join('\n')), ...(info.length > 0 ? fields('ℹ', plainText(info.join('\n'))) : [])],
    image: { url: `attachment://${chartFile}` },
    footer: { text: `${P.method(P.scope[report.scope])}\n${L.verbatim}` },
  };
  const lines = report.rows.flatMap((r) => r.occurrences).slice(0, linesPerPage);
  const total = lineTotal(report);
  const more = total > linesPerPage ? linesState(report, text, 1) : null;
  const linesPart = linesEmbed(report, lines, 0, total, view);
  if (total > linesPerPage && more === null) linesPart.footer = { text: [linesPart.footer?.text, P.noPager].filter(Boolean).join('\n') };
  return {
    embeds: [fitEmbed(counts, view.lang), fitEmbed(linesPart, view.lang)],
    components: [...quoteMenu(lines, view.lang), ...(more ? buttonRow([{ label: P.moreLines, state: more }]) : [])],
    files: [
      {
        name: chartFile,
        data: chart.png,
        description: chartAlt(report, view.lang, shown),
        text: textChart(chartInput(report, view)),
      },
    ],
  };
}

/** A page of the lines (the reader's own pager), with Previous and Next. The report holds this page's lines. */
export function linesPayload(report: PhraseReport, text: string, page: number, view: PhraseView): MessagePayload {
  const P = phraseLabels(view.lang);
  const L = labels(view.lang);
  const total = lineTotal(report);
  const pages = Math.max(1, Math.ceil(total / linesPerPage));
  const p = Math.min(Math.max(0, page), pages - 1);
  const lines = report.rows.flatMap((r) => r.occurrences).slice(0, linesPerPage);
  const embed = linesEmbed(report, lines, p, total, view);
  embed.title = truncateLabel(`${plainText(P.title(report.rows.map((r) => r.counted).join('、')))} · ${embed.title ?? ''}`, limits.embedTitle);
  embed.footer = { text: [embed.footer?.text, L.page(p + 1, pages)].filter(Boolean).join('\n') };
  const prev = linesState(report, text, Math.max(0, p - 1));
  const next = linesState(report, text, p + 1);
  const nav =
    prev && next
      ? buttonRow([
          { label: L.prev, state: prev, disabled: p === 0 },
          { label: L.nextPage, state: next, disabled: p >= pages - 1 },
        ])
      : [];
  return { embeds: [fitEmbed(embed, view.lang)], components: [...quoteMenu(lines, view.lang), ...nav] };
}

/** `/keywords`: a year's distinctive words with both counts, and a menu that opens each in `/phrase`. */
export function keywordsPayload(year: number, vs: readonly number[], keywords: readonly Keyword[], view: PhraseView): MessagePayload {
  const P = phraseLabels(view.lang);
  const L = labels(view.lang);
  const shown = keywords.slice(0, keywordsShown);
  const conference = view.conferences.find((c) => c.year === year);
  const embed: APIEmbed = {
    title: truncateLabel(P.keywordsTitle(year, vs), limits.embedTitle),
    description:
      shown.length === 0
        ? P.keywordsNone(year)
        : shown.map((k, i) => `${i + 1}\\. ${P.keywordLine(plainText(k.term), k.count, k.otherCount, k.ll)}`).join('\n'),
    fields: conference
      ? fields(
          L.conference,
          P.conferenceLine(
            conference.year,
            conferenceLabel({ date: conference.date, conference: conference.session }, conference.npc, view.lang),
            ministerLabel(conference.minister, view.lang),
            conference.sources.length,
          ),
        )
      : [],
    footer: { text: P.keywordsMethod },
  };
  const menu: APIActionRowComponent<APIStringSelectComponent>[] =
    shown.length === 0
      ? []
      : [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.StringSelect,
                custom_id: encodeButton({ kind: 'phrases', scope: 'answers' })!,
                placeholder: P.openPhrase,
                options: shown.map((k) => ({ label: truncateLabel(k.term, limits.selectLabel), value: k.term.slice(0, limits.choiceValue) })),
              },
            ],
          },
        ];
  return { embeds: [fitEmbed(embed, view.lang)], components: menu };
}

/** The closing line of a `/compare` thread: each main term of the topic, with a button that opens it in `/phrase`. */
export function formulationsPayload(terms: readonly string[], scope: Scope, lang: Lang, pageOf: (term: string) => string | null): MessagePayload | null {
  const P = phraseLabels(lang);
  const buttons = terms
    .slice(0, 5)
    .map((t): { label: string; state: ButtonState } => ({ label: t, state: { kind: 'phrase', scope, text: t } }))
    .filter((b) => encodeButton(b.state) !== null);
  if (buttons.length === 0) return null;
  const named = buttons.map((b) => {
    const url = pageOf(b.label);
    return url ? `[${plainText(b.label)}](<${url}>)` : plainText(b.label);
  });
  return { content: `**${P.formulations}** · ${P.formulationsLine(named.join(' · '))}`, components: buttonRow(buttons) };
}
