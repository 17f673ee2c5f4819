/** `/compare topic years`: a thread with the minister's statement on a topic, one message per year. */
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { labels } from '../src/discord/i18n.js';
import { limits } from '../src/discord/limits.js';
import { commandContexts, parseYears, topicChoices, topicOption } from '../src/discord/options.js';
import { textPayload } from '../src/discord/render.js';
import { formulationsPayload } from '../src/discord/phrase-render.js';
import { phrasePageOf } from '../src/discord/phrase-results.js';
import { checkTopic, renderResult, topicLabel } from '../src/discord/results.js';

/** Terms of the topic offered in /phrase at the end of the thread. */
const mainTerms = 3;

export const command: Command = {
  data: (years) => ({
    type: ApplicationCommandType.ChatInput,
    name: 'compare',
    name_localizations: { 'zh-CN': '比较', 'zh-TW': '比較' },
    description: 'Compare the wording on a topic across years, in a thread',
    description_localizations: { 'zh-CN': '在子区中比较各年份在某一话题上的措辞', 'zh-TW': '在討論串中比較各年份在某一話題上的措辭' },
    options: [
      topicOption(),
      {
        type: ApplicationCommandOptionType.String,
        name: 'years',
        name_localizations: { 'zh-CN': '年份', 'zh-TW': '年份' },
        description: `Years to compare, e.g. ${years.slice(0, 2).join(',')} (default: all)`,
        description_localizations: { 'zh-CN': '要比较的年份，如 2021,2024（默认：全部）', 'zh-TW': '要比較的年份，如 2021,2024（預設：全部）' },
        required: false,
        max_length: 60,
      },
    ],
    ...commandContexts,
  }),
  run: ({ options, lang }, ctx) => {
    const { engine } = ctx;
    const L = labels(lang);
    const topic = checkTopic(options.topic, lang);
    const res = engine.compare(topic, parseYears(options.years, lang));
    const label = topicLabel({ topics: res.topics, query: topic }, lang);
    const yearList = res.years.map((y) => y.year).join(', ');
    const messages = res.years.map(({ year, result }) =>
      result ? renderResult(ctx, result, lang, { topicLabel: label, terms: res.terms }) : textPayload(`**${year}** · ${L.noStatement(label, year)}`),
    );
    // The thread ends with the topic's main terms, each opening its counts across the years (/phrase).
    const formulations = formulationsPayload(res.terms.slice(0, mainTerms), 'answers', lang, (term) => phrasePageOf(ctx, term));
    return {
      type: 'thread',
      intro: textPayload(L.compareIntro(label, yearList)),
      name: `${label} · ${yearList}`.slice(0, limits.threadName),
      messages: formulations ? [...messages, formulations] : messages,
    };
  },
  autocomplete: topicChoices,
};
