/**
 * Cleaning passes over the lines of one raw copy. Each pass is small, named, and records what it
 * takes out (with the line and the reason), so a reader can check that nothing of the minister's
 * words was dropped. The passes know newspaper conventions, never particular files.
 */
import type { Removal, RemovalReason } from './model.js';

/** One line of a source file, with its 1-based line number for tracing. */
export interface Line {
  readonly n: number;
  readonly text: string;
}

/** Collects removals of one file. */
export class RemovalLog {
  readonly entries: Removal[] = [];
  constructor(readonly source: string) {}
  add(line: number, text: string, reason: RemovalReason): void {
    if (text.trim() !== '') this.entries.push({ source: this.source, line, text: text.trim(), reason });
  }
}

/** Splits a file into lines, dropping a byte-order mark and carriage returns. */
export function toLines(raw: string): Line[] {
  return raw
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n|\r/u)
    .map((text, i) => ({ n: i + 1, text }));
}

/** A speaker label at the start of a line, in any of the printed variants (`王毅：`, `**王毅：**`, `**王毅**：`). */
const labelPattern = /^\s*(?:\*\*)?\s*([^\s：:，,。！？、“”‘’（）()*#]{1,40}?)\s*(?:\*\*)?\s*[：:]\s*(?:\*\*)?\s*(.*)$/su;

/** Who a label names: the minister, a journalist, or nobody (so the colon is part of a sentence). */
export type Speaker = { kind: 'minister' } | { kind: 'questioner'; label: string };

/** Reads a speaker label from a line; null when the line does not start a turn. */
export function speakerOf(text: string, minister: string): { speaker: Speaker; rest: string } | null {
  const m = labelPattern.exec(text);
  if (!m) return null;
  const label = m[1]!;
  if (label === minister) return { speaker: { kind: 'minister' }, rest: m[2]! };
  if (label.endsWith('记者') && label.length >= 3) return { speaker: { kind: 'questioner', label }, rest: m[2]! };
  return null;
}

/**
 * The minister's name as the copy prints it: the speaker label that the title or lede names
 * (`外交部长王毅…`, `王毅答中外记者问`), else the most frequent short non-journalist label.
 */
export function findMinister(lines: readonly Line[]): string | null {
  const counts = new Map<string, number>();
  for (const { text: t } of lines) {
    const m = /^\s*(?:\*\*)?(\p{Script=Han}{2,4})(?:\*\*)?[：:]/u.exec(t);
    if (m && !m[1]!.endsWith('记者')) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  const text = lines.map((l) => l.text).join('\n');
  const titled = [...counts.keys()].find((name) => text.includes(`外交部长${name}`) || text.includes(`${name}答中外记者问`));
  if (titled) return titled;
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 2 ? best[0] : null;
}

/** `（下转第四版）`, `**（下转第三版）**`: the article continues on a page this copy does not have. */
const jumpOut = /\**\s*[（(]\s*下转第?[一二三四五六七八九十\d]+版\s*[）)]\s*\**/u;
/** `（上接第一版）`: the article continues from another page. */
const jumpIn = /\**\s*[（(]\s*上接第?[一二三四五六七八九十\d]+版\s*[）)]\s*\**/u;
/** The dateline that opens a local news item. */
const newArticle = /^\s*(?:\*\*)?本报讯(?:\*\*)?/u;

/**
 * Pass: everything after an outgoing continuation marker, or from the start of another news item,
 * is another article printed on the same page. `firstTurn` is the index of the first speaker turn,
 * so that markers in the header are not mistaken for the end.
 */
export function cutUnrelatedArticles(lines: readonly Line[], firstTurn: number, log: RemovalLog): { lines: Line[]; cut: boolean } {
  for (let i = Math.max(firstTurn, 0); i < lines.length; i++) {
    const line = lines[i]!;
    const jump = jumpOut.exec(line.text);
    let end = -1;
    let kept: Line | null = null;
    if (jump) {
      log.add(line.n, jump[0].replace(/\*/gu, ''), 'continuation-marker');
      const before = line.text.slice(0, jump.index);
      if (before.trim() !== '') kept = { n: line.n, text: before };
      log.add(line.n, line.text.slice(jump.index + jump[0].length), 'unrelated-article');
      end = i + 1;
    } else if (newArticle.test(line.text)) {
      // The headline and deck of the new item stand just above its dateline.
      end = i;
      while (end > firstTurn + 1 && isHeadlineLike(lines[end - 1]!.text)) end--;
    }
    if (end < 0) continue;
    const rest = lines.slice(end);
    for (const r of rest) log.add(r.n, r.text, 'unrelated-article');
    const head = lines.slice(0, jump ? i : end);
    return { lines: kept ? [...head, kept] : head, cut: true };
  }
  return { lines: [...lines], cut: false };
}

/** A blank line, a markdown heading, or a short line with no sentence punctuation (a headline or deck). */
function isHeadlineLike(text: string): boolean {
  const t = text.trim();
  return t === '' || /^#{1,6}\s/u.test(t) || (t.length <= 30 && !/[。！？；]/u.test(t));
}

/** A photo caption: a line that ends with the photographer's credit (`新华社记者 陈钟昊摄`, `本报记者 王建军 摄`). */
const caption = /(?:记者|摄影|通讯员)\s*[\p{Script=Han}·]{2,6}(?:\s*[、，]\s*[\p{Script=Han}·]{2,6})*\s*摄(?:影)?\s*[）)]?\s*$|^\s*[（(]?\s*新华社发\s*[）)]?\s*$/u;

/** Pass: removes photo captions, wherever the page layout dropped them (between or inside answers). */
export function removeCaptions(lines: readonly Line[], log: RemovalLog): Line[] {
  return lines.filter((l) => {
    if (!caption.test(l.text)) return true;
    log.add(l.n, l.text, 'caption');
    return false;
  });
}

/** Pass: removes continuation markers that remain inside the text (`（上接第一版）`, a `（下转…）` in the header). */
export function removeContinuationMarkers(lines: readonly Line[], log: RemovalLog): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    let text = l.text;
    for (const pattern of [jumpIn, jumpOut]) {
      const m = pattern.exec(text);
      if (m) {
        log.add(l.n, m[0].replace(/\*/gu, ''), 'continuation-marker');
        text = text.slice(0, m.index) + text.slice(m.index + m[0].length);
      }
    }
    if (text.trim() !== '' || l.text.trim() === '') out.push({ n: l.n, text });
  }
  return out;
}

