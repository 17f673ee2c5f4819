/**
 * `npm run deploy-commands`: registers the commands with Discord, for one server
 * (DISCORD_GUILD_ID, instant) or globally. Uses the same loader as the bot.
 */
import { REST, Routes } from 'discord.js';
import { loadCorpus } from '../corpus/load.js';
import { loadConfig } from '../config.js';
import { loadCommands } from '../discord/commands.js';
import { UsageError, runCli } from './run.js';

runCli(async () => {
  const config = loadConfig();
  if (!config.token || !config.clientId) throw new UsageError('deploy-commands: set DISCORD_TOKEN and DISCORD_CLIENT_ID (see .env.example)');
  const years = loadCorpus().conferences.map((c) => c.year);
  const body = [...(await loadCommands(undefined, years)).values()].map((c) => c.data(years));
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const route = config.guildId ? Routes.applicationGuildCommands(config.clientId, config.guildId) : Routes.applicationCommands(config.clientId);
  const saved = (await rest.put(route, { body })) as unknown[];
  return `deploy-commands: registered ${saved.length} commands ${config.guildId ? `in server ${config.guildId}` : 'globally (may take up to an hour to appear)'}: ${body.map((b) => b.name).join(', ')}`;
});
