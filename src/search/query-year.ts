/**
 * Years typed inside a query (`taiwan 2024`, `2024 taiwan`, `台湾 2024年`, `2024年台湾`): they filter
 * like the year option. Works on normalised text (NFKC has made full-width digits ASCII). Pure.
 */

/** A four-digit year of the last two centuries, alone or followed by 年. */
const typedYear = /(?<![\p{N}])((?:19|20)\d{2})(?:\s*年(?:的)?)?(?![\p{N}])/gu;

/** The distinct years a query names, and the query without them. */
export function yearsInQuery(normalized: string): { years: number[]; rest: string } {
  const years = [...new Set([...normalized.matchAll(typedYear)].map((m) => Number(m[1])))];
  return { years, rest: normalized.replace(typedYear, ' ').replace(/\s+/gu, ' ').trim() };
}
