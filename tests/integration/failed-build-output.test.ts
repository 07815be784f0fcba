/**
 * A failed build leaves nothing deployable (src/build-output/staged-dist.ts). The build here
 * fails late, in the link check after every page and image was written, which is the worst case
 * for partial output: a rebuild that fails leaves the previous good dist/ byte for byte, and the
 * next good build replaces it completely. That a first build failing in the link check leaves no
 * dist/ is asserted on the link check's own failing build (editor-site-checks.test.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { AUTHOR, article, writeTree } from '../editor/fixtures.ts';

const A = 'content/articles';
const BROKEN_LINK_BODY = 'See [the missing page](/articles/no-such-article/).\n';

/** Every file under `dir` with its bytes, for comparing two states of dist/. */
const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((path) => statSync(join(dir, path)).isFile())
      .sort()
      .map((path) => [path, readFileSync(join(dir, path)).toString('base64')]),
  );

let tree: ReturnType<typeof writeTree>;
let build: BuildResult;
let firstGood: Record<string, string>;
let failedRebuild: { exitCode: number; output: string };
let afterFailure: Record<string, string> | undefined;
let fixedRebuild: { exitCode: number; output: string };

beforeAll(async () => {
  const hero = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#446688' } })
    .jpeg()
    .toBuffer();
  tree = writeTree({
    'content/authors/amara-okafor.yaml': AUTHOR,
    [`${A}/harbour-wall/index.md`]: article({
      heroImage: '\n  src: ./wall.jpg\n  alt: The repaired harbour wall',
    }),
    [`${A}/harbour-wall/wall.jpg`]: hero,
  });
  build = await buildSite({ contentDir: join(tree.root, 'content') });
  expect(build.exitCode, build.output).toBe(0);
  firstGood = snapshot(build.dist);

  // A new article with a hero (written as images before the link check runs) and a dead link.
  writeFileSync(join(build.root, `${A}/pier.md`), article({ title: 'Pier lights return' }, BROKEN_LINK_BODY));
  failedRebuild = await build.rebuild();
  afterFailure = existsSync(build.dist) ? snapshot(build.dist) : undefined;

  writeFileSync(
    join(build.root, `${A}/pier.md`),
    article({ title: 'Pier lights return' }, 'See [the wall](/articles/harbour-wall/).\n'),
  );
  fixedRebuild = await build.rebuild();
}, 600_000);

afterAll(() => {
  build?.cleanup();
  tree?.cleanup();
});

describe('a rebuild that fails late', () => {
  it('fails in the link check, after the pages were written', () => {
    expect(failedRebuild.exitCode).toBe(1);
    expect(failedRebuild.output).toContain('/articles/no-such-article/');
  });

  it('leaves the previous good dist/ untouched', () => {
    expect(afterFailure).toEqual(firstGood);
  });

  it('keeps the half-written output out of dist/', () => {
    expect(Object.keys(afterFailure ?? {}).some((path) => path.startsWith('articles/pier/'))).toBe(false);
  });
});

describe('the next good build', () => {
  it('replaces dist/ with the complete new output', () => {
    expect(fixedRebuild.exitCode, fixedRebuild.output).toBe(0);
    expect(existsSync(join(build.dist, 'articles/pier/index.html'))).toBe(true);
    expect(existsSync(join(build.dist, 'articles/harbour-wall/index.html'))).toBe(true);
  });
});
