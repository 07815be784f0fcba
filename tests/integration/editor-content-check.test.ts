/**
 * `astro build` on content with several broken articles: the front-matter check runs before the
 * content sync, fails the build, and lists every problem with file:line:col, not a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuildResult } from '../helpers/build-site.ts';
import { AUTHOR, article, writeTree } from '../editor/fixtures.ts';

const A = 'content/articles';
const broken = {
  'content/authors/amara-okafor.yaml': AUTHOR,
  [`${A}/fine.md`]: article(),
  [`${A}/impossible-date.md`]: article({ pubDate: '2024-02-30T09:00:00+00:00' }),
  [`${A}/typo.md`]: article({ titel: 'Misspelt' }),
  [`${A}/proto.md`]: article({ ['__proto__']: '\n  polluted: true' }),
  [`${A}/missing-image/index.md`]: article({}, 'Text.\n\n![A chart](./chart.png)\n'),
  [`${A}/syndicated.md`]: article({ source: '\n  relationship: syndicated' }),
};

let tree: ReturnType<typeof writeTree>;
let build: BuildResult;

beforeAll(async () => {
  tree = writeTree(broken);
  build = await buildSite({ contentDir: join(tree.root, 'content') });
});
afterAll(() => {
  build?.cleanup();
  tree?.cleanup();
});

describe('a build with broken front matter', () => {
  it('fails', () => {
    expect(build.exitCode).not.toBe(0);
  });

  it('prints every problem of the run with file:line:col, field and fix', () => {
    expect(build.output).toContain(
      `${A}/impossible-date.md:3:1  pubDate: "2024-02-30T09:00:00+00:00" is not a real calendar date or time`,
    );
    expect(build.output).toContain(`${A}/typo.md:7:1  titel: unknown field "titel"`);
    expect(build.output).toContain('fix: did you mean "title"? Rename the key.');
    expect(build.output).toContain(`${A}/proto.md:7:1  __proto__: the key "__proto__" is not allowed`);
    expect(build.output).toContain(
      `${A}/missing-image/index.md:11:1  (body image): the image "./chart.png" does not exist`,
    );
    expect(build.output).toContain('Content check failed: 4 problems in 4 files.');
  });

  it('warns about the syndicated article without source.url, naming the file', () => {
    expect(build.output).toMatch(
      new RegExp(`WARN.*${A}/syndicated\\.md:5:1  source\\.url: syndicated article without source\\.url`),
    );
  });

  it('prints no stack trace', () => {
    expect(build.output).not.toMatch(/Stack trace|\n\s+at .*\(.*:\d+:\d+\)/);
  });
});

describe('astro check on the same content', () => {
  it('fails with the same report', () => {
    const check = spawnSync(
      process.execPath,
      [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'check', '--root', build.root],
      {
        cwd: build.root,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: join(build.root, '.cache') },
        encoding: 'utf8',
      },
    );
    expect(check.status).not.toBe(0);
    expect(check.stdout + check.stderr).toContain(`${A}/typo.md:7:1  titel: unknown field "titel"`);
  });
});
