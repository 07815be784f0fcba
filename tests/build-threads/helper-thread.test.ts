/**
 * startHelperThread (src/build-threads/helper-thread.ts) with real worker threads: it starts one
 * on a claim board, hands its results over once, reports what went wrong there to the jobs it had
 * claimed, and ends when told, even while the helper is blocked waiting for the main thread.
 */
import { describe, expect, it } from 'vitest';
import { startHelperThread } from '../../src/build-threads/helper-thread.ts';
import type { Outcome } from '../../src/build-threads/work-ahead.ts';

const HELPER = new URL('./fixtures/work-ahead-helper.ts', import.meta.url);

/** Starts the test helper on `jobs`; `outcomes` resolves once it has posted `count` of them. */
function start(script: URL, jobs: readonly unknown[], count: number, extra: Record<string, unknown> = {}) {
  const seen: Outcome<unknown>[] = [];
  let arrived!: (outcomes: Outcome<unknown>[]) => void;
  const outcomes = new Promise<Outcome<unknown>[]>((resolve) => (arrived = resolve));
  const thread = startHelperThread<unknown>(script, jobs.length, { jobs, ...extra }, 'test', (outcome) => {
    seen.push(outcome);
    if (seen.length === count) arrived(seen);
  });
  return { thread, outcomes };
}

describe('startHelperThread', () => {
  it('starts a worker that does the jobs, and hands each result over once', async () => {
    const { thread, outcomes } = start(HELPER, [1, 2, 3], 3);
    try {
      expect(await outcomes).toEqual([
        { index: 0, value: 10 },
        { index: 1, value: 20 },
        { index: 2, value: 30 },
      ]);
      expect(thread.ahead.done).toBe(3);
      await expect(thread.ahead.take(2)).resolves.toBe(30);
      await expect(thread.ahead.take(0)).resolves.toBe(10);
      // Taken once: asked again, the job is the caller's.
      expect(thread.ahead.take(0)).toBeUndefined();
    } finally {
      await thread.stop();
    }
  });

  it("reports a job's error to the caller who takes it, and goes on with the next job", async () => {
    const { thread, outcomes } = start(HELPER, [1, -2, 3], 3);
    try {
      await outcomes;
      await expect(thread.ahead.take(1)).rejects.toThrow('job -2 cannot be done');
      await expect(thread.ahead.take(2)).resolves.toBe(30);
    } finally {
      await thread.stop();
    }
  });

  it('fails the jobs a thread that died had claimed, and keeps what it had finished', async () => {
    const dying = new URL('./fixtures/dying-helper.ts', import.meta.url);
    const { thread, outcomes } = start(dying, ['never finished', 'done'], 1);
    try {
      expect(await outcomes).toEqual([{ index: 1, value: 'done' }]);
      // Job 0 was claimed and will never come: its taker learns why instead of waiting forever
      // (the thread's own error, or its exit code when that came first).
      const why = /the helper broke|the test thread exited with code 1/;
      await expect(thread.ahead.take(0)).rejects.toThrow(why);
      await expect(thread.ahead.take(1)).resolves.toBe('done');
    } finally {
      await thread.stop();
    }
  });

  it('ends a thread blocked a lead ahead of the main thread, keeping the results received', async () => {
    const { thread, outcomes } = start(HELPER, [1, 2, 3, 4], 1, { lead: 1 });
    await outcomes;
    // The helper now waits for the main thread to ask for job 0 before it starts job 1.
    await thread.stop();
    await expect(thread.ahead.take(0)).resolves.toBe(10);
    expect(thread.ahead.take(1)).toBeUndefined();
  });
});
