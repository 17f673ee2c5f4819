/**
 * Topics: the reviewed data file `topics.json` and the matching of what users type against it.
 * Pure functions over plain data.
 */
import data from './topics.json' with { type: 'json' };
import { closestWords, Lexicon } from './edit-distance.js';
import { normalizeQuery } from './normalize.js';

/** One topic users can ask about. */
export interface Topic {
  /** Stable id, e.g. `south-china-sea`; also the token the index tags documents with. */
  readonly id: string;
  /** English display name. */
  readonly name: string;
  /** Chinese display name. */
  readonly zh: string;
  /** What users may type (English, or Chinese forms not used in the corpus), lower case. */
  readonly aliases: readonly string[];
  /** Simplified Chinese terms searched in the corpus. */
  readonly terms: readonly string[];
}

/** The topics of `topics.json`, checked once at load. */
export const topics: readonly Topic[] = checkTopics((data as { topics: Topic[] }).topics);

function checkTopics(list: Topic[]): Topic[] {
  const ids = new Set<string>();
  for (const t of list) {
    if (!/^[a-z0-9-]+$/u.test(t.id)) throw new Error(`topics: bad id ${JSON.stringify(t.id)}`);
    if (ids.has(t.id)) throw new Error(`topics: duplicate id ${t.id}`);
    ids.add(t.id);
    if (t.terms.length === 0) throw new Error(`topics: ${t.id} has no Chinese terms`);
  }
  return list;
}

const formsOfTopic = new WeakMap<Topic, string[]>();

/** Every form a user may type for a topic, normalised as queries are (computed once per topic). */
export function topicForms(t: Topic): string[] {
  let forms = formsOfTopic.get(t);
  if (!forms) {
    forms = [...new Set([t.name, t.zh, t.id.replace(/-/gu, ' '), ...t.aliases, ...t.terms].map((f) => readLatin(normalizeQuery(f))))];
    formsOfTopic.set(t, forms);
  }
  return forms;
}

/** What a query was understood as. */
export interface QueryParts {
  /** Topics found in the query, in the order they appear. */
  readonly topics: readonly Topic[];
  /** Chinese text left over after topic forms were taken out. */
  readonly chinese: string;
  /** Latin words left over that name no topic. */
  readonly unknownWords: readonly string[];
  /** Typos read as the word they are close to (`tawian` → `taiwan`). */
  readonly corrected: readonly { readonly from: string; readonly to: string }[];
  /** Topics a word is equally close to, when it was too unsure to correct: for a "did you mean". */
  readonly suggestions: readonly Topic[];
  /**
   * Search terms of a topic typed as such (`单边主义` of multilateralism): the exchange must say
   * them, not only something of their topic.
   */
  readonly typedTerms: readonly string[];
}

/**
 * Latin text read as people mean it: hyphens between words and underscores are spaces
 * (`south-china-sea`), hashtags lose their mark (`#taiwan`), possessives their `'s` (`china's`).
 */