/**
 * Pass: removes markdown markup (emphasis markers and list bullets) and heading lines. Headings are
 * the newspaper's, never the minister's words, so they are logged; emphasis markers carry no text.
 */
export function stripMarkup(lines: readonly Line[], log: RemovalLog): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    if (/^\s*#{1,6}\s/u.test(l.text)) {
      log.add(l.n, l.text.replace(/^\s*#{1,6}\s*/u, ''), 'heading');
      continue;
    }
    const text = l.text
      .replace(/\*\*|__/gu, '')
      .replace(/^\s*[-*+]\s+/u, '')
      .trim();
    out.push({ n: l.n, text });
  }
  return out;
}

/** A paragraph under construction: its text and the lines it came from. */
export interface Para {
  text: string;
  readonly lines: number[];
}

/** Whether a paragraph ends where a sentence can end. */
const terminalEnd = /[。！？!?；;：:…”’」』）)】》]\s*$/u;

/**
 * Pass: a paragraph that stops without sentence punctuation was cut by a page or column break
 * (`这不` / `是一个负责任大国…`); it is joined to the next paragraph of the same turn.
 */
export function joinPageBreaks(paras: readonly Para[], log: RemovalLog): Para[] {
  const out: Para[] = [];
  for (const p of paras) {
    const prev = out.at(-1);
    if (prev && !terminalEnd.test(prev.text)) {
      log.add(p.lines[0]!, `…${[...prev.text].slice(-8).join('')} ⏎ ${[...p.text].slice(0, 8).join('')}…`, 'page-break-join');
      prev.text += p.text;
      prev.lines.push(...p.lines);
    } else {
      out.push({ text: p.text, lines: [...p.lines] });
    }
  }
  return out;
}

/** The report's own lines inside the transcript (`记者会历时1小时30分钟。`): the reporter speaking, not the minister. */
const reportLine = /^(?:本次)?记者会(?:历时|持续|共进行)/u;

/** Pass: removes the reporter's lines from answer paragraphs. */
export function removeReportLines(paras: readonly Para[], log: RemovalLog): Para[] {
  return paras.filter((p) => {
    if (!reportLine.test(p.text)) return true;
    log.add(p.lines[0]!, p.text, 'report-line');
    return false;
  });
}
