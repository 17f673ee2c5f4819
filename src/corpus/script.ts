/**
 * Script- and typography-folding: the form in which copies are compared and recognised, never the
 * form in which they are quoted. `fold` maps traditional characters to simplified ones (OpenCC,
 * character by character) and typographic variants to one form (`「」` → `“”`, `:` → `：`, full-width
 * letters → ASCII), and it keeps the length of the text in UTF-16 units, so an offset found in the
 * folded text is the same offset in the text as printed.
 */
import { Converter } from 'opencc-js/t2cn';

/** A text converter. (opencc-js's own declaration files do not resolve under NodeNext, so the type is stated here.) */
type Convert = (text: string) => string;
const fromHongKong = Converter({ from: 'hk', to: 'cn' }) as Convert;
const fromTaiwan = Converter({ from: 'tw', to: 'cn' }) as Convert;

/** Hong Kong and Taiwan characters and phrases to mainland ones (臺灣 → 台湾, 加薩 → 加萨); the length may change. */
export function toMainland(text: string): string {
  return fromTaiwan(fromHongKong(text));
}

/** Typographic variants that carry no meaning, mapped to the form the mainland press uses. */
const typography: Readonly<Record<string, string>> = {
  '「': '“',
  '」': '”',
  '『': '‘',
  '』': '’',
  '﹁': '“',
  '﹂': '”',
  '"': '"',
  ':': '：',
  ',': '，',
  ';': '；',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
  '・': '·',
  '•': '·',
  '\u00a0': ' ',
  '\u3000': ' ',
};

const cache = new Map<string, string>();

/** One code point with typography folded (same UTF-16 length). */
function foldTypography(ch: string): string {
  const out = typography[ch] ?? ch;
  const code = out.codePointAt(0)!;
  return code >= 0xff01 && code <= 0xff5e && !'：，；？！（）'.includes(out) ? String.fromCodePoint(code - 0xfee0) : out;
}

/** One Han character converted on its own, where the conversion keeps its length. */
function foldHan(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  const simplified = /\p{Script=Han}/u.test(ch) ? toMainland(ch) : ch;
  const out = simplified.length === ch.length ? simplified : ch;
  cache.set(ch, out);
  return out;
}

/**
 * OpenCC's phrase conversion where it keeps the length: for the whole text when it does, else clause
 * by clause, so one character that converts to a longer one (勣 → 𪟝) costs only its own clause.
 */
function phrasesKeepingLength(text: string): string {
  const whole = toMainland(text);
  if (whole.length === text.length) return whole;
  return text
    .split(/([\s，。、；：！？“”‘’（）]+)/u)
    .map((piece) => {
      const converted = toMainland(piece);
      return converted.length === piece.length ? converted : piece;
    })
    .join('');
}

/**
 * Folds script and typography; `fold(s).length === s.length`. OpenCC converts whole phrases first
 * (經濟復甦 → 经济复苏, where 甦 alone is also a simplified character), then any character left;
 * where a phrase would change the length, characters are converted one by one instead.
 */
export function fold(text: string): string {
  const hit = folded.get(text);
  if (hit !== undefined) return hit;
  const out = foldUncached(text);
  // The passes fold the same lines several times; a bounded memo keeps that cheap.
  if (folded.size >= maxMemo) folded.clear();
  folded.set(text, out);
  return out;
}

const folded = new Map<string, string>();
const maxMemo = 50_000;

function foldUncached(text: string): string {
  let typo = '';
  for (const ch of text) typo += foldTypography(ch);
  const base = phrasesKeepingLength(typo);
  let out = '';
  for (const ch of base) out += foldHan(ch);
  return out;
}

/** Folded, without whitespace: the form in which two copies' words are compared. */
export function foldCompact(text: string): string {
  return fold(text).replace(/\s+/gu, '');
}

/** True when a text is mostly traditional characters (more Han characters change when folded than a simplified text would change). */
export function isTraditional(text: string): boolean {
  let han = 0;
  let changed = 0;
  for (const ch of text) {
    if (!/\p{Script=Han}/u.test(ch)) continue;
    han++;
    if (foldHan(ch) !== ch) changed++;
  }
  return han > 0 && changed / han > 0.05;
}
