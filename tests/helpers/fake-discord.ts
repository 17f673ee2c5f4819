/**
 * A small fake Discord for end-to-end tests: REST over HTTP and a gateway over WebSocket, both on
 * 127.0.0.1 with a free port. The real discord.js client logs in to it (REST via the client's
 * `rest.api` option, gateway via the URL that `GET /gateway/bot` returns), receives the
 * interactions a test dispatches, and every REST call it makes is recorded.
 *
 * Like Discord, it rejects over-long content, embeds and components, a second acknowledgement of an
 * interaction, an acknowledgement after 3 s, and follow-ups before the acknowledgement. Rejections
 * are recorded too, so a test can assert there were none.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { registrationViolation } from './registration.js';

export const appId = '100000000000000001';
export const botId = '100000000000000002';
export const guildId = '100000000000000003';
export const channelId = '100000000000000004';
export const userId = '100000000000000005';
/** A second server, on shard 1 of 2 (shard = (id >> 22) % count), the first being on shard 0. */
export const otherGuildId = '100000000004194307';

/** The shard of a server, as Discord computes it. */
export const shardOf = (guild: string, count: number) => Number((BigInt(guild) >> 22n) % BigInt(count));

/** One REST call the bot made. */
export interface RestCall {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: any;
  readonly status: number;
  readonly at: number;
  /** The Authorization header as sent (`Bot <token>`), if any. */
  readonly authorization?: string;
  /** Files uploaded with a multipart request. */
  readonly files?: readonly UploadedFile[];
}

/** A file part of a multipart request (`files[n]`). */
export interface UploadedFile {
  /** The form field, `files[0]`. */
  readonly field: string;
  readonly filename: string;
  readonly contentType: string | null;
  readonly data: Buffer;
}

/** Discord's default upload limit per message (10 MiB) and most files per message. */
export const uploadLimit = { bytes: 10 * 1024 * 1024, files: 10, description: 1024 } as const;

/** Splits a multipart/form-data body into its JSON payload and its files. */
export function parseMultipart(body: Buffer, contentType: string): { payload: any; files: UploadedFile[] } {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/u.exec(contentType);
  if (!boundary) throw new Error('multipart body without a boundary');
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: Buffer[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    // Each part: CRLF after the delimiter, headers, a blank line, the data, CRLF before the next delimiter.
    parts.push(body.subarray(at + delimiter.length + 2, next - 2));
    at = next;
  }
  let payload: any = null;
  const files: UploadedFile[] = [];
  for (const part of parts) {
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const data = part.subarray(split + 4);
    const name = /name="([^"]*)"/u.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/u.exec(headers)?.[1];
    if (name === 'payload_json') payload = JSON.parse(data.toString('utf8'));
    else if (filename !== undefined) files.push({ field: name, filename, contentType: /content-type: *([^\r\n]+)/iu.exec(headers)?.[1] ?? null, data });
  }
  return { payload, files };
}

/** Discord's rules for the files of a message: how many, how large, their alt text, and embeds that show them. */
export function attachmentViolation(body: any, files: readonly UploadedFile[]): string | null {
  if (files.length > uploadLimit.files) return `more than ${uploadLimit.files} files`;
  const size = files.reduce((n, f) => n + f.data.length, 0);
  if (size > uploadLimit.bytes) return `files total ${size} bytes > ${uploadLimit.bytes}`;
  for (const f of files) {
    if (!/^files\[\d+\]$/u.test(f.field)) return `file field ${f.field} is not files[n]`;
    if (f.filename === '') return 'a file without a filename';
  }
  const uploaded = new Map(files.map((f) => [Number(/\d+/u.exec(f.field)![0]), f]));
  for (const a of body?.attachments ?? []) {
    if ((a.description?.length ?? 0) > uploadLimit.description) return `attachment description is ${a.description.length} > ${uploadLimit.description}`;
    if (!uploaded.has(Number(a.id))) return `attachments: id ${a.id} names no uploaded file`;
  }
  const names = new Set(files.map((f) => f.filename));
  for (const e of body?.embeds ?? []) {
    for (const key of ['image', 'thumbnail'] as const) {
      const url: unknown = e[key]?.url;
      if (typeof url !== 'string') continue;
      if (url.startsWith('attachment://')) {
        if (!names.has(url.slice('attachment://'.length))) return `embed ${key} ${url} names no file of this message`;
      } else if (!wellFormedUrl(url)) return `embed ${key} url ${JSON.stringify(url)} is not a well formed http(s) URL`;
    }
  }
  return null;
}

