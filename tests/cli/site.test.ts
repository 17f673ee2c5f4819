import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '../../src/site/browser.js';
import { runTool } from '../helpers/cli.js';

const tmp = () => join(mkdtempSync(join(tmpdir(), 'position-site-cli-')), 'site');

describe('npm run site', () => {
  it('builds the site and prints its budgets: build time, total size, the largest page and its paint beside a baseline', () => {
    const run = runTool('site', ['--out', tmp(), '--stats', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const stats = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(stats.pages).toBeGreaterThan(70);
    expect(stats.buildMs).toBeGreaterThan(0);
    expect(stats.totalBytes).toBeGreaterThan(stats.largestPageBytes);
    expect(stats.largestPage).toMatch(/index\.html$/u);
    if (chromiumPath()) {
      expect(stats.largestPageFcpMs).toBeGreaterThan(0);
      expect(stats.baselineFcpMs).toBeGreaterThan(0);
    } else expect(stats.largestPageFcpMs).toBeNull();
  }, 90_000);

  it('previews on 127.0.0.1 with --serve', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/site.ts', '--out', tmp(), '--serve', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += String(chunk);
          const m = /serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/u.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`site --serve exited with ${code}: ${out}`)));
      });
      const page = await fetch(`${url}2022/11/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('亚太地区是大国博弈的“棋盘”');
    } finally {
      child.kill('SIGTERM');
    }
  }, 90_000);

  it('refuses a bad port, an unknown option, a file and a folder it did not write, with the reason and a non-zero exit', () => {
    const port = runTool('site', ['--port', 'abc']);
    expect(port.status).toBe(1);
    expect(port.stderr).toContain('--port: expected a port number, got "abc"');
    const dir = mkdtempSync(join(tmpdir(), 'position-mine-'));
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const clobber = runTool('site', ['--out', dir]);
    expect(clobber.status).toBe(1);
    expect(clobber.stderr).toContain('exists and was not written by npm run site');
    const file = runTool('site', ['--out', join(dir, 'notes.txt')]);
    expect(file.status).toBe(1);
    expect(file.stderr).toContain('notes.txt is a file, not a folder; choose another --out');
    const bogus = runTool('site', ['--bogus']);
    expect(bogus.status).toBe(1);
    expect(bogus.stderr).toContain("Unknown option '--bogus'");
  });
});
