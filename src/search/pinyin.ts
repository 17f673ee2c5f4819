/**
 * Names typed in pinyin (`meng wanzhou`, `wang yi`, `xinjiang`): the corpus's own words under their
 * toneless pinyin, spaces removed, so that a run of Latin words the English dictionary does not know
 * can still name a word the conferences print. Readings come from CC-CEDICT: the word's own entry,
 * else each character's first reading. Built with the index; lookups are pure.
 */
import { entryLine } from './dictionary.js';

/** Toneless pinyin without spaces (`mengwanzhou`) → the corpus words that read so. */
export interface PinyinMap {
  readonly version: 1;
  readonly entries: Readonly<Record<string, readonly string[]>>;
}

/** `Meng4 wan3 zhou1` → `mengwanzhou`; `lu:4` → `lv` and `lu` both read as typed (`lu`). */
const toneless = (pinyin: string): string =>
  pinyin
    .toLowerCase()
    .replace(/u:/gu, 'u')
    .replace(/[^a-z]/gu, '');

/**
 * Builds the map for the corpus words of two to six Han characters.
 * Index-build time only (it reads the whole dictionary).
 */
export function buildPinyinMap(dictionary: string, words: Iterable<string>): PinyinMap {
  const wordReading = new Map<string, string>();
  const charReading = new Map<string, string>();
  for (const line of dictionary.split('\n')) {
    const m = entryLine.exec(line);
    if (!m) continue;
    const [, head = '', pinyin = ''] = m;
    const reading = toneless(pinyin);
    if (reading === '') continue;
    if ([...head].length === 1) {
      // The first entry of a character is its common reading; a capitalised one is a surname or name (孟 Meng4).
      if (!charReading.has(head)) charReading.set(head, reading);
    } else if (!wordReading.has(head)) wordReading.set(head, reading);
  }
  const entries = new Map<string, Set<string>>();
  for (const w of words) {
    const chars = [...w];
    if (chars.length < 2 || chars.length > 6 || !chars.every((c) => /\p{Script=Han}/u.test(c))) continue;
    const reading = wordReading.get(w) ?? (chars.every((c) => charReading.has(c)) ? chars.map((c) => charReading.get(c)).join('') : null);
    if (reading === null) continue;
    const set = entries.get(reading) ?? new Set<string>();
    set.add(w);
    entries.set(reading, set);
  }
  const out: Record<string, string[]> = {};
  for (const key of [...entries.keys()].sort()) out[key] = [...entries.get(key)!].sort();
  return { version: 1, entries: out };
}

/** The corpus words a run of Latin words spells in pinyin (`meng wanzhou` → 孟晚舟), or none. */
export function lookupPinyin(map: PinyinMap, words: readonly string[]): readonly string[] {
  const key = words
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/gu, '');
  // Short keys (`li`, `wang`) spell too many words to mean one.
  if (key.length < 5) return [];
  return Object.hasOwn(map.entries, key) ? (map.entries[key] ?? []) : [];
}
