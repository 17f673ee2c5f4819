import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool } from '../helpers/cli.js';
import { startProcess, stopProcessesAfterEach, type BotProcess } from '../helpers/process.js';
import { describe, expect, it } from 'vitest';
import { FakeDiscord, guildId, otherGuildId, shardOf } from '../helpers/fake-discord.js';

const token = 'fake-sharding-token-0123456789';

type Run = BotProcess;

/** `npm run start:sharded`'s command, against the fake, logging JSON. */
const startSharded = (fake: FakeDiscord, env: Record<string, string> = {}): Run => startProcess('src/sharded.ts', fake, token, { LOG_FORMAT: 'json', ...env });

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

stopProcessesAfterEach();

const healthFile = join(mkdtempSync(join(tmpdir(), 'sharded-')), 'health');

async function twoShards(): Promise<{ fake: FakeDiscord; run: Run }> {
  const fake = await FakeDiscord.start();
  fake.recommendedShards = 2;
  fake.maxConcurrency = 2;
  fake.guilds.push(otherGuildId);
  const run = startSharded(fake, { HEALTH_FILE: healthFile });
  await fake.waitFor(() => run.out().includes('every shard is ready'), 90_000);
  return { fake, run };
}

describe('npm run start:sharded', () => {
  it('starts the shards Discord recommends; each answers the servers of its shard; SIGTERM stops them all', async () => {
    const { fake, run } = await twoShards();
    expect([shardOf(guildId, 2), shardOf(otherGuildId, 2)]).toEqual([0, 1]);
    const identified = fake.gatewayReceived.filter((m) => m.op === 2).map((m) => m.d.shard as number[]);
    expect(identified.sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const first = fake.command('position', { topic: 'taiwan', year: 2021 }, { guildId });
    const second = fake.command('position', { topic: 'taiwan', year: 2024 }, { guildId: otherGuildId });
    for (const t of [first, second]) {
      const cb = await fake.waitFor(() => fake.callsFor(t).find((c) => c.path.endsWith('/callback')), 10_000);
      expect(cb.status).toBe(204);
      expect(cb.body.data.embeds[0].description.startsWith('> ')).toBe(true);
    }
    // Each was answered by its own shard's process.
    await fake.waitFor(() => run.lines().filter((l) => l['msg'] === 'answered').length >= 2, 10_000);
    const answered = run.lines().filter((l) => l['msg'] === 'answered');
    expect(answered.map((l) => String(l['shard'])).sort()).toEqual(['0', '1']);
    expect(new Set(answered.map((l) => l['pid'])).size).toBe(2);
    const pids = answered.map((l) => Number(l['pid']));
    // One health record per shard, and the manager's naming the count: npm run health reads them all.
    expect(existsSync(`${healthFile}-0`) && existsSync(`${healthFile}-1`)).toBe(true);
    expect(runTool('health', [healthFile])).toMatchObject({ status: 0 });

    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    for (const pid of pids) expect(alive(pid), `shard process ${pid}`).toBe(false);
    expect(run.out()).not.toContain(token);
  }, 120_000);

  it('stops every shard and exits non-zero when a shard cannot go on (close 4004)', async () => {
    const { fake, run } = await twoShards();
    fake.closeGateway(4004, 'Authentication failed.');
    expect(await run.exit).toBe(1);
    expect(run.out()).toMatch(/closed with 4004, authentication failed/u);
    expect(run.out()).toMatch(/stopping every shard/u);
    expect(run.out()).not.toContain(token);
  }, 120_000);
});

describe('shards over several machines', () => {
  it('runs only the shards DISCORD_SHARD_LIST names, out of DISCORD_SHARD_COUNT', async () => {
    const fake = await FakeDiscord.start();
    fake.recommendedShards = 2;
    fake.guilds.push(otherGuildId);
    const run = startSharded(fake, { DISCORD_SHARD_COUNT: '2', DISCORD_SHARD_LIST: '1' });
    await fake.waitFor(() => run.out().includes('every shard is ready'), 90_000);
    expect(fake.gatewayReceived.filter((m) => m.op === 2).map((m) => m.d.shard as number[])).toEqual([[1, 2]]);
    const help = fake.command('help', {}, { guildId: otherGuildId });
    const cb = await fake.waitFor(() => fake.callsFor(help).find((c) => c.path.endsWith('/callback')), 10_000);
    expect(cb.status).toBe(204);
  }, 120_000);
});

describe('the fake gateway enforces sharding as Discord does', () => {
  it('closes a connection that identifies without the shards Discord requires (4011)', async () => {
    const fake = await FakeDiscord.start();
    fake.recommendedShards = 2;
    const run = startSharded(fake, { DISCORD_SHARD_COUNT: '1' });
    expect(await run.exit).toBe(1);
    expect(run.out()).toMatch(/closed with 4011, sharding required/u);
  }, 120_000);
});
