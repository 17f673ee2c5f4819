/**
 * Classing a difference between two copies of a clause by how much it matters to a reader: the
 * copies say different things (`meaning`), or the same thing printed differently (`form`).
 *
 * The two texts are compared by character. Whitespace is ignored for every reason but `spacing`,
 * and punctuation (Unicode P and S) for every reason but `punctuation`, except the marks that
 * belong to a number (`%`, and a decimal point between digits). A change is a run of removed and
 * added characters between characters the copies share.
 *
 * A change of one character that is not a negation, a number or Latin script is taken for a
 * misprint (`斯坦` / `斯塔`, `国际广` / `国广`): one character is the typesetter's usual scale. The
 * exceptions are the characters listed in `impact-words.json`, reviewed data: one referent for
 * another (`中美` / `中俄`, `对欧` / `对外`), one of a pair of opposites for the other (`更多` /
 * `更少`), a question particle added (`吗`). Two or more changed characters are a change of wording.
 */
import { diffChars } from 'diff';
import words from './impact-words.json' with { type: 'json' };

/** How much a difference between two copies matters to a reader. */
export type Impact = 'meaning' | 'form';

/** Why, as data (rendered per language elsewhere). */
export type ImpactReason =
  /** A negation (不 没 没有 无 非 未 否 别 勿 莫 毋) added, dropped or changed. */
  | 'negation'
  /** A number differs (ASCII or full-width digits, Chinese numerals, `%`). */
  | 'number'
  /** Latin-script words differ (`挑战` / `challenge`). */
  | 'latin'
  /** Two or more characters substituted, added or dropped, in one place or in several. */
  | 'words'
  /** Only punctuation differs. */
  | 'punctuation'
  /** Only whitespace differs, or nothing does. */
  | 'spacing'
  /** A character doubled or undoubled (`两大大文明`), or replaced by a copy of its neighbour (`国灾灾难` / `国际灾难`). */
  | 'doubled'
  /** One character substituted, added or dropped (`斯坦` / `斯塔`) that is no negation, number or Latin. */
  | 'misprint';

/** The impact of a difference and the reason for it. */
export interface ImpactClass {
  readonly impact: Impact;
  readonly reason: ImpactReason;
}

const impactOf: Readonly<Record<ImpactReason, Impact>> = {
  negation: 'meaning',
  number: 'meaning',
  latin: 'meaning',
  words: 'meaning',
  doubled: 'form',
  misprint: 'form',
  punctuation: 'form',
  spacing: 'form',
};

const space = /[\s\p{Cf}]/u;
const punctuation = /[\p{P}\p{S}]/u;
const digit = /[0-9０-９]/u;
const negation = /[不没无非未否别勿莫毋]/u;
const numeral = /[0-9０-９〇零一二两三四五六七八九十百千万亿.．%％]/u;
const latin = /\p{Script=Latin}/u;

/** Words in which a negation character does not negate: names, 未来 "future", and 别 "to tell apart". */
const notNegating = ['非洲', '南非', '莫斯科', '莫桑比克', '未来', '特别', '分别', '区别', '差别', '个别', '级别', '类别', '告别', '识别', '鉴别', '之别', '有别', '辨别', '派别', '性别'];

/** Words in which a numeral counts nothing, so that `一定` / `肯定` is not a change of number. */
const notCounting = ['一些', '一切', '一起', '一定', '一直', '一致', '一贯', '一向', '一旦', '一样', '统一', '唯一', '同一', '进一步', '万一'];

/** The characters of a text that carry wording, with the marks of its numbers. */
function wording(chars: readonly string[]): string[] {
  return chars.filter((c, i) => {
    if (c === '.' || c === '．') return digit.test(chars[i - 1] ?? '') && digit.test(chars[i + 1] ?? '');
    if (c === '%' || c === '％') return true;
    return !punctuation.test(c);
  });
}

/** Which characters of `chars` lie inside one of `words`. */
function covered(chars: readonly string[], words: readonly string[]): boolean[] {
  const inside = chars.map(() => false);
  for (const word of words) {
    const w = Array.from(word);
    for (let i = 0; i + w.length <= chars.length; i++) {
      if (w.every((c, k) => chars[i + k] === c)) w.forEach((_, k) => (inside[i + k] = true));
    }
  }
  return inside;
}

/** One side of the comparison: its wording, and where its negations and numerals are lexical only. */
interface Side {
  readonly chars: readonly string[];
  readonly lexicalNegation: readonly boolean[];
  readonly lexicalNumeral: readonly boolean[];
}

function side(chars: readonly string[]): Side {
  return { chars, lexicalNegation: covered(chars, notNegating), lexicalNumeral: covered(chars, notCounting) };
}

