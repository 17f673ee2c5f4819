/**
 * `npm run start:sharded`: the bot under discord.js's ShardingManager, one process per shard, each
 * running `src/main.ts` as `npm start` does. The shard count is DISCORD_SHARD_COUNT, or the one
 * Discord recommends (`GET /gateway/bot`, asked through DISCORD_API_URL when set, so that a test
 * never reaches the real Discord). Shards start as fast as Discord's `max_concurrency` allows.
 *
 * A shard that exits is not restarted here: a non-zero exit (a fatal gateway close, an uncaught
 * exception) stops every shard and exits non-zero, for the supervisor to restart the whole bot.
 * SIGINT/SIGTERM are passed to every shard, which finishes its answers, and the manager exits 0.
 */
import { REST, Routes, ShardingManager, type APIGatewayBotInfo } from 'discord.js';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';
import { healthIntervalMs, writeHealth } from './discord/health.js';

/** Identify rate: with max_concurrency 1, one shard per 5 s (Discord); a little more to be safe. */
const identifyDelayMs = 5_500;

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.token) throw new ConfigError('config: DISCORD_TOKEN is not set; start:sharded needs the bot token (npm start runs the console mode without it)');
  const token = config.token;
  const log = createLogger({
    format: config.logFormat ?? (process.stdout.isTTY ? 'pretty' : 'json'),
    level: config.logLevel,
    secret: token,
    base: { manager: true },
  });

  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(token);
  const gateway = (await rest.get(Routes.gatewayBot())) as APIGatewayBotInfo;
  const total = config.shardCount ?? gateway.shards;
  // Across machines: every machine is given the same count and its own list (README).
  const list = config.shardList ?? Array.from({ length: total }, (_, i) => i);
  const concurrency = gateway.session_start_limit.max_concurrency;
  log.info({ shards: total, list, recommended: gateway.shards, maxConcurrency: concurrency }, `sharding: starting ${list.length} of ${total} shard(s)`);

  const manager = new ShardingManager(fileURLToPath(new URL('./main.ts', import.meta.url)), {
    token,
    totalShards: total,
    shardList: [...list],
    mode: 'process',
    respawn: false,
    execArgv: ['--max-semi-space-size=4', '--import', 'tsx'],
  });
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const exits = [...manager.shards.values()].map(
      (shard) =>
        new Promise<void>((resolve) => {
          const child = shard.process;
          if (!child || child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
    process.exit(code);
  };
  manager.on('shardCreate', (shard) => {
    shard.on('death', (child) => {
      const code = 'exitCode' in child ? child.exitCode : null;
      if (stopping) return;
      log.fatal({ shard: shard.id, code }, `sharding: shard ${shard.id} exited (${code}); stopping every shard`);
      void stopAll(code === 0 ? 1 : (code ?? 1));
    });
  });
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  try {
    await manager.spawn({ amount: total, delay: concurrency >= list.length ? 0 : identifyDelayMs, timeout: 120_000 });
  } catch (error) {
    log.fatal({ err: error }, 'sharding: a shard did not become ready; stopping every shard');
    return stopAll(1);
  }
  log.info({ shards: total }, 'sharding: every shard is ready');
  const healthFile = config.healthFile;
  if (healthFile) {
    // The manager's record says how many shard records to read (each shard writes its own).
    const write = () => writeHealth(healthFile, { at: Date.now(), ready: [...manager.shards.values()].every((s) => s.ready), shards: list });
    write();
    setInterval(write, healthIntervalMs).unref();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
