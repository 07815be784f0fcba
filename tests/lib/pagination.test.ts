import { describe, expect, it } from 'vitest';
import { homePagePath, listingTitle, PAGE_SIZE } from '../../src/lib/pagination.ts';

describe('listingTitle', () => {
  it('names page 1 plainly and later pages with their number', () => {
    expect(listingTitle('News', 1, 3)).toBe('News');
    expect(listingTitle('News', 2, 3)).toBe('News, page 2 of 3');
  });

  it('uses a page size that puts page 2 after ten articles', () => {
    expect(PAGE_SIZE).toBe(10);
  });
});

describe('homePagePath', () => {
  const path = (
    page: string | undefined,
    url: { current: string; prev?: string; next?: string; first?: string; last?: string },
  ) => ({
    params: { page },
    props: { page: { url: { prev: undefined, next: undefined, first: undefined, last: undefined, ...url } } },
  });

  it('keeps page 1 at the base and moves later pages under /page/', () => {
    const first = homePagePath(
      path(undefined, { current: '/news/', next: '/news/2/', last: '/news/404/' }),
      '/news/',
    );
    expect(first.params.page).toBeUndefined();
    expect(first.props.page.url).toEqual({
      current: '/news/',
      prev: undefined,
      next: '/news/page/2/',
      first: undefined,
      last: '/news/page/404/',
    });

    const second = homePagePath(
      path('2', { current: '/news/2/', prev: '/news/', next: '/news/3/', first: '/news/' }),
      '/news/',
    );
    expect(second.params.page).toBe('page/2');
    expect(second.props.page.url).toMatchObject({
      current: '/news/page/2/',
      prev: '/news/',
      next: '/news/page/3/',
      first: '/news/',
    });
  });

  it('never produces /404/, which belongs to the 404 page', () => {
    const page404 = homePagePath(path('404', { current: '/404/', prev: '/403/' }), '/');
    expect(page404.params.page).toBe('page/404');
    expect(page404.props.page.url.current).toBe('/page/404/');
  });
});
