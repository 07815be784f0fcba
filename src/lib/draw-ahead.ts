/**
 * A queue of images drawn ahead of their use, on another thread, so that the build's main thread
 * (which renders pages one at a time) and the machine's other core both work. Whoever needs an
 * image claims it: one drawn or being drawn is waited for, one still queued is taken off the
 * queue and drawn by the claimer itself, so no image is ever drawn twice.
 */
export interface DrawAhead {
  /** A promise that settles once the image is drawn (or failed), or undefined: draw it yourself. */
  claim(key: string): Promise<void> | undefined;
  /** How many draws have finished so far. */
  readonly finished: number;
}

export function drawAhead<Job extends { key: string }>(jobs: readonly Job[], draw: (job: Job) => Promise<void>, inFlight = 2): DrawAhead {
  const queued = new Map(jobs.map((job) => [job.key, job]));
  const started = new Map<string, Promise<void>>();
  let running = 0;
  let finished = 0;

  const pump = () => {
    for (const [key, job] of queued) {
      if (running >= inFlight) return;
      queued.delete(key);
      running += 1;
      // A failed draw is not this queue's to report: whoever claims it draws it again and meets
      // the error in their own context.
      const done = draw(job)
        .catch(() => {})
        .finally(() => {
          running -= 1;
          finished += 1;
          pump();
        });
      started.set(key, done);
    }
  };
  pump();

  return {
    claim(key) {
      if (queued.delete(key)) return undefined;
      return started.get(key);
    },
    get finished() {
      return finished;
    },
  };
}
