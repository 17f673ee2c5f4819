/** Normalising what users type: Unicode forms, traditional → simplified Chinese, case, stray characters. */
import { toMainland } from '../corpus/script.js';

/** Format (zero-width, bidi), private-use and lone surrogate characters: removed, they join nothing. */
const invisible = /[\p{Cf}\p{Co}\p{Cs}]/gu;
/** Control characters (tabs, newlines): read as spaces. */
const control = /\p{Cc}/gu;

/**
 * Normalises a query: NFKC (full-width letters and digits become ASCII), invisible characters
 * removed, traditional characters converted to simplified, lower case, single spaces.
 */
export function normalizeQuery(raw: string): string {
  return toMainland(raw.normalize('NFKC').replace(invisible, '').replace(control, ' ')).toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** True for a Han (Chinese) character. */
export const isHan = (ch: string) => /\p{Script=Han}/u.test(ch);
