/**
 * "Find source": given text that quotes the minister, find the exchange it comes from and say,
 * copy by copy, whether the words are verbatim ("matches 000, differs from 001 here"), where they
 * differ, or that no source was found. Texts are compared folded (script, typography, spacing),
 * so a quote in traditional characters is found in a simplified copy. Pure.
 */
import type { LoadedConference, LoadedExchange } from '../corpus/load.js';
import { textOfSource } from '../corpus/rebuild.js';
import { foldCompact } from '../corpus/script.js';
import { bigrams, dice } from '../corpus/text.js';

/** A clause of the quoted text and the closest clause of the source. */
export interface Difference {
  readonly quoted: string;
  readonly closest: string;
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

const clausesOf = (s: string) =>
  s
    .split(clauseSplit)
    .map(foldCompact)
    .filter((c) => [...c].filter((ch) => /\p{Script=Han}/u.test(ch)).length >= minClause);

/** The exchange's question and answer as one folded string (what a quote is looked up in). */
const wholeText = (e: LoadedExchange, source?: string) =>
  foldCompact(
    source === undefined
      ? `${e.question ?? ''}${e.paragraphs.map((p) => p.text).join('')}`
      : `${textOfSource(e, source, 'question') ?? ''}${textOfSource(e, source, 'answer') ?? ''}`,
  );

/** Finds where a quoted text comes from. */
export function findSource(conferences: readonly LoadedConference[], message: string): SourceCheck {
  const text = quotedText(message);
  const probes = clausesOf(text);
  if (probes.length === 0) return { status: 'none', reason: 'no-chinese' };
  const wanted = foldCompact(text)
    .replace(attribution, '')
    .replace(/^[“"‘]+|[”"’]+$/gu, '');

  let best: { e: LoadedExchange; found: number } | null = null;
  for (const c of conferences) {
    for (const e of c.exchanges) {
      const texts = [wholeText(e), ...e.sources.map((s) => wholeText(e, s))];
      const found = probes.filter((p) => texts.some((t) => t.includes(p))).length;
      if (found > 0 && (!best || found > best.found)) best = { e, found };
    }
  }
  if (!best) return { status: 'none', reason: 'no-match' };
  const e = best.e;
  const matches = e.sources.filter((s) => wholeText(e, s).includes(wanted));
  if (matches.length > 0 || wholeText(e).includes(wanted)) {
    const differs = e.sources.filter((s) => !matches.includes(s)).map((source) => ({ source, places: placesBetween(e, source, matches[0] ?? null, wanted) }));
    return { status: 'verbatim', exchangeId: e.id, matches, differs: differs.filter((d) => d.places.length > 0) };
  }
  const canon = wholeText(e);
  const sourceClauses = clausesOf(e.paragraphs.map((p) => p.text).join('\n'));
  const differences = probes
    .filter((p) => !canon.includes(p))
    .map((p) => {
      const g = bigrams(p);
      const closest = sourceClauses.reduce((a, b) => (dice(g, bigrams(b)) > dice(g, bigrams(a)) ? b : a), sourceClauses[0] ?? '');
      return { quoted: p, closest };
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
