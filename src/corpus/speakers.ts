/**
 * Speaker labels, as one rule for every printed scheme: a line that starts with a short label and
 * a colon (`王毅：`, `**王毅**：`, `问：`, `答：`, `新华社记者问：`, `王毅答：`, `问（新华社记者）：`,
 * `美国全国广播公司（NBC）记者：`, `法新社 记者：`, `…记者提问：`) opens a turn of the minister or of
 * a journalist. Labels are read on the folded text, so traditional copies (`記者：`) read the same.
 * Any other label (`他说：`) is part of a sentence, not a turn.
 */
import { fold } from './script.js';

/** Who a label names. `label` is the outlet as printed (`新华社记者`), or null where the copy prints none (`问：`). */
export type Speaker = { readonly kind: 'minister' } | { readonly kind: 'questioner'; readonly label: string | null };

/** A label: up to 40 characters without sentence punctuation or quotes, then a colon. */
const labelPattern = /^\s*([^\s。！？，、；“”‘’：][^。！？，、；“”‘’：]{0,39}?)\s*：\s*/u;

/** Words that make a label a clause of the minister's own sentence (`我想告诉美国记者：`), not an outlet. */
const clauseWords = /[我你他她]|说|告诉|希望|请问/u;

/**
 * Reads the speaker label at the start of a line.
 * @param minister - the minister named in the header (`王毅`), whose labels open answers
 * @returns the speaker and the rest of the line as printed, or null when the line opens no turn
 */
export function readLabel(text: string, minister: string): { speaker: Speaker; rest: string } | null {
  const folded = fold(text);
  const m = labelPattern.exec(folded);
  if (!m) return null;
  const speaker = classify(text.slice(m.index + m[0].indexOf(m[1]!), m.index + m[0].indexOf(m[1]!) + m[1]!.length), m[1]!, minister);
  return speaker ? { speaker, rest: text.slice(m[0].length) } : null;
}

/** True when a line opens a journalist's turn; telling that needs no minister's name. */
export function opensQuestion(text: string): boolean {
  const m = labelPattern.exec(fold(text));
  return m !== null && questioner(m[1]!.replace(/\s+/gu, ''), m[1]!) !== null;
}

function classify(printed: string, folded: string, minister: string): Speaker | null {
  const compact = folded.replace(/\s+/gu, '');
  if (compact === '答' || compact === minister || compact === `${minister}答` || (compact.endsWith(minister) && compact.includes('部长'))) return { kind: 'minister' };
  return questioner(compact, printed);
}

/** The outlet a journalist's label names, if the label is one; `label: null` where none is printed. */
function questioner(compact: string, printed: string): Speaker | null {
  if (compact === '问' || compact === '提问' || compact === '记者' || compact === '记者问') return { kind: 'questioner', label: null };
  const inBrackets = /^问（(.+记者)）$/u.exec(compact);
  if (inBrackets) return outlet(printed.slice(printed.indexOf('（') + 1 || printed.indexOf('(') + 1, Math.max(printed.lastIndexOf('）'), printed.lastIndexOf(')'))));
  const asking = /^(.+记者)(?:提问|问)$/u.exec(compact);
  if (asking) return outlet(printed.replace(/\s*(?:提问|问)\s*$/u, ''));
  if (compact.length >= 3 && compact.endsWith('记者')) return outlet(printed);
  return null;
}

function outlet(printed: string): Speaker | null {
  const label = printed.trim();
  return clauseWords.test(fold(label)) ? null : { kind: 'questioner', label };
}
