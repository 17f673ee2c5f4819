/** `/phrase text [year] [scope]`: how often a phrase is said per year, charted, with every occurrence in context. */
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { maxPhraseLength, maxPhrases, readScope } from '../src/formulations/input.js';
import type { Command } from '../src/discord/command.js';
import { commandContexts, yearOption } from '../src/discord/options.js';
import { phraseReply } from '../src/discord/phrase-results.js';
import { readYear } from '../src/discord/results.js';

export const command: Command = {
  data: (years) => ({
    type: ApplicationCommandType.ChatInput,
    name: 'phrase',
    name_localizations: { 'zh-CN': '提法', 'zh-TW': '提法' },
    description: 'How often a phrase is said each year, charted, with every occurrence in context',
    description_localizations: { 'zh-CN': '一个词组各年份说了几次，附图表和每一处上下文', 'zh-TW': '一個詞組各年份說了幾次，附圖表和每一處上下文' },
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'text',
        name_localizations: { 'zh-CN': '词组', 'zh-TW': '詞組' },
        description: 'A phrase in Chinese or English; up to five, separated by commas (e.g. 多边主义, 人类命运共同体)',
        description_localizations: {
          'zh-CN': '中文或英文词组；最多五个，用逗号分隔（如 多边主义, 人类命运共同体）',
          'zh-TW': '中文或英文詞組；最多五個，用逗號分隔（如 多邊主義, 人類命運共同體）',
        },
        required: true,
        // Room for five phrases of the longest length, so that our own message names what is too long.
        max_length: maxPhrases * (maxPhraseLength + 2),
      },
      { ...yearOption(years), description: 'Lines from this year only (the counts are of every year)' },
      {
        type: ApplicationCommandOptionType.String,
        name: 'scope',
        name_localizations: { 'zh-CN': '范围', 'zh-TW': '範圍' },
        description: "Whose words: the minister's (default), the journalists' questions, or both",
        description_localizations: { 'zh-CN': '谁的话：外长的话（默认）、记者的提问，或两者', 'zh-TW': '誰的話：外長的話（預設）、記者的提問，或兩者' },
        required: false,
        choices: [
          { name: "The minister's words", name_localizations: { 'zh-CN': '外长的话', 'zh-TW': '外長的話' }, value: 'answers' },
          { name: "The journalists' questions", name_localizations: { 'zh-CN': '记者的提问', 'zh-TW': '記者的提問' }, value: 'questions' },
          { name: 'Both', name_localizations: { 'zh-CN': '两者', 'zh-TW': '兩者' }, value: 'both' },
        ],
      },
    ],
    ...commandContexts,
  }),
  run: ({ options, lang }, ctx) => {
    const text = String(options.text ?? '');
    const scope = readScope(options.scope === undefined ? undefined : String(options.scope));
    return { type: 'message', message: phraseReply(ctx, text, { year: readYear(options.year), scope }, lang) };
  },
};
