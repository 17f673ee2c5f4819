import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkHealth, healthMaxAgeMs, unhealthyMessage, writeHealth, type HealthRecord } from '../../src/discord/health.js';
import { runTool } from '../helpers/cli.js';
import { startProcess, stopProcessesAfterEach, type BotProcess } from '../helpers/process.js';
import { describe, expect, it } from 'vitest';
import { fatalCloseCodes, InFlight } from '../../src/discord/lifecycle.js';
import { redact } from '../../src/log.js';
import { FakeDiscord } from '../helpers/fake-discord.js';

/** Not token-shaped (config would refuse a real-looking one in a test), but long enough to be redacted. */
const token = 'fake-lifecycle-token-0123456789';

type Run = BotProcess;

/** `npm start`'s command, logged in to the fake. */
const startBot = (fake: FakeDiscord, env: Record<string, string> = {}): Run => startProcess('src/main.ts', fake, token, env);

stopProcessesAfterEach();

describe('the process around the bot', () => {
  it('exits non-zero with the cause when Discord refuses the token (close 4004), never printing it', async () => {
    const fake = await FakeDiscord.start();
    const run = startBot(fake);
    await fake.waitFor(() => run.out().includes('Logged in as'), 30_000);
    fake.closeGateway(4004, 'Authentication failed.');
    expect(await run.exit).toBe(1);
    expect(run.out()).toMatch(/closed with 4004, authentication failed/u);
    expect(run.out()).not.toContain(token);
  }, 40_000);

  it('on SIGTERM answers what it has in hand, then exits 0', async () => {
    const fake = await FakeDiscord.start();
    const run = startBot(fake);
    await fake.waitFor(() => run.out().includes('Logged in as'), 30_000);
    const tokens = [fake.command('position', { topic: 'taiwan', year: 2024 }), fake.command('compare', { topic: 'taiwan' })];
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.out()).toContain('SIGTERM; finishing');
    // Every interaction got its answer or a "try again", none was left to expire.
    for (const t of tokens) expect(fake.callsFor(t).some((c) => c.path.endsWith('/callback') && c.status < 300)).toBe(true);
    expect(run.out()).not.toContain(token);
  }, 40_000);
});

describe('the health file', () => {
  it('is written once the bot is connected, and npm run health accepts it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'health-')), 'health.json');
    expect(runTool('health', [file])).toMatchObject({ status: 1, stderr: expect.stringContaining('does not exist') as unknown });
    const fake = await FakeDiscord.start();
    startBot(fake, { HEALTH_FILE: file });
    await fake.waitFor(() => existsSync(file), 30_000);
    const record = JSON.parse(readFileSync(file, 'utf8')) as HealthRecord;
    expect(record).toMatchObject({ ready: true, guilds: 1, inFlight: 0 });
    expect(Date.now() - record.at).toBeLessThan(30_000);
    expect(runTool('health', [file])).toMatchObject({ status: 0, stdout: `health: ok (${file})\n` });
  }, 40_000);

  it('is unhealthy when missing, unreadable, stale or not ready, naming the shard file at fault', () => {
    const dir = mkdtempSync(join(tmpdir(), 'health-'));
    const file = join(dir, 'health');
    const now = 1_000_000;
    expect(checkHealth(file, now)).toEqual({ reason: 'missing', file });
    writeFileSync(file, 'not json');
    expect(checkHealth(file, now)).toEqual({ reason: 'unreadable', file });
    writeHealth(file, { at: now - 5_000, ready: true });
    expect(checkHealth(file, now)).toBeNull();
    expect(checkHealth(file, now + healthMaxAgeMs)).toEqual({ reason: 'stale', file, ageS: 65 });
    writeHealth(file, { at: now, ready: false });
    expect(checkHealth(file, now)).toEqual({ reason: 'not-ready', file });
    // Sharded: the manager's record names its shards, and each shard's file must be fresh too.
    writeHealth(file, { at: now, ready: true, shards: [0, 1] });
    writeHealth(`${file}-0`, { at: now, ready: true });
    expect(checkHealth(file, now)).toEqual({ reason: 'missing', file: `${file}-1` });
    writeHealth(`${file}-1`, { at: now - 2 * healthMaxAgeMs, ready: true });
    expect(unhealthyMessage(checkHealth(file, now)!)).toBe(`health: ${file}-1 was last written 120 s ago: the bot has been without Discord since`);
    writeHealth(`${file}-1`, { at: now, ready: true });
    expect(checkHealth(file, now)).toBeNull();
  });
});

describe('InFlight', () => {
  it('waits for the work it tracks, at most the bound, and then takes no more', async () => {
    const work = new InFlight();
    let done = false;
    void work.track(new Promise((r) => setTimeout(r, 50)).then(() => (done = true)));
    expect(work.size).toBe(1);
    expect(await work.drain(5_000)).toBe(true);
    expect(done).toBe(true);
    expect(work.accepting).toBe(false);
    void work.track(new Promise(() => undefined));
    expect(await work.drain(20)).toBe(false);
  });
});

describe('lifecycle data', () => {
  it('treats the non-resumable close codes as fatal and the resumable ones not', () => {
    expect([...fatalCloseCodes.keys()].sort()).toEqual([4004, 4010, 4011, 4012, 4013, 4014]);
    for (const code of [1000, 1001, 1006, 4000, 4001, 4002, 4003, 4005, 4007, 4008, 4009]) expect(fatalCloseCodes.has(code), String(code)).toBe(false);
  });

  it('redacts the token wherever a line carries it', () => {
    expect(redact(`Error: bad token ${token} in Authorization: Bot ${token}`, token)).toBe('Error: bad token [token] in Authorization: Bot [token]');
    expect(redact('nothing secret', token)).toBe('nothing secret');
    expect(redact('x', null)).toBe('x');
  });
});
