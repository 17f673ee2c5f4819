/**
 * Structured logs through pino: levels, one JSON object per line in production, a short readable
 * line in a terminal, and a secret (the bot token) removed from every line, whatever an error
 * carries. Each interaction logs through a child with its own request id (`interactions.ts`).
 */
import { pino, stdSerializers, type Logger as PinoLogger } from 'pino';

/** The logger the bot writes to: pino's, so that children carry bindings such as a request id. */
export type Logger = PinoLogger;

/** How lines are written: JSON for a log collector, or pretty for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

/** pino's levels, least to most severe. */
export const logLevels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** Options of `createLogger`. */
export interface LogOptions {
  readonly format: LogFormat;
  readonly level: LogLevel;
  /** Removed from every line (replaced by `[token]`); null when there is none. */
  readonly secret: string | null;
  /** Where finished lines go; standard output by default. */
  readonly write?: (line: string) => void;
  /** Fields on every line (for example the shard). */
  readonly base?: Record<string, unknown>;
}

/** Removes a secret from a log line, wherever it appears. Short values are not treated as secrets. */
export function redact(text: string, secret: string | null): string {
  return secret && secret.length >= 8 ? text.split(secret).join('[token]') : text;
}

/** A logger writing synchronously (a line is out before a fatal exit), with the secret removed. */
export function createLogger(options: LogOptions): Logger {
  const write = options.write ?? ((line: string) => void process.stdout.write(line));
  const destination = { write: options.format === 'pretty' ? (line: string) => write(prettyLine(line)) : write };
  return pino(
    {
      level: options.level,
      base: { pid: process.pid, ...options.base },
      serializers: { err: stdSerializers.err },
      hooks: { streamWrite: (line) => redact(line, options.secret) },
    },
    destination,
  );
}

const levelNames: Readonly<Record<number, string>> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** One JSON line as a person reads it: time, level, message, the other fields, then any stack. */
export function prettyLine(json: string): string {
  const { level, time, msg, err, pid: _pid, ...fields } = JSON.parse(json) as Record<string, unknown>;
  const at = typeof time === 'number' ? new Date(time).toISOString().slice(11, 23) : '';
  const rest = Object.entries(fields)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  const stack = err && typeof err === 'object' && 'stack' in err ? `\n    ${String(err.stack).replaceAll('\n', '\n    ')}` : '';
  return `${at} ${(levelNames[level as number] ?? String(level)).padEnd(5)} ${typeof msg === 'string' ? msg : ''}${rest ? `  ${rest}` : ''}${stack}\n`;
}
