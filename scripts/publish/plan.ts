/**
 * The first step of every deploy and pull-request run: decides, before `npm ci`, whether to build
 * and whether to run `npm test`, and fixes the build clock. Prints `key=value` lines for
 * $GITHUB_OUTPUT on stdout and the reasons on stderr (the run's log).
 *
 *   node scripts/publish/plan.ts --event schedule --record deployed-record.json --head <sha>
 *   node scripts/publish/plan.ts --event pull_request --since HEAD^1 --head HEAD
 *
 * build: always, except a scheduled run when the deployed site is of this commit and nothing fell
 *        due since its clock (scripts/publish/due.ts).
 * test:  when anything outside content/ changed since the deployed commit (or --since), or when
 *        that cannot be told (no record, commit not fetchable).
 * clock: now, as PUBLISH_NOW for the build and the next publish record.
 */
import { parseArgs } from 'node:util';
import { changedPaths, codeAmong } from './code-paths.ts';
import { dueBetween, readContent } from './due.ts';
import { readRecordFile, type PublishRecord } from './record.ts';

export interface Plan {
  build: boolean;
  test: boolean;
  clock: string;
  reasons: string[];
}

export interface PlanInput {
  event: string;
  head: string;
  /** The deployed site's publish record, when it could be read. */
  record?: PublishRecord | undefined;
  recordProblem?: string | undefined;
  /** Compare with this commit instead of the deployed one (pull requests: the base). */
  since?: string | undefined;
  now: Date;
  contentDir: string;
  cwd: string;
}

const list = (items: string[], most = 5) =>
  items.slice(0, most).join(', ') + (items.length > most ? ` and ${items.length - most} more` : '');

export function plan(input: PlanInput): Plan {
  const reasons: string[] = [];
  const clock = input.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const base = input.since ?? input.record?.commit;

  let test = true;
  if (!base)
    reasons.push(
      `tests: ${input.recordProblem ?? 'no deployed commit known'}, so the code counts as changed`,
    );
  else {
    try {
      const code = codeAmong(changedPaths(base, input.head, input.cwd));
      test = code.length > 0;
      reasons.push(
        test
          ? `tests: code changed since ${base.slice(0, 12)}: ${list(code)}`
          : `tests: only content/ changed since ${base.slice(0, 12)}: skipped`,
      );
    } catch (error) {
      reasons.push(`tests: ${(error as Error).message}, so the code counts as changed`);
    }
  }

  if (input.event !== 'schedule') {
    reasons.push(`build: a ${input.event} run always builds`);
    return { build: true, test, clock, reasons };
  }
  if (!input.record) {
    reasons.push(`build: ${input.recordProblem ?? 'no publish record'} on the deployed site`);
    return { build: true, test, clock, reasons };
  }
  if (input.record.commit !== input.head) {
    reasons.push(
      `build: the deployed site is of ${input.record.commit.slice(0, 12)}, not ${input.head.slice(0, 12)}`,
    );
    return { build: true, test, clock, reasons };
  }
  const due = dueBetween(readContent(input.contentDir), new Date(input.record.clock), input.now);
  if (due.length) {
    reasons.push(
      `build: due ` +
        `since ${input.record.clock}: ${list(due.map((event) => `${event.file} ${event.written} (${event.what})`))}`,
    );
    return { build: true, test, clock, reasons };
  }
  reasons.push(
    `build: nothing due between the deployed clock ${input.record.clock} and ${clock}: nothing to do`,
  );
  return { build: false, test: false, clock, reasons };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      event: { type: 'string' },
      head: { type: 'string', default: 'HEAD' },
      record: { type: 'string' },
      since: { type: 'string' },
      now: { type: 'string' },
      content: { type: 'string', default: 'content' },
    },
  });
  if (!values.event) {
    console.error(
      'plan: usage: node scripts/publish/plan.ts --event <push|schedule|workflow_dispatch|pull_request> ' +
        '[--record file] [--since commit] [--head commit] [--now ISO] [--content dir]',
    );
    process.exit(1);
  }
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    console.error(`plan: --now "${values.now}" is not an ISO 8601 date-time`);
    process.exit(1);
  }
  const { record, problem } = readRecordFile(values.record);
  const result = plan({
    event: values.event,
    head: values.head,
    record,
    recordProblem: problem,
    since: values.since,
    now,
    contentDir: values.content,
    cwd: process.cwd(),
  });
  for (const reason of result.reasons) console.error(reason);
  console.log(`build=${result.build}\ntest=${result.test}\nclock=${result.clock}`);
}
