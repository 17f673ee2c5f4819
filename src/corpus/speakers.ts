/**
 * Speaker labels, as one rule for every printed scheme: a line that starts with a short label and
 * a colon (`王毅：`, `**王毅**：`, `外长王毅：`, `问：`, `答：`, `新华社记者问：`, `王毅答：`,
 * `问（新华社记者）：`, `美国全国广播公司（NBC）记者：`, `法新社 记者：`, `…记者提问：`) opens a turn of
 * the minister, of a journalist, or of someone else (`主持人：`). Labels are read on the folded text,
 * so traditional copies (`記者問：`) read the same. Any other label (`他说：`) is part of a sentence.
 */
import { fold } from './script.js';

/**
 * Who a label names. `label` is the outlet as printed (`新华社记者`), or null where the copy prints
 * none (`问：`). `other` is someone who is neither the minister nor a journalist (a moderator).
 */
export type Speaker =
  | { readonly kind: 'minister' }
  | { readonly kind: 'questioner'; readonly label: string | null }
  | { readonly kind: 'other'; readonly label: string };

/** A label: up to 40 characters without sentence punctuation or quotes, then a colon. */
const labelPattern = /^\s*([^\s。！？，；“”‘’：][^。！？，；“”‘’：]{0,39}?)\s*：\s*/u;

/** Words that make a label a clause of the minister's own sentence (`我想告诉美国记者：`), not an outlet. */
const clauseWords = /[我你他她]|说|告诉|希望|请问|各位|^(?:有|一些|这位|那位|刚才|某些|有的|很多|不少)/u;

/** Titles printed around the minister's name in a label: `外长王毅`, `王毅外长`, `中共中央政治局委员、外交部长王毅`. */
const ministerTitles = /^(?:中共中央政治局委员|国务委员|外交部长|外交部部长|外长|部长|兼|、)*$/u;

/** Roles that speak at a press conference without being the minister or a journalist. */
const otherRoles = /^(?:主持人|司仪|新闻发言人|发言人|翻译|现场主持人)$/u;

/** The label of a line and where the rest begins, on the folded text. */
function labelOf(text: string): { folded: string; printed: string; restAt: number } | null {
  const f = fold(text);
  const m = labelPattern.exec(f);
  if (!m) return null;
  const at = m.index + m[0].indexOf(m[1]!);
  return { folded: m[1]!, printed: text.slice(at, at + m[1]!.length), restAt: m[0].length };
}

/**
 * Reads the speaker label at the start of a line.
 * @param minister - the minister named in the header (`王毅`), whose labels open answers
 * @returns the speaker and the rest of the line as printed, or null when the line opens no turn
 */
export function readLabel(text: string, minister: string): { speaker: Speaker; rest: string } | null {
  const l = labelOf(text);
  if (!l) return null;
  const speaker = classify(l.printed, l.folded, minister);
  return speaker ? { speaker, rest: text.slice(l.restAt) } : null;
}

/** True when a line opens a journalist's turn; telling that needs no minister's name. */
export function opensQuestion(text: string): boolean {
  const l = labelOf(text);
  return l !== null && questioner(l.folded.replace(/\s+/gu, ''), l.printed) !== null;
}

function classify(printed: string, folded: string, minister: string): Speaker | null {
  // A title in brackets after the name (`王毅（外交部长）`) is a title like any other.
  const compact = folded.replace(/\s+/gu, '').replace(/（([^）]*)）/gu, (all, inner: string) => (ministerTitles.test(inner) ? '' : all));
  if (compact === '答' || compact === `${minister}答`) return { kind: 'minister' };
  const at = compact.indexOf(minister);
  if (at >= 0 && ministerTitles.test(compact.slice(0, at)) && ministerTitles.test(compact.slice(at + minister.length))) return { kind: 'minister' };
  if (otherRoles.test(compact)) return { kind: 'other', label: printed.trim() };
  return questioner(compact, printed);
}

/** The outlet a journalist's label names, if the label is one; `label: null` where none is printed. */
function questioner(compact: string, printed: string): Speaker | null {
  if (compact === '问' || compact === '提问' || compact === '记者' || compact === '记者问') return { kind: 'questioner', label: null };
  const folded = fold(printed);
  if (/^(?:提问|问)（.+记者）$/u.test(compact)) return outlet(printed.slice(folded.indexOf('（') + 1, folded.lastIndexOf('）')));
  if (/^.+记者(?:提问|问)$/u.test(compact)) return outlet(printed.slice(0, /\s*(?:提问|问)\s*$/u.exec(folded)!.index));
  if (/^记者（.+）$/u.test(compact)) return outlet(printed);
  if (compact.length >= 3 && compact.endsWith('记者')) return outlet(printed);
  return null;
}

function outlet(printed: string): Speaker | null {
  const label = printed.trim();
  return clauseWords.test(fold(label)) ? null : { kind: 'questioner', label };
}
