/**
 * The site's other pages: the home page (conferences, copies, what was left out), one page per
 * conference (every exchange in order), one page per copy (the file as published, its noise struck
 * through with the reason), the search page and the page that says how the edition is made. Pure.
 */
import type { LoadedConference, LoadedCorpus } from '../corpus/load.js';
import type { Removal, RemovalReason, SourceInfo } from '../corpus/model.js';
import { rejectionMessage } from '../corpus/report.js';
import { conferencePath, copyPath, exchangePath } from '../render/links.js';
import { esc, page, to, ui } from './html.js';
import { searchDataScript, searchScript } from './search-data.js';
import { conferenceHtml, ministerHtml, publisherHtml, questionerHtml } from './labels.js';

const reasons: Record<RemovalReason, [string, string]> = {
  heading: ['heading of the page', '页面标题'],
  lede: ['lede, not the conference', '导语，非记者会内容'],
  caption: ['photo caption inside the text', '正文中的图片说明'],
  'continuation-marker': ['continuation marker of the printed page', '版面转接标记'],
  'unrelated-article': ['another article on the same page', '同版其他文章'],
  'report-line': ['reporter’s line, not the minister’s words', '记者叙述，非部长原话'],
  'wire-end': ['end mark of the wire text', '电讯结束标记'],
  footer: ['footer of the page', '页脚'],
  timestamp: ['timestamp', '时间戳'],
  'other-speaker': ['another speaker, not the minister', '其他发言人，非部长'],
  'page-break-join': ['a paragraph cut by a page break, joined here', '被分页截断的段落，在此接续'],
};

/** The copies of a conference with how many of its exchanges each carries. */
function coverage(c: LoadedConference): { file: string; exchanges: number }[] {
  return c.sources.map((file) => ({ file, exchanges: c.exchanges.filter((e) => e.sources.includes(file)).length }));
}

/** The home page. */
export function homePage(corpus: LoadedCorpus, source: (file: string) => SourceInfo | undefined): string {
  const rows = corpus.conferences
    .map((c) => {
      const answers = c.exchanges.filter((e) => e.kind === 'answer').length;
      const copies = coverage(c)
        .map(
          (x) =>
            `<li><a href="${to('', copyPath(x.file))}"><code>${esc(x.file)}</code></a> · ${publisherHtml(source(x.file))} · ${ui(`${x.exchanges} of ${c.exchanges.length} exchanges`, `${c.exchanges.length} 个问答中的 ${x.exchanges} 个`)}</li>`,
        )
        .join('');
      return `<tr><th scope="row"><a href="${to('', conferencePath(c.year))}">${c.year}</a></th><td>${ministerHtml(c.minister)}</td><td>${conferenceHtml(c)}</td><td>${ui(`${answers} answers`, `${answers} 个回答`)}${c.exchanges.length > answers ? ui(' and remarks', '及讲话') : ''}</td><td><ul class="plain">${copies}</ul></td></tr>`;
    })
    .join('\n');
  const left =
    corpus.rejected.length + corpus.duplicates.length === 0
      ? ''
      : `<h2>${ui('Files left out', '未收录的文件')}</h2><ul>${[
          ...corpus.rejected.map((r) => `<li><code>${esc(r.source)}</code>: ${esc(rejectionMessage(r))}</li>`),
          ...corpus.duplicates.map(
            (d) =>
              `<li><code>${esc(d.source)}</code>: ${ui(`the same text as <code>${esc(d.of)}</code>, read once`, `与 <code>${esc(d.of)}</code> 文字相同，只读一次`)}</li>`,
          ),
        ].join('')}</ul>`;
  return page({
    title: 'position · the foreign minister’s NPC press conferences, verbatim · 外交部长记者会原文',
    root: '',
    crumbs: [],
    description: 'What China’s foreign minister said at the annual NPC press conference, word for word, with every copy’s wording.',
    body: `<h1>${ui('The foreign minister’s press conference at the NPC, word for word', '外交部长全国人大记者会 · 逐字原文')}</h1>
<p class="lead">${ui(
      'Each year the foreign minister answers Chinese and foreign journalists at the National People’s Congress. Every exchange has its own page at a permanent address, with every published copy’s wording side by side.',
      '每年全国人大会议期间，外交部长回答中外记者提问。每个问答都有固定网址的页面，并列各版本的原文。',
    )}</p>
<form class="search big" role="search" action="search/index.html" method="get">
<label for="home-q">${ui('Search every exchange (English or Chinese)', '搜索全部问答（中英文均可）')}</label>
<input id="home-q" name="q" type="search" placeholder="taiwan 2024 · 台湾 · 一带一路" autocomplete="off">
<button type="submit">${ui('Search', '搜索')}</button>
</form>
<h2>${ui('Conferences', '历次记者会')}</h2>
<div class="scroll"><table class="conferences">
<thead><tr><th scope="col">${ui('Year', '年份')}</th><th scope="col">${ui('Minister', '部长')}</th><th scope="col">${ui('Date and session', '日期与会议')}</th><th scope="col">${ui('Coverage', '内容')}</th><th scope="col">${ui('Copies', '版本')}</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
<p><a href="${to('', 'phrases/')}">${ui('Formulations: set phrases counted across the years, and each year’s keywords', '提法：固定提法历年次数，及各年份关键词')}</a></p>
${left}`,
  });
}

