/** URLs in raw HTML of a markdown body (src/lib/raw-html-urls.ts), read as a browser reads them. */
import { describe, expect, it } from 'vitest';
import { rawHtmlUrls } from '../../src/lib/raw-html-urls.ts';

describe('raw HTML URLs', () => {
  it('are the wanted attributes, positioned in the body where the attribute starts', () => {
    const html = '<p>See <A HREF="./a.pdf">a</A> <img src="b.png">\n  <a id="x" href=c.csv>c</a></p>';
    expect(rawHtmlUrls(html, { line: 4, column: 3 }, { a: ['href'] })).toEqual([
      { element: 'a', attribute: 'href', value: './a.pdf', line: 4, column: 13 },
      { element: 'a', attribute: 'href', value: 'c.csv', line: 5, column: 13 },
    ]);
  });

  it('decode entities and take the first of repeated attributes, as a browser does', () => {
    const html = '<a href="r&amp;d.pdf" href="other.pdf">x</a>';
    const urls = rawHtmlUrls(html, { line: 1, column: 1 }, { a: ['href'] });
    expect(urls.map((url) => url.value)).toEqual(['r&d.pdf']);
  });

  it('are not read from comments or text', () => {
    const html = '<!-- <a href="x.pdf"> --> a href="y.pdf"';
    expect(rawHtmlUrls(html, { line: 1, column: 1 }, { a: ['href'] })).toEqual([]);
  });
});
