/**
 * Console mode: reads slash-command lines (`/position taiwan 2021`) and prints the reply a Discord
 * user would see, from the same commands and renderer as the bot. `!2` presses button 2 of the last
 * reply. Ends cleanly at end of input; the exit code is 1 if any line failed.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { APIEmbed } from 'discord.js';
import type { CommandContext, Invocation, Reply } from './command.js';
import type { LoadedCommand } from './commands.js';
import { decodeButton } from './custom-id.js';
import { isUserError, userMessage } from './errors.js';
import type { Lang } from './i18n.js';
import type { MessagePayload } from './render.js';
import { buttonReply } from './results.js';

/** Undoes Discord markdown escapes, to print what a Discord user reads. */
export function unescape(text: string): string {
  return text.replace(/\\([\\*_~`|>#\-[\]().!:+])/gu, '$1');
}

function embedText(e: APIEmbed): string[] {
  const out: string[] = [];
  if (e.title) out.push(`┌ ${unescape(e.title)}`);
  if (e.description)
    out.push(
      ...unescape(e.description)
        .split('\n')
        .map((l) => `│ ${l}`),
    );
  for (const f of e.fields ?? []) {
    out.push('│', `│ ${unescape(f.name)}`);
    out.push(
      ...unescape(f.value)
        .split('\n')
        .map((l) => `│   ${l}`),
    );
  }
  if (e.footer)
    out.push(
      ...unescape(e.footer.text)
        .split('\n')
        .map((l, i) => `${i === 0 ? '└' : ' '} ${l}`),
    );
  return out;
}

/** A message payload as text, with its buttons numbered. */
export function payloadText(m: MessagePayload, ephemeral = false): { text: string; buttons: string[] } {
  const lines: string[] = [];
  if (ephemeral) lines.push('(only you can see this)');
  if (m.content) lines.push(unescape(m.content));
  for (const e of m.embeds ?? []) lines.push(...embedText(e));
  const buttons: string[] = [];
  const labels: string[] = [];
  for (const row of m.components ?? []) {
    for (const b of row.components) {
      if ('custom_id' in b) {
        buttons.push(b.custom_id);
        labels.push(`[!${buttons.length}] ${b.label ?? ''}${b.disabled ? ' (disabled)' : ''}`);
      }
    }
  }
  if (labels.length > 0) lines.push(`Buttons: ${labels.join('  ')}`);
  return { text: lines.join('\n'), buttons };
}

/** Reads a command line into a command name and options (positional or `name:value`). */
export function parseLine(line: string): { name: string; args: string[]; named: Record<string, string> } {
  const [head, ...rest] = line.trim().slice(1).split(/\s+/u);
  const named: Record<string, string> = {};
  const args: string[] = [];
  for (const token of rest) {
    const m = /^([a-z]+):(.*)$/u.exec(token);
    if (m && m[2] !== '') named[m[1]!] = m[2]!;
    else args.push(token);
  }
  return { name: (head ?? '').toLowerCase(), args, named };
}

/** Maps a console line to a command invocation's options, the way Discord's options would arrive. */
function optionsFor(name: string, args: string[], named: Record<string, string>): Invocation['options'] {
  const opts: Record<string, string | number | undefined> = { ...named };
  if (typeof opts.year === 'string' && /^\d+$/u.test(opts.year)) opts.year = Number(opts.year);
  const rest = [...args];
  if (name === 'position' && rest.length > 1 && /^\d{4}$/u.test(rest.at(-1)!)) opts.year ??= Number(rest.pop());
  if (name === 'compare' && rest.length > 1 && /^\d{4}(?:[,，]\d{4})*$/u.test(rest.at(-1)!)) opts.years ??= rest.pop();
  if (rest.length > 0) {
    if (name === 'quote') opts.id ??= rest.join(' ');
    else opts.topic ??= rest.join(' ');
  }
  return opts;
}

/** Aliases typed in the console for the message command. */
const messageCommand = 'Find source';

/** Runs the console mode until the input ends. */
export async function runConsole(
  input: Readable,
  output: Writable,
  errors: Writable,
  commands: ReadonlyMap<string, LoadedCommand>,
  ctx: CommandContext,
  lang: Lang = 'en',
  interactive = false,
): Promise<number> {
  let failed = false;
  let lastButtons: string[] = [];
  let lastEphemeral = false;
  const write = (s: string) => output.write(`${s}\n`);
  const show = (reply: Reply) => {
    if (reply.type === 'thread') {
      write(payloadText(reply.intro).text);
      write(`── thread "${reply.name}" ──`);
      reply.messages.forEach((m, i) => {
        const { text, buttons } = payloadText(m);
        write(`${i > 0 ? '\n' : ''}${text}`);
        lastButtons = buttons;
      });
      lastEphemeral = false;
      return;
    }
    const ephemeral = reply.type === 'message' && reply.ephemeral === true;
    const { text, buttons } = payloadText(reply.message, ephemeral);
    write(reply.type === 'update' ? `(message updated)\n${text}` : text);
    if (reply.type === 'message') for (const f of reply.followUps ?? []) write(payloadText(f, ephemeral).text);
    lastButtons = buttons;
    lastEphemeral = ephemeral || (reply.type === 'update' && lastEphemeral);
  };

  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  if (interactive) output.write('> ');
  for await (const raw of rl) {
    const line = raw.trim();
    if (line !== '' && !line.startsWith('#')) {
      try {
        if (/^!\d+$/u.test(line)) {
          const id = lastButtons[Number(line.slice(1)) - 1];
          const state = id ? decodeButton(id) : null;
          if (!state) throw new ConsoleError(`no button ${line} on the last reply`);
          show(buttonReply(ctx.engine, state, lang, lastEphemeral));
        } else if (!line.startsWith('/')) {
          throw new ConsoleError('type a command such as /position taiwan 2021, /compare taiwan, /quote 2024-09, /sources, /help, or !N to press a button');
        } else {
          const { name, args, named } = parseLine(line);
          const command = name === 'find-source' || name === 'findsource' ? commands.get(messageCommand) : commands.get(name);
          if (!command)
            throw new ConsoleError(
              `unknown command /${name}; commands: ${[...commands.keys()].map((n) => (n === messageCommand ? '/find-source <text>' : `/${n}`)).join(', ')}`,
            );
          const invocation: Invocation =
            command.name === messageCommand
              ? { options: {}, lang, inGuild: false, targetText: args.join(' ') }
              : { options: optionsFor(name, args, named), lang, inGuild: false };
          show(command.run(invocation, ctx));
        }
      } catch (error) {
        failed = true;
        const message = error instanceof ConsoleError ? error.message : userMessage(error, lang, ctx.engine.years);
        if (!isUserError(error) && !(error instanceof ConsoleError))
          errors.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        errors.write(`error: ${message}\n`);
      }
      write('');
    }
    if (interactive) output.write('> ');
  }
  return failed ? 1 : 0;
}

/** A console-only input error (not a command). */
class ConsoleError extends Error {}
