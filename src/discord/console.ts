/**
 * Console mode: reads slash-command lines (`/position taiwan 2021`) and prints the reply a Discord
 * user would see, from the same commands and renderer as the bot. `!2` presses button 2 of the last
 * reply, and `!next`, `!prev`, `!full`, `!cite`, `!variants` or a year press it by what it does.
 * Ends cleanly at end of input; the exit code is 1 if any line failed.
 */
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { ApplicationCommandOptionType, ComponentType, type APIEmbed } from 'discord.js';
import type { CommandContext, Invocation, Reply } from './command.js';
import type { LoadedCommand } from './commands.js';
import { decodeButton } from './custom-id.js';
import { isUserError, userMessage } from './errors.js';
import { labels, type Lang } from './i18n.js';
import type { MessagePayload } from './render.js';
import { buttonReply } from './results.js';

/** Undoes Discord markdown escapes, to print what a Discord user reads. */
export function unescape(text: string): string {
  return text.replace(/\\([\\*_~`|>#\-[\]().!:+])/gu, '$1');
}

function embedText(e: APIEmbed): string[] {
  const out: string[] = [];
  if (e.title) out.push(`┌ ${unescape(e.title)}${e.url ? ` <${e.url}>` : ''}`);
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

/** A button of a printed reply: its custom id, and the stable name it can be pressed by (`!next`). */
export interface ConsoleButton {
  readonly id: string;
  readonly name: string | null;
}

/**
 * Stable names for buttons, from what they do (their state), in any language: `next`/`prev` move
 * through results or pages, `full`, `cite` and `variants` open those, a year button is its year.
 */
export function buttonNames(ids: readonly string[]): (string | null)[] {
  const states = ids.map(decodeButton);
  // Result buttons move within the reply's own search (the year of the first); the others go to a year.
  const first = states.find((s) => s?.kind === 'next');
  const ranks = states.flatMap((s) => (s?.kind === 'next' && first?.kind === 'next' && s.year === first.year ? [s.rank] : []));
  const names = states.map((state): string | null => {
    if (!state) return null;
    if (state.kind === 'cite') return 'cite';
    if (state.kind === 'next') {
      if (first?.kind === 'next' && state.year !== first.year) return state.year === null ? null : String(state.year);
      return ranks.length > 1 && state.rank === Math.min(...ranks) ? 'prev' : 'next';
    }
    if (state.kind === 'open' || state.kind === 'quote' || state.kind === 'phrases' || state.kind === 'phrase') return null;
    type Paged = Extract<NonNullable<typeof state>, { page: number }>;
    const key = (s: Paged) => (s.kind === 'conf' ? `conf ${s.year}` : s.kind === 'lines' ? `lines ${s.text}` : `${s.kind} ${s.id}`);
    const pages = states.flatMap((s) => (s && 'page' in s && key(s) === key(state) ? [s.page] : []));
    if (pages.length === 1) return state.kind === 'page' ? 'full' : state.kind === 'var' ? 'variants' : state.kind === 'lines' ? 'lines' : 'next';
    return state.page === Math.min(...pages) ? 'prev' : 'next';
  });
  // A name two buttons would share is left to their numbers.
  return names.map((n) => (n !== null && names.indexOf(n) === names.lastIndexOf(n) ? n : null));
}

/** A message payload as text, with its buttons numbered and named. */
export function payloadText(m: MessagePayload, ephemeral = false, lang: Lang = 'en'): { text: string; buttons: ConsoleButton[] } {
  const L = labels(lang);
  const lines: string[] = [];
  if (ephemeral) lines.push(L.consoleOnlyYou);
  if (m.content) lines.push(unescape(m.content));
  for (const e of m.embeds ?? []) lines.push(...embedText(e));
  // An attached image: its name and alt text, and the text stand-in a terminal can show (a text chart).
  for (const f of m.files ?? []) {
    lines.push(`[${f.name} · ${Math.ceil(f.data.length / 1024)} KB · ${f.description}]`);
    if (f.text) lines.push(f.text);
  }
  const ids: string[] = [];
  const shown: { label: string; disabled: boolean }[] = [];
  for (const row of m.components ?? []) {
    for (const b of row.components) {
      // A menu: in the console, each exchange is opened with /quote, each keyword with /phrase.
      if (b.type === ComponentType.StringSelect) {
        const command = decodeButton(b.custom_id)?.kind === 'phrases' ? '/phrase' : '/quote';
        lines.push(`${b.placeholder ?? ''} ${command} ${b.options.map((o) => o.value).join(' | ')}`);
      } else if ('custom_id' in b) {
        ids.push(b.custom_id);
        shown.push({ label: b.label ?? '', disabled: b.disabled === true });
      }
    }
  }
  const names = buttonNames(ids);
  const buttons = ids.map((id, i) => ({ id, name: names[i] ?? null }));
  const listed = shown.map((b, i) => `[!${i + 1}${names[i] ? ` !${names[i]}` : ''}] ${b.label}${b.disabled ? L.consoleDisabled : ''}`);
  if (listed.length > 0) lines.push(`${L.consoleButtons} ${listed.join('  ')}`);
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

/**
 * Maps a console line to a command invocation's options, the way Discord's options would arrive,
 * from the command's own registration: `name:value` sets that option; otherwise a trailing year
 * (or list of years) fills its year option and the other words its main text option (the first
 * required string option: topic, id, text).
 */
function optionsFor(command: LoadedCommand, years: readonly number[], args: string[], named: Record<string, string>): Invocation['options'] {
  const data = command.data(years);
  const defs = 'options' in data ? ((data.options ?? []) as readonly { type: ApplicationCommandOptionType; name: string; required?: boolean }[]) : [];
  const isInteger = (name: string) => defs.some((o) => o.name === name && o.type === ApplicationCommandOptionType.Integer);
  const opts: Record<string, string | number | undefined> = {};
  for (const [k, v] of Object.entries(named)) opts[k] = isInteger(k) && /^-?\d+$/u.test(v) ? Number(v) : v;
  const strings = defs.filter((o) => o.type === ApplicationCommandOptionType.String);
  const requiredYear = defs.some((o) => o.required && /^year/u.test(o.name));
  // The main text: the first required string option, else the first string option unless a year is what is required (/keywords 2024).
  const main = strings.find((o) => o.required) ?? (requiredYear ? undefined : strings[0]);
  const yearOption = defs.find((o) => o !== main && /^year/u.test(o.name));
  const rest = [...args];
  const last = rest.at(-1) ?? '';
  // A trailing year when other words precede it for the main option; alone when there is no main option (/conference 2024).
  if (yearOption && rest.length > (main ? 1 : 0)) {
    if (yearOption.type === ApplicationCommandOptionType.Integer && /^\d{4}$/u.test(last)) opts[yearOption.name] ??= Number(rest.pop());
    else if (yearOption.type === ApplicationCommandOptionType.String && /^\d{4}(?:[,，]\d{4})*$/u.test(last)) opts[yearOption.name] ??= rest.pop();
  }
  if (rest.length > 0 && main) opts[main.name] ??= rest.join(' ');
  else if (rest.length > 0)
    throw new ConsoleError(`unexpected "${rest.join(' ')}": this command takes ${defs.map((o) => `${o.name}:`).join(' ') || 'no options'}`);
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
  let lastButtons: ConsoleButton[] = [];
  let lastEphemeral = false;
  const write = (s: string) => output.write(`${s}\n`);
  const show = (reply: Reply) => {
    if (reply.type === 'thread') {
      write(payloadText(reply.intro, false, lang).text);
      write(labels(lang).consoleThread(reply.name));
      reply.messages.forEach((m, i) => {
        const { text, buttons } = payloadText(m, false, lang);
        write(`${i > 0 ? '\n' : ''}${text}`);
        lastButtons = buttons;
      });
      lastEphemeral = false;
      return;
    }
    const ephemeral = reply.type === 'message' && reply.ephemeral === true;
    const { text, buttons } = payloadText(reply.message, ephemeral, lang);
    write(reply.type === 'update' ? `${labels(lang).consoleUpdated}\n${text}` : text);
    if (reply.type === 'message') for (const f of reply.followUps ?? []) write(payloadText(f, ephemeral, lang).text);
    lastButtons = buttons;
    lastEphemeral = ephemeral || (reply.type === 'update' && lastEphemeral);
  };

  /** Writes the reply's PNG to `file` (`--png FILE` on a command line). */
  const savePng = (reply: Reply, file: string) => {
    const messages = reply.type === 'thread' ? [reply.intro, ...reply.messages] : [reply.message];
    const png = messages.flatMap((m) => m.files ?? []).find((f) => f.name.endsWith('.png'));
    if (!png) throw new ConsoleError(`--png ${file}: this reply has no chart`);
    writeFileSync(file, png.data);
    write(`(chart written to ${file})`);
  };

  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  if (interactive) output.write('> ');
  for await (const raw of rl) {
    const line = raw.trim();
    if (line !== '' && !line.startsWith('#')) {
      try {
        if (/^![\p{L}\p{N}]+$/u.test(line)) {
          const key = line.slice(1).toLowerCase();
          const button = /^\d{1,2}$/u.test(key) ? lastButtons[Number(key) - 1] : lastButtons.find((b) => b.name === key);
          const state = button ? decodeButton(button.id) : null;
          if (!state) throw new ConsoleError(`no button ${line} on the last reply${lastButtons.length > 0 ? ` (it has ${pressable(lastButtons)})` : ''}`);
          show(buttonReply(ctx, state, lang, { ephemeral: lastEphemeral, own: true }));
        } else if (!line.startsWith('/')) {
          throw new ConsoleError(
            'type a command such as /position taiwan 2021, /compare taiwan, /phrase 多边主义, /keywords 2024, /quote 2024-09, /find <words>, /sources, /help, or !N or !next to press a button',
          );
        } else {
          const png = /\s--png(?:\s+(\S+))?/u.exec(line);
          if (png && png[1] === undefined) throw new ConsoleError('--png needs a file name: --png chart.png');
          const { name, args, named } = parseLine(png ? line.replace(png[0], '') : line);
          const command = name === 'find-source' || name === 'findsource' ? commands.get(messageCommand) : commands.get(name);
          if (!command)
            throw new ConsoleError(
              `unknown command /${name}; commands: ${[...commands.keys()].map((n) => (n === messageCommand ? '/find-source <text>' : `/${n}`)).join(', ')}`,
            );
          const invocation: Invocation =
            command.name === messageCommand
              ? { options: {}, lang, inGuild: false, targetText: args.join(' ') }
              : { options: optionsFor(command, ctx.engine.years, args, named), lang, inGuild: false };
          const reply = command.run(invocation, ctx);
          show(reply);
          if (png) savePng(reply, png[1]!);
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

/** The buttons of a reply as they can be pressed: `!1 !next, !2 !full, …`. */
function pressable(buttons: readonly ConsoleButton[]): string {
  return buttons.map((b, i) => `!${i + 1}${b.name ? ` !${b.name}` : ''}`).join(', ');
}

/** A console-only input error (not a command). */
class ConsoleError extends Error {}
