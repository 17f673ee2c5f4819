import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkLimit } from '../../src/discord/concurrency.js';
import { deferAfterMs } from '../../src/discord/interactions.js';
import { UserBudget } from '../../src/discord/rate-limit.js';
import { isConnectionReset, isIdempotent, retryOnReset, type MakeRequest } from '../../src/discord/retry.js';
import { startBot, type RunningBot } from '../helpers/bot.js';

const EPHEMERAL = 64;
const generous = () => new UserBudget({ burst: 1000, refillMs: 1 });

describe('a bound on concurrent work, with defers for what waits (real client, fake Discord)', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    // One answer at a time and two waiting, so that a slow /compare makes the others wait.
    bot = await startBot({ commands: generous(), compare: generous(), work: new WorkLimit({ running: 1, waiting: 2 }) });
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('defers what waits for its turn and then edits the answer in; says "busy" when the queue is full', async () => {
    const { fake } = bot;
    fake.threadPostDelayMs = 900; // three years: the thread holds the one slot for about 2.7 s
    const compare = fake.command('compare', { topic: 'taiwan' }, { user: '500000000000000001' });
    await fake.waitFor(() => fake.callsFor(compare).some((c) => c.path.endsWith('/callback')));
    const position = fake.command('position', { topic: 'taiwan', year: 2024 }, { user: '500000000000000002' });
    const unknown = fake.command('position', { topic: 'qxzvbn' }, { user: '500000000000000003' });
    const busy = fake.command('sources', {}, { user: '500000000000000004' });

    const refused = await fake.waitFor(() => fake.callsFor(busy).find((c) => c.path.endsWith('/callback')));
    expect(refused.body.data).toMatchObject({ flags: EPHEMERAL, content: 'The bot is answering many people at once; try again in a few seconds.' });

    // Acknowledged in time with a deferred reply (type 5), then the answer edits it in.
    const deferred = await fake.waitFor(() => fake.callsFor(position).find((c) => c.path.endsWith('/callback')), 5_000);
    expect(deferred).toMatchObject({ status: 204, body: { type: 5 } });
    const edit = await fake.waitFor(() => fake.callsFor(position).find((c) => c.method === 'PATCH' && c.path.endsWith('/messages/@original')), 10_000);
    expect(edit.status).toBe(200);
    expect(edit.body.embeds[0].description.startsWith('> ')).toBe(true);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });

    // An error after a public "thinking…": the deferred reply goes, the error follows for the user alone.
    const calls = await fake.waitFor(() => (fake.callsFor(unknown).length >= 3 ? fake.callsFor(unknown) : null), 10_000);
    expect(calls.map((c) => `${c.method} ${c.status}`)).toEqual(['POST 204', 'DELETE 204', 'POST 200']);
    expect(calls[0]!.body.type).toBe(5);
    expect(calls[2]!.body).toMatchObject({ flags: EPHEMERAL });
    expect(calls[2]!.body.content).toContain('Unknown topic');

    // The thread got its three posts; nothing was refused; each defer was logged with its request id.
    await fake.waitFor(
      () => fake.calls.filter((c) => c.path.includes('/channels/') && c.method === 'POST' && c.path.endsWith('/messages')).length >= 3,
      10_000,
    );
    expect(fake.rejections).toEqual([]);
    const defers = bot.log.filter((l) => l.message === 'deferred: waited for its turn');
    expect(defers.map((l) => l.fields['deferred'])).toEqual(['public', 'public']);
    expect(deferred.at - fake.calls.find((c) => c.path.includes(compare))!.at).toBeGreaterThanOrEqual(deferAfterMs - 50);
    fake.threadPostDelayMs = 0;
  }, 30_000);
});

describe('one retry when the connection drops, only where sending twice does nothing twice', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ commands: generous(), compare: generous() });
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('sends an answer again when the connection dropped before Discord had it', async () => {
    bot.fake.drops.push({ method: 'POST', path: /\/callback$/u, when: 'before', count: 1 });
    const token = bot.fake.command('position', { topic: 'taiwan', year: 2021 });
    const ok = await bot.fake.waitFor(() => bot.fake.callsFor(token).find((c) => c.status === 204));
    expect(ok.body.data.embeds[0].description.startsWith('> 对于台湾问题')).toBe(true);
    expect(bot.fake.callsFor(token).map((c) => c.status)).toEqual([-1, 204]);
    expect(bot.log.some((l) => l.level === 'warn' && l.message === 'connection dropped; sent again')).toBe(true);
  });

  it('takes "already acknowledged" after a retry as answered: no apology follows', async () => {
    bot.fake.drops.push({ method: 'POST', path: /\/callback$/u, when: 'after', count: 1 });
    const token = bot.fake.command('position', { topic: 'taiwan', year: 2022 });
    await bot.fake.waitFor(() => bot.fake.callsFor(token).find((c) => c.status === 400));
    await new Promise((r) => setTimeout(r, 300));
    // The first was carried out (the answer was lost on the way back); the retry is refused with 40060, and nothing more is sent.
    expect(bot.fake.callsFor(token).map((c) => c.status)).toEqual([204, 400]);
    expect(bot.fake.callsFor(token)[0]!.body.data.embeds).toHaveLength(1);
  });

  it('posts a year in the thread once, though the connection dropped after Discord posted it', async () => {
    bot.fake.drops.push({ method: 'POST', path: /^\/channels\/\d+\/messages$/u, when: 'after', count: 1 });
    const since = bot.fake.calls.length;
    const token = bot.fake.command('compare', { topic: 'gaza' });
    await bot.fake.waitFor(() => bot.fake.callsFor(token).find((c) => c.path.endsWith('/callback')));
    const posts = () => bot.fake.calls.slice(since).filter((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/u.test(c.path));
    const years = (await bot.fake.waitFor(() => bot.log.find((l) => l.fields['what'] === '/compare' && l.message === 'answered'))) && posts();
    // The dropped post and its retry carry the same nonce; Discord made one message of them.
    const nonces = years.map((c) => c.body.nonce as string);
    expect(nonces[0]).toBe(nonces[1]);
    expect(new Set(nonces).size).toBe(years.length - 1);
    expect(years.every((c) => c.body.enforce_nonce === true && c.body.nonce.length <= 25)).toBe(true);
    expect(bot.fake.callsFor(token).filter((c) => c.path.startsWith('/webhooks/'))).toEqual([]);
  });
});

