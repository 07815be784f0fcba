/**
 * Links in article bodies: external ones open safely, internal and fragment ones are left alone and point
 * at real ids.
 */
import { describe, expect, it } from 'vitest';
import { render } from './astro-processor.ts';

const relOf = async (markdown: string) =>
  (await render(markdown)).body.querySelector('a')?.getAttribute('rel') ?? null;

describe('external links', () => {
  it.each([
    ['https', '[x](https://example.org/story)'],
    ['http', '[x](http://example.org/story)'],
    ['an autolink', '<https://example.org/story>'],
    ['a GFM bare URL', 'See https://example.org/story today'],
    ['raw HTML', '<a href="https://example.org/story">x</a>'],
    ['a reference definition', '[x][ref]\n\n[ref]: https://example.org/story'],
  ])('get rel="noopener noreferrer": %s', async (_, markdown) => {
    expect(await relOf(markdown)).toBe('noopener noreferrer');
  });

  it('replace a rel the editor wrote', async () => {
    expect(await relOf('<a href="https://example.org" rel="opener">x</a>')).toBe('noopener noreferrer');
  });
});

describe('internal links', () => {
  it.each([
    ['relative', '[x](../other-story/)'],
    ['site-absolute', '[x](/articles/other-story/)'],
    ['a fragment', '[x](#what-happens-next)'],
    ['mailto', '[x](mailto:desk@example.org)'],
    ['tel', '[x](tel:+441234567890)'],
  ])('get no rel: %s', async (_, markdown) => {
    expect(await relOf(markdown)).toBeNull();
  });
});

describe('fragment links', () => {
  it('point at an editor-written anchor after the sanitizer prefixed its id', async () => {
    const { body } = await render('[Jump](#method)\n\n<p id="method">How we counted.</p>');
    expect(body.querySelector('a')?.getAttribute('href')).toBe('#user-content-method');
    expect(body.querySelector('#user-content-method')?.textContent).toBe('How we counted.');
  });

  it('keep pointing at a heading, whose id is made after sanitizing', async () => {
    const { body } = await render('[Jump](#what-happens-next)\n\n## What happens next');
    expect(body.querySelector('a')?.getAttribute('href')).toBe('#what-happens-next');
    expect(body.querySelector('h2')?.id).toBe('what-happens-next');
  });

  it('leave a link to a missing id as it was', async () => {
    const { body } = await render('[Jump](#nowhere)');
    expect(body.querySelector('a')?.getAttribute('href')).toBe('#nowhere');
  });

  it('point at an <a name> anchor in raw HTML, whose name the sanitizer prefixed like an id', async () => {
    const { body } = await render('[Jump](#legacy)\n\n<a name="legacy"></a>The old anchor.');
    expect(body.querySelector('a[href]')?.getAttribute('href')).toBe('#user-content-legacy');
    expect(body.querySelector('a[name="user-content-legacy"]')).not.toBeNull();
  });

  it('keep a text fragment after the id they point at, and leave a text fragment alone', async () => {
    const { body } = await render(
      '[a](#method:~:text=counted) [b](#:~:text=counted) [c](#what-next:~:text=x)\n' +
        '\n<p id="method">How we counted.</p>\n\n## What next',
    );
    expect([...body.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '#user-content-method:~:text=counted',
      '#:~:text=counted',
      '#what-next:~:text=x',
    ]);
  });

  it('make GFM footnotes work both ways, prefixed once', async () => {
    const { body, html } = await render('A claim.[^source]\n\n[^source]: The harbour trust, 2026.');
    expect(html).not.toContain('user-content-user-content-');
    const reference = body.querySelector('a[data-footnote-ref]')!;
    const note = body.querySelector(reference.getAttribute('href')!);
    expect(note?.textContent).toContain('The harbour trust, 2026.');
    const backLink = note!.querySelector('a[data-footnote-backref]')!;
    expect(body.querySelector(backLink.getAttribute('href')!)).toBe(reference);
    expect(body.querySelector(`#${reference.getAttribute('aria-describedby')}`)?.textContent).toBe(
      'Footnotes',
    );
  });
});
