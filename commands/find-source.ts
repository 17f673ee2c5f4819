/** Message command "Find source": where a quoted message comes from, and whether it is verbatim. */
import { ApplicationCommandType } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { commandContexts } from '../src/discord/options.js';
import { fileName, plainText, textPayload } from '../src/discord/render.js';
import { labels } from '../src/discord/i18n.js';
import { renderResult } from '../src/discord/results.js';
import { findSource } from '../src/search/find-source.js';

export const command: Command = {
  data: () => ({
    type: ApplicationCommandType.Message,
    name: 'Find source',
    name_localizations: { 'zh-CN': '查找出处', 'zh-TW': '查找出處' },
    ...commandContexts,
  }),
  run: ({ targetText, lang }, { engine }) => {
    const en = lang === 'en';
    const check = findSource(engine.conferences, targetText ?? '');
    if (check.status === 'none') {
      const text =
        check.reason === 'no-chinese'
          ? en
            ? 'This message has no Chinese text long enough to look up (5 characters or more).'
            : '该消息没有足够长的中文（至少 5 个字）可供查找。'
          : en
            ? 'No source found: these words are not in any conference of the corpus.'
            : '未找到出处：语料中的记者会没有这些文字。';
      return { type: 'message', message: textPayload(text), ephemeral: true };
    }
    const r = engine.resultOf(check.exchangeId);
    let verdict: string;
    if (check.status === 'verbatim') {
      const L = labels(lang);
      const matches = check.matches.length > 0 ? check.matches.map(fileName).join(', ') : L.canonical;
      const differs = check.differs.map((d) =>
        [L.foundDiffers(fileName(d.source)), ...d.places.slice(0, 5).map((p) => `«${plainText(p.quoted)}» → «${plainText(p.text)}»`)].join('\n'),
      );
      verdict = [L.foundVerbatim(r.id, matches), ...differs].join('\n');
    } else {
      const lines = check.differences.slice(0, 5).map((d) => `«${plainText(d.quoted)}» → «${plainText(d.closest)}»`);
      const more = check.differences.length > 5 ? `\n… +${check.differences.length - 5}` : '';
      verdict = `${en ? `⚠️ Not verbatim. Closest source: exchange ${r.id}. Where the words differ (quoted → source):` : `⚠️ 并非逐字引用。最接近的出处：问答 ${r.id}。不同之处（引文 → 原文）：`}\n${lines.join('\n')}${more}`;
    }
    const message = renderResult(engine, r, lang, { terms: [] });
    return { type: 'message', ephemeral: true, message: { ...message, content: verdict.slice(0, 2000) } };
  },
};