/** A conference's page: every exchange in order, with questioner and question. */
export function conferencePage(c: LoadedConference, source: (file: string) => SourceInfo | undefined): string {
  const root = '../';
  const items = c.exchanges
    .map(
      (e) =>
        `<li><a class="id" href="${to(root, exchangePath(e.id))}">${esc(e.id)}</a> · ${questionerHtml(e.questioner, e.kind)}${
          e.question !== null
            ? `<p class="question" lang="zh-Hans">${esc(e.question)}</p>`
            : `<p class="question" lang="zh-Hans">${esc([...(e.paragraphs[0]?.text ?? '')].slice(0, 80).join(''))}…</p>`
        }${e.variants.some((v) => v.impact === 'meaning') ? `<p class="tag warning-tag">${ui('copies disagree in meaning', '版本有实质分歧')}</p>` : ''}</li>`,
    )
    .join('\n');
  return page({
    title: `${c.year} · ${c.minister} · ${c.session} · position`,
    root,
    crumbs: [{ label: esc(String(c.year)) }],
    description: `${c.minister} at the ${c.session} press conference, every exchange in order.`,
    body: `<h1>${c.year} · ${ministerHtml(c.minister)}</h1>
<p class="conference">${conferenceHtml(c)}</p>
<p>${ui('Copies', '版本')}: ${coverage(c)
      .map(
        (x) =>
          `<a href="${to(root, copyPath(x.file))}"><code>${esc(x.file)}</code></a> (${publisherHtml(source(x.file))}; ${ui(`${x.exchanges} exchanges`, `${x.exchanges} 个问答`)})`,
      )
      .join('; ')}</p>
<ol class="exchanges">
${items}
</ol>`,
  });
}

/** What a copy page needs: the file's decoded text and what the corpus took out of it. */
export interface CopyInput {
  readonly file: string;
  readonly text: string;
  readonly info: SourceInfo | undefined;
  readonly removed: readonly Removal[];
  readonly conference: LoadedConference | undefined;
  readonly script: 'zh-Hans' | 'zh-Hant';
}

/** Lines of a copy page rendered (or skipped) together. */
const linesPerBlock = 50;

