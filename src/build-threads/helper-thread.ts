/**
 * Starts a worker thread that works through a list of jobs with `workThrough`
 * (work-ahead.ts), and returns the main thread's side of the board. Used by the threads
 * that render article bodies and draw Open Graph cards ahead of the pages.
 */
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { workAhead, workBoard, type Outcome, type WorkAhead } from './work-ahead.ts';

export interface HelperThread<Result> {
  ahead: WorkAhead<Result>;
  stop(): Promise<number>;
}

/**
 * `script` receives `workerData` plus `board`. `name` says which thread died in the error that
 * pages waiting on it get (they then do their jobs themselves); `onOutcome` sees each outcome
 * after the board has.
 */
export function startHelperThread<Result>(
  script: URL,
  jobCount: number,
  workerData: Record<string, unknown>,
  name: string,
  onOutcome?: (outcome: Outcome<Result>) => void,
): HelperThread<Result> {
  // Both helpers use sharp: its native module is loaded on the main thread first, as sharp asks of worker users.
  void sharp;
  const board = workBoard(jobCount);
  const ahead = workAhead<Result>(board);
  const worker = new Worker(script, { workerData: { ...workerData, board } });
  // Never keeps a failed build's process alive.
  worker.unref();
  worker.on('message', (outcome: Outcome<Result>) => {
    ahead.receive(outcome);
    onOutcome?.(outcome);
  });
  worker.on('error', (error) => ahead.abandon(error));
  worker.on(
    'exit',
    (code) => code === 0 || ahead.abandon(new Error(`the ${name} thread exited with code ${code}`)),
  );
  return { ahead, stop: () => worker.terminate() };
}
