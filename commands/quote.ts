/** `/quote id`: one exchange by its id, rendered as `/position` renders it. */
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { commandContexts } from '../src/discord/options.js';
import { renderResult } from '../src/discord/results.js';

export const command: Command = {
  data: () => ({
    type: ApplicationCommandType.ChatInput,
    name: 'quote',
    name_localizations: { 'zh-CN': '引用', 'zh-TW': '引用' },
    description: 'Show one exchange by its id (e.g. 2024-09), quoted verbatim',
    description_localizations: { 'zh-CN': '按编号（如 2024-09）显示一问一答原文', 'zh-TW': '按編號（如 2024-09）顯示一問一答原文' },
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'id',
        name_localizations: { 'zh-CN': '编号', 'zh-TW': '編號' },
        description: 'Exchange id, shown under every answer (e.g. 2021-17)',
        description_localizations: { 'zh-CN': '问答编号，每个回答下方都有（如 2021-17）', 'zh-TW': '問答編號，每個回答下方都有（如 2021-17）' },
        required: true,
        max_length: 20,
        autocomplete: true,
      },
    ],
    ...commandContexts,
  }),
  run: ({ options, lang }, ctx) => {
    const { engine } = ctx;
    const r = engine.resultOf(String(options.id ?? ''));
    return { type: 'message', message: renderResult(ctx, r, lang, { terms: [] }) };
  },
  autocomplete: (focused, _lang, { engine }) => {
    const typed = focused.value.trim();
    return engine.conferences
      .flatMap((c) => c.exchanges)
      .filter((e) => e.id.startsWith(typed) || (e.questioner ?? '').includes(typed))
      .slice(0, 25)
      .map((e) => ({ name: `${e.id} · ${e.questioner ?? e.kind}`.slice(0, 100), value: e.id }));
  },
};
