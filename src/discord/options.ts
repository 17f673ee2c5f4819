/** Option definitions shared by several commands, and topic autocomplete. */
import { ApplicationCommandOptionType, ApplicationIntegrationType, InteractionContextType, type APIApplicationCommandBasicOption } from 'discord.js';
import { suggestTopics } from '../search/topics.js';
import type { Command } from './command.js';
import { UserError } from './command.js';
import { labels, type Lang } from './i18n.js';
import { limits } from './limits.js';
import { maxTopicLength } from './results.js';

/**
 * Where every command can be used, set explicitly (the deprecated `dm_permission` is not): installed
 * to servers only, since a user install caps follow-ups at five and /compare posts one per year;
 * usable in server channels and in a DM with the bot.
 */
export const commandContexts = {
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
};

/** The topic option, with autocomplete. */
export function topicOption(): APIApplicationCommandBasicOption {
  return {
    type: ApplicationCommandOptionType.String,
    name: 'topic',
    name_localizations: { 'zh-CN': '话题', 'zh-TW': '話題' },
    description: 'A topic in English or Chinese: taiwan, south china sea, 一带一路, 臺灣…',
    description_localizations: { 'zh-CN': '英文或中文话题：台湾、南海、一带一路……', 'zh-TW': '英文或中文話題：台灣、南海、一帶一路……' },
    required: true,
    autocomplete: true,
    max_length: maxTopicLength,
  };
}

/** The year, as a choice of the corpus's years: optional (any year by default) or required. */
export function yearOption(years: readonly number[], required = false): APIApplicationCommandBasicOption {
  return {
    type: ApplicationCommandOptionType.Integer,
    name: 'year',
    name_localizations: { 'zh-CN': '年份', 'zh-TW': '年份' },
    description: required ? 'Year of the press conference' : 'Year of the press conference (default: any)',
    description_localizations: required
      ? { 'zh-CN': '记者会年份', 'zh-TW': '記者會年份' }
      : { 'zh-CN': '记者会年份（默认：全部）', 'zh-TW': '記者會年份（預設：全部）' },
    required,
    choices: years.slice(-limits.choices).map((y) => ({ name: String(y), value: y })),
  };
}

/** Autocomplete for topics: names in the user's language first, at most 25, names ≤ 100 characters. */
export const topicChoices: NonNullable<Command['autocomplete']> = (focused, lang) =>
  suggestTopics(focused.value, limits.choices).map((t) => ({
    name: (lang === 'en' ? `${t.name} · ${t.zh}` : `${t.zh} · ${t.name}`).slice(0, limits.choiceName),
    value: t.name.slice(0, limits.choiceValue),
  }));

/** Reads a list of years as typed, `2021,2024` (commas or spaces); empty is none. */
export function parseYears(value: string | number | undefined, lang: Lang): number[] {
  const text = String(value ?? '').trim();
  if (text === '') return [];
  const parts = text.split(/[\s,，、]+/u).filter(Boolean);
  const bad = parts.find((p) => !/^\d{4}$/u.test(p));
  if (bad !== undefined) throw new UserError(labels(lang).errors.notAYearList(bad));
  return parts.map(Number);
}
