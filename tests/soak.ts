/**
 * `npm run soak [-- --interactions N] [--shards S] [--json]`: the bot, started as `npm start` starts it
 * (or, with `--shards`, as `npm run start:sharded` does, the fake recommending S shards and each
 * interaction going to a server of the next shard in turn), logged
 * in to the fake Discord (tests/helpers/fake-discord.ts, hence this script's place), answers N
 * interactions (default 10,000), each from a distinct user: commands in all three languages,
 * buttons, autocomplete and some `/compare` threads, 64 at a time. It prints the throughput, the
 * time to each first response (p50, p99), the bot's resident memory after warm-up and at the end,
 * and what went wrong (expired interactions, refused requests, error log lines). It exits 1 when
 * any interaction went unanswered, was refused, or when RSS grew by more than 64 MB.
 *
 * `--json` prints one object: interactions, throughputPerS, p50Ms, p99Ms, rssStartMB, rssEndMB,
 * rssMaxMB, rssGrowthMB, gcRssStartMB, gcRssEndMB, heapStartMB, heapEndMB, expired, refused,
 * errorLines, warmup. RSS is the bot's resident memory as the system sees it, garbage included
 * (V8 collects lazily while it has room); the growth, which the bound applies to, is measured after
 * a full collection at both ends (tests/soak-probe.ts), with the heap in use beside it. With
 * shards, these are sums over the shard processes, and `shards` lists each one's figures.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeDiscord, guildId, shardOf, type RestCall } from './helpers/fake-discord.js';

/** RSS may grow this much over the run (issue 10). */
const growthBoundMB = 64;
const window = 64;
const warmup = 500;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const total = Number(option('--interactions') ?? 10_000);
if (!Number.isInteger(total) || total < 1) {
  console.error(`soak: --interactions must be a whole number of 1 or more, not ${option('--interactions')}`);
  process.exit(2);
}
const shardCount = Number(option('--shards') ?? 0);
if (!Number.isInteger(shardCount) || shardCount < 0 || shardCount > 16) {
  console.error(`soak: --shards must be a whole number from 1 to 16, not ${option('--shards')}`);
  process.exit(2);
}
const json = process.argv.includes('--json');

/** The bot's memory before and after a full collection, from tests/soak-probe.ts. */
interface Probe {
  readonly rssMB: number;
  readonly gcRssMB: number;
  readonly gcHeapUsedMB: number;
}

async function probe(pid: number, dir: string): Promise<Probe> {
  const file = join(dir, `${pid}.json`);
  rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 25));
  await new Promise((r) => setTimeout(r, 25));
  return JSON.parse(readFileSync(file, 'utf8')) as Probe;
}

/** Resident memory of a process, from /proc (Linux). */
function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

const topics = [
  'taiwan',
  'south china sea',
  'ukraine',
  'gaza',
  'climate',
  '台湾',
  '一带一路',
  '臺灣',
  'tawian',
  'visa free',
  'multilateralism',
  'philippines',
  'qxzvbn',
];
const locales = ['en-US', 'zh-CN', 'zh-TW'];

/** One server per shard: ids 2^22 apart fall on consecutive shards. */
function guildsFor(shards: number): string[] {
  const byShard = new Map<number, string>();
  for (let k = 0n; byShard.size < shards; k++) {
    const id = String(BigInt(guildId) + k * 4_194_304n);
    if (!byShard.has(shardOf(id, shards))) byShard.set(shardOf(id, shards), id);
  }
  return [...byShard.values()];
}

/** The i-th interaction of the run, from its own user, in one of the servers. */
function dispatch(fake: FakeDiscord, i: number, guilds: readonly string[]): string {
  const opts = { user: String(600000000000000000n + BigInt(i)), locale: locales[i % locales.length]!, guildId: guilds[i % guilds.length]! };
  const topic = topics[i % topics.length]!;
  switch (i % 20) {
    case 0:
      return fake.command('compare', { topic }, opts);
    case 1:
    case 2:
      return fake.autocomplete('position', 'topic', topic.slice(0, 1 + (i % 4)), opts);
    case 3:
      return fake.button(`page|2024-06|${i % 3}`, {}, opts);
    case 4:
      return fake.button(`next|2|-|${topic}`, {}, opts);
    case 5:
      return fake.command('quote', { id: `202${[1, 2, 4][i % 3]}-0${1 + (i % 9)}` }, opts);
    case 6:
      return fake.command('sources', {}, opts);
    case 7:
      return fake.command('help', {}, opts);
    default:
      return fake.command('position', i % 2 ? { topic, year: [2021, 2022, 2024][i % 3]! } : { topic }, opts);
  }
}

