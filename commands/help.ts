/** `/help`: what each command does, with examples. */
import { ApplicationCommandType } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { commandContexts } from '../src/discord/options.js';

const en = [
  '**/position** `topic` `year` — what the minister said on a topic, quoted verbatim: the question and who asked it, the conference, the source files and the exchange id. Buttons: Next result, Full answer, Cite (ready to paste), Variants (where copies disagree).',
  'Examples: `/position taiwan 2021`, `/position south china sea`, `/position 一带一路 2024`, `/position 臺灣`',
  '**/compare** `topic` `years` — a thread with one message per year; a year without a statement says so. Example: `/compare taiwan 2021,2024`',
  '**/quote** `id` — one exchange by id (shown under every answer). Example: `/quote 2024-09`',
  '**Find source** (right-click a message → Apps) — finds where quoted words come from and whether they are verbatim.',
  '**/sources** — the conferences, dates, sessions and source files in the corpus.',
  'Quotes are never translated or summarised; every character comes from a source file. Topics can be English, simplified or traditional Chinese.',
];
const zh = [
  '**/立场** `话题` `年份` —— 外长在某一话题上的原话：提问及提问媒体、记者会、来源文件和问答编号。按钮：下一条结果、完整回答、引用（可直接粘贴）、异文（副本间的不同）。',
  '例如：`/position taiwan 2021`、`/position 南海`、`/position 一带一路 2024`、`/position 臺灣`',
  '**/比较** `话题` `年份` —— 在子区中按年份各发一条；没有表态的年份会注明。例如：`/compare 台湾 2021,2024`',
  '**/引用** `编号` —— 按编号显示一问一答。例如：`/quote 2024-09`',
  '**查找出处**（右键消息 → 应用）—— 查找引文出处，并判断是否逐字相符。',
  '**/来源** —— 语料中的记者会、日期、会议届次和来源文件。',
  '引文从不翻译或概括，每个字都出自来源文件。话题可用英文、简体或繁体中文。',
];

export const command: Command = {
  data: () => ({
    type: ApplicationCommandType.ChatInput,
    name: 'help',
    name_localizations: { 'zh-CN': '帮助', 'zh-TW': '說明' },
    description: 'What each command does, with examples',
    description_localizations: { 'zh-CN': '各命令的用途和示例', 'zh-TW': '各指令的用途和範例' },
    ...commandContexts,
  }),
  run: ({ lang }) => ({
    type: 'message',
    ephemeral: true,
    message: { embeds: [{ title: lang === 'en' ? 'position — help' : 'position —— 帮助', description: (lang === 'en' ? en : zh).join('\n\n') }] },
  }),
};