/** A copy's page: the raw file as published, line by line, every removal struck through with its reason. */
export function copyPage(x: CopyInput): string {
  const root = '../../';
  const byLine = new Map<number, Removal[]>();
  for (const r of x.removed) byLine.set(r.line, [...(byLine.get(r.line) ?? []), r]);
  const exchangesAt = new Map<number, string[]>();
  for (const e of x.conference?.exchanges ?? []) {
    const l = e.lines.find((y) => y.source === x.file);
    if (l) exchangesAt.set(l.first, [...(exchangesAt.get(l.first) ?? []), e.id]);
  }
  const lines = x.text.replace(/\r\n?/gu, '\n').split('\n');
  const rows = lines.map((line, i) => {
    const n = i + 1;
    const removals = byLine.get(n) ?? [];
    const struck = removals.filter((r) => r.reason !== 'page-break-join');
    const joins = removals.filter((r) => r.reason === 'page-break-join');
    const why = (r: Removal) => `<span class="reason">${ui(esc(reasons[r.reason][0]), esc(reasons[r.reason][1]))}</span>`;
    const text = line === '' ? '' : struck.length > 0 ? `<del>${esc(line)}</del>` : esc(line);
    const notes = [...struck.map(why), ...joins.map((r) => `<span class="join">⏎ ${why(r)}</span>`)].join(' ');
    const starts = (exchangesAt.get(n) ?? []).map((id) => `<a class="starts" href="${to(root, exchangePath(id))}">${esc(id)}</a>`).join(' ');
    return `<div class="line${struck.length > 0 ? ' removed' : ''}" id="L${n}"><a class="n" href="#L${n}">${n}</a><span class="text">${text}${notes ? ` ${notes}` : ''}${starts ? ` ${starts}` : ''}</span></div>`;
  });
  // Lines in blocks the browser may skip rendering until they scroll into view (`content-visibility`):
  // a long copy paints its first screen sooner. A line's anchor still opens it.
  const blocks: string[] = [];
  for (let i = 0; i < rows.length; i += linesPerBlock) blocks.push(`<div class="block">\n${rows.slice(i, i + linesPerBlock).join('\n')}\n</div>`);
  const c = x.conference;
  const struckLines = new Set(x.removed.filter((r) => r.reason !== 'page-break-join').map((r) => r.line)).size;
  return page({
    title: `${x.file} · ${c ? `${c.minister} ${c.year}` : ''} · position`,
    root,
    crumbs: [...(c ? [{ label: esc(String(c.year)), href: to(root, conferencePath(c.year)) }] : []), { label: `<code>${esc(x.file)}</code>` }],
    body: `<h1>${ui('Copy', '版本')} <code>${esc(x.file)}</code></h1>
<dl class="facts">
<dt>${ui('Publisher', '出版者')}</dt><dd>${publisherHtml(x.info)}</dd>
${x.info?.url ? `<dt>URL</dt><dd><a href="${esc(x.info.url)}" rel="external noreferrer">${esc(x.info.url)}</a></dd>` : ''}
${x.info?.note ? `<dt>${ui('Note', '说明')}</dt><dd>${esc(x.info.note)}</dd>` : ''}
${c ? `<dt>${ui('Conference', '记者会')}</dt><dd><a href="${to(root, conferencePath(c.year))}">${c.year}</a> · ${conferenceHtml(c)}</dd>` : ''}
<dt>${ui('Taken out', '删去')}</dt><dd>${ui(`${struckLines} lines, struck through below with the reason`, `${struckLines} 行，下文以删除线标出并注明原因`)}</dd>
</dl>
<p class="explain">${ui('The file as published, byte for byte decoded, line by line. Markup is shown as it is in the file.', '文件原样逐行显示，标记照录。')}</p>
<div class="raw" lang="${x.script}">
${blocks.join('\n')}
</div>`,
  });
}

/** The search page: the form, and the results the browser finds in the index. */
export function searchPage(): string {
  return page({
    title: 'Search · 搜索 · position',
    root: '../',
    crumbs: [{ label: ui('Search', '搜索') }],
    scripts: [searchDataScript, searchScript],
    body: `<h1>${ui('Search', '搜索')}</h1>
<p class="explain">${ui(
      'English or Chinese (simplified or traditional); a year in the query filters by it. The search runs in your browser over the same index as the bot; nothing is sent anywhere.',
      '可用中文（简体或繁体）或英文；查询中的年份用作筛选。搜索在您的浏览器中运行，使用与机器人相同的索引，不发送任何数据。',
    )}</p>
<noscript><p class="warning">${ui('Search needs JavaScript. Every exchange is also listed on its conference’s page.', '搜索需要 JavaScript。每个问答也列在各年记者会页面上。')}</p></noscript>
<p id="status" role="status" aria-live="polite"></p>
<ol id="results" class="results"></ol>`,
  });
}

