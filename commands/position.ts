/** `/position topic year`: the minister's answer on a topic, quoted verbatim, with its sources. */
import { ApplicationCommandType } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { commandContexts, yearOption, topicOption, topicChoices } from '../src/discord/options.js';
import { checkTopic, positionReply, readYear } from '../src/discord/results.js';

export const command: Command = {
  data: (years) => ({
    type: ApplicationCommandType.ChatInput,
    name: 'position',
    name_localizations: { 'zh-CN': '立场', 'zh-TW': '立場' },
    description: "What China's foreign minister said on a topic, quoted verbatim with its source",
    description_localizations: { 'zh-CN': '外长在某一话题上的原话，附出处', 'zh-TW': '外長在某一話題上的原話，附出處' },
    options: [topicOption(), yearOption(years)],
    ...commandContexts,
  }),
  run: ({ options, lang }, ctx) => {
    const { engine } = ctx;
    const topic = checkTopic(options.topic, lang);
    const year = engine.checkYear(readYear(options.year));
    const { message, found } = positionReply(ctx, topic, year, 1, lang);
    return { type: 'message', message, ephemeral: !found };
  },
  autocomplete: topicChoices,
};
