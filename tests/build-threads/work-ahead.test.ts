import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { workAhead, workBoard, workThrough, type Outcome } from '../../src/build-threads/work-ahead.ts';

/** A helper running on this thread, its outcomes fed straight to the main side. */
function sameThread(jobs: string[], run: (job: string) => Promise<string>) {
  const board = workBoard(jobs.length);
  const main = workAhead<string>(board);
  const ran: string[] = [];
  const helper = () =>
    workThrough(
      board,
      jobs,
      async (job) => {
        ran.push(job);
        return run(job);
      },
      { postMessage: (outcome: Outcome<string>) => main.receive(outcome) },
    );
  return { main, ran, helper };
}

describe('workAhead and workThrough', () => {
  it('hands the main thread the results the helper worked out, in any order it asks', async () => {
    const { main, helper } = sameThread(['a', 'b', 'c'], async (job) => job.toUpperCase());
    await helper();
    expect(main.done).toBe(3);
    await expect(main.take(2)).resolves.toBe('C');
    await expect(main.take(0)).resolves.toBe('A');
  });

  it('leaves a job the main thread claimed first to the main thread: no job is done twice', async () => {
    const { main, ran, helper } = sameThread(['a', 'b', 'c'], async (job) => job);
    expect(main.take(1)).toBeUndefined();
    await helper();
    expect(ran).toEqual(['a', 'c']);
  });

  it("hands a result over once: a second take of the same job is the caller's to do", async () => {
    const { main, ran, helper } = sameThread(['a', 'b'], async (job) => job);
    expect(main.take(0)).toBeUndefined();
    await helper();
    await expect(main.take(1)).resolves.toBe('b');
    expect(main.take(1)).toBeUndefined();
    expect(main.take(0)).toBeUndefined();
    expect(ran).toEqual(['b']);
  });

  it('makes a take wait for a job the helper is still doing', async () => {
    let finish!: (value: string) => void;
    const { main, helper } = sameThread(['slow'], () => new Promise((resolve) => (finish = resolve)));
    const done = helper();
    await Promise.resolve();
    const taken = main.take(0)!;
    expect(taken).toBeInstanceOf(Promise);
    finish('ready');
    await done;
    await expect(taken).resolves.toBe('ready');
  });

  it("rejects the take of a job the helper failed, with the helper's error", async () => {
    const { main, helper } = sameThread(['bad'], async () => {
      throw new Error('no such font');
    });
    await helper();
    await expect(main.take(0)).rejects.toThrow('no such font');
  });

  it('fails waiting and later takes of claimed jobs once abandoned (the helper died)', async () => {
    const { main, helper } = sameThread(['a', 'b'], () => new Promise(() => {}));
    void helper();
    await Promise.resolve();
    const waiting = main.take(0)!;
    main.abandon(new Error('helper exited'));
    await expect(waiting).rejects.toThrow('helper exited');
  });

  it('runs `parallel` jobs at once, claiming them in order', async () => {
    const board = workBoard(3);
    const main = workAhead<string>(board);
    const started: string[] = [];
    const finish = new Map<string, () => void>();
    const helper = workThrough(
      board,
      ['a', 'b', 'c'],
      (job) => {
        started.push(job);
        return new Promise<string>((resolve) => finish.set(job, () => resolve(job)));
      },
      { postMessage: (outcome: Outcome<string>) => main.receive(outcome) },
      { parallel: 2 },
    );
    expect(started).toEqual(['a', 'b']);
    finish.get('b')!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual(['a', 'b', 'c']);
    finish.get('a')!();
    finish.get('c')!();
    await helper;
    expect(main.done).toBe(3);
  });

  it('keeps a helper thread at most `lead` jobs ahead of the furthest job asked for', async () => {
    const jobs = [0, 1, 2, 3, 4, 5, 6, 7];
    const board = workBoard(jobs.length);
    const main = workAhead<number>(board);
    const arrived: number[] = [];
    const worker = new Worker(new URL('./fixtures/work-ahead-helper.ts', import.meta.url), {
      workerData: { board, jobs, lead: 3 },
    });
    const nextOutcome = () =>
      new Promise<void>((resolve) =>
        worker.once(
          'message',
          (outcome: Outcome<number>) => (main.receive(outcome), arrived.push(outcome.index), resolve()),
        ),
      );
    try {
      for (let index = 0; index < 3; index++) await nextOutcome();
      // Blocked now: give it time to go wrong before checking it did not.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(arrived).toEqual([0, 1, 2]);
      const next = nextOutcome();
      await expect(main.take(1)).resolves.toBe(10);
      await next;
      await nextOutcome();
      expect(arrived).toEqual([0, 1, 2, 3, 4]);
    } finally {
      await worker.terminate();
    }
  });
});
