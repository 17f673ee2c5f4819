/**
 * The answer to "where do these words come from?": the Find source message command and `/find`.
 * Verbatim (and which copies print it, and where the others differ), a near miss with its changes
 * underlined, or no source.
 */
import { findSource, type Change } from '../search/find-source.js';
import type { CommandContext, Reply } from './command.js';
import { labels, type Lang } from './i18n.js';
import { fileName, plainText, textPayload } from './render.js';
import { renderResult } from './results.js';

/** Where `text` comes from, answered to the user alone. */
export function findSourceReply(ctx: CommandContext, text: string, lang: Lang): Reply {
  const { engine } = ctx;
  const L = labels(lang);
  const check = findSource(engine.conferences, text);
  if (check.status === 'none') {
    return { type: 'message', message: textPayload(check.reason === 'no-chinese' ? L.foundNoChinese : L.foundNone), ephemeral: true };
  }
  const r = engine.resultOf(check.exchangeId);
  let verdict: string;
  if (check.status === 'verbatim') {
    const matches = check.matches.length > 0 ? check.matches.map(fileName).join(', ') : L.canonical;
    const differs = check.differs.map((d) =>
      [L.foundDiffers(fileName(d.source)), ...d.places.slice(0, 5).map((p) => `«${plainText(p.quoted)}» → «${plainText(p.text)}»`)].join('\n'),
    );
    verdict = [L.foundVerbatim(r.id, matches), ...differs].join('\n');
  } else {
    const lines = check.differences.slice(0, 5).map((d) => `«${underlined(d.changes, 'quoted')}» → «${underlined(d.changes, 'source')}»`);
    const more = check.differences.length > 5 ? `\n… +${check.differences.length - 5}` : '';
    verdict = `${L.foundNearMiss(r.id)}\n${lines.join('\n')}${more}`;
  }
  const message = renderResult(ctx, r, lang, { terms: [] });
  return { type: 'message', ephemeral: true, message: { ...message, content: verdict.slice(0, 2000) } };
}

/** One side of a near-miss as printed, its own characters underlined. */
function underlined(changes: readonly Change[], side: 'quoted' | 'source'): string {
  return changes
    .filter((c) => c.in === 'both' || c.in === side)
    .map((c) => (c.in === 'both' ? plainText(c[side]) : `__${plainText(c[side])}__`))
    .join('');
}