/** The page a static host shows for an address that is not in the site (GitHub Pages serves `404.html`). */
export function notFoundPage(years: readonly number[], root: string): string {
  // Served at any depth, so its links start from the site's root path (`/`, or PUBLIC_URL's path).
  return page({
    title: 'Not found · 未找到 · position',
    root,
    crumbs: [{ label: ui('Not found', '未找到') }],
    body: `<h1>${ui('No page at this address', '此网址没有页面')}</h1>
<p>${ui(
      'Exchanges have addresses like <code>2024/06/</code> (year, then the number of the exchange); copies are under <code>copies/</code>.',
      '问答的网址形如 <code>2024/06/</code>（年份，然后是问答编号）；各版本在 <code>copies/</code> 下。',
    )}</p>
<ul>${years.map((y) => `<li><a href="${to(root, conferencePath(y))}">${y}</a></li>`).join('')}</ul>`,
  });
}

/** How the edition is made. */
export function aboutPage(): string {
  return page({
    title: 'How this edition is made · 本版说明 · position',
    root: '../',
    crumbs: [{ label: ui('About', '说明') }],
    body: `<h1>${ui('How this edition is made', '本版说明')}</h1>
<div class="ui" lang="en">
<p>Every page is built from the raw copies in the project’s <code>corpus/</code> folder, as published by the outlets named on each copy’s page. The copies of one conference are aligned exchange by exchange. Where they agree, the text is theirs; where they disagree, the reading follows the majority of three or more copies, otherwise the copy <code>sources.json</code> ranks first, and every other wording is kept and shown. A disagreement that changes the meaning (a negation, a number, a name) is marked in the text where it occurs.</p>
<p>Each copy’s page shows the file line by line. What the edition takes out (page headings, captions, continuation markers, other articles on the same page) is struck through with the reason; nothing is removed silently.</p>
<p>Addresses are permanent: an exchange keeps its id (<code>2024-06</code>) and its address (<code>2024/06/</code>) when copies are added.</p>
<p>The search runs in the browser over the same index the Discord bot uses, built with MiniSearch over text segmented by jieba. The browser cannot run jieba, so a query is cut into the words of the index’s own vocabulary (longest match first); traditional characters and Taiwan and Hong Kong wording are converted with OpenCC’s tables first, and English words go through the reviewed topics and the CC-CEDICT dictionary map.</p>
<p>No tracking, no cookies, no requests outside this site: the scripts and styles ship with it, and the text uses the fonts of your device.</p>
</div>
<div class="ui" lang="zh-Hans">
<p>所有页面均由项目 <code>corpus/</code> 文件夹中的原始版本生成，出版者见各版本页面。同一场记者会的各版本逐个问答对齐：一致处照录原文；有分歧时，三个以上版本从多数，否则从 <code>sources.json</code> 排序在先的版本，其余措辞一律保留并列出。改变意思的分歧（否定、数字、名称等）在正文中标出。</p>
<p>各版本页面逐行显示原文件。本版删去的内容（页面标题、图片说明、转版标记、同版其他文章）以删除线标出并注明原因，不作无声删除。</p>
<p>网址固定不变：新增版本时，问答编号（<code>2024-06</code>）及网址（<code>2024/06/</code>）不变。</p>
<p>搜索在浏览器中运行，与 Discord 机器人使用同一索引（MiniSearch，文本以结巴分词）。浏览器无法运行结巴分词，因此查询按索引自身词表以最长匹配切分；繁体字及台港用语先以 OpenCC 转换，英文经审定话题表与 CC-CEDICT 词典映射。</p>
<p>不追踪、不用 Cookie、不向本站以外发出任何请求：脚本与样式随站提供，文字使用您设备上的字体。</p>
</div>`,
  });
}
