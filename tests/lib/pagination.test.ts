import { describe, expect, it } from 'vitest';
import { listingTitle, PAGE_SIZE } from '../../src/lib/pagination.ts';

describe('listingTitle', () => {
  it('names page 1 plainly and later pages with their number', () => {
    expect(listingTitle('News', 1, 3)).toBe('News');
    expect(listingTitle('News', 2, 3)).toBe('News, page 2 of 3');
  });

  it('uses a page size that puts page 2 after ten articles', () => {
    expect(PAGE_SIZE).toBe(10);
  });
});