/** The attachments a message shows for its files, and its embeds with `attachment://` resolved to them, as Discord returns them. */
function withAttachments(fields: Record<string, unknown>, files: readonly UploadedFile[]): Record<string, unknown> {
  if (files.length === 0) return fields;
  const attachments = files.map((f, i) => {
    const meta = ((fields.attachments as any[] | undefined) ?? []).find((a) => Number(a.id) === i);
    return {
      id: nextId(),
      filename: f.filename,
      size: f.data.length,
      url: `https://cdn.discordapp.com/attachments/0/0/${f.filename}`,
      proxy_url: `https://media.discordapp.net/attachments/0/0/${f.filename}`,
      ...(f.contentType ? { content_type: f.contentType } : {}),
      ...(meta?.description ? { description: meta.description } : {}),
    };
  });
  const byName = new Map(attachments.map((a) => [a.filename, a.url]));
  const embeds = ((fields.embeds as any[] | undefined) ?? []).map((e) =>
    typeof e.image?.url === 'string' && e.image.url.startsWith('attachment://') ? { ...e, image: { ...e.image, url: byName.get(e.image.url.slice(13)) } } : e,
  );
  return { ...fields, attachments, embeds };
}

interface PendingInteraction {
  readonly id: string;
  readonly token: string;
  readonly dispatchedAt: number;
  /** Milliseconds allowed for the first response (Discord: 3000). */
  readonly deadline: number;
  /** Authorised by a user install only (not the server's): follow-ups are capped. */
  readonly userInstall: boolean;
  acknowledged: boolean;
}

/** Options of one dispatched interaction. */
export interface InteractionOptions {
  /** In a server channel (default) or in a DM. */
  readonly guild?: boolean;
  readonly locale?: string;
  /** The bot's permissions in the channel, as a decimal bit field; default: all. */
  readonly appPermissions?: string;
  /** Milliseconds the bot has to answer (default 3000). */
  readonly deadline?: number;
  /**
   * The channel the command is used in, when not the server's text channel: a thread (11), a
   * forum post (11 with a forum parent), a voice channel's chat (2), an announcement channel (5).
   */
  readonly channel?: { readonly id: string; readonly type: number; readonly parentId?: string };
  /** The user's id (default: the one test user). */
  readonly user?: string;
  /** The server (default `guildId`); the interaction goes to that server's shard. */
  readonly guildId?: string;
  /** Authorised by the user's install of the app rather than the server's (follow-ups capped at 5). */
  readonly userInstall?: boolean;
}

/** Permission bits the fake checks (Discord's values). */
export const permission = {
  viewChannel: 1n << 10n,
  sendMessages: 1n << 11n,
  embedLinks: 1n << 14n,
  createPublicThreads: 1n << 35n,
  sendMessagesInThreads: 1n << 38n,
  all: 2251799813685247n,
} as const;

let snowflake = 200000000000000000n;
const nextId = () => String(++snowflake);

/** Checks a message body against Discord's limits; returns the first violation or null. */
function wellFormedUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

