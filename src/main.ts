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
import { keepHealthFile } from './discord/health.js';
import { watchGateway } from './discord/lifecycle.js';
import type { Lang } from './discord/i18n.js';
import { createLogger } from './log.js';
import { rejectionMessage, warningMessage } from './corpus/report.js';
import { openSearch } from './search/open.js';

/** How long a shutdown waits for answers and `/compare` posts in progress. */
const drainMs = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const lang = consoleLang(process.argv.slice(2));
  if (!config.token) {
    const engine = openSearch(config.corpusDir ?? undefined);
    // Files that are not a copy of the conference are left out, said once, and the bot runs.
    for (const r of engine.rejected) console.error(`corpus: left out ${r.source}: ${rejectionMessage(r)}`);
    for (const w of engine.notices) console.error(`corpus: warning: ${warningMessage(w)}`);
    const ctx: CommandContext = { engine, publicUrl: config.publicUrl };
    const commands = await loadCommands(undefined, engine.years);
    const interactive = process.stdin.isTTY === true;
    if (interactive)
      console.error(
        'No DISCORD_TOKEN: console mode. Type /position taiwan 2021, /compare taiwan, /quote 2024-09, /find <words>, /sources or /help; !next, !full, !cite or !2 press a button; Ctrl-D to quit.',
      );
    process.exitCode = await runConsole(process.stdin, process.stdout, process.stderr, commands, ctx, lang, interactive);
    return;
  }

  const token = config.token;
  // Every line the bot logs goes through this logger: the token never appears, whatever an error carries.
  const shard = process.env['SHARDS'];
  const log = createLogger({
    format: config.logFormat ?? (process.stdout.isTTY ? 'pretty' : 'json'),
    level: config.logLevel,
    secret: token,
    ...(shard === undefined ? {} : { base: { shard } }),
  });
  // A rejection nobody awaited is a bug to log, not a reason to drop every user's answers; after an
  // uncaught exception the process state is unknown, so it exits non-zero for a supervisor to restart.
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection (the bot keeps running)'));
  process.on('uncaughtException', (error) => {
    log.fatal({ err: error }, 'uncaught exception, exiting');
    process.exit(1);
  });
  const engine = openSearch(config.corpusDir ?? undefined);
  for (const r of engine.rejected) log.warn({ source: r.source }, `corpus: left out ${r.source}: ${rejectionMessage(r)}`);
  for (const w of engine.notices) log.warn(`corpus: warning: ${warningMessage(w)}`);
  const ctx: CommandContext = { engine, publicUrl: config.publicUrl };
  const commands = await loadCommands(undefined, engine.years);

  const client = createClient({ apiUrl: config.apiUrl, log });
  const inFlight = attachInteractions(client, commands, ctx, log);
  let stopping = false;
  const stop = async (why: string, code: number) => {
    if (stopping) return;
    stopping = true;
    const message = `${why}; finishing ${inFlight.size} answer(s) (at most ${drainMs / 1000} s), then stopping`;
    if (code === 0) log.info(message);
    else log.fatal(message);
    const finished = await inFlight.drain(drainMs);
    if (!finished) log.error({ unfinished: inFlight.size }, `stopping with ${inFlight.size} answer(s) unfinished`);
    await client.destroy();
    process.exit(code);
  };
  watchGateway(client, log, (cause) => void stop(cause, 1));
  if (config.healthFile) keepHealthFile(client, shard === undefined ? config.healthFile : `${config.healthFile}-${shard}`, () => inFlight.size);
  client.once(Events.ClientReady, (c) => log.info(`Logged in as ${c.user.tag}; ${commands.size} commands, corpus years ${engine.years.join(', ')}.`));
  // `on`, not `once`: under a sharding manager or systemd a second signal may follow the first, and must not kill the drain.
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  await client.login(token);
}

/** `npm start -- --lang zh-TW`: the console mode's language (Discord users get their own). */
function consoleLang(args: readonly string[]): Lang {
  const i = args.indexOf('--lang');
  if (i < 0) return 'en';
  const value = args[i + 1] ?? '';
  const lang = (['en', 'zh-CN', 'zh-TW'] as const).find((l) => l.toLowerCase() === value.toLowerCase());
  if (!lang) throw new ConfigError(`--lang: expected en, zh-CN or zh-TW, got "${value}"`);
  return lang;
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
