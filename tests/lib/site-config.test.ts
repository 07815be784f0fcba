import { describe, expect, it } from 'vitest';
import { DEFAULTS, normaliseBasePath, SiteConfigError } from '../../src/lib/environment.ts';
import { readSiteConfig } from '../../src/lib/site-config.ts';

describe('readSiteConfig', () => {
  it('has working defaults', () => {
    expect(readSiteConfig({})).toEqual({ ...DEFAULTS, basePath: '/' });
  });

  it('reads every setting from the environment, normalised', () => {
    expect(
      readSiteConfig({
        SITE_URL: 'https://News.Example.org/',
        BASE_PATH: 'news',
        SITE_NAME: ' The Pier Post ',
        SITE_LANG: 'EN-gb',
        SITE_TIMEZONE: 'America/New_York',
        SYNDICATION_POLICY: 'canonical-to-source',
      }),
    ).toEqual({
      url: 'https://news.example.org',
      basePath: '/news/',
      name: 'The Pier Post',
      lang: 'en-GB',
      timezone: 'America/New_York',
      syndicationPolicy: 'canonical-to-source',
    });
  });

  it('treats blank values as unset (how CI passes unset variables)', () => {
    expect(readSiteConfig({ SITE_URL: '', SITE_NAME: '   ', SYNDICATION_POLICY: '' })).toEqual(
      readSiteConfig({}),
    );
  });

  it.each([
    [{ SITE_URL: 'example.org' }, /not an absolute URL/],
    [{ SITE_URL: 'javascript:alert(1)' }, /http or https/],
    [{ SITE_URL: 'ftp://example.org' }, /http or https/],
    [{ SITE_URL: 'https://example.org/news/' }, /origin only.*BASE_PATH/],
    [{ SITE_URL: 'https://example.org/?x=1' }, /origin only/],
    [{ BASE_PATH: '/../etc/' }, /unsafe segment/],
    [{ BASE_PATH: '/a b/' }, /unsafe segment/],
    [{ SITE_LANG: 'english please' }, /BCP 47/],
    [{ SITE_TIMEZONE: 'Mars/Olympus' }, /IANA timezone/],
    [{ SYNDICATION_POLICY: 'sometimes' }, /must be one of noindex, canonical-to-source, index/],
  ])('rejects %j with a fix', (env, message) => {
    expect(() => readSiteConfig(env)).toThrow(SiteConfigError);
    expect(() => readSiteConfig(env)).toThrow(message);
  });
});

describe('normaliseBasePath', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['news', '/news/'],
    ['/news', '/news/'],
    ['news/', '/news/'],
    ['//news//2026/', '/news/2026/'],
  ])('%j -> %j', (raw, expected) => {
    expect(normaliseBasePath(raw)).toBe(expected);
  });
});
