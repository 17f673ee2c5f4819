/**
 * Reading the corpus folder: every `*.txt` file is a copy; `sources.json` says what the text
 * cannot (publisher, priority); `ids.json` keeps exchange ids stable. The only I/O of the corpus
 * layer; `buildCorpus` below is pure.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pruneCache, touch } from '../cache.js';
import { fileURLToPath } from 'node:url';
import { CorpusError } from './conference.js';
import { decodeSource } from './decode.js';
import { assignIds, type IdEntry, type IdRegistry } from './ids.js';
import { mergeCopies, type CopyLines, type Coverage } from './merge.js';
import type { Conference, Corpus, Exchange, Rejection, SourceInfo } from './model.js';
import { parseSource, type ParsedSource } from './parse.js';

/** The corpus folder of this project. */
export const defaultCorpusDir = resolve(fileURLToPath(new URL('../../corpus', import.meta.url)));

/** Priority of a file that `sources.json` does not list. */
export const defaultPriority = 0;

/** An exchange with what is needed to rebuild each copy's text (see `rebuild.ts`). */
export type LoadedExchange = Exchange & { readonly coverage: readonly Coverage[]; readonly questionSources: readonly string[]; readonly lines: readonly CopyLines[] };
export type LoadedConference = Omit<Conference, 'exchanges'> & { readonly exchanges: readonly LoadedExchange[] };

/** The model with what the loader learned on the way. */
export interface LoadedCorpus extends Omit<Corpus, 'conferences'> {
  readonly conferences: readonly LoadedConference[];
  readonly sources: readonly SourceInfo[];
  /** Ids given for the first time in this load, not yet recorded in ids.json. */
  readonly newIds: Readonly<Record<string, readonly IdEntry[]>>;
}

/** A raw copy: its file name and its bytes as published (or, for tests, its text). */
export type RawSource = { readonly file: string; readonly bytes: Uint8Array } | { readonly file: string; readonly text: string };

/** The most common value, ties broken by the smallest. */
function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

/**
 * Builds the corpus model from raw copies. Pure: the same input gives the same model, whatever the
 * files' order or names. A file that is not a copy of a conference is rejected on its own, with
 * its reason; the rest loads.
 */
export function buildCorpus(raw: readonly RawSource[], infos: readonly SourceInfo[], registry: IdRegistry): LoadedCorpus {
  const infoOf = new Map(infos.map((i) => [i.file, i]));
  const rejected: Rejection[] = [];
  const duplicates: { source: string; of: string }[] = [];

  // Decode, and read a text printed twice (byte for byte, or once more in another encoding or with
  // other line endings) once.
  const firstOf = new Map<string, string>();
  const texts: { file: string; text: string }[] = [];
  for (const r of [...raw].sort((a, b) => a.file.localeCompare(b.file))) {
    let text: string;
    if ('text' in r) text = r.text;
    else {
      const decoded = decodeSource(r.bytes);
      if (!decoded.ok) {
        rejected.push({ source: r.file, reason: { kind: 'undecodable', detail: decoded.reason } });
        continue;
      }
      text = decoded.text;
    }
    // The same text with other line endings or trailing blanks is the same copy.
    const key = text
      .replace(/^\uFEFF/u, '')
      .replace(/\r\n?/gu, '\n')
      .replace(/[ \t\u00a0\u3000]+$/gmu, '')
      .trim();
    const seen = firstOf.get(key);
    if (seen !== undefined) duplicates.push({ source: r.file, of: seen });
    else {
      firstOf.set(key, r.file);
      texts.push({ file: r.file, text });
    }
  }

  // Copies whose header names the minister first; then those whose conference sources.json states
  // (a continuation page), which take the minister named by the other copies of that year.
  const parsed: ParsedSource[] = [];
  const parse = (t: { file: string; text: string }) => {
    const outcome = parseSource(t.file, t.text, infoOf.get(t.file), (year) => mostCommon(parsed.filter((p) => p.conference.year === year).map((p) => p.minister)));
    if (outcome.ok) parsed.push(outcome.parsed);
    else rejected.push({ source: t.file, reason: outcome.reason });
  };
  texts.filter((t) => !infoOf.get(t.file)?.conference).forEach(parse);
  texts.filter((t) => infoOf.get(t.file)?.conference).forEach(parse);

  const byYear = new Map<number, ParsedSource[]>();
  for (const p of parsed) byYear.set(p.conference.year, [...(byYear.get(p.conference.year) ?? []), p]);

  const conferences: LoadedConference[] = [];
  const newIds: Record<string, IdEntry[]> = {};
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    // Every copy must agree on the session and the date that the others (or sources.json) give.
    let copies = byYear.get(year)!;
    // The session compared by its numbers: 第十四届全国人民代表大会第二次会议 is 十四届全国人大二次会议.
    const npcOf = (c: ParsedSource) => `${c.conference.npc.term}/${c.conference.npc.session}`;
    const session = mostCommon(copies.map(npcOf))!;
    const sessionName = copies.find((c) => npcOf(c) === session)!.conference.session;
    const stated = copies.map((c) => infoOf.get(c.file)?.conference?.date).find((d) => d !== undefined);
    const date = stated ?? mostCommon(copies.flatMap((c) => (c.conference.date === null ? [] : [c.conference.date])));
    copies = copies.filter((c) => {
      const by = copies.filter((o) => o !== c).map((o) => o.file);
      if (npcOf(c) !== session) {
        rejected.push({ source: c.file, reason: { kind: 'session-mismatch', year, session: c.conference.session, conferenceSession: sessionName, by } });
        return false;
      }
      if (date !== undefined && c.conference.date !== null && c.conference.date !== date) {
        rejected.push({ source: c.file, reason: { kind: 'date-mismatch', year, date: c.conference.date, conferenceDate: date, by } });
        return false;
      }
      return true;
    });
    if (copies.length === 0) continue;
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
      date: date ?? null,
      session: first.conference.session,
      npc: first.conference.npc,
      minister: mostCommon(copies.map((c) => c.minister))!,
      sources: ranked.map((r) => r.parsed.file),
      exchanges: merged.map((e, i) => ({ ...e, id: ids[i]!, conferenceId: id })),
    });
  }
  const used = new Set(conferences.flatMap((c) => c.sources));
  const kept = parsed.filter((p) => used.has(p.file));
  return {
    conferences,
    removed: kept.flatMap((p) => p.removed),
    rejected: rejected.sort((a, b) => a.source.localeCompare(b.source)),
    duplicates,
    // A copy sources.json does not list gets the defaults, said once per file.
    warnings: [
      ...kept.filter((p) => !infoOf.has(p.file)).map((p) => ({ source: p.file, line: 0, kind: 'unlisted-source' as const })),
      ...kept.flatMap((p) => p.warnings),
    ],
    sources: infos,
    newIds,
  };
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
    if (info.url !== undefined && !/^https?:\/\/[^\s<>]+$/u.test(info.url)) throw new CorpusError(`corpus: sources.json gives ${info.file} the url "${info.url}", which is not an http(s) address`);
    if (info.title !== undefined && typeof info.title !== 'string') throw new CorpusError(`corpus: sources.json gives ${info.file} a title that is not a string`);
  }
  return infos;
}

