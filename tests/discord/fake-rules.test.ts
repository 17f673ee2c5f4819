/** The fake is as strict as Discord's documented rules: what Discord refuses, it refuses; what Discord takes, it takes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/discord/commands.js';
import { channelId, FakeDiscord, permission, violation } from '../helpers/fake-discord.js';
import { commandViolation, registrationViolation } from '../helpers/registration.js';

const option = (o: Record<string, unknown>) => ({ type: 3, name: 'topic', description: 'A topic', ...o });
const command = (o: Record<string, unknown>) => ({ type: 1, name: 'position', description: 'What the minister said', ...o });

describe('registration rules', () => {
  it('takes the bot’s own commands, as registered', async () => {
    const commands = await loadCommands(undefined, [2021, 2022, 2024]);
    expect(registrationViolation([...commands.values()].map((c) => c.data([2021, 2022, 2024])))).toBeNull();
  });

  it('refuses what Discord refuses', () => {
    expect(commandViolation(command({ name: 'Position' }))).toMatch(/must be lowercase/u);
    expect(commandViolation(command({ name: 'two words' }))).toMatch(/does not match/u);
    expect(commandViolation(command({ description: 'x'.repeat(150) }))).toMatch(/description/u);
    expect(commandViolation(command({ options: [option({ autocomplete: true, choices: [{ name: 'a', value: 'a' }] })] }))).toMatch(
      /autocomplete may not be set with choices/u,
    );
    expect(commandViolation(command({ options: [option({ name: 'year', required: false }), option({ required: true })] }))).toMatch(
      /required option must come before/u,
    );
    expect(commandViolation(command({ name_localizations: { zh: '立场' } }))).toMatch(/name_localizations/u);
    expect(commandViolation(command({ options: [option({ choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` })) })] }))).toMatch(
      /choices/u,
    );
    expect(commandViolation(command({ options: [option({}), option({})] }))).toMatch(/duplicate option name/u);
    expect(commandViolation(command({ contexts: [0, 7] }))).toMatch(/contexts/u);
    const long = Array.from({ length: 25 }, (_, i) =>
      option({ name: `o${i}`, description: 'd'.repeat(100), choices: Array.from({ length: 25 }, (_, j) => ({ name: 'n'.repeat(100), value: `${j}` })) }),
    );
    expect(commandViolation(command({ options: long }))).toMatch(/more than 8000 characters/u);
    expect(registrationViolation([command({}), command({})])).toMatch(/registered twice/u);
    expect(commandViolation({ type: 3, name: 'Find source', description: 'no' })).toMatch(/no description/u);
  });

  it('takes what Discord takes: an apostrophe, Chinese names, a context menu name with capitals and spaces', () => {
    expect(commandViolation(command({ name: "minister's" }))).toBeNull();
    expect(commandViolation(command({ name_localizations: { 'zh-CN': '立场', 'zh-TW': '立場' } }))).toBeNull();
    expect(commandViolation({ type: 3, name: 'Find source' })).toBeNull();
  });
});

describe('message and thread rules', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('refuses six action rows and two components with one custom id', () => {
    const row = (id: string) => ({ type: 1, components: [{ type: 2, style: 1, label: 'x', custom_id: id }] });
    expect(violation({ components: ['a', 'b', 'c', 'd', 'e', 'f'].map(row) })).toBe('more than 5 action rows');
    expect(violation({ components: [row('a'), row('a')] })).toBe('two components with the same custom_id');
    expect(violation({ components: [row('a'), row('b')] })).toBeNull();
    expect(violation({ embeds: [{ title: 't', url: 'example.org/x' }] })).toMatch(/not a well formed http\(s\) URL/u);
    expect(violation({ embeds: [{ title: 't', url: 'javascript:alert(1)' }] })).toMatch(/not a well formed/u);
    expect(violation({ embeds: [{ title: 't', url: 'https://example.org/2024/06/' }] })).toBeNull();
  });

  it('refuses a thread name over 100 characters and an archive duration Discord does not offer', async () => {
    const post = (body: unknown) =>
      fetch(`${fake.apiUrl}/v10/channels/${channelId}/messages/300000000000000001/threads`, {
        method: 'POST',
        headers: { authorization: 'Bot x', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { message?: string } }));
    expect(await post({ name: 'x'.repeat(101), auto_archive_duration: 1440 })).toMatchObject({ status: 400 });
    expect((await post({ name: 'taiwan', auto_archive_duration: 30 })).body.message).toContain('auto_archive_duration');
    expect(await post({ name: 'taiwan', auto_archive_duration: 1440 })).toMatchObject({ status: 201 });
  });

  const send = (channel: string, body: unknown, path = `/channels/${channel}/messages`) =>
    fetch(`${fake.apiUrl}/v10${path}`, {
      method: 'POST',
      headers: { authorization: 'Bot x', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { code?: number; embeds?: unknown[]; id?: string } }));

  it('posts without its embeds where the bot lacks Embed Links, and refuses a post without Send Messages', async () => {
    const channel = '300000000000000010';
    fake.channelPermissions.set(channel, permission.viewChannel | permission.sendMessages);
    const posted = await send(channel, { content: 'x', embeds: [{ description: 'quote' }] });
    expect(posted).toMatchObject({ status: 200, body: { embeds: [] } });
    fake.channelPermissions.set(channel, permission.viewChannel);
    expect(await send(channel, { content: 'x' })).toMatchObject({ status: 403, body: { code: 50013 } });
  });

  it('gives a thread its parent’s permissions: no Send Messages in Threads, no post in the thread', async () => {
    const channel = '300000000000000011';
    fake.channelPermissions.set(channel, permission.viewChannel | permission.sendMessages | permission.embedLinks | permission.createPublicThreads);
    const thread = await send(channel, { name: 'taiwan', auto_archive_duration: 1440 }, `/channels/${channel}/messages/300000000000000012/threads`);
    expect(thread.status).toBe(201);
    expect(await send(thread.body.id!, { content: 'x' })).toMatchObject({ status: 403, body: { code: 50013 } });
    fake.channelPermissions.set(channel, permission.viewChannel | permission.sendMessages);
    expect(await send(channel, { name: 'taiwan' }, `/channels/${channel}/messages/300000000000000013/threads`)).toMatchObject({ status: 403 });
  });
});
