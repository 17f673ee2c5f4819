/**
 * Years typed inside a query (`taiwan 2024`, `2024 taiwan`, `台湾 2024年`, `2024年台湾`): they filter
 * like the year option. Works on normalised text (NFKC has made full-width digits ASCII). Pure.
 */

/** A four-digit year of the last two centuries, alone or followed by 年. */
const typedYear = /(?<![\p{N}])((?:19|20)\d{2})(?:\s*年(?:的)?)?(?![\p{N}])/gu;

/**
 * The distinct years a query names, and the query without them. A number inside one of `keep`
 * (topic forms such as `2030 agenda`) is part of that form, not a year.
 */
export function yearsInQuery(normalized: string, keep: readonly string[] = []): { years: number[]; rest: string } {
  const kept: string[] = [];
  let masked = normalized;
  for (const form of keep) {
    if (!masked.includes(form)) continue;
    kept.push(form);
    masked = masked.split(form).join(`\u0002${kept.length - 1}\u0002`);
  }
  const years = [...new Set([...masked.matchAll(typedYear)].map((m) => Number(m[1])))];
  const rest = masked
    .replace(typedYear, ' ')
    // eslint-disable-next-line no-control-regex -- U+0002 marks where a kept form stood
    .replace(/\u0002(\d+)\u0002/gu, (_, i: string) => kept[Number(i)]!)
    .replace(/\s+/gu, ' ')
    .trim();
  return { years, rest };
}
