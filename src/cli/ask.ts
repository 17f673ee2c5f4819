/**
 * `npm run ask -- <topic words> [--year YYYY] [--limit N] [--json]`: the exchanges about a topic.
 * `--batch` reads one JSON query per line from stdin (`{"q": "taiwan", "year": 2021}`) and prints
 * one JSON answer per line, in order, from one process.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import type { SearchEngine, SearchResponse } from '../search/engine.js';
import { formatResponse } from '../search/format.js';
import { openSearch } from '../search/open.js';
import { countArg, yearArg } from './args.js';
import { UsageError, runCli } from './run.js';

/** The JSON shape of one answer. */
function toJson(res: SearchResponse) {
  return {
    query: res.query,
    year: res.year,
    terms: res.terms,
    topics: res.topics,
    outcome: res.outcome,
    ignored: res.ignored,
    corrected: res.corrected,
    notMentioned: res.notMentioned,
    perYear: res.perYear,
    results: res.results.map((r) => ({
      id: r.id,
      year: r.year,
      date: r.date,
      conference: r.conference,
      questioner: r.questioner,
      question: r.question,
      answer: r.answer,
      quote: r.quote,
      sources: r.sources,
      variants: r.variants,
      match: r.match,
    })),
  };
}

async function batch(engine: SearchEngine): Promise<string> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    let out: unknown;
    try {
      const q = JSON.parse(line) as { q?: unknown; year?: unknown; limit?: unknown };
      if (typeof q.q !== 'string') throw new UsageError('batch: each line needs "q" (a string)');
      if (q.year !== undefined && q.year !== null && typeof q.year !== 'number') throw new UsageError('batch: "year" must be a number');
      out = toJson(engine.searchKnown(q.q, { year: q.year ?? null, limit: typeof q.limit === 'number' ? q.limit : undefined }));
    } catch (error) {
      out = { error: error instanceof Error ? error.message : String(error) };
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  return '';
}

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { year: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' }, batch: { type: 'boolean' } },
  });
  const engine = openSearch(loadConfig().corpusDir ?? undefined);
  if (values.batch) return batch(engine);
  const query = positionals.join(' ');
  if (query.trim() === '') throw new UsageError('usage: npm run ask -- <topic words> [--year YYYY] [--limit N] [--json]');
  const res = engine.searchKnown(query, { year: yearArg(values.year), limit: countArg(values.limit, '--limit') });
  return values.json ? JSON.stringify(toJson(res)) : formatResponse(res);
});
