/**
 * The Discord adapter: maps an interaction to a command and carries out its `Reply`. Thin on
 * purpose; all content comes from the commands and `render.ts`. Every message is sent with
 * `allowedMentions: { parse: [] }`, and no rejection escapes: a failing handler answers
 * ephemerally with the reason and the bot keeps running.
 */
import {
  ChannelType,
  DiscordAPIError,
  Events,
  MessageFlags,
  RateLimitError,
  RESTJSONErrorCodes,
  Routes,
  type BaseInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type MessageContextMenuCommandInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { CommandContext, Invocation, Reply } from './command.js';
import type { LoadedCommand } from './commands.js';
import { decodeButton } from './custom-id.js';
import { isUserError, userMessage } from './errors.js';
import { labels, langOf, type Lang } from './i18n.js';
import { botPermissions } from './invite.js';
import type { MessagePayload } from './render.js';
import { InFlight } from './lifecycle.js';
import { commandBudget, compareBudget, UserBudget } from './rate-limit.js';
import { WorkLimit } from './concurrency.js';
import { buttonReply } from './results.js';
import type { Logger } from '../log.js';

/** Nothing the bot sends may ping anyone. */
export const noMentions = { parse: [] as [] };

type Repliable = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction | StringSelectMenuInteraction;

/**
 * Wires the interaction handler to a client. Each answer is tracked in `inFlight`, so that a
 * shutdown lets it finish; once the shutdown has begun, a new interaction is told to try again.
 */
export function attachInteractions(
  client: Client,
  commands: ReadonlyMap<string, LoadedCommand>,
  ctx: CommandContext,
  log: Logger,
  inFlight: InFlight = new InFlight(),
  budgets: Budgets = { commands: new UserBudget(commandBudget), compare: new UserBudget(compareBudget) },
): InFlight {
  const work = budgets.work ?? new WorkLimit();
  client.on(Events.InteractionCreate, (interaction) => {
    // One request id per interaction (Discord's own id, so that it can be matched with Discord's side).
    const ilog = log.child({ req: interaction.id, what: whatOf(interaction) });
    const over = inFlight.accepting ? overBudget(interaction, budgets) : null;
    if (over) ilog.info({ retryAfterS: over.retryAfterS }, 'over the user budget');
    const answering = !inFlight.accepting
      ? refuseWhileStopping(interaction, ilog)
      : over
        ? sendError(interaction as Repliable, labels(langOf(interaction.locale)).errors.cooldown(over.retryAfterS), ilog)
        : interaction.isAutocomplete()
          ? handleInteraction(interaction, commands, ctx, ilog)
          : queued(interaction, commands, ctx, ilog, work);
    const started = Date.now();
    const done = () => {
      // A request log line per interaction; autocomplete (one per keystroke) only at debug.
      const ms = Date.now() - started;
      if (interaction.isAutocomplete()) ilog.debug({ ms }, 'answered');
      else ilog.info({ ms }, 'answered');
    };
    void inFlight.track(answering.then(done, (error: unknown) => ilog.error({ err: error }, 'interaction: unhandled failure')));
  });
  return inFlight;
}

/**
 * Discord must have an acknowledgement within 3 s of the interaction. Work that has waited this long
 * for its turn is deferred ("thinking…", or a deferred update for a button), and its answer then
 * edits the deferred reply, which may be done for 15 minutes. Interaction callbacks are not subject
 * to the bot's global rate limit, so a defer is not held up by a burst of posts elsewhere.
 */
export const deferAfterMs = 1_500;

/** Runs an interaction within the bound on concurrent work: deferred if it waits, "busy" if the queue is full. */
async function queued(
  interaction: BaseInteraction,
  commands: ReadonlyMap<string, LoadedCommand>,
  ctx: CommandContext,
  log: Logger,
  work: WorkLimit,
): Promise<void> {
  if (!interaction.isRepliable()) return;
  const state: Answering = { deferred: null, deferring: null, begun: false };
  const ticket = work.run(async () => {
    state.begun = true;
    await state.deferring;
    await handleInteraction(interaction, commands, ctx, log, state);
  });
  if (!ticket) {
    log.warn({ running: work.running, waiting: work.waiting }, 'busy: the queue is full');
    return sendError(interaction as Repliable, labels(langOf(interaction.locale)).errors.busy, log);
  }
  const timer = setTimeout(() => {
    if (!state.begun) state.deferring = deferReply(interaction as Repliable, commands, state, log);
  }, deferAfterMs);
  void ticket.started.then(() => clearTimeout(timer));
  return ticket.done;
}

/** How an interaction was acknowledged ahead of its answer. */
interface Answering {
  deferred: 'public' | 'ephemeral' | 'update' | null;
  deferring: Promise<void> | null;
  begun: boolean;
  /** Whether the first answer went out (so that an error after it never deletes it). */
  answered?: boolean;
}

/** Acknowledges an interaction whose answer will come later, as its answer will be seen. */
async function deferReply(interaction: Repliable, commands: ReadonlyMap<string, LoadedCommand>, state: Answering, log: Logger): Promise<void> {
  try {
    if (interaction.isButton()) {
      await interaction.deferUpdate();
      state.deferred = 'update';
    } else if (interaction.isStringSelectMenu() || commands.get(interaction.commandName)?.ephemeral) {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      state.deferred = 'ephemeral';
    } else {
      await interaction.deferReply();
      state.deferred = 'public';
    }
    log.info({ deferred: state.deferred }, 'deferred: waited for its turn');
  } catch (error) {
    logApiError(log, 'defer', error);
  }
}

/** The per-user budgets an interaction spends. */
export interface Budgets {
  readonly commands: UserBudget;
  readonly compare: UserBudget;
  /** The bound on concurrent work; the bot's `workBound` when not given. */
  readonly work?: WorkLimit;
}

/**
 * Whether this interaction is over its user's budget (commands and buttons; `/compare` has its
 * own, smaller one, as it posts one message per year). Autocomplete is free: Discord sends one per
 * keystroke, and answering it is cheap.
 */
function overBudget(interaction: BaseInteraction, budgets: Budgets): { retryAfterS: number } | null {
  if (!interaction.isChatInputCommand() && !interaction.isMessageContextMenuCommand() && !interaction.isButton() && !interaction.isStringSelectMenu())
    return null;
  const user = interaction.user.id;
  const taken = budgets.commands.take(user);
  if (!taken.ok) return taken;
  if (interaction.isChatInputCommand() && interaction.commandName === 'compare') {
    const compare = budgets.compare.take(user);
    if (!compare.ok) return compare;
  }
  return null;
}

/** During a shutdown: an ephemeral "try again" rather than an interaction left to expire. */
async function refuseWhileStopping(interaction: BaseInteraction, log: Logger): Promise<void> {
  const L = labels(langOf(interaction.locale));
  if (interaction.isAutocomplete()) await interaction.respond([]).catch((error: unknown) => logApiError(log, 'autocomplete', error));
  else if (interaction.isRepliable()) await sendError(interaction as Repliable, L.errors.restarting, log);
}

function optionsOf(interaction: ChatInputCommandInteraction): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = {};
  for (const o of interaction.options.data) if (typeof o.value === 'string' || typeof o.value === 'number') out[o.name] = o.value;
  return out;
}

