/** `/find text`: the Find source message command as a slash command, for words typed or pasted. */
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { findSourceReply } from '../src/discord/find-reply.js';
import { limits } from '../src/discord/limits.js';
import { commandContexts } from '../src/discord/options.js';

export const command: Command = {
  data: () => ({
    type: ApplicationCommandType.ChatInput,
    name: 'find',
    name_localizations: { 'zh-CN': '查找出处', 'zh-TW': '查找出處' },
    description: 'Where quoted words come from, and whether they are verbatim',
    description_localizations: { 'zh-CN': '引文出自哪里，是否逐字相符', 'zh-TW': '引文出自哪裡，是否逐字相符' },
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'text',
        name_localizations: { 'zh-CN': '引文', 'zh-TW': '引文' },
        description: 'The quoted words, in simplified or traditional Chinese (attribution may stay)',
        description_localizations: { 'zh-CN': '引文，简体或繁体（可带“王毅表示”等）', 'zh-TW': '引文，簡體或繁體（可帶「王毅表示」等）' },
        required: true,
        max_length: limits.content,
      },
    ],
    ...commandContexts,
  }),
  ephemeral: true,
  run: ({ options, lang }, ctx) => findSourceReply(ctx, String(options['text'] ?? ''), lang),
};
