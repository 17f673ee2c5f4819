/**
 * Fixture builders: new copies of the foreign minister's NPC press conference in other layouts
 * (a web page, traditional characters, a live blog, other speaker labels, newspaper noise,
 * continuation pages, other encodings), derived from the real raw copies in `corpus/`, and files
 * that look like one but are not it. Every builder is pure and deterministic, and finds turns by
 * their speaker labels, never by line numbers or file names. The minister's words are copied from
 * the source; only the artefacts around them are invented.
 */
import { Converter } from 'opencc-js/cn2t';
import { Converter as FullConverter } from 'opencc-js';
import iconv from 'iconv-lite';

/** A speaker-label scheme for relabel(). */
export type LabelScheme = 'qa' | 'asks' | 'paren' | 'spaced' | 'ask-verb';

/** Where noise is inserted into a copy (each is a realistic newspaper/web artefact). */
export type NoiseKind =
  | 'credit-no-name' // a line `新华社记者 摄` between two paragraphs of an answer
  | 'described-caption' // a description line then the credit line `新华社记者 李学仁 摄`
  | 'image-source' // `图片来源：新华网` on its own line between two paragraphs
  | 'xinhua-fa' // `新华社发（殷博古 摄）` on its own line
  | 'jump-then-article' // `（转第三版）` mid-paragraph, then another article; the rest is lost
  | 'wire-end' // `（完）` after the last answer, then an unrelated short news item
  | 'web-footer' // `责任编辑：王梓`, `【纠错】`, `分享到：微信 微博` after the last answer
  | 'report-lines'; // `王毅步入会场。`, `记者会开始。` after the lede, `（现场掌声）` mid-answer

/** Encodings for re-encoded copies. 'utf8-bom' adds EF BB BF; 'utf16le'/'utf16be' include a BOM; 'utf16le-nobom' has none; 'gb18030' and 'big5' via iconv-lite; 'crlf' is UTF-8 with CRLF line endings; 'cr' old-Mac CR only. */
export type Encoding = 'utf8-bom' | 'utf16le' | 'utf16be' | 'utf16le-nobom' | 'gb18030' | 'big5' | 'crlf' | 'cr';

// ---------------------------------------------------------------------------------------------
// Reading a copy: blocks (non-blank lines), speaker turns, header, lede and what follows the body.

/** One non-blank line of a copy, as printed and without markup. */
interface Block {
  readonly raw: string;
  readonly plain: string;
}

/** A speaker turn: its label and the blocks of its paragraphs (speaker line first). */
interface Turn {
  readonly role: 'minister' | 'questioner';
  readonly label: string;
  /** The words after the label on the speaker line, without markup. */
  readonly rest: string;
  readonly block: number;
  /** Block indices of the paragraphs, reporter lines after the last answer excluded. */
  readonly paras: number[];
  /** A minister turn that answers the questioner turn just before it. */
  readonly answers: boolean;
}

/** A question with its answer, or remarks on their own (opening, closing). */
interface Exchange {
  readonly question?: Turn;
  readonly answer?: Turn;
}

/** A raw copy, read. */
interface Copy {
  readonly blocks: readonly Block[];
  /** Paragraphs are separated by a blank line (else one per line). */
  readonly blankSep: boolean;
  readonly minister: string;
  /** Block index of the lede, or -1. */
  readonly lede: number;
  readonly firstTurn: number;
  readonly turns: readonly Turn[];
  readonly exchanges: readonly Exchange[];
  /** Block index where the page's other articles start (blocks.length when there are none). */
  readonly bodyEnd: number;
  /** Reporter lines after the last answer (`记者会历时…`). */
  readonly trailer: readonly number[];
}

