import { describe, expect, it } from 'vitest';
import { listingPages, listingTitle, PAGE_SIZE } from '../../src/lib/pagination.ts';

/** n article names, newest first: 'a25' is the newest of 25, 'a1' the oldest. */
const articles = (n: number) => Array.from({ length: n }, (_, index) => `a${n - index}`);
const section = { basePath: '/', first: 'sections/local/' };

describe('listingPages', () => {
  it('puts the newest ten on the first page and numbers archive pages from the oldest', () => {
    const pages = listingPages(articles(25), section);
    expect(pages.map((page) => [page.archiveNumber, page.param, page.data.length])).toEqual([
      [undefined, undefined, 10],
      [2, '2', 5],
      [1, '1', 10],
    ]);
    expect(pages[0]!.data).toEqual(articles(25).slice(0, 10));
    expect(pages[1]!.data).toEqual(['a15', 'a14', 'a13', 'a12', 'a11']);
    expect(pages[2]!.data).toEqual(['a10', 'a9', 'a8', 'a7', 'a6', 'a5', 'a4', 'a3', 'a2', 'a1']);
  });

  it('links newer and older pages both ways, from the first page to archive page 1', () => {
    const urls = listingPages(articles(25), section).map((page) => page.url);
    expect(urls).toEqual([
      { current: '/sections/local/', newer: undefined, older: '/sections/local/2/' },
      { current: '/sections/local/2/', newer: '/sections/local/', older: '/sections/local/1/' },
      { current: '/sections/local/1/', newer: '/sections/local/2/', older: undefined },
    ]);
  });

  it('leaves every archive page but the newest unchanged when an article is added', () => {
    const before = listingPages(articles(35), section);
    const after = listingPages(articles(36), section);
    const byNumber = (pages: typeof before) =>
      new Map(pages.map((page) => [page.archiveNumber, JSON.stringify(page)]));
    const [old, now] = [byNumber(before), byNumber(after)];
    const changed = [...now.keys()].filter((number) => old.get(number) !== now.get(number));
    // The first page and archive page 3 (the newest, where the first page's oldest moved).
    expect(changed).toEqual([undefined, 3]);
  });

  it('adds one archive page, and changes the previous newest only in its link, when a block fills', () => {
    const before = listingPages(articles(30), section);
    const after = listingPages(articles(31), section);
    expect(before.map((page) => page.archiveNumber)).toEqual([undefined, 2, 1]);
    expect(after.map((page) => page.archiveNumber)).toEqual([undefined, 3, 2, 1]);
    expect(after[2]!.data).toEqual(before[1]!.data);
    expect(after[2]!.url.newer).toBe('/sections/local/3/');
    expect(after[3]).toEqual(before[2]);
  });

  it('has one page, with no links, for ten articles or fewer', () => {
    for (const n of [0, 1, PAGE_SIZE]) {
      expect(listingPages(articles(n), section)).toEqual([
        {
          data: articles(n),
          archiveNumber: undefined,
          param: undefined,
          url: { current: '/sections/local/', newer: undefined, older: undefined },
        },
      ]);
    }
  });

  it("keeps the home page's archive under page/ (its page 404 must not be /404/) and the base path", () => {
    const pages = listingPages(articles(4_050), { basePath: '/news/', first: '', archiveFolder: 'page/' });
    const page404 = pages.find((page) => page.archiveNumber === 404)!;
    expect(page404.param).toBe('page/404');
    expect(page404.url.current).toBe('/news/page/404/');
    expect(pages[0]!.url).toEqual({ current: '/news/', newer: undefined, older: '/news/page/404/' });
  });
});

describe('listingTitle', () => {
  it('names the first page plainly and archive pages with their number', () => {
    expect(listingTitle('News', undefined)).toBe('News');
    expect(listingTitle('News', 3)).toBe('News, archive page 3');
  });
});
