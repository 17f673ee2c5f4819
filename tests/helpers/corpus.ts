/** Fixtures: the real corpus, loaded once per test file, and its raw copies. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCorpusDir, loadCorpus, readIdRegistry, readSourceInfo, type LoadedCorpus } from '../../src/corpus/load.js';
import type { IdRegistry } from '../../src/corpus/ids.js';
import type { SourceInfo } from '../../src/corpus/model.js';
import { parseSource, type ParsedSource } from '../../src/corpus/parse.js';
import { foldCompact } from '../../src/corpus/script.js';

/** A raw copy read as UTF-8 text. */
export interface RawText {
  readonly file: string;
  readonly text: string;
}

let cached: LoadedCorpus | undefined;

/** The project's corpus, as the bot loads it. */
export function realCorpus(): LoadedCorpus {
  cached ??= loadCorpus(defaultCorpusDir);
  return cached;
}

/** The raw copies in corpus/, untouched. */
export function rawSources(): RawText[] {
  return readdirSync(defaultCorpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(defaultCorpusDir, file), 'utf8') }));
}

/** The raw copy whose text contains `marker` (fixtures are found by content, not by file name). */
export function rawContaining(marker: string): RawText {
  const hit = rawSources().find((r) => r.text.includes(marker));
  if (!hit) throw new Error(`fixture: no corpus file contains ${marker}`);
  return hit;
}

/** Text with whitespace and markdown emphasis removed, for "verbatim ignoring whitespace and markup". */
export function plain(text: string): string {
  return text
    .replace(/^\s*(?:#{1,6}|[-*+])\s+/gmu, '')
    .replace(/\*\*|__/gu, '')
    .replace(/\s+/gu, '');
}

/** Text folded for script and typography, without whitespace or markdown: "the same words". */
export function same(text: string): string {
  return foldCompact(plain(text));
}

/** Parses a copy that must be accepted. */
export function parsed(file: string, text: string, info?: SourceInfo): ParsedSource {
  const outcome = parseSource(file, text, info);
  if (!outcome.ok) throw new Error(`fixture: ${file} was rejected (${outcome.reason.kind})`);
  return outcome.parsed;
}

/** What `buildCorpus` takes for the project's corpus: its raw copies, sources.json and ids.json. */
export function corpusInputs(): { raws: RawText[]; infos: SourceInfo[]; registry: IdRegistry } {
  const raws = rawSources();
  return {
    raws,
    infos: readSourceInfo(
      defaultCorpusDir,
      raws.map((r) => r.file),
    ),
    registry: readIdRegistry(defaultCorpusDir),
  };
}
