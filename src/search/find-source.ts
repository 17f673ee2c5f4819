/**
 * "Find source": given text that quotes the minister, find the exchange it comes from and say
 * whether the words are verbatim (as the canonical copy or another copy prints them), where they
 * differ, or that no source was found. Pure.
 */
import type { LoadedConference, LoadedExchange } from '../corpus/load.js';
import { textOfSource } from '../corpus/rebuild.js';
import { bigrams, dice } from '../corpus/text.js';

/** A clause of the quoted text and the closest clause of the source. */
export interface Difference {
  readonly quoted: string;
  readonly closest: string;
}

/** What Find source concluded. */
export type SourceCheck =
  | { readonly status: 'verbatim'; readonly exchangeId: string }
  | { readonly status: 'copy'; readonly exchangeId: string; readonly source: string }
  | { readonly status: 'differs'; readonly exchangeId: string; readonly differences: readonly Difference[] }
  | { readonly status: 'none'; readonly reason: 'no-chinese' | 'no-match' };

/** Shortest clause that counts as evidence (shorter ones recur everywhere: 中方认为). */
export const minClause = 5;

const clauseSplit = /[。！？；，、：“”‘’「」《》（）()!?;:,"\n]+/u;

/** Removes what a chat message adds around a quote: block-quote markers, markdown, citation lines. */
export function quotedText(message: string): string {
  return message
    .split('\n')
    .filter((line) => !/^\s*(?:—|--|```)/u.test(line))
    .map((line) => line.replace(/^\s*>+\s?/u, ''))
    .join('\n')
    .replace(/\\([*_~`|>#-])/gu, '$1')
    .replace(/\*\*|__|~~|\|\||`/gu, '');
}

const compact = (s: string) => s.replace(/[\s\u200b]+/gu, '');
const clausesOf = (s: string) => s.split(clauseSplit).map(compact).filter((c) => [...c].filter((ch) => /\p{Script=Han}/u.test(ch)).length >= minClause);

/** Finds where a quoted text comes from. */
export function findSource(conferences: readonly LoadedConference[], message: string): SourceCheck {
  const text = quotedText(message);
  const probes = clausesOf(text);
  if (probes.length === 0) return { status: 'none', reason: 'no-chinese' };
  const wanted = compact(text).replace(/^[“"「]+|[”"」]+$/gu, '');

  let best: { e: LoadedExchange; found: number } | null = null;
  for (const c of conferences) {
    for (const e of c.exchanges) {
      const canon = compact(`${e.question ?? ''}${e.paragraphs.map((p) => p.text).join('')}`);
      const copies = e.sources.map((s) => compact(textOfSource(e, s, 'answer') ?? ''));
      const found = probes.filter((p) => canon.includes(p) || copies.some((t) => t.includes(p))).length;
      if (found > 0 && (!best || found > best.found)) best = { e, found };
    }
  }
  if (!best) return { status: 'none', reason: 'no-match' };
  const e = best.e;
  const canon = compact(`${e.question ?? ''}${e.paragraphs.map((p) => p.text).join('')}`);
  if (canon.includes(wanted)) return { status: 'verbatim', exchangeId: e.id };
  for (const s of e.sources) {
    if (compact(textOfSource(e, s, 'answer') ?? '').includes(wanted)) return { status: 'copy', exchangeId: e.id, source: s };
  }
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
