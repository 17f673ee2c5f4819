/** `/sources`: the conferences in the corpus, their dates, sessions, source files and variants. */
import { ApplicationCommandType } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { commandContexts } from '../src/discord/options.js';
import { sourcesPayload } from '../src/discord/render.js';

export const command: Command = {
  data: () => ({
    type: ApplicationCommandType.ChatInput,
    name: 'sources',
    name_localizations: { 'zh-CN': '来源', 'zh-TW': '來源' },
    description: 'The press conferences in the corpus and the copies they are quoted from',
    description_localizations: { 'zh-CN': '语料中的记者会及其引文所据的副本', 'zh-TW': '語料中的記者會及其引文所據的副本' },
    ...commandContexts,
  }),
  run: ({ lang }, { engine, publicUrl }) => ({
    type: 'message',
    message: sourcesPayload(engine.conferences, (file) => engine.source(file), lang, publicUrl ?? null),
  }),
};
