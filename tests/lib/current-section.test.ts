import { describe, expect, it } from 'vitest';
import { currentNavEntry } from '../../src/lib/current-section.ts';

describe('currentNavEntry', () => {
  const sections = ['news', 'sport'];
  it.each([
    ['/', '/', 'home'],
    ['/page/3/', '/', 'home'],
    ['/sections/news/', '/', 'news'],
    ['/sections/sport/2/', '/', 'sport'],
    ['/repo/sections/news/', '/repo/', 'news'],
    ['/repo/', '/repo/', 'home'],
    ['/sections/unknown/', '/', undefined],
    ['/articles/x/', '/', undefined],
    ['/search/', '/', undefined],
  ])('%s (base %s) is %s', (pathname, base, entry) => {
    expect(currentNavEntry(pathname, base, sections)).toBe(entry);
  });
});
