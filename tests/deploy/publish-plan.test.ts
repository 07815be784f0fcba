/**
 * The deploy workflow's plan step (scripts/publish/plan.ts): whether a run builds and whether it
 * tests, from the deployed site's publish record, the content's dates and the changed paths.
 * The git cases run in a throw-away repository with real commits.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheState } from '../../scripts/publish/cache-state.ts';
import { codeAmong } from '../../scripts/publish/code-paths.ts';
import { dueBetween, eventsOf, frontMatterOf, instantsIn } from '../../scripts/publish/due.ts';
import type { PublishRecord } from '../../scripts/publish/record.ts';
import { NEWS_WINDOW_MS } from '../../src/lib/news-window.ts';
import { projectRoot } from '../helpers/build-site.ts';

const article = (frontMatter: string) =>
  `---\ntitle: A quiet harbour\n${frontMatter}\n---\n\n` +
  `Published on 2030-01-01, says the body, which is not front matter.\n`;
const at = (iso: string) => new Date(iso);

describe('instantsIn', () => {
  it('reads YAML timestamps with and without a zone or time, quoted or not', () => {
    const yaml = [
      'pubDate: 2026-11-28T18:00:00+00:00',
      'expires: "2026-12-01T09:30:00+01:00"',
      'updatedDate: 2026-11-29 07:15:00',
      'originalPubDate: 2026-11-20',
      "corrections:\n  - date: '2026-11-30T10:00:00.5Z'",
    ].join('\n');
    expect(instantsIn(yaml).map(({ at }) => at.toISOString())).toEqual([
      '2026-11-28T18:00:00.000Z',
      '2026-12-01T08:30:00.000Z',
      '2026-11-29T07:15:00.000Z',
      '2026-11-20T00:00:00.000Z',
      '2026-11-30T10:00:00.500Z',
    ]);
  });

  it('ignores numbers that are not dates and impossible dates', () => {
    expect(
      instantsIn(
        'title: Route 2026-11 reopens\nslug: harbour-2026-11-28-x\ncount: 20261128\nwhen: 2026-13-45',
      ),
    ).toEqual([]);
  });
});

describe('frontMatterOf and eventsOf', () => {
  it('reads the front matter of markdown only, and all of a YAML file', () => {
    expect(frontMatterOf(article('pubDate: 2026-11-28T18:00:00Z'))).toBe(
      'title: A quiet harbour\npubDate: 2026-11-28T18:00:00Z',
    );
    expect(eventsOf('articles/a.md', article('draft: false'))).toEqual([]);
    expect(eventsOf('authors/a.yaml', 'name: Ola Brenner\njoined: 2026-01-01')).toHaveLength(2);
  });

  it('gives each date the moment it passes and the moment its article leaves the news sitemap', () => {
    const [passes, leaves] = eventsOf('articles/a.md', article('pubDate: 2026-11-28T18:00:00Z'));
    expect(passes!.at).toEqual(at('2026-11-28T18:00:00Z'));
    expect(leaves!.at.getTime()).toBe(at('2026-11-28T18:00:00Z').getTime() + NEWS_WINDOW_MS + 1);
    expect(leaves!.what).toBe('it leaves the news sitemap');
  });
});

describe('dueBetween', () => {
  const files = [
    { file: 'articles/scheduled.md', text: article('pubDate: 2026-12-03T12:00:00Z') },
    {
      file: 'articles/licensed.md',
      text: article('pubDate: 2026-10-01T08:00:00Z\nexpires: 2026-12-03T18:00:00Z'),
    },
  ];

  it('finds a pubDate or an expiry that fell after the deployed clock, up to and including now', () => {
    expect(
      dueBetween(files, at('2026-12-03T11:17:00Z'), at('2026-12-03T12:17:00Z')).map(
        (event) => `${event.file} ${event.what}`,
      ),
    ).toEqual(['articles/scheduled.md the date passes']);
    expect(
      dueBetween(files, at('2026-12-03T17:17:00Z'), at('2026-12-03T18:00:00Z')).map((event) => event.file),
    ).toEqual(['articles/licensed.md']);
  });

  it('finds an article leaving the news sitemap two days after its pubDate', () => {
    expect(
      dueBetween(files, at('2026-12-05T11:17:00Z'), at('2026-12-05T12:17:00Z')).map((event) => event.what),
    ).toEqual(['it leaves the news sitemap']);
  });

  it('finds nothing when no date falls in the window, or on the deployed clock itself', () => {
    expect(dueBetween(files, at('2026-12-03T12:17:00Z'), at('2026-12-03T13:17:00Z'))).toEqual([]);
    expect(dueBetween(files, at('2026-12-03T12:00:00Z'), at('2026-12-03T12:59:00Z'))).toEqual([]);
  });
});

describe('codeAmong', () => {
  it('treats everything outside content/ as code', () => {
    expect(
      codeAmong(['content/articles/a/index.md', 'content/articles/a/hero.jpg', 'content/authors/b.yaml']),
    ).toEqual([]);
    expect(
      codeAmong([
        'content/articles/a.md',
        'src/pages/index.astro',
        'astro.config.ts',
        'package-lock.json',
        '.github/workflows/deploy.yml',
        'tests/x.test.ts',
        'scripts/y.ts',
      ]),
    ).toEqual([
      'src/pages/index.astro',
      'astro.config.ts',
      'package-lock.json',
      '.github/workflows/deploy.yml',
      'tests/x.test.ts',
      'scripts/y.ts',
    ]);
    expect(codeAmong(['contents.md', 'docs/content/x.md'])).toEqual(['contents.md', 'docs/content/x.md']);
  });
});

// Each case starts Node and git: generous timeouts, so a busy machine slows them without failing them.
describe('node scripts/publish/plan.ts, in a git repository', { timeout: 60_000 }, () => {
  let repo: string;
  const commits: Record<'first' | 'contentOnly' | 'code', string> = { first: '', contentOnly: '', code: '' };
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {
      cwd: repo,
      encoding: 'utf8',
    }).trim();
  const write = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      writeFileSync(join(repo, path), text);
    }
  };
  const commit = (files: Record<string, string>, message: string) => {
    write(files);
    git('add', '-A');
    git('commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  const record = (commit: string, clock: string) => {
    const file = join(repo, '..', `record-${commit.slice(0, 7)}-${clock.replace(/\W/g, '')}.json`);
    writeFileSync(file, JSON.stringify({ commit, clock, pages: {} } satisfies PublishRecord));
    return file;
  };
  function run(args: string[]) {
    const result = spawnSync(process.execPath, [join(projectRoot, 'scripts/publish/plan.ts'), ...args], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    return {
      outputs: Object.fromEntries(
        result.stdout
          .trim()
          .split('\n')
          .map((line) => line.split('=')),
      ),
      log: result.stderr,
    };
  }

  beforeAll(() => {
    repo = join(mkdtempSync(join(tmpdir(), 'wirepress-plan-')), 'repo');
    mkdirSync(repo);
    git('init', '-q');
    commits.first = commit(
      { 'src/site.ts': 'export {};\n', 'content/articles/old.md': article('pubDate: 2026-11-01T08:00:00Z') },
      'first',
    );
    commits.contentOnly = commit(
      { 'content/articles/scheduled.md': article('pubDate: 2026-12-03T12:00:00Z') },
      'an article for noon',
    );
    commits.code = commit({ 'src/site.ts': 'export const x = 1;\n' }, 'code');
    git('checkout', '-q', commits.contentOnly);
  }, 60_000);
  afterAll(() => rmSync(join(repo, '..'), { recursive: true, force: true }));

  it('a scheduled run with nothing due since the deployed clock: no build, no tests, in one step', () => {
    const { outputs, log } = run([
      '--event',
      'schedule',
      '--head',
      commits.contentOnly,
      '--record',
      record(commits.contentOnly, '2026-12-03T12:17:00Z'),
      '--now',
      '2026-12-03T13:17:00Z',
    ]);
    expect(outputs).toEqual({ build: 'false', test: 'false', clock: '2026-12-03T13:17:00Z' });
    expect(log).toContain(
      'nothing due between the deployed clock 2026-12-03T12:17:00Z and 2026-12-03T13:17:00Z',
    );
  });

  it('a scheduled run when a pubDate fell since the deployed clock: builds, without tests', () => {
    const { outputs, log } = run([
      '--event',
      'schedule',
      '--head',
      commits.contentOnly,
      '--record',
      record(commits.contentOnly, '2026-12-03T11:17:00Z'),
      '--now',
      '2026-12-03T12:17:00Z',
    ]);
    expect(outputs).toEqual({ build: 'true', test: 'false', clock: '2026-12-03T12:17:00Z' });
    expect(log).toContain('articles/scheduled.md 2026-12-03T12:00:00Z (the date passes)');
  });

  it('a scheduled run builds when the deployed site is of another commit, or there is no record', () => {
    expect(
      run([
        '--event',
        'schedule',
        '--head',
        commits.contentOnly,
        '--record',
        record(commits.first, '2026-12-03T12:17:00Z'),
        '--now',
        '2026-12-03T12:20:00Z',
      ]).outputs,
    ).toMatchObject({ build: 'true', test: 'false' });
    const { outputs, log } = run([
      '--event',
      'schedule',
      '--head',
      commits.contentOnly,
      '--record',
      join(repo, 'missing.json'),
    ]);
    expect(outputs).toMatchObject({ build: 'true', test: 'true' });
    expect(log).toContain('no publish record');
  });

  it('a content-only push since the LAST DEPLOYED commit skips the tests; code anywhere in between runs them', () => {
    expect(
      run([
        '--event',
        'push',
        '--head',
        commits.contentOnly,
        '--record',
        record(commits.first, '2026-12-01T00:00:00Z'),
      ]).outputs,
    ).toMatchObject({ build: 'true', test: 'false' });
    git('checkout', '-q', commits.code);
    try {
      // The previous commit (contentOnly) changed only content; the deployed one is older.
      const { outputs, log } = run([
        '--event',
        'push',
        '--head',
        commits.code,
        '--record',
        record(commits.first, '2026-12-01T00:00:00Z'),
      ]);
      expect(outputs).toMatchObject({ build: 'true', test: 'true' });
      expect(log).toContain(`code changed since ${commits.first.slice(0, 12)}: src/site.ts`);
    } finally {
      git('checkout', '-q', commits.contentOnly);
    }
  });

  it('runs the tests when the deployed commit cannot be found', () => {
    const { outputs, log } = run([
      '--event',
      'push',
      '--record',
      record('0'.repeat(40), '2026-12-01T00:00:00Z'),
    ]);
    expect(outputs).toMatchObject({ build: 'true', test: 'true' });
    expect(log).toContain('could not be fetched, so the code counts as changed');
  });

  it('a pull request compares with its base (--since)', () => {
    expect(
      run(['--event', 'pull_request', '--since', commits.first, '--head', commits.contentOnly]).outputs,
    ).toMatchObject({ build: 'true', test: 'false' });
  });
});

describe('cacheState', () => {
  it('reports size and a digest that changes when a file does, and not otherwise', () => {
    const folder = mkdtempSync(join(tmpdir(), 'wirepress-cache-'));
    try {
      expect(cacheState(join(folder, 'missing'))).toEqual({ digest: 'empty', bytes: 0, files: 0 });
      writeFileSync(join(folder, 'a.json'), '{}');
      mkdirSync(join(folder, 'assets'));
      writeFileSync(join(folder, 'assets/b.webp'), Buffer.alloc(1000));
      const before = cacheState(folder);
      expect(before).toMatchObject({ bytes: 1002, files: 2 });
      expect(cacheState(folder).digest).toBe(before.digest);
      writeFileSync(join(folder, 'assets/c.webp'), Buffer.alloc(10));
      expect(cacheState(folder).digest).not.toBe(before.digest);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
