/**
 * `npm run keywords -- <year> [--vs <year>[,<year>…]] [--json]`: the words and two-word phrases a
 * year says distinctively often against the other years (or those named), by log-likelihood.
 * `--json` prints `{ year, vs, keywords: [{ term, count, otherCount, ll }] }`.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { formulationsOf } from '../formulations/index.js';
import { openSearch } from '../search/open.js';
import { SearchError } from '../search/errors.js';
import { yearArg, yearsArg } from './args.js';
import { UsageError, runCli } from './run.js';

const usage = 'usage: npm run keywords -- <year> [--vs 2021[,2022]] [--json]';

runCli(() => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { vs: { type: 'string' }, json: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UsageError(usage);
  const engine = openSearch(loadConfig().corpusDir ?? undefined);
  const year = yearArg(positionals[0], 'year')!;
  const named = yearsArg(values.vs);
  try {
    engine.checkYear(year);
    for (const y of named) engine.checkYear(y);
  } catch (error) {
    if (error instanceof SearchError) throw new UsageError(error.message);
    throw error;
  }
  if (named.length > 0 && named.every((y) => y === year))
    throw new UsageError(`keywords: ${year} is compared with itself; name another year, or none for all the others`);
  const vs = named.length > 0 ? named.filter((y) => y !== year) : engine.years.filter((y) => y !== year);
  const keywords = formulationsOf(engine).keywords(year, named);
  if (keywords === null) throw new Error('keywords: the index has no keyword data');
  if (values.json) return JSON.stringify({ year, vs, keywords });
  return [
    `${year} against ${vs.join(', ')}: words said distinctively often (log-likelihood G²), in the minister's words`,
    `${'term'.padEnd(12)}${'count'.padStart(7)}${'others'.padStart(8)}${'G²'.padStart(9)}`,
    ...keywords.map(
      (k) =>
        `${k.term}${' '.repeat(Math.max(1, 12 - 2 * [...k.term].length))}${String(k.count).padStart(7)}${String(k.otherCount).padStart(8)}${k.ll.toFixed(2).padStart(9)}`,
    ),
  ].join('\n');
});
