import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  articlePath,
  authorPath,
  isHttpUrl,
  sectionPath,
  tagPath,
  withBase,
} from '../../src/lib/urls.ts';

describe('isHttpUrl', () => {
  it.each(['https://example.org', 'http://example.org/a?b#c', '  HTTPS://Example.org/  '])(
    'accepts %j',
    (url) => {
      expect(isHttpUrl(url)).toBe(true);
    },
  );
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,x',
    'mailto:a@b.c',
    'ftp://example.org',
    '//example.org',
    '/articles/x/',
    'example.org',
    '',
  ])('rejects %j', (url) => {
    expect(isHttpUrl(url)).toBe(false);
  });
});

describe('withBase and absoluteUrl', () => {
  it.each([
    ['/', 'articles/x/', '/articles/x/'],
    ['/', '', '/'],
    ['/news/', 'articles/x/', '/news/articles/x/'],
    ['/news/', '/articles/x/', '/news/articles/x/'],
    ['/news', 'rss.xml', '/news/rss.xml'],
  ])('withBase(%j, %j) is %j', (base, path, expected) => {
    expect(withBase(base, path)).toBe(expected);
  });

  it('makes absolute URLs under the site origin and base path', () => {
    expect(absoluteUrl('https://example.org', '/', articlePath('harbour'))).toBe(
      'https://example.org/articles/harbour/',
    );
    expect(absoluteUrl('https://example.org', '/news/', '')).toBe('https://example.org/news/');
  });

  it('cannot be pointed at another origin by a path', () => {
    expect(absoluteUrl('https://example.org', '/', '//evil.example/x')).toBe(
      'https://example.org/evil.example/x',
    );
  });

  it('has one path shape per page kind, slash-terminated', () => {
    expect([articlePath('a'), authorPath('b'), sectionPath('c'), tagPath('d')]).toEqual([
      'articles/a/',
      'authors/b/',
      'sections/c/',
      'tags/d/',
    ]);
  });
});
