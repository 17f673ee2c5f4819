/**
 * Discord's rules for registering application commands (docs: Application Commands → Application
 * Command Object), as the fake enforces them on `PUT …/commands`. discord.js's builders' validators
 * are used where they state Discord's rule (descriptions, locales, localization maps, option and
 * choice counts); names use Discord's documented pattern, which also allows the apostrophe that
 * the builders' pattern leaves out.
 */
import { ContextMenuCommandAssertions, SlashCommandAssertions } from 'discord.js';

/** CHAT_INPUT names and option names (docs), lowercase where a lowercase form exists. */
const chatName = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const maxCharacters = 8000;

type Json = any;

function attempt(what: string, check: () => unknown): string | null {
  try {
    check();
    return null;
  } catch (error) {
    return `${what}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function nameProblem(name: unknown, where: string): string | null {
  if (typeof name !== 'string' || !chatName.test(name)) return `${where}: name ${JSON.stringify(name)} does not match ${chatName.source}`;
  if (name !== name.toLocaleLowerCase()) return `${where}: name ${JSON.stringify(name)} must be lowercase`;
  return null;
}

function localizationProblems(o: Json, where: string): (string | null)[] {
  const out: (string | null)[] = [];
  for (const key of ['name_localizations', 'description_localizations'] as const) {
    if (o[key] == null) continue;
    out.push(attempt(`${where}: ${key}`, () => SlashCommandAssertions.validateLocalizationMap(o[key])));
    for (const [locale, value] of Object.entries(o[key] as Record<string, unknown>)) {
      out.push(attempt(`${where}: ${key} locale ${locale}`, () => SlashCommandAssertions.validateLocale(locale)));
      out.push(
        key === 'name_localizations'
          ? nameProblem(value, `${where} (${locale})`)
          : attempt(`${where}: description (${locale})`, () => SlashCommandAssertions.validateDescription(value)),
      );
    }
  }
  return out;
}

/** Characters Discord counts for a command: names, descriptions and choice values, the longest localization of each. */
function characters(o: Json): number {
  const longest = (value: unknown, localizations: unknown) =>
    Math.max(typeof value === 'string' ? value.length : 0, ...Object.values((localizations ?? {}) as Record<string, string>).map((v) => v.length));
  let n = longest(o.name, o.name_localizations) + longest(o.description, o.description_localizations);
  for (const c of o.choices ?? []) n += longest(c.name, c.name_localizations) + String(c.value).length;
  for (const child of o.options ?? []) n += characters(child);
  return n;
}

function optionProblems(options: Json[] | undefined, where: string): (string | null)[] {
  if (options === undefined) return [];
  const out: (string | null)[] = [attempt(`${where}: options`, () => SlashCommandAssertions.validateMaxOptionsLength(options))];
  const names = new Set<string>();
  let optionalSeen = false;
  for (const o of options) {
    const at = `${where} option ${String(o.name)}`;
    out.push(
      nameProblem(o.name, at),
      attempt(`${at}: description`, () => SlashCommandAssertions.validateDescription(o.description)),
    );
    out.push(...localizationProblems(o, at));
    if (names.has(o.name)) out.push(`${at}: duplicate option name`);
    names.add(o.name);
    if (o.type === 1 || o.type === 2) {
      out.push(...optionProblems(o.options, at));
      continue;
    }
    if (o.required === true && optionalSeen) out.push(`${at}: a required option must come before every optional one`);
    if (o.required !== true) optionalSeen = true;
    if (o.autocomplete === true && (o.choices?.length ?? 0) > 0) out.push(`${at}: autocomplete may not be set with choices`);
    if (o.choices !== undefined) {
      out.push(attempt(`${at}: choices`, () => SlashCommandAssertions.validateChoicesLength(0, o.choices)));
      for (const c of o.choices as Json[]) {
        if (typeof c.name !== 'string' || c.name.length < 1 || c.name.length > 100) out.push(`${at}: choice name must be 1–100 characters`);
        if (typeof c.value === 'string' && (c.value.length < 1 || c.value.length > 100)) out.push(`${at}: choice value must be 1–100 characters`);
        if (c.name_localizations != null)
          out.push(attempt(`${at}: choice name_localizations`, () => SlashCommandAssertions.validateLocalizationMap(c.name_localizations)));
      }
    }
  }
  return out;
}

/** The first rule a command breaks, or null. */
export function commandViolation(c: Json): string | null {
  const type = c?.type ?? 1;
  const where = `command ${String(c?.name)}`;
  let problems: (string | null)[];
  if (type === 1) {
    problems = [nameProblem(c.name, where), attempt(`${where}: description`, () => SlashCommandAssertions.validateDescription(c.description))];
    problems.push(...localizationProblems(c, where), ...optionProblems(c.options, where));
  } else if (type === 2 || type === 3) {
    problems = [
      attempt(`${where}: name`, () => ContextMenuCommandAssertions.validateName(c.name)),
      c.description ? `${where}: a context menu command has no description` : null,
      c.options ? `${where}: a context menu command has no options` : null,
    ];
    if (c.name_localizations != null)
      problems.push(attempt(`${where}: name_localizations`, () => SlashCommandAssertions.validateLocalizationMap(c.name_localizations)));
  } else problems = [`${where}: unknown type ${String(type)}`];
  if (c.contexts != null) problems.push(attempt(`${where}: contexts`, () => SlashCommandAssertions.contextsPredicate.parse(c.contexts)));
  if (c.integration_types != null)
    problems.push(attempt(`${where}: integration_types`, () => SlashCommandAssertions.integrationTypesPredicate.parse(c.integration_types)));
  if (characters(c) > maxCharacters) problems.push(`${where}: more than ${maxCharacters} characters`);
  return problems.find((p) => p !== null) ?? null;
}

/** The first rule a bulk overwrite breaks: each command's, and one name per type. */
export function registrationViolation(body: unknown): string | null {
  if (!Array.isArray(body)) return 'expected an array of commands';
  if (body.length > 100) return 'more than 100 commands';
  const seen = new Set<string>();
  for (const c of body) {
    const problem = commandViolation(c);
    if (problem) return problem;
    const key = `${c.type ?? 1}:${c.name}`;
    if (seen.has(key)) return `command ${c.name}: registered twice`;
    seen.add(key);
  }
  return null;
}
