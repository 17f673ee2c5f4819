/**
 * "Find source": given text that quotes the minister, find the exchange it comes from and say,
 * copy by copy, whether the words are verbatim ("matches 000, differs from 001 here"), where they
 * differ, or that no source was found. Texts are compared folded (script, typography, spacing),
 * so a quote in traditional characters is found in a simplified copy. Pure.
 */
import type { LoadedConference, LoadedExchange } from '../corpus/load.js';
import { textOfSource } from '../corpus/rebuild.js';
import { fold, foldCompact } from '../corpus/script.js';
import { diffChars } from 'diff';
import { bigrams, dice } from '../corpus/text.js';

/**
 * A run of characters of a near-miss: the same in both (compared folded, so script and
 * typography are no difference), only in the quote, or only in the source; each side as printed.
 */
export interface Change {
  readonly in: 'both' | 'quoted' | 'source';
  readonly quoted: string;
  readonly source: string;
}

/** A clause of the quoted text, the closest clause of the source (as its copy prints it), and where their characters differ. */
export interface Difference {
  readonly quoted: string;
  readonly closest: string;
  readonly changes: readonly Change[];
}

/** A clause as printed (whitespace dropped) and folded for comparison; `fold` keeps the length, so offsets in one are offsets in the other. */
interface Clause {
  readonly printed: string;
  readonly folded: string;
}

/** A copy that carries the quoted passage but words it otherwise: each place as the quote has it and as this copy prints it. */
export interface CopyDifference {
  readonly source: string;
  readonly places: readonly { readonly quoted: string; readonly text: string }[];
}

/** What Find source concluded. */
export type SourceCheck =
  /** The words are in the exchange: `matches` lists the copies that print them so, `differs` the copies that print the passage otherwise. */
  | { readonly status: 'verbatim'; readonly exchangeId: string; readonly matches: readonly string[]; readonly differs: readonly CopyDifference[] }
  | { readonly status: 'differs'; readonly exchangeId: string; readonly differences: readonly Difference[] }
  | { readonly status: 'none'; readonly reason: 'no-chinese' | 'no-match' };

/** Shortest clause that counts as evidence (shorter ones recur everywhere: 中方认为). */
export const minClause = 5;
/** How alike (bigram Dice) a quoted clause and a source clause must be for a near-miss: a word or two changed. */
export const nearMiss = 0.6;

/** `王毅说：`, `王毅表示，`: who said it, before the quoted words (folded text). */
const attribution = /^\p{Script=Han}{1,10}?(?:说|表示|指出|强调|称|认为)[：，]/u;