/**
 * Reads `ids.json` of a corpus folder (empty when absent) and checks it: every entry an id of its
 * conference (`2021-07` under `2021`) with a key, and no id twice. A broken registry would silently
 * renumber exchanges, and every shared link with them.
 * @throws CorpusError naming the id or entry that is wrong
 */
export function readIdRegistry(dir: string): IdRegistry {
  const path = join(dir, 'ids.json');
  const registry = readJson<unknown>(path, {});
  if (typeof registry !== 'object' || registry === null || Array.isArray(registry)) throw new CorpusError(`corpus: ${path} must map conference ids to lists of ids`);
  const seen = new Set<string>();
  for (const [conference, entries] of Object.entries(registry as Record<string, unknown>)) {
    if (!Array.isArray(entries)) throw new CorpusError(`corpus: ${path}: "${conference}" must be a list of {"id", "key"} entries`);
    for (const entry of entries as unknown[]) {
      const { id, key } = (entry ?? {}) as { id?: unknown; key?: unknown };
      if (typeof id !== 'string' || typeof key !== 'string' || !new RegExp(`^${conference}-\\d{2,}$`, 'u').test(id)) {
        throw new CorpusError(`corpus: ${path}: entry ${JSON.stringify(entry)} under "${conference}" needs an "id" like ${conference}-01 and a "key"`);
      }
      if (seen.has(id)) throw new CorpusError(`corpus: ${path}: the id ${id} is recorded twice; each exchange keeps one id, so remove the wrong entry`);
      seen.add(id);
    }
  }
  return registry as IdRegistry;
}

/** Where built models are kept, by the hash of everything they are built from. */
export const modelCache = resolve(fileURLToPath(new URL('../../.cache/corpus', import.meta.url)));
/** The corpus layer's own code and data: a change to any of them builds the model anew. */
const corpusCodeDir = fileURLToPath(new URL('.', import.meta.url));

/** What the model of a corpus folder is built from, and the file its cached model is kept in. */
export function corpusInputs(dir: string): { raw: RawSource[]; infos: SourceInfo[]; registry: IdRegistry; cached: string } {
  if (!existsSync(dir)) throw new CorpusError(`corpus: folder ${dir} does not exist`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (files.length === 0) throw new CorpusError(`corpus: no .txt transcripts in ${dir}`);
  const raw = files.map((file) => ({ file, bytes: readFileSync(join(dir, file)) }));
  const infos = readSourceInfo(dir, files);
  const registry = readIdRegistry(dir);
  const h = createHash('sha256');
  for (const f of readdirSync(corpusCodeDir).sort()) if (/\.(?:ts|json)$/u.test(f)) h.update(f).update(readFileSync(join(corpusCodeDir, f)));
  for (const r of raw) h.update(r.file).update(r.bytes);
  h.update(JSON.stringify(infos)).update(JSON.stringify(registry));
  return { raw, infos, registry, cached: join(modelCache, `${h.digest('hex').slice(0, 20)}.json`) };
}

/**
 * Loads the corpus folder: every `.txt` file in it, with its sources and ids.
 *
 * `buildCorpus` is pure, so its result is cached under `.cache/corpus/`, keyed by the bytes of
 * every file it reads and of the corpus code: a start reads the model in milliseconds instead of
 * parsing and aligning every copy again (and leaves none of that garbage in memory). A cached
 * model that cannot be read is built again.
 */
export function loadCorpus(dir: string = defaultCorpusDir): LoadedCorpus {
  const { raw, infos, registry, cached } = corpusInputs(dir);
  if (existsSync(cached)) {
    try {
      const model = JSON.parse(readFileSync(cached, 'utf8')) as LoadedCorpus;
      touch(cached);
      return model;
    } catch {
      // Unreadable (a crash mid-write, a full disk): build it again below.
    }
  }
  const corpus = buildCorpus(raw, infos, registry);
  try {
    mkdirSync(modelCache, { recursive: true });
    const tmp = `${cached}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(corpus));
    renameSync(tmp, cached);
    // Models of earlier corpora and code, unused for a month, go (see cache.ts).
    pruneCache(modelCache, [basename(cached)]);
  } catch {
    // A read-only checkout still runs; it parses at every start.
  }
  return corpus;
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
