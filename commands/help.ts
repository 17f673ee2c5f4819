/** `/help`: what each command does, with examples. */
import { ApplicationCommandType } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { labels } from '../src/discord/i18n.js';
import { phraseLabels } from '../src/render/phrase-labels.js';
import { commandContexts } from '../src/discord/options.js';

export const command: Command = {
  data: () => ({
    type: ApplicationCommandType.ChatInput,
    name: 'help',
    name_localizations: { 'zh-CN': '帮助', 'zh-TW': '說明' },
    description: 'What each command does, with examples',
    description_localizations: { 'zh-CN': '各命令的用途和示例', 'zh-TW': '各指令的用途和範例' },
    ...commandContexts,
  }),
  run: ({ lang }) => {
    const L = labels(lang);
    // The formulation commands' lines go before the last line (what quotes are), after the other commands.
    const lines = [...L.help.slice(0, -1), ...phraseLabels(lang).help, ...L.help.slice(-1)];
    return { type: 'message', ephemeral: true, message: { embeds: [{ title: L.helpTitle, description: lines.join('\n\n') }] } };
  },
};
