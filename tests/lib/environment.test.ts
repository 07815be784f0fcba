/**
 * Every environment variable the build reads goes through one schema (src/lib/environment.ts):
 * a bad value is refused with the variable's name, the value and what is allowed, and README's
 * table lists exactly the variables the schema reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnvironment, SiteConfigError, VARIABLES } from '../../src/lib/environment.ts';
import { projectRoot } from '../helpers/build-site.ts';

describe('readEnvironment', () => {
  it('has a default or leaves out every variable, and reads each one set', () => {
    const unset = readEnvironment({});
    expect([
      unset.PUBLISH_NOW,
      unset.INCLUDE_DRAFTS,
      unset.ASTRO_CACHE_DIR,
      unset.OG_CACHE_DIR,
      unset.BUILD_THREADS,
      unset.NETLIFY,
    ]).toEqual([undefined, false, 'node_modules/.astro', undefined, true, false]);
    expect(
      readEnvironment({
        PUBLISH_NOW: '2026-12-06T09:00:00+01:00',
        INCLUDE_DRAFTS: '1',
        ASTRO_CACHE_DIR: '/tmp/cache',
        OG_CACHE_DIR: '/tmp/og',
        BUILD_THREADS: '0',
        NETLIFY: 'true',
      }),
    ).toMatchObject({
      PUBLISH_NOW: new Date('2026-12-06T08:00:00Z'),
      INCLUDE_DRAFTS: true,
      ASTRO_CACHE_DIR: '/tmp/cache',
      OG_CACHE_DIR: '/tmp/og',
      BUILD_THREADS: false,
      NETLIFY: true,
    });
    expect(readEnvironment({ BUILD_THREADS: '1' }).BUILD_THREADS).toBe(true);
  });

  it('treats blank values as unset and ignores variables it does not read', () => {
    expect(readEnvironment({ PUBLISH_NOW: ' ', INCLUDE_DRAFTS: '', HOME: '/root' })).toEqual(
      readEnvironment({}),
    );
  });

  it.each([
    [{ SITE_URL: 'example.org' }, 'SITE_URL "example.org" is not an absolute URL'],
    [{ SITE_URL: 'ftp://example.org' }, 'SITE_URL must use http or https, got "ftp:"'],
    [{ BASE_PATH: '/../etc/' }, 'BASE_PATH "/../etc/" has an unsafe segment ".."'],
    [{ SITE_LANG: 'english please' }, 'SITE_LANG "english please" is not a BCP 47 language tag'],
    [{ SITE_TIMEZONE: 'Mars/Olympus' }, 'SITE_TIMEZONE "Mars/Olympus" is not an IANA timezone'],
    [
      { SYNDICATION_POLICY: 'sometimes' },
      'SYNDICATION_POLICY "sometimes" must be one of noindex, canonical-to-source, index.',
    ],
    [{ PUBLISH_NOW: 'tomorrow' }, 'PUBLISH_NOW "tomorrow" is not an ISO 8601 date-time.'],
    [{ INCLUDE_DRAFTS: 'yes' }, 'INCLUDE_DRAFTS "yes" must be 1 (build drafts too) or 0'],
    [{ BUILD_THREADS: 'off' }, 'BUILD_THREADS "off" must be 0 (every job on the main thread) or 1'],
  ])('refuses %j, naming the variable, its value and what is allowed', (env, message) => {
    expect(() => readEnvironment(env)).toThrow(SiteConfigError);
    expect(() => readEnvironment(env)).toThrow(message);
  });

  it('lists every bad variable at once, one a line', () => {
    expect(() => readEnvironment({ SITE_LANG: 'english please', INCLUDE_DRAFTS: 'true' })).toThrow(
      /SITE_LANG "english please".*\nINCLUDE_DRAFTS "true"/,
    );
  });
});

describe("README's environment variables", () => {
  it('lists exactly the variables the build reads, in the same order', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const section = readme.split('### Environment variables')[1]!.split(/^### /m)[0]!;
    const listed = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
    expect(listed).toEqual(VARIABLES);
  });
});
