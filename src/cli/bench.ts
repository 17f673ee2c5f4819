/**
 * `npm run bench [-- --json] [-- --rounds N]`: for the real corpus and a synthetic corpus 100× its
 * size made from the real exchanges, the index build time; query and reply latency (median, p99)
 * over the labelled queries, repeated until at least `minTimed` timings; `/compare` over every year;
 * time from process start to the first answer; resident memory when ready (dictionary maps
 * included); and, in the same process over the same documents and queries, plain MiniSearch +
 * nodejieba as the baseline. Each scale runs in a fresh child process, as a user's process would.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../corpus/load.js';
import { positionReply } from '../discord/results.js';
import { BaselineSearch } from '../search/baseline.js';
import { scaleCorpus, type SearchDoc } from '../search/documents.js';
import { SearchEngine, SearchError } from '../search/engine.js';
import type { LabelledQuery } from '../search/evaluate.js';
import { cacheRoot, ensureIndex, projectRoot, readMeta } from '../search/index-store.js';
import { readIndex } from '../search/open.js';
import { formulationsOf } from '../formulations/index.js';
import { chartInput } from '../render/phrase-chart.js';
import { renderChart } from '../render/chart.js';
import { runCli } from './run.js';

/** Fewest timings a p99 is taken from. */
export const minTimed = 2000;
/**
 * `/phrase` lookups timed at each scale. A lookup takes about 0.02 ms, so 2,000 of them last
 * 0.1 s and their p99 is set by 20 samples: one young-generation collection in 150 lookups, the
 * code's first optimised runs and any burst of the machine's own noise decide it. Measured with
 * the bench's phrases (25 × 80 against 25 × 400, four runs each on this 2-core machine): p99
 * 0.55–1.03 ms from 2,000, 0.26–0.40 ms from 10,000, the same code.
 */
export const phraseTimed = 10_000;

const self = fileURLToPath(import.meta.url);
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Times `run` on every query, `rounds` times; median and p99 in ms. */
function timeQueries(queries: readonly LabelledQuery[], rounds: number, run: (q: LabelledQuery) => void): { p50: number; p99: number; n: number } {
  // One untimed round first: a running bot has compiled its code paths; the first answer is `startupMs`.
  for (const q of queries) run(q);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = performance.now();
      run(q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: round2(percentile(times, 50)), p99: round2(percentile(times, 99)), n: times.length };
}

/**
 * Phrases for the `/phrase` timings: frequent and rare words, long set formulations, traditional
 * and spaced forms, English through the dictionary and the topics, several at once, one character.
 */
export const benchPhrases = [
  '多边主义',
  '人类命运共同体',
  '一个中国',
  '和平统一',
  '发展',
  '中美',
  '台湾',
  '乌克兰',
  '全球南方',
  '新质生产力',
  '合作共赢',
  '构建人类命运共同体',
  '多邊主義',
  '多边 主义',
  '“一带一路”',
  '量子纠缠',
  '霸权',
  '疫苗',
  '和',
  'multilateralism',
  'sanctions',
  'community with a shared future',
  'belt and road',
  '多边主义, 人类命运共同体',
  '台湾, 两岸, 统一, 台独, 一个中国',
];

/** A refused query (unknown topic, bad year) is an answer too: its time counts, its error does not stop the run. */
const answered = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (!(error instanceof SearchError)) throw error;
  }
};

