/**
 * The contract every command file in `commands/` fulfils, and the reply it produces. A command
 * turns its options into a `Reply` (plain data); the Discord adapter and the console mode carry
 * it out the same way, so both show the same content.
 */
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { SearchEngine } from '../search/engine.js';
import type { Lang } from './i18n.js';
import type { MessagePayload } from './render.js';

/** What commands may use. */
export interface CommandContext {
  /** The search engine, which also knows the corpus and what `sources.json` says of each file. */
  readonly engine: SearchEngine;
  /** `PUBLIC_URL`: where the web edition is published; replies link each exchange's page. Absent: no links. */
  readonly publicUrl?: string | null;
}

/** One use of a command: its options and where it was used. */
export interface Invocation {
  /** Option values by option name. */
  readonly options: Readonly<Record<string, string | number | undefined>>;
  readonly lang: Lang;
  /** Used in a server channel (not a DM). */
  readonly inGuild: boolean;
  /** For message commands: the text of the target message. */
  readonly targetText?: string;
  /** For buttons: whether the message the button is on is ephemeral (a pager of this user's). */
  readonly onEphemeral?: boolean;
}

/** What to send back. */
export type Reply =
  /** A reply (and follow-ups after it); ephemeral replies are seen by the user alone. */
  | { readonly type: 'message'; readonly message: MessagePayload; readonly ephemeral?: boolean; readonly followUps?: readonly MessagePayload[] }
  /** An intro reply, then a thread named `name` with one message each; in place where no thread can be made. */
  | { readonly type: 'thread'; readonly intro: MessagePayload; readonly name: string; readonly messages: readonly MessagePayload[] }
  /** For buttons: replace the message the button is on. */
  | { readonly type: 'update'; readonly message: MessagePayload };

/** A slash or context-menu command. */
export interface Command {
  /** The command as registered with Discord; the corpus's years feed the year choices. */
  readonly data: (years: readonly number[]) => RESTPostAPIApplicationCommandsJSONBody;
  /** Runs the command. Throws `UserError` or `SearchError` for bad input (answered ephemerally). */
  readonly run: (invocation: Invocation, ctx: CommandContext) => Reply;
  /** Whether its answers are seen by the user alone (so that a deferred answer is ephemeral too). */
  readonly ephemeral?: boolean;
  /** Choices for the focused option (at most 25). */
  readonly autocomplete?: (focused: { name: string; value: string }, lang: Lang, ctx: CommandContext) => { name: string; value: string }[];
}

/** An error in what the user asked; its message is shown to them as is. */
export class UserError extends Error {
  override name = 'UserError';
}
