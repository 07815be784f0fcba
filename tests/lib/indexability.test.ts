import { describe, expect, it } from 'vitest';
import { headSignals, isIndexable } from '../../src/lib/indexability.ts';

const PAGE = 'https://news.example/articles/a/';
const page = (head: string) =>
  `<!doctype html><html><head>${head}</head><body><meta name="robots" content="noindex"></body></html>`;

describe('headSignals', () => {
  it('reads robots and canonical from the head only', () => {
    expect(
      headSignals(page(`<link rel="canonical" href="${PAGE}"><meta name="robots" content="index, follow">`)),
    ).toEqual({
      canonical: PAGE,
      robots: 'index, follow',
    });
  });

  it('reads attributes in any order, case and quoting', () => {
    expect(
      headSignals(page(`<META CONTENT='NoIndex' NAME=Robots><LINK HREF=https://x.example/ REL="Canonical">`)),
    ).toEqual({
      robots: 'NoIndex',
      canonical: 'https://x.example/',
    });
  });
});

describe('isIndexable', () => {
  it('accepts a self canonical or none', () => {
    expect(isIndexable(PAGE, { robots: 'index, follow', canonical: PAGE })).toBe(true);
    expect(isIndexable(PAGE, {})).toBe(true);
  });

  it('rejects noindex and none in any case or position', () => {
    expect(isIndexable(PAGE, { robots: 'follow, NOINDEX', canonical: PAGE })).toBe(false);
    expect(isIndexable(PAGE, { robots: 'none' })).toBe(false);
  });

  it('rejects a canonical that points elsewhere', () => {
    expect(isIndexable(PAGE, { robots: 'index', canonical: 'https://source.example/original' })).toBe(false);
  });
});
