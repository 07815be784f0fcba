import { describe, expect, it } from 'vitest';
import { drawAhead } from '../../src/lib/draw-ahead.ts';

/** A draw function whose draws end only when the test says so. */
function controlledDraws() {
  const started: string[] = [];
  const finish = new Map<string, { resolve(): void; reject(error: Error): void }>();
  const draw = (job: { key: string }) =>
    new Promise<void>((resolve, reject) => {
      started.push(job.key);
      finish.set(job.key, { resolve, reject });
    });
  return { started, finish, draw };
}

const jobs = ['a', 'b', 'c', 'd', 'e'].map((key) => ({ key }));
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('drawAhead', () => {
  it('draws in queue order, at most `inFlight` at a time', async () => {
    const { started, finish, draw } = controlledDraws();
    drawAhead(jobs, draw, 2);
    expect(started).toEqual(['a', 'b']);
    finish.get('a')!.resolve();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
  });

  it('hands a queued job back to the claimer, who draws it instead: no job is drawn twice', async () => {
    const { started, finish, draw } = controlledDraws();
    const ahead = drawAhead(jobs, draw, 1);
    expect(ahead.claim('c')).toBeUndefined();
    finish.get('a')!.resolve();
    await tick();
    finish.get('b')!.resolve();
    await tick();
    expect(started).toEqual(['a', 'b', 'd']);
  });

  it('makes the claimer of a job in flight wait until it is drawn', async () => {
    const { finish, draw } = controlledDraws();
    const ahead = drawAhead(jobs, draw, 1);
    let settled = false;
    void ahead.claim('a')!.then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    finish.get('a')!.resolve();
    await tick();
    expect(settled).toBe(true);
    expect(ahead.finished).toBe(1);
  });

  it('settles a claim on a failed draw without an error: the claimer draws it and meets the error itself', async () => {
    const { finish, draw } = controlledDraws();
    const ahead = drawAhead(jobs, draw, 1);
    const claim = ahead.claim('a')!;
    finish.get('a')!.reject(new Error('no such font'));
    await expect(claim).resolves.toBeUndefined();
  });

  it('draws jobs that share a key (two articles with the same card) once, and both claims wait for it', async () => {
    const { started, finish, draw } = controlledDraws();
    const ahead = drawAhead([{ key: 'same' }, { key: 'same' }, { key: 'other' }], draw, 4);
    expect(started).toEqual(['same', 'other']);
    const claims = [ahead.claim('same'), ahead.claim('same')];
    expect(claims.every((claim) => claim instanceof Promise)).toBe(true);
    finish.get('same')!.resolve();
    await Promise.all(claims);
  });

  it('says nothing about keys it never had', () => {
    expect(drawAhead([], async () => {}).claim('x')).toBeUndefined();
  });
});
