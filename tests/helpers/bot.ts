/** Fixture: the real bot (discord.js client + our handlers) logged in to a fake Discord. */
import { Events, type Client } from 'discord.js';
import { createClient } from '../../src/discord/client.js';
import type { CommandContext } from '../../src/discord/command.js';
import { loadCommands, type LoadedCommand } from '../../src/discord/commands.js';
import { attachInteractions, type Budgets } from '../../src/discord/interactions.js';
import { createLogger } from '../../src/log.js';
import { FakeDiscord } from './fake-discord.js';
import { realEngine } from './search.js';

/** One log line: its level name and message, and the rest of its fields. */
export interface LogEntry {
  readonly level: 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  readonly message: string;
  readonly fields: Record<string, unknown>;
}

const levelNames: Record<number, LogEntry['level']> = { 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** A token of Discord's shape, so that a leak of it would be unmistakable in a log line or a body. */
export const testToken = 'MTAwMDAwMDAwMDAwMDAwMDAy.GfAkE1.fake_token_for_tests_only_0123456789';

export interface RunningBot {
  readonly fake: FakeDiscord;
  readonly client: Client;
  /** What the bot logged, parsed (pino's JSON lines, at debug and above). */
  readonly log: LogEntry[];
  /** The same lines as written. */
  readonly logLines: string[];
  /** The token the client logged in with. */
  readonly token: string;
  readonly commands: Map<string, LoadedCommand>;
  stop(): Promise<void>;
}

/**
 * Starts a fake Discord and logs the real client in to it. The per-user budgets default to the
 * bot's own; most tests send dozens of commands as one user, so they pass a larger one.
 */
export async function startBot(budgets?: Budgets, options: { readonly publicUrl?: string } = {}): Promise<RunningBot> {
  const fake = await FakeDiscord.start();
  const engine = realEngine();
  const ctx: CommandContext = { engine, publicUrl: options.publicUrl ?? null };
  const commands = await loadCommands(undefined, engine.years);
  const log: LogEntry[] = [];
  const logLines: string[] = [];
  const logger = createLogger({
    format: 'json',
    level: 'debug',
    secret: testToken,
    write: (line) => {
      logLines.push(line);
      const { level, msg, err, ...fields } = JSON.parse(line) as { level: number; msg: string; err?: { stack?: string } } & Record<string, unknown>;
      log.push({ level: levelNames[level] ?? 'fatal', message: err?.stack ? `${msg}: ${err.stack}` : msg, fields });
    },
  });
  const client = createClient({ apiUrl: fake.apiUrl, log: logger });
  attachInteractions(client, commands, ctx, logger, undefined, budgets);
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(testToken);
  await ready;
  return {
    fake,
    client,
    log,
    logLines,
    token: testToken,
    commands,
    stop: async () => {
      await client.destroy();
      await fake.close();
    },
  };
}
