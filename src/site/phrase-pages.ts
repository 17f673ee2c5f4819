/**
 * The web edition's pages of formulations: for each phrase it publishes (each topic's main term and
 * each year's first keywords), its counts per year, a bar chart drawn in HTML (the figures are in
 * the table beside it, so a screen reader reads them once) and every line in context, linked to its
 * exchange; and a page listing them. The same counts and lines as `/phrase`. Pure.
 */
import type { LoadedConference } from '../corpus/load.js';
import type { SourceInfo } from '../corpus/model.js';
import type { Keyword } from '../formulations/keywords.js';
import type { Occurrence, PhraseRow } from '../formulations/phrase.js';
import { conferencePath, copyPath, exchangePath, phrasePath } from '../render/links.js';
import { esc, page, to, ui } from './html.js';

/** What a phrase page needs besides the row. */
export interface PhrasePageContext {
  readonly conferences: readonly LoadedConference[];
  readonly source: (file: string) => SourceInfo | undefined;
}

const root = '../../';

/** A copy as the lines name it, linked to its page. */
function copyLink(file: string, ctx: PhrasePageContext): string {
  const publisher = ctx.source(file)?.publisher;
  return `<a href="${to(root, copyPath(file))}"><code>${esc(file)}</code></a>${publisher ? ` (${esc(publisher)})` : ''}`;
}

function line(o: Occurrence, ctx: PhrasePageContext): string {
  const notes = [
    ...(o.notIn ? [ui(`not in ${o.notIn.map((f) => copyLink(f, ctx)).join(', ')}`, `${o.notIn.map((f) => copyLink(f, ctx)).join('、')} 无`)] : []),
    ...(o.onlyIn
      ? [ui(`only in ${o.onlyIn.map((f) => copyLink(f, ctx)).join(', ')}, not counted`, `仅见于 ${o.onlyIn.map((f) => copyLink(f, ctx)).join('、')}，未计数`)]
      : []),
  ];
  return `<li><a class="id" href="${to(root, exchangePath(o.id))}">${esc(o.id)}</a> <span class="kwic" lang="zh-Hans">${o.leftCut ? '…' : ''}${esc(o.left)}<mark>${esc(o.match)}</mark>${esc(o.right)}${o.rightCut ? '…' : ''}</span>${notes.length > 0 ? ` <span class="reason">${notes.join('; ')}</span>` : ''}</li>`;
}

/** The page of one phrase. */
export function phrasePage(row: PhraseRow, ctx: PhrasePageContext): string {
  const max = Math.max(1, ...row.years.map((y) => y.count));
  const rows = row.years
    .map((y) => {
      const c = ctx.conferences.find((x) => x.year === y.year);
      return `<tr><th scope="row"><a href="${to(root, conferencePath(y.year))}">${y.year}</a></th><td class="num">${y.count}</td><td class="bar" aria-hidden="true"><span style="width:${((y.count / max) * 100).toFixed(1)}%"></span></td><td class="num">${y.per10k.toFixed(2)}</td><td class="num">${y.chars}</td><td lang="zh-Hans">${c ? esc(c.minister) : ''}</td></tr>`;
    })
    .join('\n');
  const lines = row.occurrences.map((o) => line(o, ctx)).join('\n');
  return page({
    title: `${row.counted} · formulations · 提法 · position`,
    root,
    crumbs: [{ label: ui('Formulations', '提法'), href: to(root, 'phrases/') }, { label: `<span lang="zh-Hans">${esc(row.counted)}</span>` }],
    description: `How often the foreign minister said ${row.counted} at each NPC press conference, with every occurrence in context.`,
    body: `<h1 lang="zh-Hans">${esc(row.counted)}</h1>
<p class="explain">${ui(
      'How often the minister says it, per conference: counted once per conference on the reading (however many copies print it), in his words (opening, answers, closing), with the rate per 10,000 characters of that text. The Discord bot’s /phrase gives the same figures.',
      '外长每次记者会说了几次：以采用读法计数，每次记者会计一次（无论几个副本刊载），范围为外长的话（开场白、回答、结束语），并按每万字折算。Discord 机器人的 /phrase 给出相同数字。',
    )}</p>
<div class="scroll"><table class="phrase">
<thead><tr><th scope="col">${ui('Year', '年份')}</th><th scope="col">${ui('Times', '次数')}</th><th scope="col"><span class="visually-hidden">${ui('Chart', '图')}</span></th><th scope="col">${ui('Per 10,000 characters', '每万字')}</th><th scope="col">${ui('Characters', '字数')}</th><th scope="col">${ui('Minister', '部长')}</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
<h2>${ui(`Every occurrence (${row.lineCount})`, `每一处（${row.lineCount}）`)}</h2>
${row.occurrences.length === 0 ? `<p>${ui('Never said in these conferences.', '这些记者会中没有说过。')}</p>` : `<ol class="kwic-lines">\n${lines}\n</ol>`}`,
  });
}

/** The list of the phrases with a page: the topics' main terms and each year's keywords. */
export function phrasesIndexPage(rows: readonly PhraseRow[], keywords: readonly { year: number; keywords: readonly Keyword[] }[]): string {
  const link = (term: string) => `<a href="${to('../', phrasePath(term))}" lang="zh-Hans">${esc(term)}</a>`;
  const byTerm = new Map(rows.map((r) => [r.counted, r]));
  const years = keywords
    .map(
      (k) =>
        `<li><a href="${to('../', conferencePath(k.year))}">${k.year}</a>: ${k.keywords
          .filter((x) => byTerm.has(x.term))
          .map((x) => `${link(x.term)} <span class="gap">${x.count}</span>`)
          .join(' · ')}</li>`,
    )
    .join('\n');
  const all = [...rows]
    .sort((a, b) => b.total - a.total || (a.counted < b.counted ? -1 : 1))
    .map((r) => `<li>${link(r.counted)} <span class="gap">${r.years.map((y) => `${y.year}: ${y.count}`).join(' · ')}</span></li>`)
    .join('\n');
  return page({
    title: 'Formulations · 提法 · position',
    root: '../',
    crumbs: [{ label: ui('Formulations', '提法') }],
    body: `<h1>${ui('Formulations across the years', '历年提法')}</h1>
<p class="explain">${ui(
      'Set phrases and how often the minister says them each year. Keywords of a year are the words it says distinctively often against the other years (log-likelihood); any other phrase can be counted with the Discord bot’s /phrase or <code>npm run phrase</code>.',
      '固定提法及外长每年说了几次。某年的关键词是与其他年份相比当年说得格外多的词（对数似然比）；其他词组可用 Discord 机器人的 /phrase 或 <code>npm run phrase</code> 计数。',
    )}</p>
<h2>${ui('Keywords of each year', '各年份关键词')}</h2>
<ul class="plain">
${years}
</ul>
<h2>${ui('Every phrase with a page', '全部提法')}</h2>
<ul class="plain">
${all}
</ul>`,
  });
}