export function violation(body: any): string | null {
  if (!body || typeof body !== 'object') return null;
  if (typeof body.content === 'string' && body.content.length > 2000) return `content is ${body.content.length} > 2000`;
  const embeds: any[] = body.embeds ?? [];
  if (embeds.length > 10) return 'more than 10 embeds';
  let total = 0;
  for (const e of embeds) {
    if ((e.title?.length ?? 0) > 256) return 'embed title > 256';
    if ((e.description?.length ?? 0) > 4096) return `embed description is ${e.description.length} > 4096`;
    if ((e.fields?.length ?? 0) > 25) return 'more than 25 fields';
    for (const f of e.fields ?? []) {
      if (!f.name || !f.value) return 'empty field name or value';
      if (f.name.length > 256) return 'field name > 256';
      if (f.value.length > 1024) return `field value is ${f.value.length} > 1024`;
    }
    if ((e.footer?.text?.length ?? 0) > 2048) return 'footer > 2048';
    // As Discord: an embed's url is a well-formed http(s) address ("Scheme … must be one of ('http', 'https')").
    if (e.url !== undefined && !wellFormedUrl(e.url)) return `embed url ${JSON.stringify(e.url)} is not a well formed http(s) URL`;
    total +=
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text?.length ?? 0) +
      (e.fields ?? []).reduce((n: number, f: any) => n + f.name.length + f.value.length, 0);
  }
  if (total > 6000) return `embeds total ${total} > 6000`;
  if ((body.components?.length ?? 0) > 5) return 'more than 5 action rows';
  const customIds = (body.components ?? []).flatMap((row: any) =>
    (row.components ?? []).map((c: any) => c.custom_id).filter((id: unknown) => id !== undefined),
  );
  if (new Set(customIds).size !== customIds.length) return 'two components with the same custom_id';
  for (const row of body.components ?? []) {
    const selects = (row.components ?? []).filter((c: any) => c.type === 3);
    if (selects.length > 0 && row.components.length > 1) return 'a select menu must be alone in its row';
    for (const m of selects) {
      if (!Array.isArray(m.options) || m.options.length < 1 || m.options.length > 25) return 'a select menu needs 1-25 options';
      if ((m.placeholder?.length ?? 0) > 150) return 'select placeholder > 150';
      for (const o of m.options) {
        if (!o.label || o.label.length > 100 || !o.value || o.value.length > 100) return 'select option label and value must be 1-100 characters';
        if ((o.description?.length ?? 0) > 100) return 'select option description > 100';
      }
      if (new Set(m.options.map((o: any) => o.value)).size !== m.options.length) return 'two select options with the same value';
    }
    if ((row.components?.length ?? 0) > 5) return 'more than 5 components in a row';
    for (const c of row.components ?? []) {
      if ((c.custom_id?.length ?? 0) > 100) return 'custom_id > 100';
      if ((c.label?.length ?? 0) > 80) return 'button label > 80';
    }
  }
  const choices: any[] = body.choices ?? [];
  if (choices.length > 25) return 'more than 25 choices';
  for (const c of choices) if (c.name.length > 100 || String(c.value).length > 100) return 'choice name or value > 100';
  return null;
}