/** Handles one interaction; never throws for a user's or Discord's error. */
export async function handleInteraction(
  interaction: BaseInteraction,
  commands: ReadonlyMap<string, LoadedCommand>,
  ctx: CommandContext,
  log: Logger,
  state: Answering = { deferred: null, deferring: null, begun: true },
): Promise<void> {
  const lang = langOf(interaction.locale);
  if (interaction.isAutocomplete()) {
    const command = commands.get(interaction.commandName);
    // An autocomplete without a focused option (Discord should not send one) still gets an answer.
    const focused = interaction.options.data.find((o) => o.focused);
    const choices = focused ? (command?.autocomplete?.({ name: focused.name, value: String(focused.value ?? '') }, lang, ctx) ?? []) : [];
    await interaction.respond(choices).catch((error: unknown) => logApiError(log, 'autocomplete', error));
    return;
  }
  if (!interaction.isChatInputCommand() && !interaction.isMessageContextMenuCommand() && !interaction.isButton() && !interaction.isStringSelectMenu()) return;
  try {
    const reply = runFor(interaction, commands, ctx, lang);
    await send(interaction, reply, lang, log, state);
  } catch (error) {
    // Discord rate-limited the first answer for longer than the interaction lives (client.ts): an
    // error reply would be refused the same way. Not a silent loss: it is logged as such.
    if (error instanceof RateLimitError)
      return log.warn({ retryAfterMs: error.retryAfter, route: error.route }, 'rate-limited for longer than the interaction lives; the answer is lost');
    // The interaction is gone (10062) or answered (40060): a second reply can only fail too.
    if (error instanceof DiscordAPIError && answerless.has(error.code as number)) return logApiError(log, 'reply', error);
    if (!isUserError(error)) log.error({ err: error }, 'interaction failed');
    if (error instanceof DiscordAPIError && error.status === 401) restoreToken(interaction.client);
    await sendError(interaction, userMessage(error, lang, ctx.engine.years), log, state);
  }
}