/** Child mode: open the engine at a scale, answer once (startup), then time everything. */
function child(scale: number, rounds: number): string {
  const { dir } = ensureIndex(undefined, scale);
  const corpus = loadCorpus();
  const index = readIndex(dir);
  const engine = new SearchEngine({ conferences: scaleCorpus(corpus.conferences, scale), sources: corpus.sources, ...index });
  engine.search('taiwan', { year: 2021, limit: 1 });
  const startupMs = performance.now();
  const rssMB = process.memoryUsage().rss / 2 ** 20;
  const { queries } = JSON.parse(readFileSync(join(projectRoot, 'tests/search/queries.json'), 'utf8')) as { queries: LabelledQuery[] };
  const enough = Math.max(rounds, Math.ceil(minTimed / queries.length));
  const query = timeQueries(queries, enough, (q) => answered(() => engine.search(q.q, { year: q.year ?? null, limit: 5 })));
  const reply = timeQueries(queries, enough, (q) => answered(() => positionReply({ engine }, q.q, q.year ?? null, 1, 'en')));
  const compares: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    engine.compare('taiwan');
    compares.push(performance.now() - t);
  }
  // /phrase as the bot answers it: counts of every year and the first page of lines.
  const phrases = formulationsOf(engine).phrases;
  const phraseRounds = Math.ceil(phraseTimed / benchPhrases.length);
  const phrase = timeQueries(
    benchPhrases.map((q) => ({ q }) as LabelledQuery),
    phraseRounds,
    (q) => phrases.lookup(q.q, { lines: [0, 10] }),
  );
  const view = { lang: 'en' as const, conferences: engine.conferences.slice(0, 3) };
  // Every bench phrase's chart: the largest are those of several phrases (more bars, a longer title and legend).
  const chartReports = benchPhrases.map((q) => phrases.lookup(q, { lines: [0, 0] }));
  let chartBytes = 0;
  const chart = timeQueries(
    chartReports.map((_, i) => ({ q: String(i) }) as LabelledQuery),
    2,
    (q) => {
      const report = chartReports[Number(q.q)]!;
      // The real corpus's three years: the chart the bot attaches (at 100×, the first three years).
      const png = renderChart(chartInput({ ...report, rows: report.rows.map((r) => ({ ...r, years: r.years.slice(0, 3) })) }, view)).png;
      chartBytes = Math.max(chartBytes, png.length);
    },
  );
  const baseline = new BaselineSearch(JSON.parse(readFileSync(join(dir, 'docs.json'), 'utf8')) as SearchDoc[], index.segment);
  const plain = timeQueries(queries, enough, (q) => baseline.search(q.q, q.year ?? null, 5));
  // The baseline answers English with nothing (jieba has no English), so its median over all
  // queries is the cost of tokenising one; on Chinese queries both do the same kind of work.
  const chinese = queries.filter((q) => /\p{Script=Han}/u.test(q.q));
  const chineseRounds = Math.ceil(minTimed / chinese.length);
  const oursChinese = timeQueries(chinese, chineseRounds, (q) => answered(() => engine.search(q.q, { year: q.year ?? null, limit: 5 })));
  const plainChinese = timeQueries(chinese, chineseRounds, (q) => baseline.search(q.q, q.year ?? null, 5));
  return JSON.stringify({
    queryP50Ms: query.p50,
    queryP99Ms: query.p99,
    replyP50Ms: reply.p50,
    replyP99Ms: reply.p99,
    compareMs: round2(compares.sort((a, b) => a - b)[2]!),
    startupMs: round2(startupMs),
    rssMB: round2(rssMB),
    baselineQueryP50Ms: plain.p50,
    baselineQueryP99Ms: plain.p99,
    chineseQueryP50Ms: oursChinese.p50,
    chineseQueryP99Ms: oursChinese.p99,
    baselineChineseQueryP50Ms: plainChinese.p50,
    baselineChineseQueryP99Ms: plainChinese.p99,
    phraseP50Ms: phrase.p50,
    phraseP99Ms: phrase.p99,
    phraseTimed: phrase.n,
    chartP50Ms: chart.p50,
    chartBytes,
    timed: query.n,
    years: engine.years.length,
  });
}

/**
 * The node flags `npm start` runs the bot with (package.json), so that the figures are the bot's.
 * A 4 MB young generation: the bot's allocations are small and short-lived, and node's default
 * (16 MB semi-spaces) reserves about 20 MB more than it ever needs.
 */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [node, ...args] = pkg.scripts.start.split(' ');
  if (node !== 'node') throw new Error(`bench: npm start runs ${node}, not node`);
  // Everything before the script: `--max-semi-space-size=4 --import tsx`.
  return args.slice(
    0,
    args.findIndex((a) => a.endsWith('.ts')),
  );
}

