/** Message command "Find source": where a quoted message comes from, and whether it is verbatim. */
import { ApplicationCommandType } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { commandContexts } from '../src/discord/options.js';
import { fileName, plainText, textPayload } from '../src/discord/render.js';
import { labels } from '../src/discord/i18n.js';
import { renderResult } from '../src/discord/results.js';
import { findSource, type Change } from '../src/search/find-source.js';

export const command: Command = {
  data: () => ({
    type: ApplicationCommandType.Message,
    name: 'Find source',
    name_localizations: { 'zh-CN': '查找出处', 'zh-TW': '查找出處' },
    ...commandContexts,
  }),
  ephemeral: true,
  run: ({ targetText, lang }, { engine }) => {
    const L = labels(lang);
    const check = findSource(engine.conferences, targetText ?? '');
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
    const message = renderResult(engine, r, lang, { terms: [] });
    return { type: 'message', ephemeral: true, message: { ...message, content: verdict.slice(0, 2000) } };
  },
};

/** One side of a near-miss as printed, its own characters underlined. */
function underlined(changes: readonly Change[], side: 'quoted' | 'source'): string {
  return changes
    .filter((c) => c.in === 'both' || c.in === side)
    .map((c) => (c.in === 'both' ? plainText(c[side]) : `__${plainText(c[side])}__`))
    .join('');
}