/** A change run: positions removed from the reading and added from the other copy. */
interface Run {
  readonly removed: number[];
  readonly added: number[];
}

function changeRuns(reading: Side, other: Side): Run[] {
  const runs: Run[] = [];
  let open: Run | null = null;
  let r = 0;
  let o = 0;
  for (const part of diffChars(reading.chars.join(''), other.chars.join(''))) {
    if (!part.added && !part.removed) {
      open = null;
      r += part.count;
      o += part.count;
      continue;
    }
    if (!open) runs.push((open = { removed: [], added: [] }));
    for (let k = 0; k < part.count; k++) {
      if (part.removed) open.removed.push(r++);
      else open.added.push(o++);
    }
  }
  return runs;
}

/** The characters at `at` that match `pattern` and are not `lexical`, in order. */
function picked(s: Side, at: readonly number[], pattern: RegExp, lexical?: readonly boolean[]): string[] {
  return at.filter((i) => !lexical?.[i]).map((i) => s.chars[i] ?? '').filter((c) => pattern.test(c));
}

/** Whether a run changes the negations: as a multiset, so that 不 → 没 counts and 不 → 不 does not. */
function changesNegation(run: Run, reading: Side, other: Side): boolean {
  const before = picked(reading, run.removed, negation, reading.lexicalNegation).sort();
  const after = picked(other, run.added, negation, other.lexicalNegation).sort();
  return before.join('') !== after.join('');
}

function changesNumber(run: Run, reading: Side, other: Side): boolean {
  return picked(reading, run.removed, numeral, reading.lexicalNumeral).join('') !== picked(other, run.added, numeral, other.lexicalNumeral).join('');
}

function changesLatin(run: Run, reading: Side, other: Side): boolean {
  return picked(reading, run.removed, latin).join('') !== picked(other, run.added, latin).join('');
}

const copiesNeighbour = (chars: readonly string[], i: number): boolean => chars[i] === chars[i - 1] || chars[i] === chars[i + 1];

const referents = new Set(Array.from(words.referents));
const opposite = new Map(words.opposites.flatMap((pair) => [[pair[0]!, pair[1]!] as const, [pair[1]!, pair[0]!] as const]));
const particles = new Set(Array.from(words.particles));

/** A one-character change that alters what is said (`impact-words.json`): another referent, the opposite, a question particle. */
function changesSense(removed: string | undefined, added: string | undefined): boolean {
  if (removed !== undefined && added !== undefined) return (referents.has(removed) && referents.has(added)) || opposite.get(removed) === added;
  const only = removed ?? added;
  return only !== undefined && particles.has(only);
}

/**
 * Doubled or misprint when `a` and `b` differ by exactly one character, else null. Worked out from
 * the strings rather than the diff, which may split one such change in two (`国灾灾难` / `国际灾难`).
 */
function singleCharacter(a: readonly string[], b: readonly string[]): 'doubled' | 'misprint' | null {
  if (Math.abs(a.length - b.length) > 1) return null;
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  if (a.length === b.length) {
    if (a.length - p - s !== 1) return null;
    if (copiesNeighbour(a, p) || copiesNeighbour(b, p)) return 'doubled';
    return changesSense(a[p], b[p]) ? null : 'misprint';
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  if (shorter.length !== p + s) return null;
  if (copiesNeighbour(longer, p)) return 'doubled';
  return changesSense(undefined, longer[p]) ? null : 'misprint';
}

const classed = (reason: ImpactReason): ImpactClass => ({ impact: impactOf[reason], reason });

/**
 * Classes the difference between `reading` and `other`, both already normalised for script and
 * typography by the caller. Meaning reasons win over form reasons, checked in the order negation,
 * number, latin, words; then doubled, misprint, punctuation, spacing. Identical texts are
 * `{ impact: 'form', reason: 'spacing' }`: nothing but (no) whitespace differs. Swapping the texts
 * should not change the class; only a tie in the diff's alignment could make it.
 */
export function classifyImpact(reading: string, other: string): ImpactClass {
  const readingChars = Array.from(reading).filter((c) => !space.test(c));
  const otherChars = Array.from(other).filter((c) => !space.test(c));
  if (readingChars.join('') === otherChars.join('')) return classed('spacing');
  const r = side(wording(readingChars));
  const o = side(wording(otherChars));
  if (r.chars.join('') === o.chars.join('')) return classed('punctuation');
  const runs = changeRuns(r, o);
  if (runs.some((run) => changesNegation(run, r, o))) return classed('negation');
  if (runs.some((run) => changesNumber(run, r, o))) return classed('number');
  if (runs.some((run) => changesLatin(run, r, o))) return classed('latin');
  return classed(singleCharacter(r.chars, o.chars) ?? 'words');
}