function spawnJson(args: string[]): Record<string, number> {
  const run = spawnSync(process.execPath, [...startFlags(), ...args], { encoding: 'utf8', cwd: projectRoot });
  if (run.status !== 0) throw new Error(`bench: child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

/** Builds the index at a scale from scratch and times it (the build runs in its own process). */
function timeBuild(scale: number): { buildMs: number; keywordsBuildMs: number } {
  const { dir } = ensureIndex(undefined, scale);
  rmSync(dir, { recursive: true, force: true });
  const t = performance.now();
  ensureIndex(undefined, scale);
  const buildMs = round2(performance.now() - t);
  // The builder times its own phases (meta.json): the keywords' share of the build.
  return { buildMs, keywordsBuildMs: readMeta(dir).phases.keywords ?? 0 };
}

/** The targets of issue 8, checked on the figures. */
function targets(real: Record<string, number>, x100: Record<string, number>): { target: string; met: boolean }[] {
  return [
    { target: 'query p50 at 100× no slower than the baseline', met: x100.queryP50Ms! <= x100.baselineQueryP50Ms! },
    { target: 'on Chinese queries, query p50 at 100× no slower than the baseline', met: x100.chineseQueryP50Ms! <= x100.baselineChineseQueryP50Ms! },
    { target: 'reply p99 under 2 ms (real)', met: real.replyP99Ms! < 2 },
    { target: 'reply p99 under 15 ms (100×)', met: x100.replyP99Ms! < 15 },
    // 100× the years and 100× the exchanges: linear means about 100× the time (150× allows for noise).
    { target: '/compare linear in the corpus (100× ≤ 150× real)', met: x100.compareMs! <= 150 * Math.max(real.compareMs!, 0.05) },
    { target: 'index build at 100× under 15 s', met: x100.buildMs! < 15000 },
    { target: 'memory when ready under 150 MB (real)', met: real.rssMB! < 150 },
    { target: '/phrase p99 under 2 ms (real)', met: real.phraseP99Ms! < 2 },
    { target: '/phrase p99 under 20 ms (100×)', met: x100.phraseP99Ms! < 20 },
    { target: 'chart p50 under 100 ms and under 200 KB', met: real.chartP50Ms! < 100 && real.chartBytes! < 200 * 1024 },
    {
      target: 'keywords add under 10% to the index build (both scales)',
      met: [real, x100].every((f) => f.keywordsBuildMs! < 0.1 * (f.buildMs! - f.keywordsBuildMs!)),
    },
  ];
}

runCli(() => {
  const rounds = Number(arg('rounds', '20'));
  if (process.argv.includes('--child')) return child(Number(arg('scale', '1')), rounds);
  const figures: Record<string, Record<string, number>> = {};
  for (const [name, scale] of [
    ['real', 1],
    ['x100', 100],
  ] as const) {
    const build = timeBuild(scale);
    const run = spawnJson([self, '--child', '--scale', String(scale), '--rounds', String(scale === 1 ? rounds : 1)]);
    figures[name] = { ...build, ...run };
  }
  const [real, x100] = [figures.real!, figures.x100!];
  const checks = targets(real, x100);
  if (process.argv.includes('--json')) {
    const strip = ({ timed: _t, years: _y, phraseTimed: _p, ...rest }: Record<string, number>) => rest;
    return JSON.stringify({ real: strip(real), x100: strip(x100), targets: checks });
  }
  const row = (label: string, key: string, unit: string) => `${label.padEnd(44)}${`${real[key]} ${unit}`.padStart(14)}${`${x100[key]} ${unit}`.padStart(16)}`;
  return [
    `node ${process.version} ${startFlags().join(' ')} (as npm start); ${real.timed} timed queries on the real corpus (${real.years} years), ${x100.timed} at 100× (${x100.years} years), after one untimed round`,
    `/phrase: ${real.phraseTimed} timed lookups of ${benchPhrases.length} mixed phrases at each scale, after one untimed round (which builds the phrase text)`,
    `index cache: ${cacheRoot}; the build times leave out the concept map, which is the same for every corpus and built once per dictionary release`,
    '',
    `${''.padEnd(44)}${'real'.padStart(14)}${'100×'.padStart(16)}`,
    row('index build (segment + MiniSearch + maps)', 'buildMs', 'ms'),
    row('query, median', 'queryP50Ms', 'ms'),
    row('query, p99', 'queryP99Ms', 'ms'),
    row('reply (query + Discord payload), median', 'replyP50Ms', 'ms'),
    row('reply (query + Discord payload), p99', 'replyP99Ms', 'ms'),
    row('/compare taiwan, every year', 'compareMs', 'ms'),
    row('process start → first answer', 'startupMs', 'ms'),
    row('resident memory when ready', 'rssMB', 'MB'),
    row('baseline: plain MiniSearch + jieba, median', 'baselineQueryP50Ms', 'ms'),
    row('baseline: plain MiniSearch + jieba, p99', 'baselineQueryP99Ms', 'ms'),
    row('Chinese queries only: ours, median', 'chineseQueryP50Ms', 'ms'),
    row('Chinese queries only: ours, p99', 'chineseQueryP99Ms', 'ms'),
    row('Chinese queries only: baseline, median', 'baselineChineseQueryP50Ms', 'ms'),
    row('Chinese queries only: baseline, p99', 'baselineChineseQueryP99Ms', 'ms'),
    row('/phrase (counts + first lines), median', 'phraseP50Ms', 'ms'),
    row('/phrase (counts + first lines), p99', 'phraseP99Ms', 'ms'),
    row('/phrase chart PNG, median', 'chartP50Ms', 'ms'),
    row('/phrase chart PNG, largest', 'chartBytes', 'B'),
    row('keywords, in the index build', 'keywordsBuildMs', 'ms'),
    '',
    ...checks.map((c) => `${c.met ? 'met    ' : 'NOT MET'}  ${c.target}`),
  ].join('\n');
});
