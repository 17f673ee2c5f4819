/** Small text helpers shared by the corpus passes. Pure functions, no I/O. */

/** Clause boundaries used to widen a variant to a readable span. */
export const clauseBoundary = new Set(['。', '！', '？', '!', '?', '；', ';', '：', ':', '，', ',', '、', '…']);

/** The set of character bigrams of a text (whitespace removed); Chinese words are mostly 2 characters. */
export function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/\s+/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Dice coefficient of two bigram sets: 1 for the same text, near 0 for unrelated texts. */
export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Share of `part`'s bigrams found in `whole`: near 1 when `part` is an excerpt of `whole`. */
export function containment(part: Set<string>, whole: Set<string>): number {
  if (part.size === 0) return 0;
  let shared = 0;
  for (const g of part) if (whole.has(g)) shared++;
  return shared / part.size;
}

const digits: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Parses a Chinese numeral up to 99 (`十四` → 14, `二十` → 20, `五` → 5) or ASCII digits; NaN otherwise. */
export function chineseNumber(text: string): number {
  if (/^\d+$/u.test(text)) return Number(text);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!m || text === '') return Number.NaN;
  const [, tens, ten, units] = m;
  if (!ten) return tens && !units ? digits[tens]! : Number.NaN;
  return (tens ? digits[tens]! : 1) * 10 + (units ? digits[units]! : 0);
}
