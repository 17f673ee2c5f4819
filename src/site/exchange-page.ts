/**
 * The page of one exchange, at its permanent address (`2024/06/`): the reading with its
 * meaning-changing disagreements marked where they occur, each copy's own text side by side with
 * its differences, where each copy prints it, the citations and the same topics in other years.
 * Pure: everything comes from the corpus model.
 */
import type { LoadedConference, LoadedExchange } from '../corpus/load.js';
import type { SourceInfo } from '../corpus/model.js';
import { citations } from '../render/cite.js';
import { conferencePath, copyPath, exchangePath } from '../render/links.js';
import { copyText, placesOf, readingParagraphs, readingQuestion, type Place, type Segment } from './apparatus.js';
import { esc, page, to, ui, zh } from './html.js';
import { conferenceHtml, ministerHtml, publisherHtml, questionerHtml } from './labels.js';
import { minCount, type Related } from './related.js';

/** What an exchange page needs besides the exchange. */
export interface ExchangeContext {
  readonly conference: LoadedConference;
  readonly source: (file: string) => SourceInfo | undefined;
  /** The script each copy is printed in. */
  readonly scriptOf: (file: string) => 'zh-Hans' | 'zh-Hant';
  /** The same topics in the other years. */
  readonly related: readonly Related[];
  /** The site's public address, for absolute links in citations; null when not published. */
  readonly publicUrl: string | null;
  /** The day of the build, for the access date of online copies. */
  readonly today: string;
}

const fieldName = { questioner: ui('questioner', '提问者'), question: ui('question', '问题'), answer: ui('answer', '回答') } as const;

/** Segments as HTML: a place of meaning marked and linked to its note, a place of form left plain in the reading. */
function segmentsHtml(segments: readonly Segment[], places: readonly Place[], mode: 'reading' | 'copy'): string {
  return segments
    .map((s) => {
      const place = s.place === undefined ? undefined : places.find((p) => p.n === s.place);
      if (!place) return esc(s.text);
      if (mode === 'reading' && place.impact !== 'meaning') return esc(s.text);
      const cls = place.impact === 'meaning' ? 'meaning' : 'form';
      const text = s.text === '' ? '<span class="gap" aria-hidden="true">∅</span>' : esc(s.text);
      const id = mode === 'reading' ? ` id="at-${place.n}"` : '';
      return `<mark class="${cls}"${id}>${text}<a class="note-ref" href="#place-${place.n}" aria-label="Disagreement ${place.n}">${place.n}</a></mark>`;
    })
    .join('');
}

/** One disagreement in the apparatus: the reading's words and each copy's, verbatim. */
function placeHtml(p: Place, file: (f: string) => string, script: (f: string) => 'zh-Hans' | 'zh-Hant'): string {
  const wording = (text: string, sources: readonly string[], s: 'zh-Hans' | 'zh-Hant') =>
    `<li>«${text === '' ? `<span class="gap">${ui('nothing', '无')}</span>` : zh(text, s)}» — ${sources.map(file).join(', ')}</li>`;
  const back = p.field === 'answer' && p.impact === 'meaning' ? ` <a href="#at-${p.n}">${ui('in the text', '见正文')}</a>` : '';
  const reason = [...new Set(p.variants.map((v) => v.impactReason))].join(', ');
  return `<li id="place-${p.n}" class="${p.impact}"><strong>${p.n}</strong> · ${fieldName[p.field]} · ${
    p.impact === 'meaning' ? ui('changes the meaning', '改变意思') : ui('form only', '仅形式')
  } <span class="reason">(${esc(reason)})</span>${back}<ul>${wording(p.reading, p.readingSources, script(p.readingSources[0] ?? ''))}${p.variants.map((v) => wording(v.text, [v.source], script(v.source))).join('')}</ul></li>`;
}

