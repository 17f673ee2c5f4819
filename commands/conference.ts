/** `/conference year`: what a conference covered, its exchanges in order, with a menu to open any of them. */
import { ApplicationCommandType } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { commandContexts, yearOption } from '../src/discord/options.js';
import { conferenceReply, readYear } from '../src/discord/results.js';
import { SearchError } from '../src/search/errors.js';

export const command: Command = {
  data: (years) => ({
    type: ApplicationCommandType.ChatInput,
    name: 'conference',
    name_localizations: { 'zh-CN': '记者会', 'zh-TW': '記者會' },
    description: 'Every question of one press conference, in order, to open any of them',
    description_localizations: { 'zh-CN': '某年记者会的全部提问，按顺序，可逐一打开', 'zh-TW': '某年記者會的全部提問，按順序，可逐一打開' },
    options: [yearOption(years, true)],
    ...commandContexts,
  }),
  run: ({ options, lang }, ctx) => {
    const year = readYear(options['year']);
    if (year === null) throw new SearchError({ code: 'not-a-year', value: '' });
    return { type: 'message', message: conferenceReply(ctx, year, 0, lang) };
  },
};
