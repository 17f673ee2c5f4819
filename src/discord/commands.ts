/**
 * The one loader of `commands/`, used by the bot, the console mode and `npm run deploy-commands`.
 * A file there that does not export a fitting `command` is a startup error naming the file.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from './command.js';
import { projectRoot } from '../search/index-store.js';

/** The commands folder of this project. */
export const commandsDir = join(projectRoot, 'commands');

/** A command with the name it is registered under. */
export interface LoadedCommand extends Command {
  readonly name: string;
  readonly file: string;
}

/** Loads every command file; the map is keyed by the registered command name. */
export async function loadCommands(dir: string = commandsDir, years: readonly number[] = []): Promise<Map<string, LoadedCommand>> {
  const map = new Map<string, LoadedCommand>();
  for (const file of readdirSync(dir)
    .filter((f) => /\.(ts|js)$/u.test(f) && !f.endsWith('.d.ts'))
    .sort()) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { command?: Partial<Command> };
    const c = mod.command;
    if (!c || typeof c.data !== 'function' || typeof c.run !== 'function') {
      throw new Error(`commands: ${file} must export \`command\` with data() and run()`);
    }
    const name = c.data(years).name;
    if (map.has(name)) throw new Error(`commands: ${file} registers "${name}", already registered by ${map.get(name)!.file}`);
    map.set(name, { ...(c as Command), name, file });
  }
  return map;
}
