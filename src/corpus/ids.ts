/**
 * Stable exchange ids. An id, once given, is recorded in `corpus/ids.json` with a key made from the
 * exchange's questioner and question (or the start of its answer, for remarks). On every import each
 * exchange is matched back to its recorded id, exactly or by similarity, so that adding a copy (which
 * may change the canonical wording) or re-running the import never renumbers anything. An exchange
 * seen for the first time gets the next free number of its conference.
 */
import type { MergedExchange } from './merge.js';
import { foldCompact } from './script.js';
import { bigrams, dice } from './text.js';

/** One recorded id. */
export interface IdEntry {
  readonly id: string;
  readonly key: string;
}

/** `corpus/ids.json`: conference id → recorded ids in conference order. */
export type IdRegistry = Readonly<Record<string, readonly IdEntry[]>>;

/** Below this similarity a recorded key does not identify an exchange. */
export const keyMatchThreshold = 0.5;

/** The key an exchange is recorded under. */
export function exchangeKey(e: Pick<MergedExchange, 'kind' | 'questioner' | 'question' | 'paragraphs'>): string {
  const what = e.question ?? e.paragraphs.map((p) => p.text).join('').slice(0, 60);
  return `${e.kind}|${e.questioner ?? ''}|${what}`;
}

function numberOf(id: string): number {
  return Number(/-(\d+)$/u.exec(id)?.[1] ?? Number.NaN);
}

/**
 * Gives every exchange of a conference its id.
 * @returns the ids in exchange order, and the entries that are new (not yet in the registry)
 */
export function assignIds(conferenceId: string, exchanges: readonly MergedExchange[], registry: IdRegistry): { ids: string[]; added: IdEntry[] } {
  const recorded = registry[conferenceId] ?? [];
  const keys = exchanges.map(exchangeKey);
  const ids: (string | null)[] = keys.map(() => null);
  const used = new Set<string>();

  // Keys are compared folded: a copy in the other script that gives the reading keeps the ids.
  const folded = new Map(recorded.map((r) => [r, foldCompact(r.key)]));
  keys.forEach((k, i) => {
    const hit = recorded.find((r) => folded.get(r) === foldCompact(k) && !used.has(r.id));
    if (hit) {
      ids[i] = hit.id;
      used.add(hit.id);
    }
  });
  // The rest by similarity, best pairs first across all exchanges, so that an earlier exchange
  // cannot take an id that a later one matches better.
  const pairs: { i: number; r: IdEntry; score: number }[] = [];
  keys.forEach((k, i) => {
    if (ids[i] !== null) return;
    const kind = k.split('|')[0];
    const g = bigrams(foldCompact(k));
    for (const r of recorded) {
      if (used.has(r.id) || r.key.split('|')[0] !== kind) continue;
      const score = dice(g, bigrams(folded.get(r)!));
      if (score >= keyMatchThreshold) pairs.push({ i, r, score });
    }
  });
  for (const { i, r } of pairs.sort((a, b) => b.score - a.score || a.i - b.i)) {
    if (ids[i] !== null || used.has(r.id)) continue;
    ids[i] = r.id;
    used.add(r.id);
  }

  const start = exchanges[0]?.kind === 'opening' ? 0 : 1;
  let next = Math.max(start - 1, ...recorded.map((r) => numberOf(r.id)).filter((n) => !Number.isNaN(n))) + 1;
  const added: IdEntry[] = [];
  const out = ids.map((id, i) => {
    if (id !== null) return id;
    const fresh = `${conferenceId}-${String(next++).padStart(2, '0')}`;
    added.push({ id: fresh, key: keys[i]! });
    return fresh;
  });
  return { ids: out, added };
}
