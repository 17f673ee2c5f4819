/**
 * `npm run bench [-- --json] [-- --rounds N]`: index build time, query latency (median, p99) over the
 * labelled queries, time from process start to the first answer, and resident memory when ready,
 * for the real corpus and a synthetic corpus 100× its size made from the real exchanges.
 * Each figure comes from a fresh child process, as a user's process would start.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../corpus/load.js';
import { scaleCorpus } from '../search/documents.js';
import { SearchEngine } from '../search/engine.js';
import type { LabelledQuery } from '../search/evaluate.js';
import { cacheRoot, ensureIndex, projectRoot } from '../search/index-store.js';
import { loadQuerySegmenter } from '../search/segment.js';
import { runCli } from './run.js';

const self = fileURLToPath(import.meta.url);
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Child mode: open the engine at a scale, answer once (startup), then time the labelled queries. */
function child(scale: number, rounds: number): string {
  const { dir } = ensureIndex(undefined, scale);
  const engine = new SearchEngine({
    conferences: scaleCorpus(loadCorpus().conferences, scale),
    indexJson: readFileSync(join(dir, 'index.json'), 'utf8'),
    segment: loadQuerySegmenter(join(dir, 'jieba')),
  });
  engine.search('taiwan', { year: 2021, limit: 1 });
  const startupMs = performance.now();
  const rssMB = process.memoryUsage().rss / 2 ** 20;
  const { queries } = JSON.parse(readFileSync(join(projectRoot, 'tests/search/queries.json'), 'utf8')) as { queries: LabelledQuery[] };
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = performance.now();
      engine.search(q.q, { year: q.year ?? null, limit: 5 });
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return JSON.stringify({
    startupMs: round2(startupMs),
    rssMB: round2(rssMB),
    queryP50Ms: round2(percentile(times, 50)),
    queryP99Ms: round2(percentile(times, 99)),
    queries: times.length,
  });
}

function spawnJson(args: string[]): Record<string, number> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8', cwd: projectRoot });
  if (run.status !== 0) throw new Error(`bench: child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

/** Builds the index at a scale from scratch and times it (the build runs in its own process). */
function timeBuild(scale: number): number {
  const { dir } = ensureIndex(undefined, scale);
  rmSync(dir, { recursive: true, force: true });
  const t = performance.now();
  ensureIndex(undefined, scale);
  return round2(performance.now() - t);
}

runCli(() => {
  const rounds = Number(arg('rounds', '20'));
  if (process.argv.includes('--child')) return child(Number(arg('scale', '1')), rounds);
  const figures: Record<string, Record<string, number>> = {};
  for (const [name, scale] of [
    ['real', 1],
    ['x100', 100],
  ] as const) {
    const buildMs = timeBuild(scale);
    const run = spawnJson([self, '--child', '--scale', String(scale), '--rounds', String(scale === 1 ? rounds : Math.max(1, Math.round(rounds / 4)))]);
    figures[name] = { buildMs, queryP50Ms: run.queryP50Ms!, queryP99Ms: run.queryP99Ms!, startupMs: run.startupMs!, rssMB: run.rssMB!, queries: run.queries! };
  }
  if (process.argv.includes('--json')) {
    const strip = ({ queries: _q, ...rest }: Record<string, number>) => rest;
    return JSON.stringify({ real: strip(figures.real!), x100: strip(figures.x100!) });
  }
  const row = (label: string, key: string, unit: string) =>
    `${label.padEnd(36)}${`${figures.real![key]} ${unit}`.padStart(14)}${`${figures.x100![key]} ${unit}`.padStart(16)}`;
  return [
    `node ${process.version}, ${figures.real!.queries} timed queries on the real corpus, ${figures.x100!.queries} at 100× (index cache: ${cacheRoot})`,
    '',
    `${''.padEnd(36)}${'real'.padStart(14)}${'100×'.padStart(16)}`,
    row('index build (segment + MiniSearch)', 'buildMs', 'ms'),
    row('query latency, median', 'queryP50Ms', 'ms'),
    row('query latency, p99', 'queryP99Ms', 'ms'),
    row('process start → first answer', 'startupMs', 'ms'),
    row('resident memory when ready', 'rssMB', 'MB'),
  ].join('\n');
});
