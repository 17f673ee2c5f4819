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

/** One line of `--batch` read as a query, or what is wrong with it. */
function readBatchLine(line: string): { q: string; year: number | null; limit: number | undefined } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new UsageError('batch: the line is not JSON; each line is one object like {"q": "taiwan", "year": 2021}');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(
      `batch: the line is ${value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not an object like {"q": "taiwan", "year": 2021}`,
    );
  }
  const { q, year, limit } = value as { q?: unknown; year?: unknown; limit?: unknown };
  if (typeof q !== 'string') throw new UsageError(`batch: "q" must be a string (the topic), not ${q === undefined ? 'missing' : JSON.stringify(q)}`);
  if (year !== undefined && year !== null && !Number.isInteger(year))
    throw new UsageError(`batch: "year" must be a whole number like 2021, not ${JSON.stringify(year)}`);
  if (limit !== undefined && (!Number.isInteger(limit) || (limit as number) < 1))
    throw new UsageError(`batch: "limit" must be a whole number of 1 or more, not ${JSON.stringify(limit)}`);
  return { q, year: (year as number | undefined) ?? null, limit: limit as number | undefined };
}

async function batch(engine: SearchEngine): Promise<string> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    let out: unknown;
    try {
      const { q, year, limit } = readBatchLine(line);
      out = toJson(engine.searchKnown(q, { year, limit }));
    } catch (error) {
      // Each bad line gets its own error (the answer for that line); the lines after it still run.
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
