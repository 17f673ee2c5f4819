/**
 * Where each part of the corpus lives in the web edition (`npm run site`): one address per
 * conference, exchange and copy, derived from stable ids, never from anything that can move. The
 * bot uses the same paths for its permalinks, so a link in a reply and the page always agree. Pure.
 */

/** The page of an exchange, from its stable id: `2024-06` → `2024/06/`. */
export function exchangePath(id: string): string {
  const m = /^(\d{4})-(\d{2,})$/u.exec(id);
  if (!m) throw new RangeError(`not an exchange id: ${id}`);
  return `${m[1]}/${m[2]}/`;
}

/** The page of a conference: `2024/`. */
export function conferencePath(year: number): string {
  return `${year}/`;
}

/** The page of a copy, from its file name: `002_bc82054929ba87a5.txt` → `copies/002_bc82054929ba87a5/`. */
export function copyPath(file: string): string {
  return `copies/${encodeURIComponent(file.replace(/\.txt$/u, ''))}/`;
}

/** An absolute address: the site's public URL (ending in `/`) and a path. */
export function permalink(publicUrl: string, path: string): string {
  return `${publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`}${path}`;
}

/** The page of a phrase's counts: `多边主义` → `phrases/多边主义/` (percent-encoded in the address). */
export function phrasePath(term: string): string {
  return `phrases/${encodeURIComponent(term)}/`;
}
