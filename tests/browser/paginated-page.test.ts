/**
 * The browser gates on a paginated page 2. The real site has fewer articles than fit on one
 * page, so this builds it with a page's worth of extra fixture articles added, and checks /2/
 * (the home listing's second page) like every other template.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/lib/pagination.ts';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { describePageChecks } from './page-checks.ts';
import { startSession, type Session } from './support.ts';

function fixtureArticle(n: number): string {
  const day = String(1 + n).padStart(2, '0');
  return `---
title: Archive fixture article ${n}
description: A fixture article that fills the archive so the listing has a second page.
pubDate: 2026-10-${day}T09:00:00+00:00
authors: [amara-okafor]
section: news
tags: [Archive]
source:
  relationship: original
---

This fixture article exists only so that browser tests can load a paginated page 2.
`;
}

let build: BuildResult;
let session: Session;
beforeAll(async () => {
  const files = Object.fromEntries(
    Array.from({ length: PAGE_SIZE }, (_, n) => [
      `content/articles/archive-fixture-${n + 1}/index.md`,
      fixtureArticle(n + 1),
    ]),
  );
  build = await buildSite({ files });
  if (build.exitCode !== 0)
    throw new Error(`The archive site did not build (exit ${build.exitCode}):\n${build.output}`);
  session = await startSession(build.dist);
});
afterAll(async () => {
  await session?.close();
  build?.cleanup();
});

it('the archive build has a page 2 of the home listing', () => {
  expect(existsSync(join(build.dist, 'page/2/index.html'))).toBe(true);
});

describePageChecks({ kind: 'page-2', path: '/page/2/' }, () => session);
