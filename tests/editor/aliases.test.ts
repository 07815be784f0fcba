import { describe, expect, it } from 'vitest';
import { aliasRedirects, redirectsFile } from '../../src/lib/aliases.ts';

describe('alias redirects', () => {
  const redirects = aliasRedirects([
    { id: 'harbour-light-returns', aliases: ['harbour-light', 'lamp-lit'] },
    { id: 'no-rename', aliases: [] },
  ]);

  it('maps every former slug to the current article URL', () => {
    expect(redirects).toEqual([
      { from: '/articles/harbour-light/', to: '/articles/harbour-light-returns/' },
      { from: '/articles/lamp-lit/', to: '/articles/harbour-light-returns/' },
    ]);
  });

  it('writes 301 lines for _redirects under the base path', () => {
    expect(redirectsFile(redirects, '/')).toBe(
      '/articles/harbour-light/ /articles/harbour-light-returns/ 301\n' +
        '/articles/lamp-lit/ /articles/harbour-light-returns/ 301\n',
    );
    expect(redirectsFile(redirects, '/news/').split('\n')[0]).toBe(
      '/news/articles/harbour-light/ /news/articles/harbour-light-returns/ 301',
    );
  });
});
