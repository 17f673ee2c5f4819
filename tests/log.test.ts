import { describe, expect, it } from 'vitest';
import { createLogger, prettyLine } from '../src/log.js';

const secret = 'MTAwMDAwMDAwMDAwMDAwMDAy.GfAkE1.secret_value_0123456789';

function capture(format: 'json' | 'pretty', level: 'info' | 'debug' = 'info') {
  const lines: string[] = [];
  return { lines, log: createLogger({ format, level, secret, write: (l) => lines.push(l) }) };
}

describe('structured logs', () => {
  it('writes one JSON object per line, with level, message, bindings and the error', () => {
    const { lines, log } = capture('json');
    log.child({ req: '1234' }).error({ err: new Error('boom') }, 'it failed');
    log.debug('not at info');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, any>;
    expect(entry).toMatchObject({ level: 50, msg: 'it failed', req: '1234', err: { type: 'Error', message: 'boom' } });
    expect(entry['err'].stack).toContain('log.test.ts');
  });

  it('removes the token from every line, wherever an error carries it', () => {
    const { lines, log } = capture('json');
    log.error({ err: new Error(`401 with Bot ${secret}`), header: `Bot ${secret}` }, `request with ${secret}`);
    expect(lines[0]).not.toContain(secret);
    expect(lines[0]!.split('[token]')).toHaveLength(5); // message, header, error message and its stack
  });

  it('prints a short line for a person at a terminal, stack indented', () => {
    const { lines, log } = capture('pretty');
    log.child({ req: '99', what: '/position' }).warn({ code: 50013 }, 'missing permission');
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}missing permission {2}req=99 what=\/position code=50013\n$/u);
    const withStack = prettyLine(JSON.stringify({ level: 50, time: 0, msg: 'x', err: { stack: 'Error: y\n    at z' } }));
    expect(withStack).toBe('00:00:00.000 ERROR x\n    Error: y\n        at z\n');
  });
});
