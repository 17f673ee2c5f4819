/** `npm run compare -- <topic> [--years 2021,2024] [--json]`: the best exchange per year, or none. */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { formatCompare } from '../search/format.js';
import { openSearch } from '../search/open.js';
import { yearsArg } from './args.js';
import { UsageError, runCli } from './run.js';

runCli(() => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { years: { type: 'string' }, json: { type: 'boolean' } } });
  const topic = positionals.join(' ');
  if (topic.trim() === '') throw new UsageError('usage: npm run compare -- <topic> [--years 2021,2024] [--json]');
  const res = openSearch(loadConfig().corpusDir ?? undefined).compare(topic, yearsArg(values.years));
  if (!values.json) return formatCompare(res);
  return JSON.stringify({ topic: res.topic, terms: res.terms, topics: res.topics, years: res.years.map((y) => ({ year: y.year, result: y.result })) });
});
