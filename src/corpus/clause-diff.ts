/**
 * Where two copies of a text differ, widened to whole clauses so that a reader sees `两大文明`
 * against `两大大文明` in context. Both texts are compared in folded form (`fold`), so a difference
 * of script or typography alone is no difference. Pure.
 */
import { diffChars } from 'diff';
import { clauseBoundary } from './text.js';

/** A span where two texts differ: `[bs, be)` in the base text, `[os, oe)` in the other. */
export interface Hunk {
  readonly bs: number;
  readonly be: number;
  readonly os: number;
  readonly oe: number;
}

/** Length of the clause tail at the end of `s` (after its last clause boundary). */
function leftClause(s: string): number {
  const chars = [...s];
  let n = 0;
  for (let i = chars.length - 1; i >= 0 && !clauseBoundary.has(chars[i]!); i--) n += chars[i]!.length;
  return n;
}

/** Length of the clause head at the start of `s`, up to and including its first clause boundary. */
function rightClause(s: string): number {
  let n = 0;
  for (const ch of s) {
    n += ch.length;
    if (clauseBoundary.has(ch)) break;
  }
  return n;
}

/**
 * Every span where `other` differs from `base[start, end)`, each widened to whole clauses, in
 * order. Spans that differ in whitespace alone are included (they shift offsets); callers that
 * only want disagreements compare the two sides without whitespace.
 */
export function clauseHunks(base: string, other: string, start = 0, end = base.length): Hunk[] {
  const parts = diffChars(base.slice(start, end), other);
  // Alternate equal runs and changes: [eq, change, eq, change, …, eq].
  const runs: { eq: boolean; b: string; o: string }[] = [];
  for (const p of parts) {
    const last = runs.at(-1);
    const eq = !p.added && !p.removed;
    if (last && last.eq === eq) {
      if (!p.added) last.b += p.value;
      if (!p.removed) last.o += p.value;
    } else {
      runs.push({ eq, b: p.added ? '' : p.value, o: p.removed ? '' : p.value });
    }
  }
  const hunks: Hunk[] = [];
  let bpos = start;
  let opos = 0;
  let open: { bs: number; os: number } | null = null;
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k]!;
    if (!r.eq) {
      if (!open) {
        // Widen left to the clause start, inside the equal run before.
        const prev = runs[k - 1];
        const back = prev ? leftClause(prev.b) : 0;
        open = { bs: bpos - back, os: opos - back };
      }
    } else if (open && ([...r.b].some((ch) => clauseBoundary.has(ch)) || k === runs.length - 1)) {
      const ahead = rightClause(r.b);
      hunks.push({ ...open, be: bpos + ahead, oe: opos + ahead });
      open = null;
    }
    bpos += r.b.length;
    opos += r.o.length;
  }
  if (open) hunks.push({ ...open, be: bpos, oe: opos });
  return hunks;
}

/**
 * Maps an offset of the base text to the same place in the other text. Exact wherever `at` is not
 * strictly inside a hunk (the texts agree there, so the place is the same). Where a hunk is empty
 * in the base (the other text inserts words at `at`), the start of a place maps before the
 * insertion and its end after it, so the place holds the inserted words.
 */
export function mapOffset(hunks: readonly Hunk[], start: number, at: number, side: 'start' | 'end'): number {
  let delta = -start;
  for (const h of hunks) {
    const before = side === 'end' ? h.be <= at : h.be < at || (h.be === at && h.bs < at);
    if (!before) break;
    delta = h.oe - h.be;
  }
  return at + delta;
}
