/**
 * Cleaning passes over the lines of one raw copy. Each pass is small, named, and records what it
 * takes out (with the line and the reason), so a reader can check that nothing of the minister's
 * words was dropped. The passes know newspaper and web conventions, never particular files, and
 * they match on the folded text (`fold`), so a traditional-character copy is cleaned by the same
 * rules as a simplified one.
 */
import type { Line } from './lines.js';
import type { Removal, RemovalReason } from './model.js';
import { fold } from './script.js';

export type { Line } from './lines.js';

/** Collects removals of one file. */
export class RemovalLog {
  readonly entries: Removal[] = [];
  constructor(readonly source: string) {}
  add(line: number, text: string, reason: RemovalReason): void {
    if (text.trim() !== '') this.entries.push({ source: this.source, line, text: text.trim(), reason });
  }
}

/** A page number as printed in a jump marker: `第四版`, `四版`, `A3版`, `第A3版`, `03版`. */
const page = String.raw`第?\s*[A-Za-zＡ-Ｚ]?\s*[\d一二三四五六七八九十]+\s*版`;
/** `（下转第四版）`, `（转第三版）`, `（转A3版）`: the article goes on on a page this copy may not have. */
const jumpOut = new RegExp(String.raw`（\s*(?:下转|转至|转到|转)\s*${page}\s*）`, 'u');
/** `（上接第一版）`, `（接第一版）`: the article goes on from another page. */
const jumpIn = new RegExp(String.raw`（\s*(?:上接|紧接|接上|接)\s*${page}\s*）`, 'u');
/** The end of a wire story: `（完）`. */
const wireEnd = /[（【]\s*完\s*[）】]\s*$/u;
/** A web page's footer: the editor's line, the corrections link, the share bar. */
const footer = /^(?:责任编辑|编辑|校对|审核|审校|值班编辑|责编)\s*[：/／]|^【\s*纠错\s*】|^分享到|^相关(?:新闻|阅读|报道)\s*[：]?$/u;
/** The dateline that opens another news item. */
const newArticle = /^\s*(?:本报讯|据?(?:本报|新华社|中新社)[^\s，。：]{0,12}?\d{1,2}月\d{1,2}日电)/u;
/** Another press conference of the foreign minister printed after this one (a page or file that carries two). */
const anotherConference = /^[^：]{0,40}外(?:交部)?长\p{Script=Han}{2,3}?(?:就中国外交政策和对外关系)?(?:回答|答)中外记者(?:提问|问)$/u;

/** Splits a line at a marker: the text before and after it (either may be empty). */
function around(line: Line, m: RegExpExecArray): { before: Line | null; after: Line | null } {
  const before = line.text.slice(0, m.index);
  const after = line.text.slice(m.index + m[0].length);
  return { before: before.trim() === '' ? null : { n: line.n, text: before }, after: after.trim() === '' ? null : { n: line.n, text: after } };
}

/**
 * Pass: what follows an outgoing jump marker (`（下转第四版）`), a wire ending (`（完）`), a web
 * footer (`责任编辑：…`) or the dateline of another item (`本报讯`) is other material printed with
 * the conference. It is cut, unless an incoming jump marker (`（上接第一版）`) later resumes the
 * conference, in which case only the lines in between are cut. `firstTurn` is the index of the
 * first speaker turn, so that datelines and markers in the header are not mistaken for the end.
 * @returns the kept lines, and whether the copy stops inside the conference
 */