const clauseSplit = /[。！？；，、：“”‘’「」『』《》（）()!?;:,"\n]+/u;

/** Removes what a chat message adds around a quote: block-quote markers, markdown, citation lines. */
export function quotedText(message: string): string {
  return message
    .split('\n')
    .filter((line) => !/^\s*(?:—|--|```)/u.test(line))
    .map((line) => line.replace(/^\s*>+\s?/u, ''))
    .join('\n')
    .replace(/\\([\\*_~`|>#+.[\]-])/gu, '$1')
    .replace(/\*\*|__|~~|\|\||`/gu, '');
}

const clausesOf = (s: string): Clause[] =>
  s
    .split(clauseSplit)
    .map((c) => c.replace(/\s+/gu, ''))
    .filter((c) => [...c].filter((ch) => /\p{Script=Han}/u.test(ch)).length >= minClause)
    .map((printed) => ({ printed, folded: fold(printed) }));

/** The exchange's question and answer as one folded string (what a quote is looked up in). */
const wholeText = (e: LoadedExchange, source?: string) =>
  foldCompact(
    source === undefined
      ? `${e.question ?? ''}${e.paragraphs.map((p) => p.text).join('')}`
      : `${textOfSource(e, source, 'question') ?? ''}${textOfSource(e, source, 'answer') ?? ''}`,
  );

/** Finds where a quoted text comes from. */
export function findSource(conferences: readonly LoadedConference[], message: string): SourceCheck {
  // Who said it is not part of what was said (`王毅外长表示，`, `王毅說：「…」`); `fold` keeps the length.
  const quoted = quotedText(message).trim();
  const text = quoted.slice(attribution.exec(fold(quoted))?.[0].length ?? 0);
  const probes = clausesOf(text);
  if (probes.length === 0) return { status: 'none', reason: 'no-chinese' };
  const wanted = foldCompact(text).replace(/^[“"‘]+|[”"’]+$/gu, '');

  let best: { e: LoadedExchange; found: number } | null = null;
  for (const c of conferences) {
    for (const e of c.exchanges) {
      const texts = [wholeText(e), ...e.sources.map((s) => wholeText(e, s))];
      const found = probes.filter((p) => texts.some((t) => t.includes(p.folded))).length;
      if (found > 0 && (!best || found > best.found)) best = { e, found };
    }
  }
  // No clause as printed: a near-miss is the exchange whose clauses are most alike, if alike enough.
  if (!best) {
    let closest: { e: LoadedExchange; likeness: number } | null = null;
    const grams = probes.map((p) => bigrams(p.folded));
    for (const c of conferences) {
      for (const e of c.exchanges) {
        const clauses = clausesOf(`${e.question ?? ''}\n${e.paragraphs.map((p) => p.text).join('\n')}`).map((k) => bigrams(k.folded));
        const likeness = grams.reduce((sum, g) => sum + Math.max(0, ...clauses.map((k) => dice(g, k))), 0) / grams.length;
        if (likeness >= nearMiss && (!closest || likeness > closest.likeness)) closest = { e, likeness };
      }
    }
    if (!closest) return { status: 'none', reason: 'no-match' };
    best = { e: closest.e, found: 0 };
  }
  const e = best.e;
  const matches = e.sources.filter((s) => wholeText(e, s).includes(wanted));
  if (matches.length > 0 || wholeText(e).includes(wanted)) {
    const differs = e.sources.filter((s) => !matches.includes(s)).map((source) => ({ source, places: placesBetween(e, source, matches[0] ?? null, wanted) }));
    return { status: 'verbatim', exchangeId: e.id, matches, differs: differs.filter((d) => d.places.length > 0) };
  }
  const canon = wholeText(e);
  const sourceClauses = clausesOf(`${e.question ?? ''}\n${e.paragraphs.map((p) => p.text).join('\n')}`);
  const differences = probes
    .filter((p) => !canon.includes(p.folded))
    .map((p) => {
      const g = bigrams(p.folded);
      const likeness = (k: Clause) => dice(g, bigrams(k.folded));
      const closest = sourceClauses.reduce((a, b) => (likeness(b) > likeness(a) ? b : a), sourceClauses[0] ?? { printed: '', folded: '' });
      return { quoted: p.printed, closest: closest.printed, changes: changesBetween(p, closest) };
    });
  return { status: 'differs', exchangeId: e.id, differences };
}

/**
 * The places inside the quoted passage where `source` words it otherwise than `quoted` (a copy
 * that prints the passage as quoted, or the reading when null): each copy's text at a place is
 * its variant there, or the reading where it has none.
 */
function placesBetween(e: LoadedExchange, source: string, quoted: string | null, wanted: string): { quoted: string; text: string }[] {
  const places = new Map<string, { quoted: string; text: string }>();
  for (const v of e.variants) {
    if (v.source !== source && v.source !== quoted) continue;
    const key = `${v.field}|${v.start}|${v.end}`;
    if (places.has(key)) continue;
    const at = (s: string | null) => e.variants.find((x) => x.source === s && `${x.field}|${x.start}|${x.end}` === key)?.text ?? v.canonical;
    const place = { quoted: at(quoted), text: at(source) };
    if (foldCompact(place.quoted) !== foldCompact(place.text) && overlaps(foldCompact(place.quoted), wanted)) places.set(key, place);
  }
  return [...places.values()];
}

/** Whether two folded texts share a passage: one holds the other, or they overlap by four characters or more at an end. */
function overlaps(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  for (let n = Math.min(a.length, b.length) - 1; n >= 4; n--) if (a.endsWith(b.slice(0, n)) || b.endsWith(a.slice(0, n))) return true;
  return false;
}

/** The characters of two clauses, run by run, compared folded and given as each side prints them. */
function changesBetween(quoted: Clause, source: Clause): Change[] {
  let q = 0;
  let s = 0;
  return diffChars(quoted.folded, source.folded).map((part) => {
    const n = part.value.length;
    if (part.added) return { in: 'source', quoted: '', source: source.printed.slice(s, (s += n)) };
    if (part.removed) return { in: 'quoted', quoted: quoted.printed.slice(q, (q += n)), source: '' };
    return { in: 'both', quoted: quoted.printed.slice(q, (q += n)), source: source.printed.slice(s, (s += n)) };
  });
}
