/** Argument helpers shared by the command-line tools. */
import { UsageError } from './run.js';

/** Parses a four-digit year option; undefined when absent. */
export function yearArg(value: string | undefined, name = '--year'): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/u.test(value.trim())) throw new UsageError(`${name}: expected a year like 2024, got "${value}"`);
  return Number(value);
}

/** Parses a comma-separated list of years (`2021,2024`). */
export function yearsArg(value: string | undefined): number[] {
  if (value === undefined || value.trim() === '') return [];
  return value
    .split(/[,\s]+/u)
    .filter(Boolean)
    .map((y) => yearArg(y, '--years')!);
}

/** Parses a positive whole number option. */
export function countArg(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/u.test(value) || Number(value) < 1 || Number(value) > 50) throw new UsageError(`${name}: expected a number from 1 to 50, got "${value}"`);
  return Number(value);
}
