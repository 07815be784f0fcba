import { describe, expect, it } from 'vitest';
import { articleIdFromPath, SLUG_PATTERN, slugFromHeadline, slugify } from '../../src/lib/slugs.ts';

describe('articleIdFromPath', () => {
  it.each([
    ['harbour-walk.md', 'harbour-walk'],
    ['harbour-walk/index.md', 'harbour-walk'],
    ['harbour-walk\\index.md', 'harbour-walk'],
    ['index.md', 'index'],
  ])('%s -> %s', (entry, id) => {
    expect(articleIdFromPath(entry)).toBe(id);
  });
});

describe('slugify', () => {
  it.each([
    ['Chrissy Teigen', 'chrissy-teigen'],
    ['Café au lait!', 'cafe-au-lait'],
    ['  --Hello,   World--  ', 'hello-world'],
    ['Zoë Saldaña', 'zoe-saldana'],
    ['Straße', 'strasse'],
    ['Ærøskøbing', 'aeroskobing'],
    ['Łódź', 'lodz'],
    ['ﬁnance', 'finance'],
    ['COVID-19', 'covid-19'],
  ])('%j -> %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
    expect(slugify(text)).toMatch(SLUG_PATTERN);
  });

  it('gives "" for text with nothing it can keep', () => {
    expect(slugify('東京')).toBe('');
    expect(slugify('!!!')).toBe('');
  });

  it('never lets a path escape: dots and slashes become hyphens', () => {
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
  });
});

describe('slugFromHeadline', () => {
  it('keeps a short headline whole', () => {
    expect(slugFromHeadline('The harbour light returns')).toBe('the-harbour-light-returns');
  });

  it('cuts a long headline at a hyphen, never mid-word, within the limit', () => {
    const slug = slugFromHeadline(
      'Chrissy Teigen breaks down in tears during ‘therapy’ three months after tragic loss of baby Jack',
    );
    expect(slug).toBe('chrissy-teigen-breaks-down-in-tears-during-therapy-three');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(SLUG_PATTERN);
  });

  it('cuts exactly at the limit when a word ends there', () => {
    expect(slugFromHeadline('aaaa bbbb cccc', 9)).toBe('aaaa-bbbb');
  });

  it('cuts a single over-long word at the limit', () => {
    expect(slugFromHeadline('a'.repeat(80), 60)).toBe('a'.repeat(60));
  });
});
