/**
 * `npm start`: the bot. With DISCORD_TOKEN it logs in to Discord; without it, it runs the console
 * mode, which prints the replies a Discord user would see.
 */
import { Events } from 'discord.js';
import { ConfigError, loadConfig } from './config.js';
import { createClient } from './discord/client.js';
import type { CommandContext } from './discord/command.js';
import { loadCommands } from './discord/commands.js';
import { runConsole } from './discord/console.js';
import { attachInteractions } from './discord/interactions.js';
import { rejectionMessage } from './corpus/report.js';
import { openSearch } from './search/open.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const engine = openSearch(config.corpusDir ?? undefined);
  // Files that are not a copy of the conference are left out, said once, and the bot runs.
  for (const r of engine.rejected) console.error(`corpus: left out ${r.source}: ${rejectionMessage(r)}`);
  const ctx: CommandContext = { engine };
  const commands = await loadCommands(undefined, engine.years);

  if (!config.token) {
    const interactive = process.stdin.isTTY === true;
    if (interactive)
      console.error('No DISCORD_TOKEN: console mode. Type /position taiwan 2021, /compare taiwan, /quote 2024-09, /sources or /help; Ctrl-D to quit.');
    process.exitCode = await runConsole(process.stdin, process.stdout, process.stderr, commands, ctx, 'en', interactive);
    return;
  }

  const client = createClient({ apiUrl: config.apiUrl });
  attachInteractions(client, commands, ctx);
  client.once(Events.ClientReady, (c) => console.log(`Logged in as ${c.user.tag}; ${commands.size} commands, corpus years ${engine.years.join(', ')}.`));
  const stop = () => void client.destroy().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await client.login(config.token);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
