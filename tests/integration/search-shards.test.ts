/**
 * The search index in shards (src/lib/search-shards.ts, src/integrations/pagefind.ts): a small
 * site built with two articles a shard has three shards, the search page's merge finds articles
 * in the oldest and the newest one in a single list, and an edit indexes its own shard again
 * while the others are copied from the cache.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuildResult } from '../helpers/build-site.ts';
import { searchBuiltSite } from '../helpers/pagefind-search.ts';

const article = (title: string, published: string, body: string) => `---
title: ${title}
description: A short dek for ${title}.
pubDate: ${published}
authors: [amara-okafor]
section: news
tags: [Coast]
source:
  relationship: original
---

${body}
`;

// Oldest first: shards of two are [lighthouse, quay], [ferry, market], [regatta].
const ARTICLES = {
  'lighthouse-keeper': article(
    'Lighthouse keeper retires',
    '2019-03-04T09:00:00+00:00',
    'The keeper polished the lens with a chamois.',
  ),
  'quay-repairs': article(
    'Quay repairs begin',
    '2021-05-06T09:00:00+00:00',
    'Masons relaid the granite setts along the harbour.',
  ),
  'ferry-timetable': article(
    'Ferry timetable changes',
    '2023-07-08T09:00:00+00:00',
    'The winter crossing leaves the harbour at dawn.',
  ),
  'market-returns': article(
    'Fish market returns',
    '2024-09-10T09:00:00+00:00',
    'Stalls sold mackerel by the harbour wall.',
  ),
  'regatta-record': article(
    'Regatta draws a record fleet',
    '2026-11-20T09:00:00+00:00',
    'A schooner with a saffron spinnaker won.',
  ),
};

let contentDir: string;
let build: BuildResult;
let editOutput: string;
const urls = async (query: string) => (await searchBuiltSite(build.dist, query)).map((hit) => hit.url);

beforeAll(async () => {
  contentDir = mkdtempSync(join(tmpdir(), 'search-shards-content-'));
  mkdirSync(join(contentDir, 'articles'));
  cpSync(join(projectRoot, 'content/authors'), join(contentDir, 'authors'), { recursive: true });
  for (const [slug, text] of Object.entries(ARTICLES))
    writeFileSync(join(contentDir, 'articles', `${slug}.md`), text);
  build = await buildSite({ contentDir, env: { WIREPRESS_SEARCH_SHARD_SIZE: '2' } });
  expect(build.exitCode, build.output).toBe(0);
});

afterAll(() => {
  build?.cleanup();
  if (contentDir) rmSync(contentDir, { recursive: true, force: true });
});

describe('a search index in shards', () => {
  it('indexes each shard on its own and lists the merged ones beside the first', () => {
    expect(build.output).toMatch(/Indexed 2 article page\(s\) for search \(shard 1 of 3\)/);
    expect(build.output).toMatch(/Indexed 1 article page\(s\) for search \(shard 3 of 3\)/);
    expect(build.output).toMatch(/3 of the 3 shard\(s\) indexed were indexed two at a time/);
    const manifest = JSON.parse(readFileSync(join(build.dist, 'pagefind/shards.json'), 'utf8'));
    expect(manifest).toEqual({ merged: ['shards/2/', 'shards/3/'] });
    expect(readFileSync(join(build.dist, 'pagefind/shards/3/pagefind-entry.json'), 'utf8')).toContain(
      '"page_count":1',
    );
  });

  it('finds an article in the oldest shard and one in the newest', async () => {
    expect(await urls('chamois')).toEqual(['/articles/lighthouse-keeper/']);
    expect(await urls('spinnaker')).toEqual(['/articles/regatta-record/']);
  });

  it('merges every shard into one list', async () => {
    expect((await urls('harbour')).sort()).toEqual([
      '/articles/ferry-timetable/',
      '/articles/market-returns/',
      '/articles/quay-repairs/',
    ]);
  });

  it('indexes again only the shard of an edited article, and finds the edit', async () => {
    const edited = join(build.root, 'content/articles/ferry-timetable.md');
    writeFileSync(
      edited,
      readFileSync(edited, 'utf8').replace('at dawn', 'at dawn past the bioluminescent shoals'),
    );
    const rebuilt = await build.rebuild();
    expect(rebuilt.exitCode, rebuilt.output).toBe(0);
    editOutput = rebuilt.output;
    expect(editOutput).toMatch(/Indexed 2 article page\(s\) for search \(shard 2 of 3\)/);
    expect(editOutput).not.toMatch(/\(shard [13] of 3\)/);
    expect(editOutput).toMatch(/Search index: 2 of 3 shard\(s\) reused/);
    expect(await urls('bioluminescent')).toEqual(['/articles/ferry-timetable/']);
    expect(await urls('chamois')).toEqual(['/articles/lighthouse-keeper/']);
  });
});