export function cutUnrelatedArticles(lines: readonly Line[], firstTurn: number, log: RemovalLog): { lines: Line[]; cut: boolean } {
  const out: Line[] = lines.slice(0, Math.max(firstTurn, 0));
  let cutting: RemovalReason | null = null;
  /** What stopped the conference last: a jump or another item (the copy stops inside it), or its own end. */
  let stoppedInside = false;
  for (let i = Math.max(firstTurn, 0); i < lines.length; i++) {
    const line = lines[i]!;
    const folded = fold(line.text);
    if (cutting !== null) {
      const resume = jumpIn.exec(folded);
      if (resume && cutting === 'unrelated-article') {
        const { before, after } = around(line, resume);
        if (before) log.add(line.n, before.text, 'unrelated-article');
        log.add(line.n, line.text.slice(resume.index, resume.index + resume[0].length), 'continuation-marker');
        if (after) out.push(after);
        cutting = null;
        stoppedInside = false;
      } else {
        log.add(line.n, line.text, cutting);
      }
      continue;
    }
    const jump = jumpOut.exec(folded);
    const end = jump ? null : wireEnd.exec(folded);
    if (jump || end) {
      const m = (jump ?? end)!;
      const { before, after } = around(line, m);
      if (before) out.push(before);
      log.add(line.n, line.text.slice(m.index, m.index + m[0].length), jump ? 'continuation-marker' : 'wire-end');
      if (after) log.add(line.n, after.text, 'unrelated-article');
      cutting = 'unrelated-article';
      stoppedInside = jump !== null;
    } else if (footer.test(folded.trim())) {
      log.add(line.n, line.text, 'footer');
      cutting = 'footer';
      stoppedInside = false;
    } else if (newArticle.test(folded) || anotherConference.test(folded.trim())) {
      // The headline and deck of the new item stand just above its dateline.
      let start = out.length;
      while (start > firstTurn + 1 && isHeadlineLike(out[start - 1]!.text)) start--;
      for (const l of out.splice(start)) log.add(l.n, l.text, 'unrelated-article');
      log.add(line.n, line.text, 'unrelated-article');
      cutting = 'unrelated-article';
      stoppedInside = true;
    } else {
      out.push(line);
    }
  }
  return { lines: out, cut: cutting !== null && stoppedInside };
}

/** A blank line, or a short line with no punctuation at all (a headline or deck; never a speaker's line). */
function isHeadlineLike(text: string): boolean {
  const t = text.trim();
  return t === '' || (t.length <= 30 && !/[。！？；：，、]/u.test(fold(t)));
}

/** A photo credit at the end of a line: `新华社记者 陈钟昊摄`, `本报记者 王建军 摄`, `新华社记者 摄`, `（新华社发 殷博古 摄）`. */
const credit =
  /（?\s*(?:(?:新华社|中新社|本报|人民日报|新京报|央视|人民网|新华网)?\s*(?:特约)?(?:摄影记者|记者|摄影|通讯员)|新华社发|发)\s*（?\s*[\p{Script=Han}·]{0,6}(?:\s*[、，]\s*[\p{Script=Han}·]{2,6})*\s*摄(?:影)?\s*）?\s*）?\s*$/u;
/** Caption lines that are not credits: `新华社发`, `图片来源：…`, `图/新华社`. */
const captionLine = /^[（]?\s*新华社发\s*[）]?\s*$|^[（]?\s*(?:图片来源|图片提供|图源|来源图片)\s*[：]|^图\s*[/／]/u;
/** The first words of a caption's description line: a date or a pointer at the picture. */
const captionDescription = /^(?:\d{1,2}月\d{1,2}日[，、]|图为|上图|下图|左图|右图|图[：])/u;

/**
 * Pass: removes photo captions wherever the layout dropped them, with the description line above a
 * credit when it stands among the answers (from line index `firstTurn` on; in the header a line
 * like that is the lede, which names the conference).
 */
export function removeCaptions(lines: readonly Line[], firstTurn: number, log: RemovalLog): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const folded = fold(l.text).trim();
    // Matched on the untrimmed start, so the index is the printed text's.
    const m = credit.exec(fold(l.text).trimEnd());
    if (!m && !captionLine.test(folded)) {
      out.push(l);
      continue;
    }
    // A credit after the minister's own sentence (the layout ran the caption on): only the credit goes.
    const before = m ? fold(l.text).slice(0, m.index).trim() : '';
    if (m && before !== '' && !captionDescription.test(before) && !/记者会|回答.{0,4}记者|举行/u.test(before)) {
      log.add(l.n, l.text.slice(m.index), 'caption');
      out.push({ ...l, text: l.text.slice(0, m.index) });
      continue;
    }
    // A description printed on its own line just above the credit belongs to the caption.
    let k = out.length - 1;
    while (k >= 0 && out[k]!.text.trim() === '') k--;
    const above = k >= 0 ? out[k]! : null;
    if (above && k >= firstTurn && credit.test(folded) && captionDescription.test(fold(above.text).trim()) && [...above.text.trim()].length <= 150) {
      log.add(above.n, above.text, 'caption');
      out.splice(k, 1);
    }
    log.add(l.n, l.text, 'caption');
  }
  return out;
}

