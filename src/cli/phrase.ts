/**
 * `npm run phrase -- "<phrase>[,<phrase>…]" [--year Y] [--scope answers|questions|both] [--json | --csv] [--png FILE]`:
 * how often each phrase is said per conference year, with every line in context. `--json` prints
 * `{ phrases: [{ query, counted, years, occurrences }] }`, `--csv` the lines for a spreadsheet,
 * `--png` writes the chart the bot attaches.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { formulationsOf } from '../formulations/index.js';
import { PhraseError, readScope } from '../formulations/input.js';
import type { Occurrence, PhraseReport } from '../formulations/phrase.js';
import { renderChart, textChart } from '../render/chart.js';
import { chartInput, copyTag } from '../render/phrase-chart.js';
import { openSearch } from '../search/open.js';
import { SearchError } from '../search/errors.js';
import { yearArg } from './args.js';
import { UsageError, runCli } from './run.js';

const usage = 'usage: npm run phrase -- "<phrase>[,<phrase>…]" [--year 2024] [--scope answers|questions|both] [--json | --csv] [--png FILE]';

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
const csvField = (v: string | number) => (/[",\r\n]/u.test(String(v)) ? `"${String(v).replace(/"/gu, '""')}"` : String(v));

/** The lines as CSV, one row per line, with a byte-order mark so spreadsheets read the Chinese as UTF-8. */
export function phraseCsv(report: PhraseReport): string {
  const header = ['query', 'counted', 'id', 'year', 'field', 'left', 'match', 'right', 'copies', 'not_in', 'only_in'];
  const rows = report.rows.flatMap((r) =>
    r.occurrences.map((o) =>
      [r.query, r.counted, o.id, o.year, o.field, o.left, o.match, o.right, o.copies.join(' '), (o.notIn ?? []).join(' '), (o.onlyIn ?? []).join(' ')]
        .map(csvField)
        .join(','),
    ),
  );
  return `\uFEFF${[header.join(','), ...rows].join('\r\n')}\r\n`;
}

/** The JSON of the issue: phrases with their counts per year and their lines. */
export function phraseJson(report: PhraseReport): string {
  const occurrence = (o: Occurrence) => ({
    id: o.id,
    year: o.year,
    field: o.field,
    left: o.left,
    match: o.match,
    right: o.right,
    copies: o.copies,
    ...(o.onlyIn ? { onlyIn: o.onlyIn } : {}),
    ...(o.notIn ? { notIn: o.notIn } : {}),
  });
  return JSON.stringify({
    scope: report.scope,
    year: report.year,
    corrected: report.corrected,
    omitted: report.omitted,
    phrases: report.rows.map((r) => ({
      query: r.query,
      counted: r.counted,
      via: r.via,
      years: r.years.map((y) => ({ year: y.year, count: y.count, per10k: y.per10k, chars: y.chars })),
      lines: r.lineCount,
      ...(r.capped ? { capped: true } : {}),
      occurrences: r.occurrences.map(occurrence),
    })),
  });
}

/** The report as text: counts per year, the text chart, the lines. */
function phraseText(report: PhraseReport, years: readonly number[]): string {
  const out: string[] = [];
  for (const c of report.corrected) out.push(`read as: ${c.from} → ${c.to}`);
  for (const r of report.rows) {
    out.push(`${r.counted}${r.via === 'typed' ? '' : ` (${r.query} → ${r.counted}, ${r.via})`}`);
    for (const y of r.years) out.push(`  ${y.year}  ${String(y.count).padStart(5)}  ${y.per10k.toFixed(2).padStart(7)} per 10,000 characters (of ${y.chars})`);
  }
  for (const o of report.omitted) out.push(`not counted (more than five terms): ${o.query} → ${o.terms.join('、')}`);
  out.push('', textChart({ years, series: report.rows.map((r) => ({ label: r.counted, values: r.years.map((y) => y.count) })), decimals: 0 }), '');
  for (const r of report.rows) {
    out.push(
      `${r.counted}: ${r.lineCount} line${r.lineCount === 1 ? '' : 's'}${report.year === null ? '' : ` in ${report.year}`}${r.capped ? ` (the first ${r.occurrences.length} listed)` : ''}`,
    );
    for (const o of r.occurrences) {
      const notes = [
        ...(o.notIn ? [`not in ${o.notIn.map(copyTag).join(', ')}`] : []),
        ...(o.onlyIn ? [`only in ${o.onlyIn.map(copyTag).join(', ')}, not counted`] : []),
      ];
      out.push(
        `${o.id} · ${o.leftCut ? '…' : ''}${o.left}【${o.match}】${o.right}${o.rightCut ? '…' : ''}${notes.length > 0 ? `  (${notes.join('; ')})` : ''}`,
      );
    }
  }
  return out.join('\n');
}

runCli(() => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { year: { type: 'string' }, scope: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' }, png: { type: 'string' } },
  });
  const text = positionals.join(' ');
  if (values.json && values.csv) throw new UsageError(`--json and --csv: choose one\n${usage}`);
  try {
    const scope = readScope(values.scope);
    const engine = openSearch(loadConfig().corpusDir ?? undefined);
    const year = engine.checkYear(yearArg(values.year));
    const report = formulationsOf(engine).phrases.lookup(text, { year, scope });
    if (values.png !== undefined) {
      writeFileSync(values.png, renderChart(chartInput(report, { lang: 'en', conferences: engine.conferences })).png);
    }
    if (values.json) return phraseJson(report);
    if (values.csv) return phraseCsv(report);
    return phraseText(report, engine.years);
  } catch (error) {
    if (error instanceof PhraseError && error.problem.kind === 'empty') throw new UsageError(`${error.message}\n${usage}`);
    if (error instanceof PhraseError || error instanceof SearchError) throw new UsageError(error.message);
    throw error;
  }
});
