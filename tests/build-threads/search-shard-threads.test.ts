import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexerThreads, indexShardsOnTwoThreads } from '../../src/build-threads/search-shard-threads.ts';

const page = (title: string, text: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head>` +
  `<body><article data-pagefind-body><h1>${title}</h1><p>${text}</p></article></body></html>`;

const PAGES = ['harbour', 'quay', 'ferry', 'market', 'regatta'].map((slug) => ({
  path: `articles/${slug}/index.html`,
  html: page(`The ${slug}`, `A story about the ${slug} and its keeper.`),
}));

describe('indexShardsOnTwoThreads', () => {
  const site = mkdtempSync(join(tmpdir(), 'search-shard-threads-'));
  afterAll(() => rmSync(site, { recursive: true, force: true }));
  for (const { path, html } of PAGES) {
    mkdirSync(join(site, path, '..'), { recursive: true });
    writeFileSync(join(site, path), html);
  }
  const jobs = (folder: string) =>
    [PAGES.slice(0, 2), PAGES.slice(2, 4), PAGES.slice(4)].map((pages, position) => ({
      pages,
      position,
      outputPath: join(site, folder, String(position)),
    }));
  const pageCount = (outputPath: string) =>
    JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')).languages.en.page_count;

  it('indexes every shard on the threads, each into its own folder, emptied first', async () => {
    const indexed: [number, number][] = [];
    const shards = jobs('threads');
    mkdirSync(shards[1]!.outputPath, { recursive: true });
    writeFileSync(join(shards[1]!.outputPath, 'left-by-a-dead-thread.txt'), '');
    const onThreads = await indexShardsOnTwoThreads(site, shards, (job, count) =>
      indexed.push([job.position, count]),
    );
    expect(onThreads).toBe(3);
    expect(indexed.sort()).toEqual([
      [0, 2],
      [1, 2],
      [2, 1],
    ]);
    expect(shards.map(({ outputPath }) => pageCount(outputPath))).toEqual([2, 2, 1]);
    expect(existsSync(join(shards[1]!.outputPath, 'left-by-a-dead-thread.txt'))).toBe(false);
  });

  it('writes the same index files on the main thread (threads: 0)', async () => {
    const onThreads = await indexShardsOnTwoThreads(site, jobs('main'), () => {}, { threads: 0 });
    expect(onThreads).toBe(0);
    for (const position of ['0', '1', '2']) {
      const files = (folder: string) =>
        readdirSync(join(site, folder, position), { recursive: true, encoding: 'utf8' }).sort();
      expect(files('main')).toEqual(files('threads'));
    }
  });

  it.each([2, 1, 0] as const)(
    'fails with the reason a shard cannot be indexed (threads: %s)',
    async (threads) => {
      const [first, ...rest] = jobs(`failing-${threads}`);
      const broken = { ...first!, pages: [...first!.pages, { path: 'articles/taken-down/index.html' }] };
      await expect(indexShardsOnTwoThreads(site, [broken, ...rest], () => {}, { threads })).rejects.toThrow(
        /articles\/taken-down\/index\.html/,
      );
    },
  );
});

describe('indexerThreads', () => {
  const GiB = 1024 ** 3;
  it('runs a second indexer only when two fit beside the build in its memory', () => {
    // A small archive on a 7 GB runner: the build holds 2.6 GiB, two indexers of 5,000 ~1.9 GiB.
    expect(indexerThreads(7 * GiB, 2.6 * GiB, 5_000)).toBe(2);
    // N = 100,000 there: the build holds ~5.4 GiB; two indexers took the tree to 7.41 GiB.
    expect(indexerThreads(7 * GiB, 5.4 * GiB, 5_000)).toBe(1);
    // The same on a 16 GB runner.
    expect(indexerThreads(16 * GiB, 5.4 * GiB, 5_000)).toBe(2);
    // A last shard of a few pages needs little.
    expect(indexerThreads(7 * GiB, 5.4 * GiB, 100)).toBe(2);
  });
});