/** The fake. Start with `FakeDiscord.start()`, stop with `close()`. */
export class FakeDiscord {
  readonly calls: RestCall[] = [];
  readonly rejections: { call: RestCall; reason: string }[] = [];
  /** What the gateway received from the client (identify, heartbeats). */
  readonly gatewayReceived: any[] = [];
  /** Channels where creating a thread is refused with 50013 Missing Permissions. */
  readonly denyThreads = new Set<string>();
  /**
   * Channel types by id (default: a text channel, 0), filled from the interactions' channels. As on
   * Discord, a thread can only be started from a message in a text (0) or announcement (5)
   * channel; elsewhere the answer is 50024.
   */
  readonly channelTypes = new Map<string, number>();
  /** The next this many thread creations are answered 401 (a proxy or Discord refusing one request). */
  unauthorizedThreads = 0;
  /** After this many messages posted in threads, posts in threads are refused (50013), to test a failure part-way. */
  failThreadPostsAfter: number | null = null;
  /**
   * Connections to drop: the next `count` requests matching `method` and `path` lose their
   * connection, `before` Discord carries them out (recorded with status -1) or `after` (recorded
   * with the status the bot never sees: the answer is lost on the way back).
   */
  readonly drops: { method: string; path: RegExp; when: 'before' | 'after'; count: number }[] = [];
  /** Shards Discord recommends (`GET /gateway/bot`); identifying with fewer is closed with 4011, as on Discord. */
  recommendedShards = 1;
  /** Identifies allowed at once (`session_start_limit.max_concurrency`). */
  maxConcurrency = 1;
  /** The servers the bot is in; each is sent to its shard only. */
  readonly guilds: string[] = [guildId];
  /** Each gateway connection's shard, [id, count], from its identify. */
  private readonly shardsBySocket = new Map<WebSocket, [number, number]>();
  /** The next interaction callbacks answered 429 (a route rate limit), with this many seconds to wait. */
  readonly limitCallbacks = { count: 0, retryAfterS: 0 };
  /** Called with every REST call once answered (for drivers such as the soak, which time each answer). */
  onCall: ((call: RestCall) => void) | null = null;
  /** Keep every call in `calls` (a long soak turns it off to measure the bot, not the fake). */
  recordCalls = true;
  /** Milliseconds every message posted in a thread takes to be answered (a slow or rate-limited Discord). */
  threadPostDelayMs = 0;
  /** How long an interaction token is valid for follow-ups and edits (Discord: 15 minutes). */
  tokenLifetimeMs = 15 * 60_000;
  /** Messages posted with `enforce_nonce`, by channel and nonce: Discord returns the same message for a repeat. */
  private readonly nonces = new Map<string, unknown>();
  /**
   * The bot's permissions per channel, as Discord computes them (decimal bit field); a channel not
   * listed grants all. A thread has its parent's. They are what an interaction in that channel
   * carries as `app_permissions`, and what posting there is checked against: no Send Messages (or
   * Send Messages in Threads, in a thread) is 50013; no Embed Links strips the embeds, silently.
   */
  readonly channelPermissions = new Map<string, bigint>();
  /** Thread id → its parent channel. */
  private readonly threadParents = new Map<string, string>();
  /** Follow-ups sent per interaction token (a user install is capped at 5). */
  private readonly followUps = new Map<string, number>();
  private readonly threads = new Set<string>();
  private threadPosts = 0;
  private readonly interactions = new Map<string, PendingInteraction>();
  private readonly sockets = new Set<WebSocket>();
  private seq = 0;

  private constructor(
    private readonly http: Server,
    private readonly wss: WebSocketServer,
  ) {}

