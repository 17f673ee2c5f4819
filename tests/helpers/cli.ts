/** Runs a command-line tool of the project the way `npm run` does (node + tsx), capturing its output. */
import { spawnSync } from 'node:child_process';

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `src/cli/<name>.ts` with arguments and optional standard input. */
export function runTool(name: string, args: readonly string[], input?: string, env: Readonly<Record<string, string>> = {}): CliRun {
  const run = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${name}.ts`, ...args], {
    encoding: 'utf8',
    input: input ?? '',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
