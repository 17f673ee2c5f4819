/** Shared entry for command-line tools: print the result, or the error and exit non-zero. */

/** An error whose message is meant for the user as is (bad arguments, unknown year…). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Runs a command-line tool. The body returns the text to print; a thrown error is printed to
 * stderr (as `{"error": …}` on stdout when `--json` was asked for) and the process exits with 1.
 */
export function runCli(body: () => string | Promise<string>): void {
  // A closed pipe (`… | head`) is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const json = process.argv.includes('--json');
  Promise.resolve()
    .then(body)
    .then((text) => {
      if (text !== '') process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (json) process.stdout.write(`${JSON.stringify({ error: message })}\n`);
      else process.stderr.write(`${message}\n`);
      process.exitCode = 1;
    });
}
