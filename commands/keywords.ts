/** `/keywords year [vs]`: the words a year says distinctively often, against the other years or those named. */
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { commandContexts, parseYears, yearOption } from '../src/discord/options.js';
import { keywordsReply } from '../src/discord/phrase-results.js';
import { readYear } from '../src/discord/results.js';
import { SearchError } from '../src/search/errors.js';

export const command: Command = {
  data: (years) => ({
    type: ApplicationCommandType.ChatInput,
    name: 'keywords',
    name_localizations: { 'zh-CN': '关键词', 'zh-TW': '關鍵詞' },
    description: 'The words one year says distinctively often, against the other years',
    description_localizations: { 'zh-CN': '某一年说得格外多的词（与其他年份相比）', 'zh-TW': '某一年說得格外多的詞（與其他年份相比）' },
    options: [
      yearOption(years, true),
      {
        type: ApplicationCommandOptionType.String,
        name: 'vs',
        name_localizations: { 'zh-CN': '对比', 'zh-TW': '對比' },
        description: `Years to compare against, e.g. ${years[0] ?? 2021} (default: every other year)`,
        description_localizations: { 'zh-CN': '对比的年份，如 2021（默认：其他所有年份）', 'zh-TW': '對比的年份，如 2021（預設：其他所有年份）' },
        required: false,
        max_length: 60,
      },
    ],
    ...commandContexts,
  }),
  run: ({ options, lang }, ctx) => {
    const year = readYear(options.year);
    if (year === null) throw new SearchError({ code: 'not-a-year', value: '' });
    return { type: 'message', message: keywordsReply(ctx, year, parseYears(options.vs, lang), lang) };
  },
};
