/**
 * Loaded into the bot by `npm run soak` only (`--expose-gc --import tests/soak-probe.ts`): on
 * SIGUSR2 it runs a full garbage collection and writes the memory figures to SOAK_PROBE_FILE, so
 * that the soak can tell memory the bot keeps from garbage V8 has not collected yet.
 */
import { writeFileSync } from 'node:fs';

const file = process.env['SOAK_PROBE_FILE'];
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
