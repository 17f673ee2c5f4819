/**
 * Topics: the reviewed data file `topics.json` and the matching of what users type against it.
 * Pure functions over plain data.
 */
import data from './topics.json' with { type: 'json' };
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
    forms = [...new Set([t.name, t.zh, t.id.replace(/-/gu, ' '), ...t.aliases, ...t.terms].map(normalizeQuery))];
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
}

interface Form {
  readonly form: string;
  readonly topic: Topic;
  readonly latin: boolean;
}

function formsOf(list: readonly Topic[]): Form[] {
  return list
    .flatMap((topic) => topicForms(topic).map((form) => ({ form, topic, latin: !/\p{Script=Han}/u.test(form) })))
    .sort((a, b) => b.form.length - a.form.length);
}

const formCache = new WeakMap<readonly Topic[], Form[]>();

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
 * Longest forms win (`south china sea` before `china`); Latin forms match whole words only.
 */
export function parseQuery(normalized: string, list: readonly Topic[] = topics): QueryParts {
  let forms = formCache.get(list);
  if (!forms) {
    forms = formsOf(list);
    formCache.set(list, forms);
  }
  let rest = ` ${normalized.replace(/[^\p{L}\p{N}.'’\- ]+/gu, ' ').replace(/\s+/gu, ' ')} `;
  const found: { at: number; topic: Topic }[] = [];
  for (const f of forms) {
    const needle = f.latin ? ` ${f.form} ` : f.form;
    let at = rest.indexOf(needle);
    while (at >= 0) {
      found.push({ at, topic: f.topic });
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
  const unknownWords = rest
    .replace(/\p{Script=Han}/gu, ' ')
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter((w) => w !== '' && !fillerWords.has(w));
  return { topics: ordered, chinese, unknownWords };
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
