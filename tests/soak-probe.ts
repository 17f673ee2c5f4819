/**
 * Loaded into the bot by `npm run soak` only (`--expose-gc --import tests/soak-probe.ts`): on
 * SIGUSR2 it runs a full garbage collection and writes the memory figures to `<pid>.json` in
 * SOAK_PROBE_DIR (each shard is a process of its own), so
 * that the soak can tell memory the bot keeps from garbage V8 has not collected yet.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env['SOAK_PROBE_DIR'];
const file = dir ? join(dir, `${process.pid}.json`) : undefined;
const gc = (globalThis as { gc?: () => void }).gc;
if (file && gc) {
  process.on('SIGUSR2', () => {
    const raw = process.memoryUsage();
    gc();
    const collected = process.memoryUsage();
    const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
    writeFileSync(file, JSON.stringify({ rssMB: mb(raw.rss), gcRssMB: mb(collected.rss), gcHeapUsedMB: mb(collected.heapUsed) }));
  });
}
