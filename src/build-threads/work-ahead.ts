/**
 * A list of jobs shared by the build's main thread and a helper thread, so that both of the
 * machine's cores work: the helper works through the list in order, ahead of the main thread;
 * the main thread takes each result when it needs it, or does the job itself when the helper has
 * not got to it yet. No job is done twice.
 *
 * Who does a job is decided by a compare-and-swap on a SharedArrayBuffer, not by messages: the
 * main thread is often busy for seconds (content sync, rendering pages), and a helper fed through
 * its event loop sat idle for half of that time (docs/performance.md). Results travel back as
 * messages and wait on the main thread until taken. A helper given a `lead` stays at most that
 * many jobs ahead of the furthest job the main thread has asked for, which bounds how many results
 * can wait (a job whose page Astro restores from its cache is never asked for).
 */

/** What the helper sends for each job it did. */
export type Outcome<Result> = { index: number; value: Result } | { index: number; error: string };

/** Anything a helper can post its outcomes to (a worker thread's parentPort). */
export interface OutcomePort<Result> {
  postMessage(outcome: Outcome<Result>): void;
}

/** The board's cells: one per job, then "jobs asked for so far". */
export const workBoard = (jobs: number) => new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (jobs + 1));

/** A job's cell: nobody's yet, the helper's, or the main thread's (done there, or handed over). */
const UNCLAIMED = 0;
const HELPERS = 1;
const MAINS = 2;

const claim = (cells: Int32Array, index: number, by: number) =>
  Atomics.compareExchange(cells, index, UNCLAIMED, by) === UNCLAIMED;

/** How long the helper sleeps before looking again whether the main thread moved on. */
const WAIT_MS = 200;

/**
 * The helper's side: does every job it can claim, in order, `parallel` at a time (to overlap one
 * job's JavaScript with another's native work), and posts each outcome. With a `lead`, it blocks
 * (this thread only) while it is that far ahead of the main thread.
 */
export async function workThrough<Job, Result>(
  board: SharedArrayBuffer,
  jobs: readonly Job[],
  run: (job: Job) => Promise<Result>,
  port: OutcomePort<Result>,
  { lead = Number.POSITIVE_INFINITY, parallel = 1 } = {},
): Promise<void> {
  const cells = new Int32Array(board);
  const askedCell = jobs.length;
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      for (
        let asked = Atomics.load(cells, askedCell);
        index >= asked + lead;
        asked = Atomics.load(cells, askedCell)
      ) {
        Atomics.wait(cells, askedCell, asked, WAIT_MS);
      }
      if (!claim(cells, index, HELPERS)) continue;
      try {
        port.postMessage({ index, value: await run(jobs[index]!) });
      } catch (error) {
        // Not the helper's to report: the main thread does the job again and meets the error itself.
        port.postMessage({ index, error: String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** The main thread's side. */
export interface WorkAhead<Result> {
  /**
   * The helper's result for job `index` (a promise, rejected if the helper failed), or undefined
   * when the job is the caller's to do: the helper had not started it, or it was taken before
   * (the helper's result is handed over once).
   */
  take(index: number): Promise<Result> | undefined;
  /** Feeds an outcome the helper posted. */
  receive(outcome: Outcome<Result>): void;
  /** Fails every take still waiting and every later one the helper had claimed, e.g. when the helper thread died. */
  abandon(reason: Error): void;
  /** How many jobs the helper has done so far. */
  readonly done: number;
}

export function workAhead<Result>(board: SharedArrayBuffer): WorkAhead<Result> {
  const cells = new Int32Array(board);
  const askedCell = cells.length - 1;
  const arrived = new Map<number, Outcome<Result>>();
  const waiting = new Map<number, { resolve(value: Result): void; reject(error: Error): void }>();
  let done = 0;
  let abandoned: Error | undefined;

  const settle = (
    outcome: Outcome<Result>,
    to: { resolve(value: Result): void; reject(error: Error): void },
  ) => {
    if ('error' in outcome) to.reject(new Error(outcome.error));
    else to.resolve(outcome.value);
  };

  const markAsked = (index: number) => {
    for (let asked = Atomics.load(cells, askedCell); index + 1 > asked;) {
      const before = Atomics.compareExchange(cells, askedCell, asked, index + 1);
      if (before === asked) {
        Atomics.notify(cells, askedCell);
        return;
      }
      asked = before;
    }
  };

  return {
    take(index) {
      markAsked(index);
      if (claim(cells, index, MAINS) || Atomics.load(cells, index) === MAINS) return undefined;
      // Only this thread writes MAINS, so nothing can change the cell between the load and here.
      Atomics.store(cells, index, MAINS);
      const outcome = arrived.get(index);
      arrived.delete(index);
      return new Promise<Result>((resolve, reject) => {
        if (outcome) settle(outcome, { resolve, reject });
        else if (abandoned) reject(abandoned);
        else waiting.set(index, { resolve, reject });
      });
    },
    receive(outcome) {
      done += 1;
      const taker = waiting.get(outcome.index);
      waiting.delete(outcome.index);
      if (taker) settle(outcome, taker);
      else arrived.set(outcome.index, outcome);
    },
    abandon(reason) {
      abandoned = reason;
      for (const taker of waiting.values()) taker.reject(reason);
      waiting.clear();
    },
    get done() {
      return done;
    },
  };
}