export function readLatin(normalized: string): string {
  return normalized
    .replace(/[#_]+/gu, ' ')
    .replace(/([\p{L}\p{N}])[-‐–—]+(?=[\p{L}\p{N}])/gu, '$1 ')
    .replace(/(\p{L})['’]s(?![\p{L}])/gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Joins the words of a phrase so that no topic form matches inside it (`visa free` is not the topic `visa`). */
export const phraseJoiner = '\u0001';

/** Whether some topic form holds these words in a row (`south china` is part of `south china sea`). */
export function insideTopicForm(words: readonly string[], list: readonly Topic[] = topics): boolean {
  const phrase = ` ${words.join(' ')} `;
  return formsAndWords(list).forms.some((f) => f.latin && ` ${f.form} `.includes(phrase));
}

/** A plural of a word the forms use (`taiwans`, `sanctions`, `policies`), as that word; null otherwise. */
function singularOf(word: string, known: ReadonlySet<string>): string | null {
  for (const [end, by] of [
    ['ies', 'y'],
    ['es', ''],
    ['s', ''],
  ] as const) {
    if (word.length > end.length + 2 && word.endsWith(end) && known.has(word.slice(0, -end.length) + by)) return word.slice(0, -end.length) + by;
  }
  return null;
}

interface Form {
  readonly form: string;
  readonly topic: Topic;
  readonly latin: boolean;
  /** One of the topic's search terms (not its name or an alias): typed, it is also a word the exchange must say. */
  readonly term: boolean;
  /** What is looked for in the padded query: a Latin form as whole words. */
  readonly needle: string;
  /** A Latin form's first word, a Chinese form's first character: the query must have it for the form to match. */
  readonly key: string;
}

function formsOf(list: readonly Topic[]): Form[] {
  return list
    .flatMap((topic) => {
      const named = new Set([topic.name, topic.zh, topic.id.replace(/-/gu, ' '), ...topic.aliases].map((f) => readLatin(normalizeQuery(f))));
      return topicForms(topic).map((form) => {
        const latin = !/\p{Script=Han}/u.test(form);
        return { form, topic, latin, term: !named.has(form), needle: latin ? ` ${form} ` : form, key: latin ? form.split(' ')[0]! : [...form][0]! };
      });
    })
    .sort((a, b) => b.form.length - a.form.length);
}

interface PreparedForms {
  /** Longest first. */
  readonly forms: Form[];
  /** The forms by `key`, each list in the order of `forms` (its index there alongside). */
  readonly byKey: ReadonlyMap<string, readonly (readonly [number, Form])[]>;
  readonly words: Set<string>;
  readonly lexicon: Lexicon;
}

const formCache = new WeakMap<readonly Topic[], PreparedForms>();

/** The forms of a topic list, longest first, and every Latin word they use (computed once per list). */
function formsAndWords(list: readonly Topic[]): PreparedForms {
  let cached = formCache.get(list);
  if (!cached) {
    const forms = formsOf(list);
    const words = new Set(forms.filter((f) => f.latin).flatMap((f) => f.form.split(' ')));
    const byKey = new Map<string, [number, Form][]>();
    forms.forEach((f, i) => byKey.set(f.key, [...(byKey.get(f.key) ?? []), [i, f]]));
    cached = { forms, byKey, words, lexicon: new Lexicon(words) };
    formCache.set(list, cached);
  }
  return cached;
}

/** Latin words that ask nothing by themselves. */
const fillerWords = new Set([
  'the',
  'of',
  'and',
  'on',
  'in',
  'to',
  'a',
  'an',
  'for',
  'about',
  'with',
  'china',
  'chinese',
  'china’s',
  "china's",
  'position',
  'stance',
  'policy',
  'relations',
  'relation',
  'issue',
  'question',
  'what',
  'did',
  'say',
  'said',
  'wang',
  'yi',
  'minister',
]);

/**
 * Splits a normalised query into the topics it names, leftover Chinese text, and unknown words.
 * Longest forms win (`south china sea` before `china`); Latin forms match whole words only. A Latin
 * word the forms do not use is read as their word when it is its plural, or a typo of exactly one
 * of them within the typo budget (`editDistance.ts`); words in `knownWords` (real words of another
 * vocabulary) are never taken for typos.
 */
export function parseQuery(normalized: string, list: readonly Topic[] = topics, knownWords: ReadonlySet<string> = new Set()): QueryParts {
  const { byKey, words, lexicon } = formsAndWords(list);
  const read: { from: string; to: string; typo: boolean }[] = [];
  const unsure = new Set<string>();
  const text = readLatin(normalized).replace(/[a-z][a-z0-9.'’]*/gu, (w) => {
    if (words.has(w) || fillerWords.has(w)) return w;
    // A plural of a topic word is that word even when the dictionary knows the plural (`seas`).
    const singular = singularOf(w, words);
    if (!singular && knownWords.has(w)) return w;
    const close = singular ? [singular] : closestWords(w, lexicon);
    if (close.length === 1) read.push({ from: w, to: close[0]!, typo: singular === null });
    else for (const c of close) unsure.add(c);
    return close.length === 1 ? close[0]! : w;
  });
  // U+0001 joins the words of an English phrase the caller protects (see `phraseJoiner`).
  // eslint-disable-next-line no-control-regex -- that control character is the joiner
  let rest = ` ${text.replace(/[^\p{L}\p{N}.'’\-\u0001 ]+/gu, ' ').replace(/\s+/gu, ' ')} `;
  const found: { at: number; topic: Topic }[] = [];
  const typedTerms: string[] = [];
  // Only forms whose first word or character the query has can match; longest first.
  const candidates = [...new Set([...rest.split(' '), ...rest])]
    .flatMap((k) => byKey.get(k) ?? [])
    .sort((a, b) => a[0] - b[0])
    .map(([, f]) => f);
  for (const f of candidates) {
    const needle = f.needle;
    let at = rest.indexOf(needle);
    while (at >= 0) {
      found.push({ at, topic: f.topic });
      if (f.term && !f.latin && !typedTerms.includes(f.form)) typedTerms.push(f.form);
      rest = `${rest.slice(0, at)}${' '.repeat(needle.length)}${rest.slice(at + needle.length)}`;
      at = rest.indexOf(needle);
    }
  }
  const ordered: Topic[] = [];
  for (const { topic } of found.sort((a, b) => a.at - b.at)) if (!ordered.includes(topic)) ordered.push(topic);
  const chinese = [...rest]
    .filter((ch) => /\p{Script=Han}/u.test(ch) || ch === ' ')
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
  // A word read as another counts only if it then named a topic; otherwise it stays as typed.
  const left = rest
    .replace(/\p{Script=Han}/gu, ' ')
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter((w) => w !== '');
  const unused = read.filter((r) => left.includes(r.to));
  const unknownWords = left.map((w) => unused.find((r) => r.to === w)?.from ?? w).filter((w) => !fillerWords.has(w));
  const corrected = read.filter((r) => r.typo && !unused.includes(r)).map(({ from, to }) => ({ from, to }));
  const suggestions = unsure.size === 0 ? [] : list.filter((t) => !ordered.includes(t) && topicForms(t).some((f) => f.split(' ').some((w) => unsure.has(w))));
  return { topics: ordered, chinese, unknownWords, corrected, suggestions, typedTerms };
}

/** Topics whose names or aliases start with, or contain, what the user typed so far; best first. */
export function suggestTopics(typed: string, limit = 25, list: readonly Topic[] = topics): Topic[] {
  const q = normalizeQuery(typed);
  if (q === '') return list.slice(0, limit);
  const scored: { topic: Topic; score: number }[] = [];
  for (const topic of list) {
    let score = 0;
    for (const form of topicForms(topic)) {
      if (form === q) score = Math.max(score, 4);
      else if (form.startsWith(q)) score = Math.max(score, 3);
      else if (form.split(' ').some((w) => w.startsWith(q))) score = Math.max(score, 2);
      else if (form.includes(q)) score = Math.max(score, 1);
    }
    if (score > 0) scored.push({ topic, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.topic.name.localeCompare(b.topic.name))
    .slice(0, limit)
    .map((s) => s.topic);
}
