/** Message command "Find source": where a quoted message comes from, and whether it is verbatim (also `/find`). */
import { ApplicationCommandType } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { findSourceReply } from '../src/discord/find-reply.js';
import { commandContexts } from '../src/discord/options.js';

export const command: Command = {
  data: () => ({
    type: ApplicationCommandType.Message,
    name: 'Find source',
    name_localizations: { 'zh-CN': '查找出处', 'zh-TW': '查找出處' },
    ...commandContexts,
  }),
  ephemeral: true,
  run: ({ targetText, lang }, ctx) => findSourceReply(ctx, targetText ?? '', lang),
};