/** Discord's answers after which nothing more can be sent for an interaction. */
const answerless: ReadonlySet<number> = new Set([RESTJSONErrorCodes.UnknownInteraction, RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged]);

/**
 * discord.js forgets the token after any 401 (@discordjs/rest), so one refused request would
 * leave every later one unauthenticated until a restart. The client still holds it: give it back.
 * A token Discord really revoked ends the gateway session, which is fatal (lifecycle.ts).
 */
function restoreToken(client: Client): void {
  if (client.token) client.rest.setToken(client.token);
}

/** What an interaction is, for its log lines: `/position`, `button`, `autocomplete /position`. */
function whatOf(interaction: BaseInteraction): string {
  if (interaction.isButton()) return 'button';
  if (interaction.isStringSelectMenu()) return 'menu';
  if (interaction.isAutocomplete()) return `autocomplete /${interaction.commandName}`;
  if (interaction.isCommand()) return `/${interaction.commandName}`;
  return `type ${interaction.type}`;
}

function runFor(interaction: Repliable, commands: ReadonlyMap<string, LoadedCommand>, ctx: CommandContext, lang: Lang): Reply {
  const inGuild = interaction.inGuild();
  if (interaction.isButton() || interaction.isStringSelectMenu()) {
    const state = decodeButton(interaction.customId);
    if (!state)
      return {
        type: 'message',
        ephemeral: true,
        message: { content: labels(lang).errors.staleButton },
      };
    const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
    // The message's own interaction says who ran the command; a message without one (a thread post) belongs to nobody.
    const owner = interaction.message.interactionMetadata?.user.id;
    const values = interaction.isStringSelectMenu() ? interaction.values : undefined;
    return buttonReply(ctx, state, lang, { ephemeral, own: owner !== undefined && owner === interaction.user.id, ...(values ? { values } : {}) });
  }
  const command = commands.get(interaction.commandName);
  if (!command) return { type: 'message', ephemeral: true, message: { content: labels(lang).errors.unknownCommand(interaction.commandName) } };
  const invocation: Invocation = interaction.isMessageContextMenuCommand()
    ? {
        options: {},
        lang,
        inGuild,
        targetText: [interaction.targetMessage.content, ...interaction.targetMessage.embeds.map((e) => e.description ?? '')].join('\n'),
      }
    : { options: optionsOf(interaction), lang, inGuild };
  return command.run(invocation, ctx);
}

/** A payload as discord.js sends it: attached files as attachment payloads (their terminal stand-in left out), no mentions. */
function forDiscord(message: MessagePayload) {
  const { files, ...rest } = message;
  return {
    ...rest,
    ...(files ? { files: files.map((f) => ({ attachment: Buffer.from(f.data), name: f.name, description: f.description })) } : {}),
    allowedMentions: noMentions,
  };
}

const withFlags = (message: MessagePayload, ephemeral: boolean | undefined) => ({
  ...forDiscord(message),
  ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
});

/** Carries out a reply. */
async function send(interaction: Repliable, reply: Reply, lang: Lang, log: Logger, state: Answering): Promise<void> {
  if (reply.type === 'update') {
    if (!interaction.isButton() && !interaction.isStringSelectMenu()) throw new Error('send: an update reply needs a component interaction');
    const payload = forDiscord(reply.message);
    if (interaction.deferred) await interaction.editReply(payload);
    else await interaction.update(payload);
    return;
  }
  if (reply.type === 'message') {
    await answer(interaction, reply.message, reply.ephemeral === true, state);
    for (const m of reply.followUps ?? []) await interaction.followUp(withFlags(m, reply.ephemeral));
    return;
  }
  await sendThread(interaction, reply, lang, log, state);
}

/**
 * The first answer to an interaction: its reply or, once deferred, an edit of the deferred reply.
 * Where the deferred reply's visibility is not the answer's (an error after a public "thinking…"),
 * it is deleted and the answer follows with its own.
 * @returns the id of the message, when `wantId`
 */
async function answer(interaction: Repliable, message: MessagePayload, ephemeral: boolean, state: Answering, wantId = false): Promise<string | undefined> {
  const payload = withFlags(message, ephemeral);
  state.answered = true;
  if (!interaction.deferred) {
    if (!wantId) return void (await interaction.reply(payload));
    return (await interaction.reply({ ...payload, withResponse: true })).resource?.message?.id;
  }
  if (state.deferred === (ephemeral ? 'ephemeral' : 'public')) return (await interaction.editReply(forDiscord(message))).id;
  if (state.deferred !== 'update') await interaction.deleteReply();
  return (await interaction.followUp(payload)).id;
}

