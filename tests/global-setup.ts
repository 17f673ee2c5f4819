/** Builds the search index once before the test files run (in its own process, as the bot does). */
import { ensureIndex } from '../src/search/index-store.js';

export default function setup(): void {
  ensureIndex();
}