/** The exchange's page. */
export function exchangePage(e: LoadedExchange, ctx: ExchangeContext, neighbours: { prev?: LoadedExchange; next?: LoadedExchange }): string {
  const root = '../../';
  const c = ctx.conference;
  const places = placesOf(e);
  const meaning = places.filter((p) => p.impact === 'meaning');
  const form = places.filter((p) => p.impact === 'form');
  const file = (f: string) => `<a href="${to(root, copyPath(f))}"><code>${esc(f)}</code></a>`;
  const question = readingQuestion(e, places);
  const paragraphs = readingParagraphs(e, places);
  // The reading keeps the characters of its base copy, in that copy's script.
  const script = ctx.scriptOf(e.canonicalSource);

  const warning =
    meaning.length > 0
      ? `<p class="warning" role="note">${ui(
          `The copies disagree in ${meaning.length} place${meaning.length === 1 ? '' : 's'} in a way that changes the meaning; each is marked in the text and every wording is shown below.`,
          `各版本有 ${meaning.length} 处分歧改变意思，已在正文中标出，各版本措辞见下。`,
        )}</p>`
      : '';

  const reading = `<section aria-labelledby="reading">
<h2 id="reading">${ui('The reading', '通行文本')}</h2>
<p class="explain">${ui(
    `The text as the copies give it: where they disagree, the majority of three or more copies, else the copy sources.json ranks first. Base copy: <code>${esc(e.canonicalSource)}</code>.`,
    `各版本一致处照录；分歧处三个以上版本从多数，否则从 sources.json 排序在先的版本。底本：<code>${esc(e.canonicalSource)}</code>。`,
  )}</p>
${warning}
${e.question !== null ? `<h3>${ui('Question', '提问')} · ${questionerHtml(e.questioner, e.kind)}</h3>\n<blockquote class="question" lang="${script}"><p>${segmentsHtml(question, places, 'reading')}</p></blockquote>` : `<h3>${questionerHtml(null, e.kind)}</h3>`}
<h3>${ui('Answer', '回答')} · ${ministerHtml(c.minister)}</h3>
<blockquote class="answer" lang="${script}">${paragraphs.map((p) => `<p>${segmentsHtml(p, places, 'reading')}</p>`).join('\n')}</blockquote>
</section>`;

  const apparatus =
    places.length === 0
      ? `<section aria-labelledby="apparatus"><h2 id="apparatus">${ui('Where the copies disagree', '版本异文')}</h2><p>${
          e.sources.length > 1
            ? ui('The copies agree word for word (script and typography aside).', '各版本逐字一致（字形与标点不计）。')
            : ui('Only one copy carries this exchange.', '仅一个版本载有此问答。')
        }</p></section>`
      : `<section aria-labelledby="apparatus"><h2 id="apparatus">${ui('Where the copies disagree', '版本异文')}</h2>
${meaning.length > 0 ? `<h3>${ui('Changes of meaning', '改变意思的异文')}</h3><ul class="places">${meaning.map((p) => placeHtml(p, file, ctx.scriptOf)).join('')}</ul>` : ''}
${form.length > 0 ? `<h3>${ui('Changes of form', '形式异文')}</h3><ul class="places">${form.map((p) => placeHtml(p, file, ctx.scriptOf)).join('')}</ul>` : ''}
</section>`;

  const copies = `<section aria-labelledby="copies">
<h2 id="copies">${ui('Each copy, side by side', '各版本对照')}</h2>
<div class="copies" style="--copies: ${e.sources.length}">
${e.sources
  .map((f) => {
    const info = ctx.source(f);
    const lines = e.lines.find((l) => l.source === f);
    const where = lines
      ? `<a href="${to(root, copyPath(f))}#L${lines.first}">${ui(`lines ${lines.first}–${lines.last}`, `第 ${lines.first}–${lines.last} 行`)}</a>`
      : '';
    const q = copyText(e, f, 'question', places);
    const a = copyText(e, f, 'answer', places);
    const copyScript = ctx.scriptOf(f);
    const body = [
      ...(q ? [`<p class="question">${q.map((p) => segmentsHtml(p, places, 'copy')).join('')}</p>`] : []),
      ...(a ?? []).map((p) => `<p>${segmentsHtml(p, places, 'copy')}</p>`),
    ].join('\n');
    const partial = e.coverage.find((cv) => cv.source === f);
    const whole = partial && partial.start === 0 && partial.end === e.paragraphs.map((p) => p.text).join('').length;
    return `<article class="copy" aria-label="${esc(f)}">
<h3>${file(f)}${f === e.canonicalSource ? ` <span class="tag">${ui('base copy', '底本')}</span>` : ''}${whole ? '' : ` <span class="tag">${ui('partial', '不全')}</span>`}</h3>
<p class="meta">${publisherHtml(info)}${where ? ` · ${where}` : ''}</p>
<div class="text" lang="${copyScript}">${body}</div>
</article>`;
  })
  .join('\n')}
</div>
</section>`;

  const cite = citations({
    minister: c.minister,
    year: c.year,
    date: c.date,
    session: c.session,
    npc: c.npc,
    exchangeId: e.id,
    questioner: e.questioner,
    copies: e.sources.map(ctx.source).filter((x): x is SourceInfo => x !== undefined),
    today: ctx.today,
    ...(ctx.publicUrl ? { permalink: `${ctx.publicUrl}${exchangePath(e.id)}` } : {}),
  });
  const citeHtml = `<section aria-labelledby="cite">
<h2 id="cite">${ui('Cite', '引用')}</h2>
${meaning.length > 0 ? `<p class="warning">${ui('The copies disagree inside this exchange; say which wording you quote.', '此问答各版本有分歧，引用时请注明所据版本。')}</p>` : ''}
${cite.map((x) => `<h3>${esc(x.name)}${x.inText ? ` <span class="in-text">${ui('in text', '文内')} ${esc(x.inText)}</span>` : ''}</h3><pre class="citation" tabindex="0">${esc(x.reference)}</pre>`).join('\n')}
</section>`;

  const related =
    ctx.related.length === 0
      ? ''
      : `<section aria-labelledby="related">
<h2 id="related">${ui('The same topic in other years', '其他年份的同一话题')}</h2>
<ul class="related">${ctx.related
          .map(
            (r) =>
              `<li>${ui(esc(r.topic.name), esc(r.topic.zh))}: ${
                r.others.length === 0
                  ? ui(`no exchange of another year says it ${minCount} times or more`, `其他年份没有问答提及 ${minCount} 次或以上`)
                  : r.others.map((o) => `<a href="${to(root, exchangePath(o.id))}">${esc(o.id)}</a>${o.questioner ? ` ${zh(o.questioner)}` : ''}`).join(' · ')
              }</li>`,
          )
          .join('')}</ul>
</section>`;

  const nav = `<nav class="pager" aria-label="Exchanges / 问答">${neighbours.prev ? `<a rel="prev" href="${to(root, exchangePath(neighbours.prev.id))}">← ${esc(neighbours.prev.id)}</a>` : '<span></span>'}<a href="${to(root, conferencePath(c.year))}">${ui(`All of ${c.year}`, `${c.year}年全部问答`)}</a>${neighbours.next ? `<a rel="next" href="${to(root, exchangePath(neighbours.next.id))}">${esc(neighbours.next.id)} →</a>` : '<span></span>'}</nav>`;

  const title = `${e.id} · ${e.questioner ?? (e.kind === 'opening' ? '开场讲话' : e.kind === 'closing' ? '结束语' : '')} · ${c.minister} ${c.year}`;
  return page({
    title,
    root,
    description: `${c.minister}, ${c.year} NPC press conference, exchange ${e.id}${e.question ? `: ${[...e.question].slice(0, 60).join('')}` : ''}`,
    crumbs: [{ label: esc(String(c.year)), href: to(root, conferencePath(c.year)) }, { label: esc(e.id) }],
    body: `<h1>${ui('Exchange', '问答')} <span class="id">${esc(e.id)}</span></h1>
<p class="conference">${ministerHtml(c.minister)} · ${conferenceHtml(c)}</p>
<p class="carried">${ui('Carried by', '载于')} ${e.sources.map(file).join(', ')}</p>
${reading}
${apparatus}
${copies}
${citeHtml}
${related}
${nav}`,
  });
}
