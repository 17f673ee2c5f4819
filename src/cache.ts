/**
 * Keeping the build caches (`.cache/corpus/`, `.cache/search/`) from growing without end. Every
 * entry is keyed by what it was built from, so each change of the corpus or the code leaves the old
 * entry behind, unused. Entries are touched when used; when a new one is written, those no process
 * has used for `staleAfterMs` go. An entry a running process still uses was touched when it opened.
 */
import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

/** An entry unused this long is removed when another is built. */
export const staleAfterMs = 30 * 24 * 60 * 60 * 1000;
/** A half-written entry (a build that crashed) is removed after a day. */
export const abandonedAfterMs = 24 * 60 * 60 * 1000;

/** Marks a cache entry as used now. A read-only checkout keeps working without the mark. */
export function touch(path: string): void {
  const now = new Date();
  try {
    utimesSync(path, now, now);
  } catch {
    // Read-only: the entry may be pruned by another checkout's build, and is then built again.
  }
}

/**
 * Removes the entries of `dir` last used before `now - staleAfterMs` (half-written ones, named
 * `*.tmp-*`, after a day), except `keep`. Returns the names removed. Never fails: a cache that
 * cannot be pruned is only a full disk later.
 */
export function pruneCache(dir: string, keep: readonly string[] = [], now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (keep.includes(name)) continue;
    const path = join(dir, name);
    try {
      const age = now - statSync(path).mtimeMs;
      if (age > (name.includes('.tmp-') ? abandonedAfterMs : staleAfterMs)) {
        rmSync(path, { recursive: true, force: true });
        removed.push(name);
      }
    } catch {
      // Gone meanwhile (another process pruned it): nothing to do.
    }
  }
  return removed;
}