async function main(): Promise<void> {
  const fake = await FakeDiscord.start();
  fake.recordCalls = false;
  const token = 'soak-token-not-a-real-one-0123456789';
  const probeDir = mkdtempSync(join(tmpdir(), 'soak-'));
  const guilds = shardCount > 0 ? guildsFor(shardCount) : [guildId];
  if (shardCount > 0) {
    fake.recommendedShards = shardCount;
    fake.maxConcurrency = shardCount;
    fake.guilds.splice(0, fake.guilds.length, ...guilds);
  }
  // As `npm start` (or start:sharded) runs it, plus the probe: a full collection on SIGUSR2, for the memory figures.
  const args = shardCount > 0 ? ['--import', 'tsx', 'src/sharded.ts'] : ['--max-semi-space-size=4', '--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --expose-gc --import tsx --import ./tests/soak-probe.ts`.trim(),
      SOAK_PROBE_DIR: probeDir,
      DISCORD_TOKEN: token,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_CLIENT_ID: '',
      DISCORD_GUILD_ID: '',
      DISCORD_SHARD_COUNT: '',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  /** The processes that answer: the bot, or each shard (by the pid of its "Logged in" line). */
  const bots = new Map<number, string>();
  let errorLines = 0;
  let ready = false;
  let pending = '';
  const onOutput = (d: Buffer) => {
    pending += d.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('Logged in as')) {
        const entry = JSON.parse(line) as { pid: number; shard?: string };
        bots.set(entry.pid, entry.shard ?? '-');
        if (shardCount === 0) ready = true;
      }
      if (line.includes('every shard is ready')) ready = true;
      if (/"level":(50|60)/u.test(line)) {
        errorLines++;
        if (errorLines <= 3) console.error(`soak: the bot logged an error: ${line.slice(0, 300)}`);
      }
    }
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  await fake.waitFor(() => ready, 60_000);

  const dispatched = new Map<string, number>();
  const latencies: number[] = [];
  let answered = 0;
  let expired = 0;
  let refused = 0;
  let wake: (() => void) | null = null;
  fake.onCall = (call: RestCall) => {
    const m = /^\/interactions\/\d+\/([^/]+)\/callback$/u.exec(call.path);
    if (!m) {
      if (call.status >= 400) refused++;
      return;
    }
    const at = dispatched.get(m[1]!);
    if (at === undefined) return;
    dispatched.delete(m[1]!);
    if (call.status === 404) expired++;
    else if (call.status >= 400) refused++;
    latencies.push(call.at - at);
    answered++;
    wake?.();
  };

  const run = async (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      while (dispatched.size >= window) await new Promise<void>((r) => (wake = r));
      dispatched.set(dispatch(fake, i, guilds), Date.now());
    }
    while (dispatched.size > 0) await new Promise<void>((r) => (wake = r));
  };

  await run(0, Math.min(warmup, total));
  latencies.length = 0;
  const pids = [...bots.keys()];
  const probeAll = () => Promise.all(pids.map((pid) => probe(pid, probeDir)));
  const sum = (xs: readonly number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 10) / 10;
  const startProbes = await probeAll();
  const rssStartMB = sum(startProbes.map((p) => p.rssMB));
  let rssMaxMB = rssStartMB;
  const sampler = setInterval(() => (rssMaxMB = Math.max(rssMaxMB, sum(pids.map(rssMB)))), 250);
  const started = Date.now();
  const before = answered;
  await run(warmup, warmup + total);
  clearInterval(sampler);
  const seconds = (Date.now() - started) / 1000;
  // Let the last posts of /compare threads land before the end figure.
  await new Promise((r) => setTimeout(r, 500));
  const endProbes = await probeAll();
  const rssEndMB = sum(endProbes.map((p) => p.rssMB));
  const start = { gcRssMB: sum(startProbes.map((p) => p.gcRssMB)), gcHeapUsedMB: sum(startProbes.map((p) => p.gcHeapUsedMB)) };
  const end = { gcRssMB: sum(endProbes.map((p) => p.gcRssMB)), gcHeapUsedMB: sum(endProbes.map((p) => p.gcHeapUsedMB)) };
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await fake.close();
  rmSync(probeDir, { recursive: true, force: true });

  latencies.sort((a, b) => a - b);
  const figures = {
    interactions: answered - before,
    throughputPerS: Math.round((answered - before) / seconds),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    rssStartMB,
    rssEndMB,
    rssMaxMB,
    rssGrowthMB: Math.round((end.gcRssMB - start.gcRssMB) * 10) / 10,
    gcRssStartMB: start.gcRssMB,
    gcRssEndMB: end.gcRssMB,
    heapStartMB: start.gcHeapUsedMB,
    heapEndMB: end.gcHeapUsedMB,
    expired,
    refused,
    errorLines,
    warmup: Math.min(warmup, total),
    ...(shardCount > 0
      ? {
          shards: pids.map((pid, i) => ({
            shard: bots.get(pid),
            rssStartMB: startProbes[i]!.rssMB,
            rssEndMB: endProbes[i]!.rssMB,
            gcRssStartMB: startProbes[i]!.gcRssMB,
            gcRssEndMB: endProbes[i]!.gcRssMB,
            heapStartMB: startProbes[i]!.gcHeapUsedMB,
            heapEndMB: endProbes[i]!.gcHeapUsedMB,
          })),
        }
      : {}),
  };
  if (json) console.log(JSON.stringify(figures));
  else {
    const where = shardCount > 0 ? `, over ${shardCount} shards (figures summed)` : '';
    console.log(`soak: ${figures.interactions} interactions from as many users, ${window} at a time, after ${figures.warmup} to warm up${where}`);
    console.log(`  throughput      ${figures.throughputPerS} /s`);
    console.log(`  first response  p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms (Discord allows 3000)`);
    console.log(`  bot RSS         ${rssStartMB} MB after warm-up → ${rssEndMB} MB at the end, at most ${rssMaxMB} MB (garbage included)`);
    console.log(
      `  after a full GC RSS ${start.gcRssMB} → ${end.gcRssMB} MB (growth ${figures.rssGrowthMB} MB; bound ${growthBoundMB}), heap in use ${start.gcHeapUsedMB} → ${end.gcHeapUsedMB} MB`,
    );
    for (const sh of figures.shards ?? [])
      console.log(
        `  shard ${sh.shard}         RSS ${sh.rssStartMB} → ${sh.rssEndMB} MB; after a full GC ${sh.gcRssStartMB} → ${sh.gcRssEndMB} MB, heap ${sh.heapStartMB} → ${sh.heapEndMB} MB`,
      );
    console.log(`  faults          ${expired} expired, ${refused} refused by Discord, ${errorLines} error log lines`);
  }
  const failed = figures.interactions !== total || expired > 0 || refused > 0 || errorLines > 0 || figures.rssGrowthMB > growthBoundMB;
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(`soak: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
