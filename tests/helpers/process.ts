/** Fixture: the bot as its npm scripts start it (`src/main.ts`, `src/sharded.ts`), in its own process, logged in to a fake Discord. */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach } from 'vitest';
import type { FakeDiscord } from './fake-discord.js';

/** What the current test started, stopped by `stopProcessesAfterEach`. */
const started = { children: new Set<ChildProcess>(), fakes: new Set<FakeDiscord>() };

/** After each test of the file: kills every process `startProcess` started and closes its fake. */
export function stopProcessesAfterEach(): void {
  afterEach(async () => {
    for (const child of started.children) child.kill('SIGKILL');
    for (const fake of started.fakes) await fake.close();
    started.children.clear();
    started.fakes.clear();
  });
}

export interface BotProcess {
  readonly child: ChildProcess;
  /** Everything it printed, stdout and stderr. */
  readonly out: () => string;
  /** Its JSON log lines, parsed. */
  readonly lines: () => Record<string, unknown>[];
  readonly exit: Promise<number | null>;
}

/** Starts `script` (`src/main.ts` as npm start does, or `src/sharded.ts`) with a token and the fake's URL. */
export function startProcess(script: string, fake: FakeDiscord, token: string, env: Record<string, string> = {}): BotProcess {
  const args = script === 'src/main.ts' ? ['--max-semi-space-size=4', '--import', 'tsx', script] : ['--import', 'tsx', script];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DISCORD_TOKEN: token, DISCORD_API_URL: fake.apiUrl, DISCORD_CLIENT_ID: '', DISCORD_GUILD_ID: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.children.add(child);
  started.fakes.add(fake);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const lines = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { child, out: () => out, lines, exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}
