/** Fixture: a console-mode session over the real corpus, lines in, what it printed out. */
import { PassThrough, Readable } from 'node:stream';
import { loadCommands } from '../../src/discord/commands.js';
import { runConsole } from '../../src/discord/console.js';
import { realEngine } from './search.js';

/** Runs console mode on these lines, as `npm start` without a token would. */
export async function session(lines: string[], lang: 'en' | 'zh-CN' = 'en'): Promise<{ out: string; err: string; code: number }> {
  const engine = realEngine();
  const commands = await loadCommands(undefined, engine.years);
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: string[] = [];
  const errChunks: string[] = [];
  out.on('data', (c) => chunks.push(String(c)));
  err.on('data', (c) => errChunks.push(String(c)));
  const code = await runConsole(Readable.from(lines.map((l) => `${l}\n`)), out, err, commands, { engine }, lang);
  return { out: chunks.join(''), err: errChunks.join(''), code };
}
