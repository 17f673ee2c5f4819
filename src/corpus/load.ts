/**
 * Reading the corpus folder: every `*.txt` file is a copy; `sources.json` says what the text
 * cannot (publisher, priority); `ids.json` keeps exchange ids stable. The only I/O of the corpus
 * layer; `buildCorpus` below is pure.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusError } from './conference.js';
import { assignIds, type IdEntry, type IdRegistry } from './ids.js';
import { mergeCopies, type Coverage } from './merge.js';
import type { Conference, Exchange, Removal, SourceInfo } from './model.js';
import { parseSource, type ParsedSource } from './parse.js';

/** The corpus folder of this project. */
export const defaultCorpusDir = resolve(fileURLToPath(new URL('../../corpus', import.meta.url)));

/** Priority of a file that `sources.json` does not list. */
export const defaultPriority = 0;

/** An exchange with the coverage of each copy kept (needed to rebuild each copy's text). */
export type LoadedExchange = Exchange & { readonly coverage: readonly Coverage[] };
export type LoadedConference = Omit<Conference, 'exchanges'> & { readonly exchanges: readonly LoadedExchange[] };

/** The model with what the loader learned on the way. */
export interface LoadedCorpus {
  readonly conferences: readonly LoadedConference[];
  readonly removed: readonly Removal[];
  readonly sources: readonly SourceInfo[];
  /** Ids given for the first time in this load, not yet recorded in ids.json. */
  readonly newIds: Readonly<Record<string, readonly IdEntry[]>>;
}

/** A raw copy: its file name and text. */
export interface RawSource {
  readonly file: string;
  readonly text: string;
}

/**
 * Builds the corpus model from raw copies. Pure: the same input gives the same model.
 * @throws CorpusError naming the file whose conference cannot be told
 */
export function buildCorpus(raw: readonly RawSource[], infos: readonly SourceInfo[], registry: IdRegistry): LoadedCorpus {
  const infoOf = new Map(infos.map((i) => [i.file, i]));
  const parsed = raw.map((r) => parseSource(r.file, r.text, infoOf.get(r.file)));
  const byYear = new Map<number, ParsedSource[]>();
  for (const p of parsed) byYear.set(p.conference.year, [...(byYear.get(p.conference.year) ?? []), p]);

  const conferences: LoadedConference[] = [];
  const newIds: Record<string, IdEntry[]> = {};
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const copies = byYear.get(year)!;
    const sessions = new Set(copies.map((c) => `${c.conference.npc.term}/${c.conference.npc.session}`));
    if (sessions.size > 1) {
      throw new CorpusError(`corpus: copies of ${year} disagree on the NPC session (${copies.map((c) => `${c.file}: ${c.conference.session}`).join('; ')})`);
    }
    const ranked = copies
      .map((parsedCopy) => ({ parsed: parsedCopy, priority: infoOf.get(parsedCopy.file)?.priority ?? defaultPriority }))
      .sort((a, b) => b.priority - a.priority || a.parsed.file.localeCompare(b.parsed.file));
    const merged = mergeCopies(ranked);
    const id = String(year);
    const { ids, added } = assignIds(id, merged, registry);
    if (added.length > 0) newIds[id] = added;
    const first = ranked[0]!.parsed;
    conferences.push({
      id,
      year,
      date: ranked.map((r) => r.parsed.conference.date).find((d) => d !== null) ?? null,
      session: first.conference.session,
      npc: first.conference.npc,
      minister: first.minister,
      sources: ranked.map((r) => r.parsed.file),
      exchanges: merged.map((e, i) => ({ ...e, id: ids[i]!, conferenceId: id })),
    });
  }
  return { conferences, removed: parsed.flatMap((p) => p.removed), sources: infos, newIds };
}

function readJson<T>(path: string, fallback: T): T {
  if (!existsSync(path)) return fallback;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new CorpusError(`corpus: ${path} is not valid JSON (${(error as Error).message})`);
  }
}

/** Reads `sources.json` of a corpus folder and checks every entry names a file that exists. */
export function readSourceInfo(dir: string, files: readonly string[]): SourceInfo[] {
  const doc = readJson<{ sources?: SourceInfo[] }>(join(dir, 'sources.json'), { sources: [] });
  const infos = doc.sources ?? [];
  for (const info of infos) {
    if (typeof info.file !== 'string' || typeof info.priority !== 'number') {
      throw new CorpusError(`corpus: sources.json entry ${JSON.stringify(info)} needs "file" and a numeric "priority"`);
    }
    if (!files.includes(info.file)) throw new CorpusError(`corpus: sources.json lists ${info.file}, which is not in ${dir}`);
  }
  return infos;
}

/** Reads `ids.json` of a corpus folder (empty when absent). */
export function readIdRegistry(dir: string): IdRegistry {
  return readJson<IdRegistry>(join(dir, 'ids.json'), {});
}

/** Loads the corpus folder: every `.txt` file in it, with its sources and ids. */
export function loadCorpus(dir: string = defaultCorpusDir): LoadedCorpus {
  if (!existsSync(dir)) throw new CorpusError(`corpus: folder ${dir} does not exist`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (files.length === 0) throw new CorpusError(`corpus: no .txt transcripts in ${dir}`);
  const raw = files.map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
  return buildCorpus(raw, readSourceInfo(dir, files), readIdRegistry(dir));
}

/** The registry with this load's new ids added, in conference order (what `--write-ids` saves). */
export function registryWithNewIds(corpus: LoadedCorpus, registry: IdRegistry): IdRegistry {
  const out: Record<string, IdEntry[]> = {};
  for (const c of corpus.conferences) {
    const keep = registry[c.id] ?? [];
    out[c.id] = [...keep, ...(corpus.newIds[c.id] ?? [])];
  }
  for (const [k, v] of Object.entries(registry)) out[k] ??= [...v];
  return out;
}