/** A speaker label at the start of a line without markup; the label stops at the first colon. */
const plainLabel = /^([^\s：:，,。！？、“”‘’（）()*#]{1,40}?)[ \t]*[：:][ \t]*(.*)$/su;
/** The same on a raw line, keeping the markup around the label (`**王毅：**`, `**王毅**：`). */
const rawLabel = /^(\s*(?:\*\*)?\s*)([^\s：:*]{1,40}?)(\s*(?:\*\*)?\s*[：:]\s*(?:\*\*)?\s*)(.*)$/su;
/** An outgoing continuation marker printed on its own line. */
const jumpLine = /^[（(]\s*下?转第?[一二三四五六七八九十\d]+版\s*[）)]$/u;
/** An outgoing continuation marker at the end of a paragraph (`…不得人心。（下转第四版）`). */
const jumpAtEnd = /\s*\**\s*[（(]\s*下?转第?[一二三四五六七八九十\d]+版\s*[）)]\s*\**\s*$/u;
/** Sentence-final punctuation, optionally inside a closing quote. */
const sentenceEnd = /[。！？；;!?][”’」』]?$/u;
/** A line that ends a paragraph; one that ends otherwise was cut by a page break and goes on in the next. */
const paragraphEnd = /[。！？；;!?：:][”’」』]?$/u;
const han = /^\p{Script=Han}$/u;

/** One line with markdown emphasis and heading markers removed. */
function plainLine(line: string): string {
  return line.replace(/^\s*#{1,6}\s*/u, '').replace(/\*\*/gu, '');
}

/** The lines of a text, without a byte-order mark and carriage returns. */
function linesOf(raw: string): string[] {
  return raw.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
}

/** Who a plain line's label names, if it starts a turn. */
function speakerOf(plain: string, minister: string): { role: Turn['role']; label: string; rest: string } | null {
  const m = plainLabel.exec(plain);
  if (!m) return null;
  const label = m[1]!;
  if (label === minister) return { role: 'minister', label, rest: m[2]! };
  if (label.endsWith('记者') && label.length >= 3) return { role: 'questioner', label, rest: m[2]! };
  return null;
}

/** The minister named in the header (`外交部长王毅就…`, `王毅答中外记者问`), else the most frequent non-journalist label. */
function findMinister(blocks: readonly Block[]): string {
  const text = blocks.map((b) => b.plain).join('\n');
  const named = /外交部长(\p{Script=Han}{2,3}?)(?:就|答|在|出席|回答)/u.exec(text) ?? /(\p{Script=Han}{2,3})答中外记者问/u.exec(text);
  if (named) return named[1]!;
  const counts = new Map<string, number>();
  for (const b of blocks) {
    const m = /^(\p{Script=Han}{2,4})[：:]/u.exec(b.plain);
    if (m && !m[1]!.endsWith('记者')) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (!best) throw new Error('layouts: cannot find the minister in this copy');
  return best[0];
}

/** Reads a raw copy into blocks and turns. */
function readCopy(raw: string): Copy {
  const lines = linesOf(raw);
  const blocks: Block[] = lines.filter((l) => l.trim() !== '').map((l) => ({ raw: l, plain: plainLine(l).trim() }));
  // A copy printed one paragraph per line has (almost) no blank lines.
  const blankSep = lines.filter((l) => l.trim() === '').length * 2 >= blocks.length;
  const minister = findMinister(blocks);
  const firstTurn = blocks.findIndex((b) => speakerOf(b.plain, minister) !== null);
  if (firstTurn < 0) throw new Error('layouts: no speaker turns in this copy');

  let bodyEnd = blocks.length;
  for (let i = firstTurn + 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (jumpLine.test(b.plain) || /^本报讯/u.test(b.plain) || /^\s*#/u.test(b.raw)) {
      bodyEnd = i;
      break;
    }
  }

  const starts: { block: number; role: Turn['role']; label: string; rest: string }[] = [];
  for (let i = firstTurn; i < bodyEnd; i++) {
    const s = speakerOf(blocks[i]!.plain, minister);
    if (s) starts.push({ block: i, ...s });
  }
  const turns: Turn[] = starts.map((s, k) => {
    const end = starts[k + 1]?.block ?? bodyEnd;
    const paras: number[] = [];
    for (let i = s.block; i < end; i++) paras.push(i);
    return { ...s, paras, answers: s.role === 'minister' && starts[k - 1]?.role === 'questioner' };
  });

  const trailer: number[] = [];
  const last = turns[turns.length - 1]!;
  while (last.paras.length > 1 && /^(?:记者会|发布会)(?:历时|持续|结束)/u.test(blocks[last.paras[last.paras.length - 1]!]!.plain)) {
    trailer.unshift(last.paras.pop()!);
  }

  const exchanges: Exchange[] = [];
  for (const t of turns) {
    if (t.role === 'questioner') exchanges.push({ question: t });
    else if (t.answers) exchanges[exchanges.length - 1] = { ...exchanges[exchanges.length - 1], answer: t };
    else exchanges.push({ answer: t });
  }

  const lede = blocks.slice(0, firstTurn).findIndex((b) => /记者会|记者提问|答中外记者问/u.test(b.plain) && sentenceEnd.test(b.plain));
  return { blocks, blankSep, minister, lede, firstTurn, turns, exchanges, bodyEnd, trailer };
}

/** Joins blocks back into a text in the copy's own paragraph spacing. */
function render(copy: Copy, blocks: readonly string[]): string {
  return blocks.join(copy.blankSep ? '\n\n' : '\n') + '\n';
}

/** Replaces the label on a raw speaker line, keeping the line's markup. */
function replaceLabel(raw: string, label: string): string {
  const m = rawLabel.exec(raw);
  return m ? `${m[1]}${label}${m[3]}${m[4]}` : raw;
}

/** The raw text of the copy's blocks in [from, to), with a continuation marker at the very end removed. */
function bodyRaw(copy: Copy, from: number, to: number): string[] {
  const out = copy.blocks.slice(from, to).map((b) => b.raw);
  if (out.length > 0) out[out.length - 1] = out[out.length - 1]!.replace(jumpAtEnd, '');
  return out;
}

/** The block index just after the conference proper: the last answer paragraph, plus the trailer if kept. */
function conferenceEnd(copy: Copy, withTrailer: boolean): number {
  const last = copy.turns[copy.turns.length - 1]!;
  const end = last.paras[last.paras.length - 1]! + 1;
  return withTrailer && copy.trailer.length > 0 ? copy.trailer[copy.trailer.length - 1]! + 1 : end;
}

/** Chinese numerals up to 99 (`十四`, `二`). */
function cnNumber(s: string): number {
  const digits = '零一二三四五六七八九';
  if (s === '十') return 10;
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  return (tens === '' ? (s.includes('十') ? 1 : 0) : digits.indexOf(tens!)) * 10 + (ones ? digits.indexOf(ones) : 0);
}

/** The NPC session the header names (`十四届全国人大二次会议`), if any. */
function sessionOf(copy: Copy): string | null {
  const head = copy.blocks
    .slice(0, copy.firstTurn)
    .map((b) => b.plain)
    .join('\n');
  return /(?:第)?([一二三四五六七八九十]+)届全国人大([一二三四五六七八九十]+)次会议/u.exec(head)?.[0] ?? null;
}

/** The conference's year: printed in the lede, else from the session (the n-th session of the t-th NPC meets in 1953 + 5t + n − 1). */
function yearOf(copy: Copy): number {
  const head = copy.blocks
    .slice(0, copy.firstTurn)
    .map((b) => b.plain)
    .join('\n');
  const printed = /((?:19|20)\d{2})年\d{1,2}月\d{1,2}日/u.exec(head);
  if (printed) return Number(printed[1]);
  const s = /([一二三四五六七八九十]+)届全国人大([一二三四五六七八九十]+)次会议/u.exec(head);
  return s ? 1953 + 5 * cnNumber(s[1]!) + cnNumber(s[2]!) - 1 : 2024;
}

/** The conference's printed month and day (`3月7日`). */
function dateOf(copy: Copy): { month: number; day: number } {
  const head = copy.blocks
    .slice(0, copy.firstTurn)
    .map((b) => b.plain)
    .join('\n');
  const m = /(\d{1,2})月(\d{1,2})日/u.exec(head);
  return m ? { month: Number(m[1]), day: Number(m[2]) } : { month: 3, day: 7 };
}

/** The headline: the header lines above the lede (or the first line when there is no lede). */
function headlineOf(copy: Copy): string {
  const end = copy.lede > 0 ? copy.lede : Math.min(1, copy.firstTurn);
  return copy.blocks
    .slice(0, end)
    .map((b) => b.plain)
    .join('');
}

// ---------------------------------------------------------------------------------------------
// Plain lines

/** Plain helper: the lines of a raw copy, with markdown emphasis (**) and heading markers (#) removed; BOM/CR removed. */
export function plainLines(raw: string): string[] {
  return linesOf(raw).map(plainLine);
}

// ---------------------------------------------------------------------------------------------
// Web page

/** Text for HTML: the characters that must be escaped, and curly quotes as named entities (as CMS pages print them). */
function html(text: string): string {
  return text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/“/gu, '&ldquo;')
    .replace(/”/gu, '&rdquo;')
    .replace(/‘/gu, '&lsquo;')
    .replace(/’/gu, '&rsquo;');
}

/** A page saved from a news website: <!DOCTYPE html>, <head><meta charset><title>…</title>, a nav bar (<ul><li><a>首页</a>…), then the article: headline in <h1>, every paragraph in its own <p> (some with leading &nbsp;&nbsp; or U+3000 ideographic spaces), speaker labels as <strong>王毅：</strong> / <strong>…记者：</strong>, every “ ” written as &ldquo; &rdquo;, some & as &amp;, one <br/> inside a long paragraph is NOT wanted (keep paragraphs whole), then after the article a footer: <p>责任编辑：张晓明</p>, a "相关新闻" list of 3 <a> links with other headlines, and a copyright line. Lines are LF.
 *
 * The page has no <br/> at all. The <h1> is the header lines above the lede run together; the article runs from the lede to the last answer (and the reporter's closing line, if any); the page's other articles and an outgoing continuation marker are left out. */
export function asWebPage(raw: string): string {
  const copy = readCopy(raw);
  const year = yearOf(copy);
  const { month, day } = dateOf(copy);
  const session = sessionOf(copy) ?? '全国人大会议';
  const headline = headlineOf(copy);
  const from = copy.lede >= 0 ? copy.lede : copy.firstTurn;
  // A website carries this article only: the page's other articles and jump markers stay off it.
  const paras = bodyRaw(copy, from, conferenceEnd(copy, true)).map((r, i) => {
    const plain = plainLine(r).trim();
    const s = speakerOf(plain, copy.minister);
    const body = s ? `<strong>${html(s.label)}：</strong>${html(s.rest)}` : html(plain);
    // CMS editors indent some paragraphs by hand, with either kind of space.
    const indent = i % 3 === 1 ? '&nbsp;&nbsp;' : i % 3 === 2 ? '\u3000\u3000' : '';
    return `<p>${indent}${body}</p>`;
  });
  const stamp = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} 12:36:08`;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(headline)}-新华网</title>`,
    '<link rel="stylesheet" href="/static/css/detail.css">',
    '</head>',
    '<body>',
    '<div class="nav">',
    '<ul>',
    '<li><a href="/">首页</a></li>',
    '<li><a href="/politics/">时政</a></li>',
    '<li><a href="/world/">国际</a></li>',
    '<li><a href="/lianghui/">两会</a></li>',
    '<li><a href="/photo/">图片&amp;视频</a></li>',
    '</ul>',
    '</div>',
    '<div class="main">',
    `<h1>${html(headline)}</h1>`,
    `<div class="info">${stamp}\u3000来源：新华网</div>`,
    '<div id="detail">',
    ...paras,
    '</div>',
    '</div>',
    '<div class="footer">',
    '<p>责任编辑：张晓明</p>',
    '<div class="related">',
    '<h3>相关新闻</h3>',
    '<ul>',
    `<li><a href="/politics/${year}0308/c1.html">${html(session)}举行第二次全体会议</a></li>`,
    `<li><a href="/politics/${year}0308/c2.html">代表委员热议政府工作报告：凝心聚力谋发展</a></li>`,
    `<li><a href="/politics/${year}0309/c3.html">图解&amp;数说：${year}年政府工作报告里的民生&ldquo;温度&rdquo;</a></li>`,
    '</ul>',
    '</div>',
    `<p class="copyright">Copyright &copy; 2000-${year} XINHUANET.com All Rights Reserved.</p>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Traditional characters

let toHongKong: ((text: string) => string) | undefined;
let hongKongToTaiwan: ((text: string) => string) | undefined;

/** The same copy in traditional characters as a Hong Kong paper prints it: opencc-js cn→hk conversion of the whole text, then “”→「」 and ‘’→『』. (So 十四届全国人大二次会议 → 十四屆全國人大二次會議, 记者 → 記者, 摄 → 攝.) */
export function toTraditional(raw: string): string {
  // Building the converter loads its dictionaries: once per process is enough.
  const convert = (toHongKong ??= Converter({ from: 'cn', to: 'hk' }));
  return convert(raw).replace(/“/gu, '「').replace(/”/gu, '」').replace(/‘/gu, '『').replace(/’/gu, '』');
}

// ---------------------------------------------------------------------------------------------
// Live blog

/** `HH:MM` of a number of minutes after midnight. */
function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A live blog: every turn (speaker line) gets a stamp 【HH:MM】 — alternately on the line just above the turn and at the start of the same line — with times increasing from 10:02 by 3 minutes per turn; a line 【10:00】记者会开始。 before the opening remarks (after the lede); a line 【11:40】记者会结束。 at the very end. Header and lede unchanged. When the last turn is stamped 11:40 or later (copies with more than 33 turns: 2024's 002, 2021), the closing stamp is 1 minute after it instead, so that times keep increasing. The body is plain text (markdown removed); the page's other articles and an outgoing continuation marker are left out. */
export function asLiveBlog(raw: string): string {
  const copy = readCopy(raw);
  const start = 10 * 60;
  const headEnd = copy.lede >= 0 ? copy.lede + 1 : copy.firstTurn;
  const out = copy.blocks.slice(0, headEnd).map((b) => b.raw);
  out.push(`【${clock(start)}】记者会开始。`);
  const turnAt = new Map(copy.turns.map((t, k) => [t.block, k]));
  const end = conferenceEnd(copy, true);
  const body = bodyRaw(copy, headEnd, end).map((r) => plainLine(r).trim());
  body.forEach((text, j) => {
    const k = turnAt.get(headEnd + j);
    if (k === undefined) {
      out.push(text);
    } else {
      const stamp = `【${clock(start + 2 + 3 * k)}】`;
      // The stamp line sits directly above the turn, with no blank line between.
      out.push(k % 2 === 0 ? `${stamp}\n${text}` : `${stamp}${text}`);
    }
  });
  const lastStamp = start + 2 + 3 * (copy.turns.length - 1);
  out.push(`【${clock(Math.max(11 * 60 + 40, lastStamp + 1))}】记者会结束。`);
  return render(copy, out);
}

// ---------------------------------------------------------------------------------------------
// Speaker-label schemes

/** Foreign outlets that some papers print with an English name; `space` before 记者 varies by paper. */
const outletAbbreviations: Readonly<Record<string, { abbr: string; space: boolean }>> = {
  美国全国广播公司: { abbr: 'NBC', space: false },
  彭博社: { abbr: 'Bloomberg', space: false },
  路透社: { abbr: 'Reuters', space: true },
  法新社: { abbr: 'AFP', space: true },
};

/** The label a turn gets in a scheme. */
function schemeLabel(turn: Turn, minister: string, scheme: LabelScheme): string {
  if (turn.role === 'questioner') {
    const outlet = turn.label.slice(0, -'记者'.length);
    switch (scheme) {
      case 'qa':
        return '问：';
      case 'asks':
        return `${turn.label}问：`;
      case 'paren':
        return `问（${turn.label}）：`;
      case 'ask-verb':
        return `${turn.label}提问：`;
      case 'spaced': {
        const a = outletAbbreviations[outlet];
        return a ? `${outlet}（${a.abbr}）${a.space ? ' ' : ''}记者：` : `${outlet} 记者：`;
      }
    }
  }
  switch (scheme) {
    case 'qa':
    case 'paren':
      return '答：';
    case 'asks':
      return turn.answers ? `${minister}答：` : `${minister}：`;
    case 'spaced':
    case 'ask-verb':
      return `${minister}：`;
  }
}

/** The same copy with another speaker-label scheme (the minister is the one named in the header, 王毅 in all real files):
 * - 'qa': questions `问：…`, answers `答：…` (the outlet is not printed at all)
 * - 'asks': `新华社记者问：…` / `王毅答：…`
 * - 'paren': `问（新华社记者）：…` / `答：…`
 * - 'spaced': the minister label unchanged, each outlet label printed with a space before 记者 (`法新社 记者：`), and where the outlet is 美国全国广播公司 or 彭博社 or 路透社 or 法新社 add an English abbreviation in full-width brackets (`美国全国广播公司（NBC）记者：`, `法新社（AFP） 记者：` etc.).
 * - 'ask-verb': `新华社记者提问：…` / `王毅：…`
 * Opening/closing remarks (a minister turn not preceded by a question) keep the minister label in 'asks', and use `答：` in 'qa'/'paren'.
 * The output is plain text (markdown removed); everything else in the copy, other articles on the page included, is kept. */
export function relabel(raw: string, scheme: LabelScheme): string {
  const copy = readCopy(raw);
  const byBlock = new Map(copy.turns.map((t) => [t.block, t]));
  const out = copy.blocks.map((b, i) => {
    const t = byBlock.get(i);
    return t ? `${schemeLabel(t, copy.minister, scheme)}${t.rest}` : b.plain;
  });
  return render(copy, out);
}

// ---------------------------------------------------------------------------------------------
// Noise

/** The index in `text` (after `from`) nearest its middle that falls between two Han characters: where a page break cuts a sentence. */
function midSentenceCut(text: string, from: number): number | null {
  const mid = (from + text.length) / 2;
  let best: number | null = null;
  for (let i = from + 2; i <= text.length - 2; i++) {
    if (han.test(text[i - 1]!) && han.test(text[i]!) && (best === null || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  }
  return best;
}

/** The index just after the full-width comma nearest the middle of `text` (after `from`). */
function commaCut(text: string, from: number): number | null {
  const mid = (from + text.length) / 2;
  let best: number | null = null;
  for (let i = from + 2; i < text.length - 4; i++) {
    if (text[i] === '，' && (best === null || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  }
  return best === null ? null : best + 1;
}

/** Where the words start on a raw line (after the speaker label, if any). */
function wordsStart(raw: string, isTurn: boolean): number {
  if (!isTurn) return raw.length - raw.trimStart().length;
  const m = rawLabel.exec(raw);
  return m ? m[1]!.length + m[2]!.length + m[3]!.length : 0;
}

/** A place inside an answer: the answer, and the paragraph after which (or inside which) noise goes. */
interface Spot {
  readonly turn: Turn;
  /** Position of the paragraph in `turn.paras`. */
  readonly k: number;
  /** Cut inside that paragraph (code-unit index into its raw text), when the kind cuts it. */
  readonly cut: number | null;
}

/**
 * The answer nearest the middle of the copy (never the last turn, which a page may cut) with at
 * least 2 paragraphs whose paragraph k ends a sentence and can be cut as `cutter` wants. Paragraph
 * k is the second when the answer has 3 or more, so the noise is inside the answer's body.
 */
function findSpot(copy: Copy, cutter: ((raw: string, from: number) => number | null) | null): Spot {
  const spots: Spot[] = [];
  for (const turn of copy.turns.slice(0, -1)) {
    if (!turn.answers || turn.paras.length < 2) continue;
    const order = turn.paras.length >= 3 ? [1, 0] : [0];
    for (const k of order) {
      const raw = copy.blocks[turn.paras[k]!]!.raw;
      if (!paragraphEnd.test(plainLine(raw).trim())) continue;
      const cut = cutter ? cutter(raw, wordsStart(raw, k === 0)) : null;
      if (cutter && cut === null) continue;
      spots.push({ turn, k, cut });
      break;
    }
  }
  const spot = spots[Math.floor(spots.length / 2)];
  if (!spot) throw new Error('layouts: no answer of 2 or more paragraphs to put noise in');
  return spot;
}

/** Inserts `noise` after paragraph k of the spot's answer, cutting that paragraph at `spot.cut` when set. */
function insertAt(copy: Copy, spot: Spot, noise: readonly string[]): string {
  const at = spot.turn.paras[spot.k]!;
  const out = copy.blocks.map((b) => b.raw);
  const raw = out[at]!;
  const parts = spot.cut === null ? [raw, ...noise] : [raw.slice(0, spot.cut), ...noise, raw.slice(spot.cut)];
  out.splice(at, 1, ...parts);
  return render(copy, out);
}

/** City news for a page whose conference article jumps to another page. */
const cityArticle = [
  '我市召开春季农业生产暨森林防灭火工作会议',
  '本报讯（记者王磊）3月7日下午，我市召开春季农业生产暨森林防灭火工作会议，总结去年工作，安排部署今年重点任务。副市长刘建华出席会议并讲话。',
  '会议指出，今年以来，各县（市、区）抢抓农时，扎实推进小麦春季田间管理，全市小麦长势总体好于常年。',
  '会议强调，要紧盯春耕备耕关键环节，抓好种子、化肥、农药等农资供应，加强农资市场监管，严厉打击坑农害农行为。',
  '会议要求，各地要压紧压实森林防灭火责任，加强重点时段、重点部位巡查管控，坚决防止发生重大森林火情。',
];

/** An unrelated wire item that follows the conference in a wire feed. */
function wireItem(copy: Copy): string[] {
  const { month, day } = dateOf(copy);
  return [
    '我国北方大部地区将迎来大范围降温',
    `新华社北京${month}月${day}日电（记者张洋）中央气象台${day}日发布寒潮蓝色预警，预计未来三天，受强冷空气影响，我国北方大部地区将先后出现4至8摄氏度降温，局地降温幅度可达10摄氏度以上。`,
    '气象专家提醒，公众需及时添衣保暖，设施农业、交通运输等行业应提前做好防范应对工作。',
  ];
}

/** The copy with that kind of noise inserted; insert mid-answer noise at paragraph boundaries of an answer that has at least 2 paragraphs, where the paragraph BEFORE the noise is cut mid-sentence (ends without punctuation, the rest of the sentence starting the paragraph after the noise) for the caption kinds 'credit-no-name' and 'described-caption' — that is what a page break looks like. Return also what was inserted, so tests can assert none of it reaches an answer.
 *
 * The answer is the one with 2 or more paragraphs nearest the middle of the copy. 'jump-then-article',
 * 'wire-end' and 'web-footer' drop the page's other articles and a continuation marker at the end
 * of the copy; 'wire-end' also drops the reporter's closing line (`记者会历时…`), which a wire ends before. */
export function withNoise(raw: string, kind: NoiseKind): { text: string; inserted: string[] } {
  const copy = readCopy(raw);
  const { month, day } = dateOf(copy);
  switch (kind) {
    case 'credit-no-name':
    case 'described-caption': {
      const inserted =
        kind === 'credit-no-name' ? ['新华社记者 摄'] : [`${month}月${day}日，外交部长${copy.minister}在记者会上回答记者提问。`, '新华社记者 李学仁 摄'];
      return { text: insertAt(copy, findSpot(copy, midSentenceCut), inserted), inserted };
    }
    case 'image-source':
    case 'xinhua-fa': {
      const inserted = [kind === 'image-source' ? '图片来源：新华网' : '新华社发（殷博古 摄）'];
      return { text: insertAt(copy, findSpot(copy, null), inserted), inserted };
    }
    case 'report-lines': {
      const opening = [`${copy.minister}步入会场。`, '记者会开始。'];
      const applause = '（现场掌声）';
      const spot = findSpot(copy, null);
      const out = copy.blocks.map((b) => b.raw);
      // Later position first, so the earlier index stays valid.
      out.splice(spot.turn.paras[spot.k]! + 1, 0, applause);
      out.splice((copy.lede >= 0 ? copy.lede : copy.firstTurn - 1) + 1, 0, ...opening);
      return { text: render(copy, out), inserted: [...opening, applause] };
    }
    case 'jump-then-article': {
      const spot = findSpot(copy, commaCut);
      const at = spot.turn.paras[spot.k]!;
      const marker = '（转第三版）';
      const out = copy.blocks.slice(0, at).map((b) => b.raw);
      out.push(copy.blocks[at]!.raw.slice(0, spot.cut!) + marker);
      // A blank line before the other article; blank-separated copies have one already.
      if (!copy.blankSep) out.push('');
      out.push(...cityArticle);
      return { text: render(copy, out), inserted: [marker, ...cityArticle] };
    }
    case 'wire-end': {
      const out = bodyRaw(copy, 0, conferenceEnd(copy, false));
      out[out.length - 1] += '（完）';
      const item = wireItem(copy);
      if (!copy.blankSep) out.push('');
      out.push(...item);
      return { text: render(copy, out), inserted: ['（完）', ...item] };
    }
    case 'web-footer': {
      const footer = ['责任编辑：王梓', '【纠错】', '分享到：微信 微博'];
      const out = [...bodyRaw(copy, 0, conferenceEnd(copy, true)), ...footer];
      return { text: render(copy, out), inserted: footer };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Continuation pages

/** The answer's text from just after its first sentence, if a sentence ends before the answer does. */
function afterFirstSentence(copy: Copy, a: Turn): string[] | null {
  const all = copy.blocks.map((b) => b.raw);
  for (let i = 0; i < a.paras.length; i++) {
    const printed = i === 0 ? a.rest : all[a.paras[i]!]!;
    const words = printed.replace(jumpAtEnd, '');
    const end = /[。！？][”’」』]?/u.exec(words);
    if (!end) continue;
    const cut = end.index + end[0].length;
    if (words.slice(cut).trim() !== '') return [printed.slice(cut).trim(), ...all.slice(a.paras[i]! + 1)];
    if (i + 1 < a.paras.length) return all.slice(a.paras[i + 1]);
  }
  return null;
}

/** The answer's text from just after the first comma of its first line (for a one-sentence answer). */
function afterFirstClause(copy: Copy, a: Turn): string[] {
  const comma = a.rest.indexOf('，');
  if (comma < 0) return [];
  return [a.rest.slice(comma + 1).trim(), ...copy.blocks.slice(a.block + 1).map((b) => b.raw)];
}

/** A continuation page of a newspaper: a page header line (`2024年3月8日 星期五  第3版  要闻`), then `（上接第一版）`, then the copy's text starting either at the `n`-th question turn (1-based, counting questioner turns) to the end, or (`midAnswer: true`) in the middle of the answer to the n-th question: starting at its second paragraph, or, for one-paragraph answers, after the first sentence. No conference header (the text does not say which conference it is: tests state it in sources.json).
 *
 * The page is dated the day after the conference, in the conference's year (so `2024年3月8日 星期五` for 2024). */
export function continuationPage(raw: string, n: number, options?: { midAnswer?: boolean }): string {
  const copy = readCopy(raw);
  const questions = copy.exchanges.filter((e) => e.question !== undefined);
  const ex = questions[n - 1];
  if (!ex || !ex.question) throw new RangeError(`layouts: this copy has ${questions.length} questions, not ${n}`);
  const all = copy.blocks.map((b) => b.raw);
  let text: string[];
  if (!options?.midAnswer) {
    text = all.slice(ex.question.block);
  } else {
    const a = ex.answer;
    if (!a) throw new RangeError(`layouts: question ${n} has no answer in this copy`);
    // Paragraphs as printed, with a page break's two halves counted as one paragraph.
    const second = a.paras.find((b, i) => i > 0 && paragraphEnd.test(copy.blocks[a.paras[i - 1]!]!.plain));
    if (second !== undefined) {
      text = all.slice(second);
    } else {
      text = afterFirstSentence(copy, a) ?? afterFirstClause(copy, a);
      if (text.length === 0) throw new RangeError(`layouts: the answer to question ${n} cannot be split`);
    }
  }
  const year = yearOf(copy);
  const { month, day } = dateOf(copy);
  const weekday = '日一二三四五六'[new Date(Date.UTC(year, month - 1, day + 1)).getUTCDay()]!;
  return render(copy, [`${year}年${month}月${day + 1}日 星期${weekday}  第3版  要闻`, '（上接第一版）', ...text]);
}

// ---------------------------------------------------------------------------------------------
// Files that are NOT the foreign minister's conference, each derived from a real copy so they look like one.

/** The premier's press conference of the same NPC session: the header says `国务院总理李强出席记者会并回答中外记者提问`, dated 3月11日, same session as the source; minister labels replaced by 李强. */
export function premierConference(raw: string): string {
  const copy = readCopy(raw);
  const session = sessionOf(copy) ?? '十四届全国人大二次会议';
  const year = yearOf(copy);
  const header = [
    '国务院总理李强出席记者会并回答中外记者提问',
    `新华社北京3月11日电 ${year}年3月11日，${session}在人民大会堂举行记者会，国务院总理李强出席并回答中外记者提问。`,
  ];
  const byBlock = new Map(copy.turns.map((t) => [t.block, t]));
  const body = copy.blocks.slice(copy.firstTurn).map((b, j) => (byBlock.get(copy.firstTurn + j)?.role === 'minister' ? replaceLabel(b.raw, '李强') : b.raw));
  return render(copy, [...header, ...body]);
}

/** An interview with an NPC deputy: headline `全国人大代表、某省农业农村厅厅长张建国：…`, lede `…在十四届全国人大二次会议期间接受本报记者专访。`, turns `记者：` / `张建国：` (a few turns with invented but plausible agriculture content; no 外交部长 anywhere). The province is 河南省. */
export function deputyInterview(): string {
  return [
    '全国人大代表、河南省农业农村厅厅长张建国：把粮食安全责任扛在肩上',
    '本报北京3月8日电（记者刘晓光）“今年政府工作报告提出粮食产量保持在1.3万亿斤以上，这让我们种粮更有底气。”全国人大代表、河南省农业农村厅厅长张建国在十四届全国人大二次会议期间接受本报记者专访。',
    '记者：今年政府工作报告对粮食生产作出了哪些部署？您如何理解？',
    '张建国：政府工作报告提出，粮食产量保持在1.3万亿斤以上。作为产粮大省，我们要扛稳粮食安全重任，稳面积、增单产，确保小麦播种面积稳定在8500万亩以上。',
    '今年我们重点抓好三件事：一是抓好春季麦田管理，落实“一喷三防”措施；二是推进大面积单产提升行动，集成推广良种良法；三是完善种粮农民收益保障机制，让农民种粮有钱挣、得实惠。',
    '记者：高标准农田建设进展如何？',
    '张建国：高标准农田是保障粮食安全的重要基础。截至去年底，全省累计建成高标准农田8000多万亩。今年我们将统筹整合资金，优先把永久基本农田建成高标准农田，同步配套灌溉排水、田间道路等设施，做到旱能浇、涝能排。',
    '记者：在种业振兴方面有哪些打算？',
    '张建国：种子是农业的“芯片”。我们将加快建设种业创新平台，支持育繁推一体化企业做大做强，力争培育一批高产、优质、抗逆的小麦、玉米新品种。',
    '记者：对于推进乡村全面振兴，您有什么建议？',
    '张建国：推进乡村全面振兴，关键要学习运用“千万工程”经验，因地制宜发展乡村特色产业，延长农业产业链，让农民更多分享产业增值收益。同时，要持续改善农村人居环境，建设宜居宜业和美乡村。',
    '',
  ]
    .join('\n\n')
    .replace(/\n+$/u, '\n');
}

/** A page of city news only: the part of the 2024 copy (the one containing 下转第三版) after that marker. */
export function cityNewsPage(raw2024Partial: string): string {
  const text = linesOf(raw2024Partial).join('\n');
  const m = /\**[ \t]*[（(]\s*下转第?[一二三四五六七八九十\d]+版\s*[）)][ \t]*\**/u.exec(text);
  if (!m) throw new Error('layouts: this copy has no 下转…版 marker');
  return text.slice(m.index + m[0].length).replace(/^\s+/u, '');
}

/** Another year's conference: the 2023 conference of 秦刚 (十四届全国人大一次会议, 2023年3月7日): derived from a real copy by replacing the header (`外交部长秦刚就中国外交政策和对外关系回答中外记者提问` and a lede `2023年3月7日，十四届全国人大一次会议在梅地亚中心举行记者会，国务委员兼外交部长秦刚就中国外交政策和对外关系回答中外记者提问。`) and the minister's label (王毅 → 秦刚) and keeping only the first 5 exchanges (opening remarks count as one). */
export function qinGang2023(raw: string): string {
  const copy = readCopy(raw);
  const header = [
    '外交部长秦刚就中国外交政策和对外关系回答中外记者提问',
    '2023年3月7日，十四届全国人大一次会议在梅地亚中心举行记者会，国务委员兼外交部长秦刚就中国外交政策和对外关系回答中外记者提问。',
  ];
  const kept = copy.exchanges.slice(0, 5);
  const lastTurn = kept[kept.length - 1]!.answer ?? kept[kept.length - 1]!.question!;
  const end = lastTurn.paras[lastTurn.paras.length - 1]! + 1;
  const ministerAt = new Set(copy.turns.filter((t) => t.role === 'minister').map((t) => t.block));
  const body = bodyRaw(copy, copy.firstTurn, end).map((r, j) => (ministerAt.has(copy.firstTurn + j) ? replaceLabel(r, '秦刚') : r));
  return render(copy, [...header, ...body]);
}

// ---------------------------------------------------------------------------------------------
// Encodings

/** The text in another encoding or line-ending convention, as some sites and old tools save it. */
export function encode(text: string, encoding: Encoding): Buffer {
  // Start from one known form: no BOM, LF line endings.
  const lf = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  switch (encoding) {
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lf, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lf, 'utf16le')]);
    case 'utf16le-nobom':
      return Buffer.from(lf, 'utf16le');
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(lf, 'utf16le').swap16()]);
    case 'gb18030':
      return iconv.encode(lf, 'gb18030');
    case 'big5':
      // Big5 is Taiwan's: Hong Kong variant forms it lacks (説, 脱) are printed in their Taiwan form.
      return iconv.encode((hongKongToTaiwan ??= FullConverter({ from: 'hk', to: 'tw' }) as (s: string) => string)(lf), 'big5');
    case 'crlf':
      return Buffer.from(lf.replace(/\n/gu, '\r\n'), 'utf8');
    case 'cr':
      return Buffer.from(lf.replace(/\n/gu, '\r'), 'utf8');
  }
}