/** Channels a thread can be started in from a message, as Discord allows it. */
const threadChannels: ReadonlySet<ChannelType> = new Set([ChannelType.GuildText, ChannelType.GuildAnnouncement]);

/** Discord's answers that mean "no thread here", expected outcomes rather than faults. */
const noThreadCodes: ReadonlySet<number> = new Set([
  RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.InvalidActionOnArchivedThread,
  RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage,
  RESTJSONErrorCodes.ThreadLocked,
  RESTJSONErrorCodes.MaximumActiveThreads,
  RESTJSONErrorCodes.MaximumActiveAnnouncementThreads,
]);

/**
 * `/compare`: the intro, then a thread from it with one message per year. A thread is promised only
 * in a text or announcement channel where the bot may see, post, embed, start threads and post in
 * them (from the interaction's `app_permissions`); elsewhere the years follow in place, and the
 * intro says why. If Discord refuses part-way, only the years not yet posted follow in place, once,
 * with the true reason.
 */
async function sendThread(interaction: Repliable, reply: Extract<Reply, { type: 'thread' }>, lang: Lang, log: Logger, state: Answering): Promise<void> {
  const L = labels(lang);
  let why: string | null = null;
  if (!interaction.inGuild()) why = L.whyDm;
  else if (!interaction.channel || !threadChannels.has(interaction.channel.type)) why = L.whyChannel;
  else if (!interaction.appPermissions.has(botPermissions)) why = L.whyPermission;

  const intro = { ...reply.intro, content: `${reply.intro.content ?? ''}\n${why ? L.compareInPlace(why) : L.compareThread}` };
  const messageId = await answer(interaction, intro, false, state, true);
  let posted = 0;
  if (!why && messageId) {
    let thread: { id: string } | null = null;
    try {
      thread = (await interaction.client.rest.post(Routes.threads(interaction.channelId, messageId), {
        body: { name: reply.name, auto_archive_duration: 1440 },
      })) as { id: string };
      for (const m of reply.messages) {
        // With a nonce Discord enforces, a post sent again after a dropped connection is not posted twice (retry.ts).
        const nonce = `p${interaction.id}-${posted}`;
        await interaction.client.rest.post(Routes.channelMessages(thread.id), {
          body: { ...m, allowed_mentions: noMentions, nonce, enforce_nonce: true },
        });
        posted++;
      }
      return;
    } catch (error) {
      // Expected refusals (noThreadCodes) are logged as such; anything else in full.
      logApiError(log, 'compare: thread', error);
      if (error instanceof DiscordAPIError && error.status === 401) restoreToken(interaction.client);
      const reason = thread === null ? L.whyFailed : L.whyPostFailed(posted, reply.messages.length);
      await interaction.followUp(withFlags({ content: L.compareInPlace(reason) }, false));
    }
  } else if (!why) {
    // The intro promised a thread, but Discord did not say which message it is.
    await interaction.followUp(withFlags({ content: L.compareInPlace(L.whyFailed) }, false));
  }
  for (const m of reply.messages.slice(posted)) await interaction.followUp(withFlags(m, false));
}

/** Answers ephemerally with an error, whether or not something was sent (or deferred) already. */
async function sendError(interaction: Repliable, content: string, log: Logger, state?: Answering): Promise<void> {
  const payload = { content, allowedMentions: noMentions, flags: MessageFlags.Ephemeral as const };
  try {
    if (interaction.replied || interaction.deferred) {
      // A deferred "thinking…" with nothing in it yet would stay forever: the error replaces it.
      if (interaction.deferred && !state?.answered && state?.deferred !== 'update') await interaction.deleteReply().catch(() => undefined);
      await interaction.followUp(payload);
    } else await interaction.reply(payload);
  } catch (error) {
    logApiError(log, 'error reply', error);
  }
}

/**
 * Known Discord API errors are expected outcomes, logged by code at a low level; anything else is
 * logged in full as an error.
 */
function logApiError(log: Logger, where: string, error: unknown): void {
  if (error instanceof DiscordAPIError) {
    const code = error.code;
    if (code === RESTJSONErrorCodes.UnknownInteraction) return log.debug({ code }, `${where}: the interaction expired before we answered`);
    if (code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged) return log.debug({ code }, `${where}: already acknowledged`);
    if (code === RESTJSONErrorCodes.MissingPermissions || code === RESTJSONErrorCodes.MissingAccess)
      return log.info({ code }, `${where}: missing permission (${code})`);
    if (typeof code === 'number' && noThreadCodes.has(code)) return log.info({ code }, `${where}: Discord says no thread here (${code})`);
  }
  log.error({ err: error }, `${where}: failed`);
}
