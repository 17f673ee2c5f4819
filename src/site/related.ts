/**
 * The same topics in other years: which reviewed topics (`topics.json`) an exchange is about, and
 * where each is most discussed in the other conferences. Substring counts on the verbatim reading,
 * computed once for the whole site. Pure.
 */
import type { LoadedConference, LoadedExchange } from '../corpus/load.js';
import { topicTags, questionText } from '../search/documents.js';
import type { Topic } from '../search/topics.js';

/** One topic of an exchange and its best exchanges in each other year. */
export interface Related {
  readonly topic: Topic;
  readonly others: readonly { readonly id: string; readonly year: number; readonly questioner: string | null }[];
}

/** A topic counts for an exchange when its terms occur at least this often in it. */
export const minCount = 2;
/** Topics listed per exchange, and exchanges per other year. */
const topicsShown = 4;
const perYear = 2;

/** The related exchanges of every exchange, by id. */
export function relatedByExchange(conferences: readonly LoadedConference[], list: readonly Topic[]): Map<string, Related[]> {
  const counts = new Map<string, Map<string, number>>();
  const all: { e: LoadedExchange; year: number }[] = conferences.flatMap((c) => c.exchanges.map((e) => ({ e, year: c.year })));
  for (const { e } of all) {
    const text = `${e.question ? questionText(e) : ''}\n${e.paragraphs.map((p) => p.text).join('\n')}`;
    const m = new Map<string, number>();
    for (const id of topicTags(text, list)) m.set(id, (m.get(id) ?? 0) + 1);
    counts.set(e.id, m);
  }
  const out = new Map<string, Related[]>();
  for (const { e, year } of all) {
    const own = [...counts.get(e.id)!].filter(([, n]) => n >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    out.set(
      e.id,
      own.slice(0, topicsShown).map(([id]) => ({
        topic: list.find((t) => t.id === id)!,
        others: conferences
          .filter((c) => c.year !== year)
          .flatMap((c) =>
            c.exchanges
              .map((x) => ({ x, n: counts.get(x.id)!.get(id) ?? 0 }))
              .filter((r) => r.n >= minCount)
              .sort((a, b) => b.n - a.n)
              .slice(0, perYear)
              .map((r) => ({ id: r.x.id, year: c.year, questioner: r.x.questioner })),
          ),
      })),
    );
  }
  return out;
}
