import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appId, channelId, permission, violation } from '../helpers/fake-discord.js';
import { startBot, type RunningBot } from '../helpers/bot.js';
import { realCorpus } from '../helpers/corpus.js';
import { PermissionFlagsBits } from 'discord.js';
import { botPermissions } from '../../src/discord/invite.js';
import { UserBudget } from '../../src/discord/rate-limit.js';
import { labels } from '../../src/discord/i18n.js';

let bot: RunningBot;
beforeAll(async () => {
  // Dozens of commands from one user: budgets large enough not to throttle them (cooldown.test.ts tests the real ones).
  bot = await startBot({ commands: new UserBudget({ burst: 1000, refillMs: 1 }), compare: new UserBudget({ burst: 1000, refillMs: 1 }) });
});
afterAll(async () => {
  await bot?.stop();
});

/** The first response to an interaction (its callback), once the bot has sent it. */
const callback = (token: string) => bot.fake.waitFor(() => bot.fake.callsFor(token).find((c) => c.path.endsWith('/callback')));
const calls = (token: string, n: number) => bot.fake.waitFor(() => (bot.fake.callsFor(token).length >= n ? bot.fake.callsFor(token) : null));
const EPHEMERAL = 64;
/** A follow-up sent straight to the fake, as the bot would send it: its status and Discord's error code. */
const followUp = (token: string) =>
  fetch(`${bot.fake.apiUrl}/v10/webhooks/${appId}/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"content":"x","allowed_mentions":{"parse":[]}}',
  }).then(async (r) => ({ status: r.status, code: ((await r.json()) as { code?: number }).code }));

describe('the bot, logged in to a fake Discord with the real discord.js client', () => {
  it('finds the gateway through GET /gateway/bot and identifies with its token and only the Guilds intent', () => {
    expect(bot.fake.calls.some((c) => c.path === '/gateway/bot')).toBe(true);
    const identify = bot.fake.gatewayReceived.find((m) => m.op === 2);
    expect(identify.d.token).toBe(bot.token);
    expect(identify.d.intents).toBe(1);
  });

  it('answers /position with the verbatim quote, the question, the conference, the sources and the id', async () => {
    const token = bot.fake.command('position', { topic: 'taiwan', year: 2021 });
    const cb = await callback(token);
    expect(cb.status).toBe(204);
    expect(cb.body.type).toBe(4);
    const msg = cb.body.data;
    expect(msg.allowed_mentions).toEqual({ parse: [] });
    expect(msg.flags ?? 0).toBe(0);
    const embed = msg.embeds[0];
    expect(embed.description.startsWith('> 对于台湾问题，我想强调三点：')).toBe(true);
    // Without PUBLIC_URL there is no web edition to link (permalinks.test.ts has one).
    expect(embed.url).toBeUndefined();
    const field = (name: string) => embed.fields.find((f: { name: string }) => f.name.includes(name))?.value;
    expect(embed.fields.map((f: { name: string }) => f.name)).toContain('Question from 凤凰卫视记者 (Phoenix TV)');
    expect(field('Conference')).toContain('2021-03-07 · 十三届全国人大四次会议');
    expect(field('Sources')).toContain('003_c9fbacde6bcfd7ce.txt');
    expect(field('Exchange id')).toBe('`2021-17`');
    expect(field('Chinese terms searched')).toContain('台湾');
    const labels = msg.components[0].components.map((b: { label: string }) => b.label);
    expect(labels).toEqual(['Previous result', 'Next result', 'Full answer', 'Cite']);
    expect(msg.components[0].components[0].disabled).toBe(true);
    expect(embed.footer.text).toMatch(/^Result 1 of \d+\n/u);
  });

  it('shows where copies disagree inside the quote', async () => {
    const token = bot.fake.command('position', { topic: 'russia', year: 2024 });
    const embed = (await callback(token)).body.data.embeds[0];
    const notes = embed.fields
      .filter((f: { name: string }) => f.name.startsWith('⚠ Copies disagree on the words'))
      .map((f: { value: string }) => f.value)
      .join('\n');
    expect(notes).toContain('75周年');
    expect(notes).toContain('70周年');
  });

  it('shows a disagreement that reverses the meaning in the default reply, at its place, before any of form', async () => {
    const embed = (await callback(bot.fake.command('position', { topic: 'asean', year: 2022 }))).body.data.embeds[0];
    expect(embed.fields.find((f: { name: string }) => f.name === 'Exchange id').value).toBe('`2022-11`');
    const names = embed.fields.map((f: { name: string }) => f.name);
    const negation = embed.fields.find((f: { value: string }) => f.value.includes('亚太地区不是大国博弈'));
    expect(negation.name).toMatch(/^⚠ Copies disagree on the words [¹²³]$/u);
    expect(negation.value).toContain('«亚太地区是大国博弈的“棋盘”，» — `000_8c7f672185a98615.txt`');
    expect(names.indexOf(negation.name)).toBeLessThan(names.indexOf('Copies differ in form here'));
    // The place is underlined in the quote, with the same note mark.
    expect(embed.description).toContain(`__亚太地区是大国博弈的“棋盘”，__${negation.name.slice(-1)}`);
  });

  it('pages to the next result in place, from the state in the button alone', async () => {
    const first = (await callback(bot.fake.command('position', { topic: 'taiwan' }))).body.data;
    const next = first.components[0].components.find((b: { label: string }) => b.label === 'Next result');
    const cb = await callback(bot.fake.button(next.custom_id));
    expect(cb.body.type).toBe(7);
    expect(cb.body.data.embeds[0].footer.text).toContain('Result 2');
    expect(cb.body.data.embeds[0].fields.find((f: { name: string }) => f.name === 'Exchange id').value).not.toBe(
      first.embeds[0].fields.find((f: { name: string }) => f.name === 'Exchange id').value,
    );
  });

  it('lets only the person who ran the command page the shared message; anyone else gets a copy of their own', async () => {
    const first = (await callback(bot.fake.command('position', { topic: 'taiwan' }))).body.data;
    const next = first.components[0].components.find((b: { label: string }) => b.label === 'Next result');
    const total = Number(/Result 1 of (\d+)/u.exec(first.embeds[0].footer.text)![1]);
    expect(total).toBeGreaterThan(2);
    // Another reader: an ephemeral copy at result 2, the shared message untouched.
    const other = '700000000000000001';
    const copy = await callback(bot.fake.button(next.custom_id, {}, { user: other }));
    expect(copy.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(copy.body.data.embeds[0].footer.text).toContain(`Result 2 of ${total}`);
    // Their copy is theirs to page: pressing on it updates it in place, Previous included.
    const prev = copy.body.data.components[0].components.find((b: { label: string }) => b.label === 'Previous result');
    expect(prev.disabled).toBe(false);
    const back = await callback(bot.fake.button(prev.custom_id, { ephemeral: true, owner: other }, { user: other }));
    expect(back.body.type).toBe(7);
    expect(back.body.data.embeds[0].footer.text).toContain(`Result 1 of ${total}`);
    // A message no command made (a thread post) belongs to nobody: a copy for whoever presses.
    const orphan = await callback(bot.fake.button(next.custom_id, { owner: null }));
    expect(orphan.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
  });

  it('pages through the full answer in an ephemeral message, and cites ready to paste', async () => {
    const full = await callback(bot.fake.button('page|2024-01|0'));
    expect(full.body.type).toBe(4);
    expect(full.body.data.flags).toBe(EPHEMERAL);
    expect(full.body.data.embeds[0].description).toContain('2023年是中国外交的开拓之年');
    const turn = await callback(bot.fake.button('page|2024-01|1', { ephemeral: true }));
    expect(turn.body.type).toBe(7);
    const cite = await callback(bot.fake.button('cite|2021-17|0|6'));
    expect(cite.body.data.flags).toBe(EPHEMERAL);
    expect(cite.body.data.content).toContain('对于台湾问题，我想强调三点');
    expect(cite.body.data.content).toContain('Wang, Yi (王毅). 2021. “外交部长王毅就中国外交政策和对外关系回答中外记者提问”');
  });

  it('lists every variant of an exchange behind the Variants button, paged', async () => {
    const cb = await callback(bot.fake.button('var|2024-01|0'));
    expect(cb.body.data.flags).toBe(EPHEMERAL);
    const places = realCorpus()
      .conferences.flatMap((c) => c.exchanges)
      .find((e) => e.id === '2024-01')!.variants.length;
    expect(places).toBeGreaterThan(8);
    expect(cb.body.data.embeds[0].footer.text).toBe(`Page 1 of ${Math.ceil(places / 8)}`);
    expect(violation(cb.body.data)).toBeNull();
  });

  it('answers autocomplete with at most 25 topics, best first', async () => {
    const cb = await callback(bot.fake.autocomplete('position', 'topic', 'tai'));
    expect(cb.body.type).toBe(8);
    expect(cb.body.data.choices[0]).toEqual({ name: 'Taiwan · 台湾问题', value: 'Taiwan' });
    const all = await callback(bot.fake.autocomplete('position', 'topic', ''));
    expect(all.body.data.choices).toHaveLength(25);
    // No focused option: still an answer (no choices), and no failure logged.
    const unfocused = await callback(bot.fake.autocompleteUnfocused('position', 'topic', 'tai'));
    expect(unfocused.body).toEqual({ type: 8, data: { choices: [] } });
    expect(bot.log.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('starts a thread for /compare and posts one message per year, an explicit none included', async () => {
    const token = bot.fake.command('compare', { topic: 'gaza' });
    const cb = await callback(token);
    expect(cb.query.get('with_response')).toBe('true');
    const thread = await bot.fake.waitFor(() =>
      bot.fake.calls.find((c) => c.path.includes('/threads') && c.body?.name === 'Palestine and Gaza · 2021, 2022, 2024'),
    );
    expect(thread.path).toMatch(new RegExp(`^/channels/${channelId}/messages/\\d+/threads$`, 'u'));
    const posts = await bot.fake.waitFor(() => {
      const p = bot.fake.calls.filter((c) => c.method === 'POST' && c.at >= thread.at && /^\/channels\/\d+\/messages$/u.test(c.path));
      return p.length >= 4 ? p : null;
    });
    expect(posts.map((p) => p.body.allowed_mentions)).toEqual([{ parse: [] }, { parse: [] }, { parse: [] }, { parse: [] }]);
    expect(posts[0]!.body.content).toContain('No statement on Palestine and Gaza in 2021');
    expect(posts[2]!.body.embeds[0].fields.find((f: { name: string }) => f.name === 'Exchange id').value).toBe('`2024-06`');
    // The thread ends with the topic's main terms, each a button into /phrase.
    expect(posts[3]!.body.content).toContain('**Formulations**');
  });

  it('answers /compare in place in a thread, a forum post or a voice channel’s chat, without trying a thread Discord would refuse', async () => {
    const places = [
      { id: '300000000000000001', type: 11, parentId: channelId },
      { id: '300000000000000002', type: 11, parentId: '300000000000000003' },
      { id: '300000000000000004', type: 2 },
    ];
    for (const channel of places) {
      const before = bot.fake.calls.filter((c) => c.path.includes('/threads')).length;
      const all = await calls(bot.fake.command('compare', { topic: 'taiwan', years: '2021,2024' }, { channel }), 4);
      expect(all[0]!.body.data.content, String(channel.type)).toContain('threads cannot be started in this kind of channel');
      expect(all.slice(1).map((c) => c.body.embeds?.[0]?.title ?? c.body.content)).toEqual([
        '王毅 (Wang Yi) · Taiwan · 2021',
        '王毅 (Wang Yi) · Taiwan · 2024',
        '**Formulations** · How often each is said, per year: 台湾 · 台独 · 台海 (buttons below: /phrase).',
      ]);
      expect(bot.fake.calls.filter((c) => c.path.includes('/threads')).length).toBe(before);
    }
  });

  it('posts only the years still missing, once, when Discord refuses a post part-way through the thread', async () => {
    bot.fake.failThreadPostsAfter =
      bot.fake.calls.filter((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/u.test(c.path) && c.status < 300).length + 1;
    try {
      const token = bot.fake.command('compare', { topic: 'taiwan' });
      const inPlace = await calls(token, 5);
      expect(inPlace[1]!.body.content).toContain('Discord refused a post in the thread after 1 of 4; the rest follow here');
      expect(inPlace.slice(2).map((c) => c.body.embeds?.[0]?.title ?? c.body.content)).toEqual([
        '王毅 (Wang Yi) · Taiwan · 2022',
        '王毅 (Wang Yi) · Taiwan · 2024',
        '**Formulations** · How often each is said, per year: 台湾 · 台独 · 台海 (buttons below: /phrase).',
      ]);
      await new Promise((r) => setTimeout(r, 200));
      expect(bot.fake.callsFor(token)).toHaveLength(5);
    } finally {
      bot.fake.failThreadPostsAfter = null;
    }
  });

  it('answers /compare in place in a DM, saying why', async () => {
    const token = bot.fake.command('compare', { topic: 'gaza', years: '2021,2024' }, { guild: false });
    const all = await calls(token, 3);
    expect(all[0]!.body.data.content).toContain("I couldn't start a thread here (threads need a server channel)");
    expect(all.slice(1).every((c) => c.path.startsWith('/webhooks/') && c.body.allowed_mentions.parse.length === 0)).toBe(true);
  });

  it('answers /compare in place without thread permissions, and when Discord refuses the thread', async () => {
    const noPerm = await calls(bot.fake.command('compare', { topic: 'taiwan', years: '2021,2024' }, { appPermissions: '3072' }), 3);
    expect(noPerm[0]!.body.data.content).toContain('I lack one of the permissions a thread needs here');
    // Without Embed Links the posts in a thread would lose their quote: no thread is promised.
    // (Everything the bot needs but Embed Links; Administrator would imply it.)
    const noEmbedLinks = String(botPermissions & ~PermissionFlagsBits.EmbedLinks);
    const noEmbeds = await calls(bot.fake.command('compare', { topic: 'taiwan', years: '2021,2024' }, { appPermissions: noEmbedLinks }), 3);
    expect(noEmbeds[0]!.body.data.content).toContain('I lack one of the permissions a thread needs here');
    bot.fake.denyThreads.add(channelId);
    try {
      const refused = await calls(bot.fake.command('compare', { topic: 'taiwan', years: '2021,2024' }), 4);
      expect(refused[1]!.body.content).toContain('Discord refused the thread');
      expect(bot.log.some((l) => l.message.includes('missing permission (50013)'))).toBe(true);
    } finally {
      bot.fake.denyThreads.delete(channelId);
    }
  });

  it('speaks Chinese to zh-CN users, never translating the quote', async () => {
    const cb = await callback(bot.fake.command('position', { topic: '台湾', year: 2021 }, { locale: 'zh-CN' }));
    const embed = cb.body.data.embeds[0];
    expect(embed.fields.map((f: { name: string }) => f.name)).toContain('凤凰卫视记者提问');
    expect(embed.title).toBe('王毅 · 台湾问题 · 2021');
    expect(embed.description.startsWith('> 对于台湾问题')).toBe(true);
  });

  it('answers bad input ephemerally with a specific reason and keeps running', async () => {
    const unknown = await callback(bot.fake.command('position', { topic: 'qxzvbn' }));
    expect(unknown.body.data.flags).toBe(EPHEMERAL);
    expect(unknown.body.data.content).toBe(
      'Unknown topic: "qxzvbn" names no topic and is not in the corpus. Pick a topic from the autocomplete list, or see /help.',
    );
    const never = await callback(bot.fake.command('position', { topic: 'philippines' }));
    expect(never.body.data).toMatchObject({ flags: EPHEMERAL, content: 'philippines (菲律宾) is not mentioned at the 2021, 2022 or 2024 conferences.' });
    const none = await callback(bot.fake.command('position', { topic: 'gaza', year: 2021 }));
    expect(none.body.data).toMatchObject({ flags: EPHEMERAL, content: 'No statement on Palestine and Gaza in 2021 in the corpus.' });
    const year = await callback(bot.fake.command('position', { topic: 'taiwan', year: 2023 }));
    expect(year.body.data).toMatchObject({ flags: EPHEMERAL, content: 'There is no conference from 2023 in the corpus; it has 2021, 2022, 2024.' });
    const long = await callback(bot.fake.command('position', { topic: 'x'.repeat(81) }));
    expect(long.body.data.content).toBe('That topic is 81 characters long; the limit is 80.');
    const empty = await callback(bot.fake.command('position', { topic: '   ' }));
    expect(empty.body.data.content).toContain('Please give a topic');
    const odd = await callback(bot.fake.command('position', { topic: 'ｔａｉ\u200bｗａｎ', year: 2021 }));
    expect(odd.body.data.embeds[0].description.startsWith('> 对于台湾问题')).toBe(true);
    const badId = await callback(bot.fake.command('quote', { id: '1999-99' }));
    expect(badId.body.data).toMatchObject({ flags: EPHEMERAL, content: 'No exchange has that id; ids look like 2024-09 (shown under every answer).' });
    const stale = await callback(bot.fake.button('something-old'));
    expect(stale.body.data.flags).toBe(EPHEMERAL);
    expect(bot.log.filter((l) => l.level === 'error').map((l) => l.message)).toEqual([]);
  });

  it('keeps its token after a 401 on one request: the next /compare still makes its thread', async () => {
    bot.fake.unauthorizedThreads = 1;
    const refused = bot.fake.command('compare', { topic: 'gaza' });
    await calls(refused, 4);
    const next = bot.fake.command('compare', { topic: 'gaza' });
    const thread = await bot.fake.waitFor(() => bot.fake.calls.find((c) => c.path.endsWith('/threads') && c.status === 201 && c.at >= Date.now() - 5000));
    expect(thread.authorization).toMatch(/^Bot /u);
    await calls(next, 1);
    expect(bot.fake.calls.filter((c) => c.status === 401).length).toBe(1);
  });

  it('survives an interaction that expired before it answered, and answers the next one', async () => {
    const before = bot.log.length;
    const late = bot.fake.command('position', { topic: 'taiwan' }, { deadline: -1 });
    await bot.fake.waitFor(() => bot.log.find((l) => l.message.includes('expired')));
    // One attempt, logged as expected; no second reply that must fail too.
    expect(bot.fake.callsFor(late).map((c) => c.status)).toEqual([404]);
    expect(bot.log.slice(before).filter((l) => l.level === 'error')).toEqual([]);
    const cb = await callback(bot.fake.command('sources', {}));
    expect(cb.status).toBe(204);
    expect(cb.body.data.embeds[0].title).toBe('Conferences in the corpus');
  });

  it('finds the source of a quoted message and says whether it is verbatim', async () => {
    const exact = await callback(bot.fake.messageCommand('Find source', '> 中国政府在台湾问题上没有妥协余地，没有退让空间。'));
    expect(exact.body.data.flags).toBe(EPHEMERAL);
    expect(exact.body.data.content).toContain('Verbatim: these words are in exchange 2021-17.');
    const copy = await callback(bot.fake.messageCommand('Find source', '中欧是维护世界和平的两大力量，促进共同发展的两大市场，推动人类进步的两大大文明。'));
    expect(copy.body.data.content).toContain('Matches `001_b29ca1c87e608954.txt`.');
    expect(copy.body.data.content).toContain(
      '⚠ Differs from `000_8c7f672185a98615.txt` here (these words → that copy):\n«推动人类进步的两大大文明。» → «推动人类进步的两大文明。»',
    );
    const traditional = await callback(bot.fake.messageCommand('Find source', '王毅說：「中國政府在臺灣問題上沒有妥協餘地，沒有退讓空間。」'));
    expect(traditional.body.data.content).toContain('Verbatim: these words are in exchange 2021-17.');
    const changed = await callback(bot.fake.messageCommand('Find source', '中国政府在台湾问题上没有任何妥协余地，没有退让空间。'));
    expect(changed.body.data.content).toContain('Not verbatim. Closest source: exchange 2021-17.');
    const none = await callback(bot.fake.messageCommand('Find source', '我们要加快煤矿智能化建设步伐，提升本质安全水平。'));
    expect(none.body.data.content).toContain('No source found');
  });

  it('lists a conference’s exchanges in order, pages them, and opens the one chosen in the menu', async () => {
    const list = (await callback(bot.fake.command('conference', { year: 2021 }))).body.data;
    const embed = list.embeds[0];
    expect(embed.title).toMatch(/^王毅 \(Wang Yi\) · 2021 press conference: \d+ exchanges, in order$/u);
    expect(embed.description.split('\n')[0]).toBe('`2021-00` · Opening remarks (no question)');
    expect(embed.description.split('\n')[1]).toMatch(/^`2021-01` · .+记者 .*— .+/u);
    expect(embed.footer.text).toMatch(/^Page 1 of \d+/u);
    const menu = list.components[0].components[0];
    expect(menu).toMatchObject({ type: 3, custom_id: 'open|2021' });
    expect(menu.options.map((o: { value: string }) => o.value).slice(0, 3)).toEqual(['2021-00', '2021-01', '2021-02']);
    // Choosing opens the exchange for the chooser alone, as /quote shows it.
    const opened = await callback(bot.fake.select('open|2021', ['2021-17']));
    expect(opened.body.data.flags).toBe(EPHEMERAL);
    expect(opened.body.data.embeds[0].description.startsWith('> 对于台湾问题')).toBe(true);
    // A value that is not of that conference is the user's error, said as such.
    const wrong = await callback(bot.fake.select('open|2021', ['2024-06']));
    expect(wrong.body.data).toMatchObject({ flags: EPHEMERAL, content: 'No exchange has that id; ids look like 2024-09 (shown under every answer).' });
    // The next page, in place for the one who ran the command.
    const next = list.components[1].components.find((b: { label: string }) => b.label === 'Next page');
    const page2 = await callback(bot.fake.button(next.custom_id));
    expect(page2.body.type).toBe(7);
    expect(page2.body.data.embeds[0].footer.text).toMatch(/^Page 2 of /u);
    expect(page2.body.data.components[0].components[0].options[0].value).toBe('2021-10');
  });

  it('promises a thread only with all five permissions: without any one of them, /compare answers in place', async () => {
    const five = [
      PermissionFlagsBits.ViewChannel,
      PermissionFlagsBits.SendMessages,
      PermissionFlagsBits.EmbedLinks,
      PermissionFlagsBits.CreatePublicThreads,
      PermissionFlagsBits.SendMessagesInThreads,
    ];
    for (const missing of five) {
      const token = bot.fake.command('compare', { topic: 'gaza', years: '2024' }, { appPermissions: String(botPermissions & ~missing) });
      const [intro, post] = await calls(token, 2);
      expect(intro!.body.data.content, String(missing)).toContain('I lack one of the permissions a thread needs here');
      expect(post!.path.startsWith('/webhooks/')).toBe(true);
    }
    const withAll = await calls(bot.fake.command('compare', { topic: 'gaza', years: '2024' }, { appPermissions: String(botPermissions) }), 1);
    expect(withAll[0]!.body.data.content).toContain('One message per year in the thread below.');
  });

  it('reads its permissions from the channel: without Embed Links there, /compare answers in place, quotes kept', async () => {
    const channel = '300000000000000020';
    // Everything a thread needs but Embed Links (and no Administrator, which would imply it).
    bot.fake.channelPermissions.set(
      channel,
      permission.viewChannel | permission.sendMessages | permission.createPublicThreads | permission.sendMessagesInThreads,
    );
    const token = bot.fake.command('compare', { topic: 'taiwan', years: '2021,2024' }, { channel: { id: channel, type: 0 } });
    const all = await calls(token, 4);
    expect(all[0]!.body.data.content).toContain('I lack one of the permissions a thread needs here');
    expect(bot.fake.calls.some((c) => c.path.startsWith(`/channels/${channel}/`))).toBe(false);
    expect(all.slice(1, 3).every((c) => c.path.startsWith('/webhooks/') && c.body.embeds.length > 0)).toBe(true);
    expect(all[3]!.body.content).toContain('**Formulations**');
  });

  it('refuses follow-ups once the interaction token has expired (15 minutes on Discord)', async () => {
    const token = bot.fake.command('help', {});
    await callback(token);
    const post = () => followUp(token);
    expect((await post()).status).toBe(200);
    bot.fake.tokenLifetimeMs = 0;
    try {
      expect(await post()).toEqual({ status: 401, code: 50027 });
    } finally {
      bot.fake.tokenLifetimeMs = 15 * 60_000;
    }
  });

  it('is capped at five follow-ups when a user install authorised the interaction, as on Discord', async () => {
    const token = bot.fake.command('help', {}, { userInstall: true });
    await callback(token);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await followUp(token)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 400]);
  });

  it('answers /find like Find source, for words typed or pasted', async () => {
    const found = await callback(bot.fake.command('find', { text: '王毅說：「中國政府在臺灣問題上沒有妥協餘地，沒有退讓空間。」' }));
    expect(found.body.data.flags).toBe(EPHEMERAL);
    expect(found.body.data.content).toContain('Verbatim: these words are in exchange 2021-17.');
    const none = await callback(bot.fake.command('find', { text: 'hello' }, { locale: 'zh-TW' }));
    expect(none.body.data.content).toBe(labels('zh-TW').foundNoChinese);
  });

  it('answers /quote, /sources and /help', async () => {
    const quote = await callback(bot.fake.command('quote', { id: '2024-09' }));
    expect(quote.body.data.embeds[0].fields.find((f: { name: string }) => f.name === 'Exchange id').value).toBe('`2024-09`');
    const help = await callback(bot.fake.command('help', {}));
    expect(help.body.data.embeds[0].description).toContain('/position');
  });

  it('sent nothing Discord would reject, and nothing that could ping anyone', () => {
    const fromBot = bot.fake.calls.filter((c) => c.body && (c.path.endsWith('/callback') || c.path.startsWith('/webhooks') || c.path.endsWith('/messages')));
    expect(fromBot.length).toBeGreaterThan(20);
    for (const c of fromBot) {
      const message = c.path.endsWith('/callback') ? c.body.data : c.body;
      if (c.body.type === 8) continue;
      expect(message.allowed_mentions, `${c.method} ${c.path}`).toEqual({ parse: [] });
    }
    // Expected: the expired interaction, the denied threads, and the one 401 the fake was told to send.
    const unexpected = bot.fake.rejections.filter(
      (r) =>
        !(
          r.reason === 'Unknown interaction' ||
          r.reason === 'Missing Permissions' ||
          (r.reason === '401: Unauthorized' && r.call.path.endsWith('/threads')) ||
          r.reason.startsWith('This interaction has hit the maximum number of follow up') ||
          r.reason === 'Invalid Webhook Token'
        ),
    );
    expect(unexpected).toEqual([]);
  });

  it('never logged or sent its token, and each interaction logged under its own request id', () => {
    // Every log line as written, and every REST body and query (the Authorization header is where the token belongs).
    expect(bot.logLines.length).toBeGreaterThan(5);
    for (const line of bot.logLines) expect(line).not.toContain(bot.token);
    for (const c of bot.fake.calls) expect(`${c.path}?${c.query.toString()} ${JSON.stringify(c.body)}`).not.toContain(bot.token);
    const about = bot.log.filter((l) => l.fields['what'] !== undefined);
    expect(about.length).toBeGreaterThan(5);
    for (const l of about) expect(String(l.fields['req']), l.message).toMatch(/^\d{17,20}$/u);
    // The expired interaction is an expected outcome: logged at debug, not as an error.
    expect(bot.log.find((l) => l.message.includes('expired'))?.level).toBe('debug');
  });
});

describe('the fake Discord rejects what Discord rejects', () => {
  it('refuses over-long content and embeds', () => {
    expect(violation({ content: 'x'.repeat(2001) })).toMatch(/content/u);
    expect(violation({ embeds: [{ description: 'x'.repeat(4097) }] })).toMatch(/description/u);
    expect(
      violation({
        embeds: [
          {
            description: 'x'.repeat(4000),
            fields: [
              { name: 'a', value: 'y'.repeat(1000) },
              { name: 'b', value: 'y'.repeat(1000) },
            ],
          },
        ],
      }),
    ).toMatch(/total/u);
    expect(violation({ components: [{ components: [{ custom_id: 'c'.repeat(101) }] }] })).toMatch(/custom_id/u);
  });

  it('refuses a second acknowledgement of the same interaction', async () => {
    const token = bot.fake.command('help', {});
    const first = await callback(token);
    const id = first.path.split('/')[2];
    const res = await fetch(`${bot.fake.apiUrl}/v10/interactions/${id}/${token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 4, data: { content: 'again' } }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: number }).code).toBe(40060);
  });
});