/** Pass: removes continuation markers that remain inside the text (`（上接第一版）`, a `（下转…）` in the header). */
export function removeContinuationMarkers(lines: readonly Line[], log: RemovalLog): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    let text = l.text;
    for (const pattern of [jumpIn, jumpOut]) {
      const m = pattern.exec(fold(text));
      if (m) {
        log.add(l.n, text.slice(m.index, m.index + m[0].length), 'continuation-marker');
        text = text.slice(0, m.index) + text.slice(m.index + m[0].length);
      }
    }
    if (text.trim() !== '' || l.text.trim() === '') out.push({ ...l, text });
  }
  return out;
}

/** A line with a markdown heading marker. */
export const headingMarker = /^\s*#{1,6}\s+/u;

/**
 * Pass: removes markdown markup: emphasis markers and list bullets (they carry no text). Heading
 * markers go too; the lines stay, flagged, because a heading in the header names the conference
 * while a heading among the answers is the newspaper's, never the minister's (see `readTurns`).
 */
export function stripMarkup(lines: readonly Line[]): (Line & { readonly heading: boolean })[] {
  return lines.map((l) => {
    const heading = l.heading === true || headingMarker.test(l.text);
    const text = l.text
      .replace(headingMarker, '')
      .replace(/\*\*|__/gu, '')
      .replace(/^\s*[-*+]\s+/u, '')
      .trim();
    return { n: l.n, text, heading };
  });
}

/** A live blog's time stamp before a line: `【10:02】`, `[10:02]`, `10:02 `. */
const clock = String.raw`\d{1,2}\s*(?:[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?|时\s*\d{1,2}\s*分)`;
const timestamp = new RegExp(String.raw`^\s*[▶►▸•]?\s*(?:【\s*${clock}\s*】|\[\s*${clock}\s*\]|[（(]\s*${clock}\s*[）)]|${clock}(?=\s|$))\s*`, 'u');

/** Pass: removes live-blog time stamps, whether on a line of their own or before a turn. */
export function removeTimestamps<L extends Line>(lines: readonly L[], log: RemovalLog): L[] {
  const out: L[] = [];
  for (const l of lines) {
    const m = timestamp.exec(l.text);
    if (!m) {
      out.push(l);
      continue;
    }
    log.add(l.n, m[0], 'timestamp');
    const rest = l.text.slice(m[0].length);
    if (rest.trim() !== '') out.push({ ...l, text: rest });
  }
  return out;
}

/** The reporter's own lines: `记者会历时1小时30分钟。`, `记者会开始。`, `（现场掌声）`, `王毅步入会场。`. */
function isReportLine(text: string, minister: string | null): boolean {
  const t = fold(text).trim();
  if ([...t].length <= 40 && /^(?:本次|今天的)?(?:记者会|发布会)(?:历时|持续|共进行|开始|正式开始|结束|到此结束|现场)/u.test(t)) return true;
  if (/^（\s*(?:现场)?(?:掌声|笑声|鼓掌|热烈掌声)\s*）$/u.test(t)) return true;
  return minister !== null && [...t].length <= 40 && new RegExp(`^${minister}(?:步入|走进|来到|离开|走上|走下)`, 'u').test(t);
}

/** Pass: removes the reporter's lines, wherever they are (before the first turn or between answers). */
export function removeReportLines<L extends Line>(lines: readonly L[], minister: string | null, log: RemovalLog): L[] {
  return lines.filter((l) => {
    if (!isReportLine(l.text, minister)) return true;
    log.add(l.n, l.text, 'report-line');
    return false;
  });
}

/** A paragraph under construction: its text and the lines it came from. */
export interface Para {
  text: string;
  readonly lines: number[];
}

/** Whether a paragraph ends where a sentence can end. */
const terminalEnd = /[。！？；：…”’）】》]\s*$/u;

/**
 * Pass: a paragraph that stops without sentence punctuation was cut by a page or column break
 * (`这不` / `是一个负责任大国…`); it is joined to the next paragraph of the same turn. Captions and
 * markers printed in the break were taken out before, so only the minister's words are joined.
 */
export function joinPageBreaks(paras: readonly Para[], log: RemovalLog): Para[] {
  const out: Para[] = [];
  for (const p of paras) {
    const prev = out.at(-1);
    if (prev && !terminalEnd.test(fold(prev.text))) {
      log.add(p.lines[0]!, `…${[...prev.text].slice(-8).join('')} ⏎ ${[...p.text].slice(0, 8).join('')}…`, 'page-break-join');
      prev.text += p.text;
      prev.lines.push(...p.lines);
    } else {
      out.push({ text: p.text, lines: [...p.lines] });
    }
  }
  return out;
}
