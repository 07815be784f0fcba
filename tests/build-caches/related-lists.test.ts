import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  readRelatedLists,
  relatedListsDigest,
  writeRelatedLists,
} from '../../src/build-caches/related-lists.ts';

const article = (id: string, tags: string[], section = 'news', day = 1) => ({
  id,
  section,
  tags,
  pubDate: new Date(Date.UTC(2026, 10, day)),
});
const ARCHIVE = [article('a', ['Coast']), article('b', ['Coast', 'Music'], 'culture', 2), article('c', [])];
const CODE = ['export function relatedFinder() {}'];

describe('relatedListsDigest', () => {
  it('is the same for the same articles in the same order and the same code', () => {
    expect(relatedListsDigest(ARCHIVE, CODE)).toBe(
      relatedListsDigest(
        ARCHIVE.map((a) => ({ ...a })),
        CODE,
      ),
    );
  });

  it('changes with anything a list depends on: a tag, a section, a date, an id, the order, the code', () => {
    const digest = relatedListsDigest(ARCHIVE, CODE);
    const [a, b, c] = ARCHIVE;
    for (const changed of [
      [{ ...a!, tags: ['Coast', 'Harbour'] }, b!, c!],
      [{ ...a!, section: 'sport' }, b!, c!],
      [{ ...a!, pubDate: new Date(Date.UTC(2026, 10, 3)) }, b!, c!],
      [{ ...a!, id: 'a2' }, b!, c!],
      [b!, a!, c!],
      [a!, b!],
    ])
      expect(relatedListsDigest(changed, CODE)).not.toBe(digest);
    expect(
      relatedListsDigest(ARCHIVE, ['export function relatedFinder() { /* ranked otherwise */ }']),
    ).not.toBe(digest);
  });

  it('ignores what a list does not depend on (a headline, a body)', () => {
    const withHeadlines = ARCHIVE.map((a) => ({ ...a, title: `Headline of ${a.id}` }));
    expect(relatedListsDigest(withHeadlines, CODE)).toBe(relatedListsDigest(ARCHIVE, CODE));
  });
});

describe('the kept lists', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'related-lists-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('are read back under the digest they were kept under, and under no other', () => {
    const file = join(dir, 'cache/related-lists.json');
    writeRelatedLists(file, 'digest-1', [[1, 2], [0], []]);
    expect(readRelatedLists(file, 'digest-1')).toEqual([[1, 2], [0], []]);
    expect(readRelatedLists(file, 'digest-2')).toBeUndefined();
  });

  it('are replaced whole, leaving no partial file beside them', () => {
    const file = join(dir, 'related-lists.json');
    writeRelatedLists(file, 'digest-1', [[1]]);
    writeRelatedLists(file, 'digest-2', [[2]]);
    expect(readRelatedLists(file, 'digest-2')).toEqual([[2]]);
    expect(readdirSync(dir)).toEqual(['related-lists.json']);
  });

  it('are missing, not an error, when there is no file or it cannot be read', () => {
    expect(readRelatedLists(join(dir, 'none.json'), 'digest-1')).toBeUndefined();
    writeFileSync(join(dir, 'broken.json'), '{"digest": "digest-1", "lists": [[1');
    expect(readRelatedLists(join(dir, 'broken.json'), 'digest-1')).toBeUndefined();
  });
});
