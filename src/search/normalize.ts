/**
 * Normalising what users type: Unicode forms, traditional → simplified Chinese with Taiwan and Hong
 * Kong phrasing read as the mainland press writes it (人工智慧 → 人工智能, 東協 → 东盟), case, stray
 * characters. For queries only: quotes are never converted.
 */
import { Converter } from 'opencc-js/t2cn';
import { toMainland } from '../corpus/script.js';
import regional from './regional.json' with { type: 'json' };

/** Format (zero-width, bidi), private-use and lone surrogate characters: removed, they join nothing. */
const invisible = /[\p{Cf}\p{Co}\p{Cs}]/gu;
/** Control characters (tabs, newlines): read as spaces. */
const control = /\p{Cc}/gu;

/** OpenCC's Taiwan phrase table (軟體 → 软件, 人工智慧 → 人工智能); its declaration files do not resolve under NodeNext. */
const taiwanPhrases = Converter({ from: 'twp', to: 'cn' }) as (text: string) => string;

/** Regional words OpenCC leaves alone (`regional.json`), longest first so 沙乌地阿拉伯 wins over 沙乌地. */
const phrases = Object.entries(regional.phrases as Record<string, string>).sort((a, b) => b[0].length - a[0].length);

/** Rewrites Taiwan and Hong Kong words into the mainland's. */
function mainlandWords(text: string): string {
  // ASCII has nothing to convert (the tables and regional.json are Chinese): most English queries stop here.
  if (/^[ -~]*$/u.test(text)) return text;
  let out = taiwanPhrases(toMainland(text));
  // An index loop: for…of with destructuring allocated an iterator and a pair for each of the ~100 entries.
  for (let i = 0; i < phrases.length; i++) {
    const [from, to] = phrases[i]!;
    if (from !== to && out.includes(from)) out = out.split(from).join(to);
  }
  return out;
}

/**
 * Normalises a query: NFKC (full-width letters and digits become ASCII), invisible characters
 * removed, traditional characters and regional words converted, lower case, single spaces.
 */
export function normalizeQuery(raw: string): string {
  return mainlandWords(raw.normalize('NFKC').replace(invisible, '').replace(control, ' ')).toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** True for a Han (Chinese) character. */
export const isHan = (ch: string) => /\p{Script=Han}/u.test(ch);