  static async start(): Promise<FakeDiscord> {
    const http = createServer();
    const wss = new WebSocketServer({ server: http });
    const fake = new FakeDiscord(http, wss);
    http.on('request', (req, res) => void fake.onRequest(req, res));
    wss.on('connection', (ws) => fake.onConnection(ws));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.http.address() as AddressInfo).port;
  }

  /** The REST base URL to give the client (`rest.api`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private onConnection(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => {
      this.sockets.delete(ws);
      this.shardsBySocket.delete(ws);
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null }));
    ws.on('message', (raw) => {
      const msg = JSON.parse((Array.isArray(raw) ? Buffer.concat(raw) : Buffer.isBuffer(raw) ? raw : Buffer.from(new Uint8Array(raw))).toString('utf8'));
      this.gatewayReceived.push(msg);
      if (msg.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (msg.op === 2) {
        const shard: [number, number] = Array.isArray(msg.d?.shard) ? msg.d.shard : [0, 1];
        if (shard[0] < 0 || shard[0] >= shard[1]) return ws.close(4010, 'Invalid shard.');
        if (shard[1] < this.recommendedShards) return ws.close(4011, 'Sharding required.');
        this.shardsBySocket.set(ws, shard);
        const guilds = this.guilds.filter((g) => shardOf(g, shard[1]) === shard[0]);
        this.dispatch(ws, 'READY', {
          v: 10,
          user: { id: botId, username: 'position', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 },
          guilds: guilds.map((id) => ({ id, unavailable: true })),
          session_id: 'fake-session',
          resume_gateway_url: `ws://127.0.0.1:${this.port}`,
          application: { id: appId, flags: 0 },
          shard,
        });
        // As on Discord with the Guilds intent: each guild of READY follows in a GUILD_CREATE.
        for (const id of guilds) this.guildCreate(ws, id);
      }
    });
  }

  private guildCreate(ws: WebSocket, id: string): void {
    this.dispatch(ws, 'GUILD_CREATE', {
      id,
      name: 'Test server',
      icon: null,
      owner_id: userId,
      features: [],
      roles: [],
      emojis: [],
      stickers: [],
      members: [],
      voice_states: [],
      presences: [],
      threads: [],
      member_count: 2,
      joined_at: '2024-01-01T00:00:00.000Z',
      large: false,
      unavailable: false,
      preferred_locale: 'en-US',
      channels: [{ id: id === guildId ? channelId : String(BigInt(id) + 1n), type: 0, guild_id: id, name: 'general', position: 0, permission_overwrites: [] }],
    });
  }

  private dispatch(ws: WebSocket, t: string, d: unknown): void {
    ws.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  /** The bot's permissions in a channel; a thread has its parent's. */
  permissionsIn(channel: string): bigint {
    return this.channelPermissions.get(this.threadParents.get(channel) ?? channel) ?? permission.all;
  }

  /** Waits until the client has identified on the gateway. */
  async waitIdentified(timeout = 10_000): Promise<void> {
    await this.waitFor(() => this.gatewayReceived.some((m) => m.op === 2), timeout);
  }

  /** Resolves when `check` holds, polling; rejects after `timeout` ms. */
  async waitFor<T>(check: () => T | undefined | null | false, timeout = 5_000): Promise<T> {
    const start = Date.now();
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() - start > timeout) throw new Error('fake-discord: timed out waiting');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private baseInteraction(type: number, options: InteractionOptions) {
    const id = nextId();
    const token = `token-${id}`;
    this.interactions.set(token, {
      id,
      token,
      dispatchedAt: Date.now(),
      deadline: options.deadline ?? 3000,
      userInstall: options.userInstall === true,
      acknowledged: false,
    });
    const user = { id: options.user ?? userId, username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null };
    const inGuild = options.guild ?? true;
    const guild = options.guildId ?? guildId;
    const channel = options.channel?.id ?? (guild === guildId ? channelId : String(BigInt(guild) + 1n));
    if (options.channel) this.channelTypes.set(options.channel.id, options.channel.type);
    return {
      id,
      token,
      application_id: appId,
      type,
      version: 1,
      locale: options.locale ?? 'en-US',
      app_permissions:
        options.appPermissions ?? String(this.permissionsIn(options.channel?.id ?? (guild === guildId ? channelId : String(BigInt(guild) + 1n)))),
      channel_id: inGuild ? channel : '100000000000000009',
      channel: inGuild
        ? options.channel
          ? {
              id: options.channel.id,
              type: options.channel.type,
              guild_id: guild,
              name: 'somewhere',
              ...(options.channel.parentId ? { parent_id: options.channel.parentId } : {}),
            }
          : { id: channel, type: 0, guild_id: guild, name: 'general' }
        : { id: '100000000000000009', type: 1 },
      entitlements: [],
      authorizing_integration_owners: options.userInstall ? { 1: options.user ?? userId } : { 0: guild },
      context: inGuild ? 0 : 1,
      ...(inGuild
        ? {
            guild_id: guild,
            guild_locale: 'en-US',
            guild: { id: guild, locale: 'en-US', features: [] },
            member: { user, roles: [], permissions: '2251799813685247', joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
          }
        : { user }),
    };
  }

  /** Sends an interaction on the connection of its server's shard (DMs go to shard 0, as on Discord). */
  private send(payload: { token: string; guild_id?: string } & Record<string, unknown>): string {
    const sockets = [...this.sockets];
    const ws =
      sockets.find((w) => {
        const shard = this.shardsBySocket.get(w);
        return shard !== undefined && shard[0] === (payload.guild_id === undefined ? 0 : shardOf(payload.guild_id, shard[1]));
      }) ?? sockets[0];
    if (!ws) throw new Error('fake-discord: no gateway connection');
    this.dispatch(ws, 'INTERACTION_CREATE', payload);
    return payload.token;
  }

  /** Dispatches a slash command; returns the interaction token. */
  command(name: string, options: Record<string, string | number>, opts: InteractionOptions = {}): string {
    const data = {
      id: nextId(),
      name,
      type: 1,
      options: Object.entries(options).map(([k, v]) => ({ name: k, type: typeof v === 'number' ? 4 : 3, value: v })),
    };
    return this.send({ ...this.baseInteraction(2, opts), data });
  }

  /** Dispatches an autocomplete request for the focused option. */
  autocomplete(name: string, option: string, value: string, opts: InteractionOptions = {}): string {
    const data = { id: nextId(), name, type: 1, options: [{ name: option, type: 3, value, focused: true }] };
    return this.send({ ...this.baseInteraction(4, opts), data });
  }

  /** Dispatches an autocomplete request in which no option is focused (Discord should never send one). */
  autocompleteUnfocused(name: string, option: string, value: string, opts: InteractionOptions = {}): string {
    const data = { id: nextId(), name, type: 1, options: [{ name: option, type: 3, value }] };
    return this.send({ ...this.baseInteraction(4, opts), data });
  }

  /** Closes every gateway connection with a close code, as Discord does (4004: authentication failed). */
  closeGateway(code: number, reason: string): void {
    for (const ws of this.sockets) ws.close(code, reason);
  }

  /**
   * Dispatches a button press on a message the bot sent in answer to `owner`'s command (default: the
   * test user; null: a message no command made, such as a thread post), pressed by `opts.user`.
   */
  button(customId: string, message: { ephemeral?: boolean; owner?: string | null } = {}, opts: InteractionOptions = {}): string {
    const owner = message.owner === undefined ? userId : message.owner;
    const metadata =
      owner === null
        ? {}
        : {
            interaction_metadata: {
              id: nextId(),
              type: 2,
              user: { id: owner, username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null },
              authorizing_integration_owners: { 0: guildId },
            },
          };
    const msg = this.messageObject({ content: '', flags: message.ephemeral ? 64 : 0, ...metadata });
    return this.send({ ...this.baseInteraction(3, opts), data: { custom_id: customId, component_type: 2 }, message: msg });
  }

  /** Dispatches a choice in a select menu on a message the bot sent in answer to `owner`'s command. */
  select(customId: string, values: string[], message: { ephemeral?: boolean; owner?: string } = {}, opts: InteractionOptions = {}): string {
    const owner = message.owner ?? userId;
    const msg = this.messageObject({
      content: '',
      flags: message.ephemeral ? 64 : 0,
      interaction_metadata: {
        id: nextId(),
        type: 2,
        user: { id: owner, username: 'reader', discriminator: '0', avatar: null },
        authorizing_integration_owners: { 0: guildId },
      },
    });
    return this.send({ ...this.baseInteraction(3, opts), data: { custom_id: customId, component_type: 3, values }, message: msg });
  }

  /** Dispatches the message command on a message with this content. */
  messageCommand(name: string, content: string, opts: InteractionOptions = {}): string {
    const target = this.messageObject({ content, author: { id: userId, username: 'reader', discriminator: '0', avatar: null } });
    return this.send({
      ...this.baseInteraction(2, opts),
      data: { id: nextId(), name, type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } } },
    });
  }

  private messageObject(fields: Record<string, unknown>, channel = channelId) {
    return {
      id: nextId(),
      channel_id: channel,
      author: { id: botId, username: 'position', discriminator: '0', avatar: null, bot: true },
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
      ...fields,
    };
  }

  /** Calls made for one interaction token (callback and webhooks), in order. */
  callsFor(token: string): RestCall[] {
    return this.calls.filter((c) => c.path.includes(`/${token}`));
  }

  private reject(res: ServerResponse, call: RestCall, status: number, code: number, reason: string): void {
    this.rejections.push({ call: { ...call, status }, reason });
    this.record({ ...call, status });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code, message: reason }));
  }

  private record(call: RestCall): void {
    if (this.recordCalls) this.calls.push(call);
    this.onCall?.(call);
  }

  private ok(res: ServerResponse, call: RestCall, body: unknown, status = 200): void {
    this.record({ ...call, status });
    if (status === 204) {
      res.writeHead(204);
      res.end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = Buffer.concat(chunks);
    let body: any = null;
    let files: UploadedFile[] = [];
    if (raw.length > 0) {
      const type = req.headers['content-type'] ?? '';
      if (type.includes('multipart/form-data')) ({ payload: body, files } = parseMultipart(raw, type));
      else body = JSON.parse(raw.toString('utf8'));
    }
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/u, '');
    const authorization = req.headers.authorization;
    const call: RestCall = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      body,
      status: 0,
      at: Date.now(),
      ...(authorization ? { authorization } : {}),
      ...(files.length > 0 ? { files } : {}),
    };
    const drop = this.drops.find((d) => d.count > 0 && d.method === call.method && d.path.test(path));
    if (drop) {
      drop.count--;
      if (drop.when === 'before') {
        this.calls.push({ ...call, status: -1 });
        return void req.socket.destroy();
      }
      // Carried out, but the answer never arrives.
      const socket = req.socket;
      res.writeHead = () => res;
      res.end = (() => (socket.destroy(), res)) as never;
    }
    let m: RegExpExecArray | null;
    // As on Discord: bot routes need the bot's token; interaction callbacks and webhooks use the interaction token instead.
    if (/^\/(?:channels|applications|guilds|gateway|users)\//u.test(path) || path === '/gateway/bot') {
      if (!authorization?.startsWith('Bot ')) return this.reject(res, call, 401, 0, '401: Unauthorized');
      if (this.unauthorizedThreads > 0 && call.method === 'POST' && /\/threads$/u.test(path)) {
        this.unauthorizedThreads--;
        return this.reject(res, call, 401, 0, '401: Unauthorized');
      }
    }

    if (call.method === 'GET' && path === '/gateway/bot') {
      return this.ok(res, call, {
        url: `ws://127.0.0.1:${this.port}`,
        shards: this.recommendedShards,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: this.maxConcurrency },
      });
    }
    if (call.method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/u.exec(path))) {
      const pending = this.interactions.get(m[2]!);
      if (!pending || pending.id !== m[1]) return this.reject(res, call, 404, 10062, 'Unknown interaction');
      if (Date.now() - pending.dispatchedAt > pending.deadline) return this.reject(res, call, 404, 10062, 'Unknown interaction');
      if (pending.acknowledged) return this.reject(res, call, 400, 40060, 'Interaction has already been acknowledged.');
      if (this.limitCallbacks.count > 0) {
        this.limitCallbacks.count--;
        const wait = this.limitCallbacks.retryAfterS;
        this.rejections.push({ call: { ...call, status: 429 }, reason: 'rate limited' });
        this.record({ ...call, status: 429 });
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(Math.ceil(wait)), 'x-ratelimit-scope': 'user' });
        return void res.end(JSON.stringify({ message: 'You are being rate limited.', retry_after: wait, global: false }));
      }
      const bad = violation(body?.data) ?? attachmentViolation(body?.data, files);
      if (bad) return this.reject(res, call, 400, 50035, `Invalid Form Body: ${bad}`);
      pending.acknowledged = true;
      if (url.searchParams.get('with_response') === 'true') {
        const message = this.messageObject({
          ...withAttachments(body?.data ?? {}, files),
          interaction_metadata: {
            id: pending.id,
            type: 2,
            user: { id: userId, username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null },
            authorizing_integration_owners: { 0: guildId },
          },
        });
        return this.ok(res, call, { interaction: { id: pending.id, type: 2 }, resource: { type: body?.type, message } });
      }
      return this.ok(res, call, null, 204);
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/u.exec(path))) {
      const pending = this.interactions.get(m[2]!);
      if (!pending || m[1] !== appId) return this.reject(res, call, 404, 10015, 'Unknown Webhook');
      if (!pending.acknowledged) return this.reject(res, call, 404, 10015, 'Unknown Webhook: the interaction was not acknowledged');
      if (Date.now() - pending.dispatchedAt > this.tokenLifetimeMs) return this.reject(res, call, 401, 50027, 'Invalid Webhook Token');
      if (call.method === 'DELETE') return this.ok(res, call, null, 204);
      if (call.method === 'POST' && !m[3]) {
        const n = (this.followUps.get(m[2]!) ?? 0) + 1;
        this.followUps.set(m[2]!, n);
        // A user-installed app in a server that has not installed it: at most five follow-ups.
        if (pending.userInstall && n > 5) return this.reject(res, call, 400, 40094, 'This interaction has hit the maximum number of follow up messages');
      }
      const bad = violation(body) ?? attachmentViolation(body, files);
      if (bad) return this.reject(res, call, 400, 50035, `Invalid Form Body: ${bad}`);
      return this.ok(res, call, this.messageObject(withAttachments({ ...(body ?? {}) }, files)));
    }
    if (call.method === 'POST' && (m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/u.exec(path))) {
      if (this.denyThreads.has(m[1]!)) return this.reject(res, call, 403, 50013, 'Missing Permissions');
      if ((this.permissionsIn(m[1]!) & permission.createPublicThreads) === 0n) return this.reject(res, call, 403, 50013, 'Missing Permissions');
      if (![0, 5].includes(this.channelTypes.get(m[1]!) ?? 0)) return this.reject(res, call, 400, 50024, 'Cannot execute action on this channel type');
      if (typeof body?.name !== 'string' || body.name.length < 1 || body.name.length > 100)
        return this.reject(res, call, 400, 50035, 'Invalid Form Body: thread name must be 1–100 characters');
      if (body.auto_archive_duration !== undefined && ![60, 1440, 4320, 10080].includes(body.auto_archive_duration))
        return this.reject(res, call, 400, 50035, 'Invalid Form Body: auto_archive_duration must be 60, 1440, 4320 or 10080');
      const threadId = nextId();
      this.threads.add(threadId);
      this.threadParents.set(threadId, m[1]!);
      return this.ok(
        res,
        call,
        {
          id: threadId,
          type: 11,
          guild_id: guildId,
          parent_id: m[1],
          name: body?.name,
          owner_id: botId,
          thread_metadata: { archived: false, auto_archive_duration: body?.auto_archive_duration ?? 1440, locked: false },
        },
        201,
      );
    }
    if (call.method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/u.exec(path))) {
      if (this.threads.has(m[1]!) && this.failThreadPostsAfter !== null && this.threadPosts >= this.failThreadPostsAfter) {
        return this.reject(res, call, 403, 50013, 'Missing Permissions');
      }
      const perms = this.permissionsIn(m[1]!);
      const send = this.threads.has(m[1]!) ? permission.sendMessagesInThreads : permission.sendMessages;
      if ((perms & permission.viewChannel) === 0n || (perms & send) === 0n) return this.reject(res, call, 403, 50013, 'Missing Permissions');
      // As on Discord: without Embed Links the message is posted without its embeds.
      if ((perms & permission.embedLinks) === 0n && body?.embeds) body = { ...body, embeds: [] };
      const bad =
        violation(body) ?? attachmentViolation(body, files) ?? (body?.nonce !== undefined && String(body.nonce).length > 25 ? 'nonce longer than 25' : null);
      if (bad) return this.reject(res, call, 400, 50035, `Invalid Form Body: ${bad}`);
      const key = body?.enforce_nonce === true && body.nonce !== undefined ? `${m[1]}/${body.nonce}` : null;
      if (key && this.nonces.has(key)) return this.ok(res, call, this.nonces.get(key));
      if (this.threads.has(m[1]!)) {
        this.threadPosts++;
        if (this.threadPostDelayMs > 0) await new Promise((r) => setTimeout(r, this.threadPostDelayMs));
      }
      const message = this.messageObject(withAttachments({ ...(body ?? {}) }, files), m[1]);
      if (key) this.nonces.set(key, message);
      return this.ok(res, call, message);
    }
    if (call.method === 'PUT' && /^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/u.test(path)) {
      const bad = registrationViolation(body);
      if (bad) return this.reject(res, call, 400, 50035, `Invalid Form Body: ${bad}`);
      return this.ok(
        res,
        call,
        body.map((c: any) => ({ ...c, id: nextId(), application_id: appId })),
      );
    }
    return this.reject(res, call, 404, 0, `fake-discord: no route for ${call.method} ${path}`);
  }
}
