/** splitAtImages: the article page's way back from Astro's stored HTML to the images in it. */
import { describe, expect, it } from 'vitest';
import { splitAtImages } from '../../src/markdown/image-placeholders.ts';

const placeholder = (properties: Record<string, unknown>) =>
  `<img __ASTRO_IMAGE_="${JSON.stringify(properties).replaceAll('&', '&#x26;').replaceAll('"', '&#x22;')}">`;

describe('splitAtImages', () => {
  it('returns HTML without placeholders as one piece', () => {
    expect(splitAtImages('<p>Text <img src="https://example.org/x.png" alt=""></p>')).toEqual([
      { html: '<p>Text <img src="https://example.org/x.png" alt=""></p>' },
    ]);
  });

  it('splits around each placeholder, in order, keeping the HTML between them byte for byte', () => {
    const html =
      `<p>${placeholder({ src: './a.jpg', alt: 'A', index: 0 })}</p>\n` +
      `<p>Between</p>${placeholder({ src: './b.jpg', alt: 'B', title: 'T', index: 0 })}`;
    expect(splitAtImages(html)).toEqual([
      { html: '<p>' },
      { image: { src: './a.jpg', alt: 'A' } },
      { html: '</p>\n<p>Between</p>' },
      { image: { src: './b.jpg', alt: 'B', title: 'T' } },
    ]);
  });

  it('decodes character references in any style (rehype writes hex, other serializers named ones)', () => {
    const named =
      '<img __ASTRO_IMAGE_="{&quot;src&quot;:&quot;./a&amp;b.jpg&quot;' +
      ',&quot;alt&quot;:&quot;Fish &#38; chips &lt;3 &#x2019;&quot;}">';
    expect(splitAtImages(named)).toEqual([{ image: { src: './a&b.jpg', alt: 'Fish & chips <3 ’' } }]);
  });

  it('finds the placeholder after a class attribute Astro keeps outside it, and in a self-closed tag', () => {
    const json = JSON.stringify({ src: './a.jpg', alt: 'A' }).replaceAll('"', '&#x22;');
    expect(splitAtImages(`<img class="wide" __ASTRO_IMAGE_="${json}" />`)).toEqual([
      { image: { src: './a.jpg', alt: 'A' } },
    ]);
  });

  it('treats a missing alt as empty and rejects a placeholder without a src', () => {
    expect(splitAtImages(placeholder({ src: './a.jpg' }))).toEqual([{ image: { src: './a.jpg', alt: '' } }]);
    expect(() => splitAtImages(placeholder({ alt: 'x' }))).toThrow(/without a src/);
  });

  it('does not take escaped text that looks like a placeholder for one', () => {
    const text = '<p>&#x3C;img __ASTRO_IMAGE_="{}"></p>';
    expect(splitAtImages(text)).toEqual([{ html: text }]);
  });
});
