import { describe, expect, it } from 'vitest';
import { FOOTNOTES_LABEL_ID, tableOfContents, type Heading } from '../../src/lib/toc.ts';

const h = (depth: number, text: string): Heading => ({
  depth,
  text,
  slug: text.toLowerCase().replace(/\s+/g, '-'),
});

describe('tableOfContents', () => {
  it('is empty for fewer than three h2 headings, whatever else the article has', () => {
    expect(tableOfContents([h(2, 'One'), h(3, 'Sub'), h(3, 'Sub two'), h(2, 'Two'), h(4, 'Deep')])).toEqual(
      [],
    );
    expect(tableOfContents([])).toEqual([]);
  });

  it('lists h2 sections with their h3 subsections from three h2 headings on', () => {
    expect(tableOfContents([h(2, 'One'), h(3, 'Sub'), h(2, 'Two'), h(4, 'Deep'), h(2, 'Three')])).toEqual([
      { slug: 'one', text: 'One', children: [{ slug: 'sub', text: 'Sub' }] },
      { slug: 'two', text: 'Two', children: [] },
      { slug: 'three', text: 'Three', children: [] },
    ]);
  });

  it('leaves out an h3 that comes before the first h2', () => {
    const toc = tableOfContents([h(3, 'Orphan'), h(2, 'One'), h(2, 'Two'), h(2, 'Three')]);
    expect(toc.flatMap((entry) => [entry.text, ...entry.children.map((child) => child.text)])).toEqual([
      'One',
      'Two',
      'Three',
    ]);
  });

  it('leaves out the footnotes heading, which is for screen readers only and counts as no section', () => {
    const headings: Heading[] = [
      { depth: 2, slug: 'one', text: 'One' },
      { depth: 2, slug: 'two', text: 'Two' },
      { depth: 2, slug: FOOTNOTES_LABEL_ID, text: 'Footnotes' },
    ];
    expect(tableOfContents(headings)).toEqual([]);
    expect(
      tableOfContents([...headings, { depth: 2, slug: 'three', text: 'Three' }]).map((entry) => entry.slug),
    ).toEqual(['one', 'two', 'three']);
  });
});