describe('rate limits on the first answer', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ commands: generous(), compare: generous() });
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('sits out a short wait and answers; gives up at once on one longer than the interaction lives, and says so', async () => {
    Object.assign(bot.fake.limitCallbacks, { count: 1, retryAfterS: 0.3 });
    const short = bot.fake.command('position', { topic: 'taiwan', year: 2021 });
    await bot.fake.waitFor(() => bot.fake.callsFor(short).find((c) => c.status === 204), 5_000);
    expect(bot.fake.callsFor(short).map((c) => c.status)).toEqual([429, 204]);

    Object.assign(bot.fake.limitCallbacks, { count: 1, retryAfterS: 5 });
    const long = bot.fake.command('position', { topic: 'taiwan', year: 2022 });
    const lost = await bot.fake.waitFor(() => bot.log.find((l) => l.message.includes('the answer is lost')), 3_000);
    expect(lost).toMatchObject({ level: 'warn', fields: { req: expect.stringMatching(/^\d+$/u) as unknown } });
    await new Promise((r) => setTimeout(r, 300));
    // One refused attempt and no error reply after it (it would be refused too); nothing logged as a fault.
    expect(bot.fake.callsFor(long).map((c) => c.status)).toEqual([429]);
    expect(bot.log.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('retryOnReset', () => {
  const reset = () => Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
  const response = { status: 200 } as Awaited<ReturnType<MakeRequest>>;
  const flaky = (failures: number) => {
    let calls = 0;
    const request: MakeRequest = () => (++calls <= failures ? Promise.reject(reset()) : Promise.resolve(response));
    return { request, calls: () => calls };
  };
  const api = 'https://discord.com/api/v10';

  it('tries an idempotent request once more, and only once', async () => {
    const once = flaky(1);
    await expect(retryOnReset(once.request)(`${api}/channels/1/messages/2`, { method: 'PATCH' })).resolves.toBe(response);
    expect(once.calls()).toBe(2);
    const twice = flaky(2);
    await expect(retryOnReset(twice.request)(`${api}/channels/1/messages/2`, { method: 'PATCH' })).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
    expect(twice.calls()).toBe(2);
  });

  it('does not send a follow-up again, and hides the reset from discord.js so that it does not either', async () => {
    const once = flaky(1);
    const error = await retryOnReset(once.request)(`${api}/webhooks/1/tok`, { method: 'POST', body: '{}' }).catch((e: unknown) => e as Error);
    expect(once.calls()).toBe(1);
    expect(error).toMatchObject({ name: 'ConnectionDropped' });
    expect((error as Error).message).not.toContain('ECONNRESET');
    expect('code' in (error as object)).toBe(false);
  });

  it('knows which requests are idempotent and which errors are a dropped connection', () => {
    expect(isIdempotent(`${api}/interactions/1/tok/callback`, { method: 'POST' })).toBe(true);
    expect(isIdempotent(`${api}/channels/1/messages`, { method: 'POST', body: '{"nonce":"p1-0","enforce_nonce":true}' })).toBe(true);
    expect(isIdempotent(`${api}/channels/1/messages`, { method: 'POST', body: '{"nonce":"p1-0"}' })).toBe(false);
    expect(isIdempotent(`${api}/channels/1/messages/2/threads`, { method: 'POST', body: '{}' })).toBe(false);
    expect(isIdempotent(`${api}/webhooks/1/tok/messages/@original`, { method: 'DELETE' })).toBe(true);
    expect(isConnectionReset(new Error('fetch failed', { cause: reset() }))).toBe(true);
    expect(isConnectionReset(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isConnectionReset(new Error('400 Bad Request'))).toBe(false);
  });
});

describe('WorkLimit', () => {
  it('runs at most `running` at once, queues `waiting` in order, and refuses the rest', async () => {
    const limit = new WorkLimit({ running: 2, waiting: 1 });
    const order: number[] = [];
    const release: (() => void)[] = [];
    const job = (n: number) => () => new Promise<void>((r) => release.push(() => (order.push(n), r())));
    const tickets = [1, 2, 3].map((n) => limit.run(job(n)));
    expect(limit.run(job(4))).toBeNull();
    await Promise.resolve();
    expect([limit.running, limit.waiting]).toEqual([2, 1]);
    release.shift()!();
    await tickets[0]!.done;
    await tickets[2]!.started;
    expect([limit.running, limit.waiting]).toEqual([2, 0]);
    release.shift()!();
    release.shift()!();
    await Promise.all(tickets.map((t) => t!.done));
    expect(order).toEqual([1, 2, 3]);
    expect([limit.running, limit.waiting]).toEqual([0, 0]);
  });
});
