/**
 * `npm run health [-- <file>]`: exits 0 when the bot's health file (HEALTH_FILE, or the file given)
 * is fresh and says ready, for every shard under `start:sharded`; otherwise exits 1 with the reason.
 * Made for a container HEALTHCHECK or a systemd timer (README).
 */
import { ConfigError, loadConfig } from '../config.js';
import { checkHealth, unhealthyMessage } from '../discord/health.js';

function main(): number {
  const file = process.argv[2] ?? loadConfig().healthFile;
  if (!file) {
    console.error('health: HEALTH_FILE is not set and no file was given (npm run health -- /path/to/file)');
    return 2;
  }
  const problem = checkHealth(file);
  if (problem) {
    console.error(unhealthyMessage(problem));
    return 1;
  }
  console.log(`health: ok (${file})`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
