/**
 * `npm run corpus`: a readable report of the corpus model.
 * `--json` prints the model; `--write-ids` records newly given exchange ids in corpus/ids.json.
 * `CORPUS_DIR` (see .env.example) reads another corpus folder.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { defaultCorpusDir, loadCorpus, readIdRegistry, registryWithNewIds } from '../corpus/load.js';
import { corpusJson, corpusReport } from '../corpus/report.js';
import { runCli } from './run.js';

runCli(() => {
  const args = process.argv.slice(2);
  const corpusDir = loadConfig().corpusDir ?? defaultCorpusDir;
  const corpus = loadCorpus(corpusDir);
  if (args.includes('--write-ids')) {
    const registry = registryWithNewIds(corpus, readIdRegistry(corpusDir));
    writeFileSync(join(corpusDir, 'ids.json'), `${JSON.stringify(registry, null, 2)}\n`);
    const added = Object.values(corpus.newIds).flat().length;
    return `corpus: recorded ${added} new id(s) in corpus/ids.json`;
  }
  if (args.includes('--json')) return JSON.stringify(corpusJson(corpus));
  const pending = Object.values(corpus.newIds).flat();
  const note =
    pending.length > 0 ? `\n\nNote: ${pending.length} exchange id(s) are not yet recorded; run npm run corpus -- --write-ids to keep them stable.` : '';
  return corpusReport(corpus) + note;
});
