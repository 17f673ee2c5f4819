/** Fixture: the real bot (discord.js client + our handlers) logged in to a fake Discord. */
import { Events, type Client } from 'discord.js';
import { createClient } from '../../src/discord/client.js';
import type { CommandContext } from '../../src/discord/command.js';
import { loadCommands, type LoadedCommand } from '../../src/discord/commands.js';
import { attachInteractions, type Budgets, type Logger } from '../../src/discord/interactions.js';
import { FakeDiscord } from './fake-discord.js';
import { realEngine } from './search.js';

export interface RunningBot {
  readonly fake: FakeDiscord;
  readonly client: Client;
  readonly log: { level: 'info' | 'error'; message: string }[];
  readonly commands: Map<string, LoadedCommand>;
  stop(): Promise<void>;
}

/**
 * Starts a fake Discord and logs the real client in to it. The per-user budgets default to the
 * bot's own; most tests send dozens of commands as one user, so they pass a larger one.
 */
export async function startBot(budgets?: Budgets): Promise<RunningBot> {
  const fake = await FakeDiscord.start();
  const engine = realEngine();
  const ctx: CommandContext = { engine };
  const commands = await loadCommands(undefined, engine.years);
  const log: RunningBot['log'] = [];
  const logger: Logger = {
    info: (message) => log.push({ level: 'info', message }),
    error: (message, error) =>
      log.push({ level: 'error', message: `${message}: ${error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error ?? '')}` }),
  };
  const client = createClient({ apiUrl: fake.apiUrl });
  attachInteractions(client, commands, ctx, logger, undefined, budgets);
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login('fake-token');
  await ready;
  return {
    fake,
    client,
    log,
    commands,
    stop: async () => {
      await client.destroy();
      await fake.close();
    },
  };
}
