/**
 * The thread that checks the links of a run of built pages (link-check-thread.ts). Node runs this
 * file itself (type stripping), so its imports name their .ts files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { scanFiles, type Finding, type LinkCheckInput } from '../lib/link-check.ts';

const { dist, run, ...input } = workerData as Omit<LinkCheckInput, 'readText' | 'onChecked'> & {
  dist: string;
  run: string[];
};

// Only what can change the outcome goes back: a reference that resolves is settled by nothing.
const unsettled: Finding[] = [];
scanFiles({ ...input, readText: (path) => readFileSync(join(dist, path), 'utf8') }, run, (finding) => {
  if (finding.verdict !== undefined) unsettled.push(finding);
});
parentPort!.postMessage(unsettled);
