/**
 * Embeds through the site's own markdown processor: every provider, pasted as embed code and as a
 * URL on its own line, becomes the same static figure; the player is the provider's privacy mode
 * behind a closed <details>; what the sanitizer removes is reported with the line and a fix.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { EMBED_SAMPLES } from '../helpers/embed-samples.ts';
import { articleFolder, render, renderArticleFile } from './astro-processor.ts';

const folder = articleFolder();
afterAll(() => folder.cleanup());

/** Renders a whole article file (front matter and body), as pages and the content check do. */
const renderFile = (body: string) => renderArticleFile(folder.indexFile, body);

describe.each(EMBED_SAMPLES)('a $provider embed', (sample) => {
  const forms = {
    'embed code': `Before.\n\n${sample.code}\n\nAfter.`,
    'URL on its own line': `Before.\n\n${sample.url}\n\nAfter.`,
  };
  it.each(Object.entries(forms))(
    'as %s becomes one static figure with a link to the original',
    async (form, markdown) => {
      const { body } = await render(markdown);
      const figures = body.querySelectorAll('figure.embed');
      expect(figures.length).toBe(1);
      const figure = figures[0]!;
      expect(figure.getAttribute('data-embed')).toBe(sample.provider);
      const links = [...figure.querySelectorAll('a')].map((link) => link.getAttribute('href'));
      expect(links).toContain(sample.original);
      expect(body.querySelector('script')).toBeNull();
      expect(body.textContent).toContain('Before.');
      expect(body.textContent).toContain('After.');
      // Pasted code carries the post's text, author and date (or the video's title): all kept.
      if (form === 'embed code') for (const text of sample.kept) expect(figure.textContent).toContain(text);
    },
  );
});

describe('video embeds', () => {
  it(
    'load nothing until opened: a closed <details> holding a lazy, ' +
      'titled iframe from the privacy-mode player',
    async () => {
      const { body } = await render(
        `https://www.youtube.com/watch?v=aBcDeFgHiJk&t=30s\n\nhttps://vimeo.com/123456789`,
      );
      const [youtube, vimeo] = [...body.querySelectorAll('figure.embed-video')];
      for (const figure of [youtube!, vimeo!]) {
        const details = figure.querySelector('details')!;
        expect(details.hasAttribute('open')).toBe(false);
        expect(details.querySelector('summary')!.textContent).toMatch(/^Play video/);
        const iframe = details.querySelector('.embed-frame > iframe')!;
        expect(iframe.getAttribute('loading')).toBe('lazy');
        expect(iframe.getAttribute('title')).toBeTruthy();
      }
      expect(youtube!.querySelector('iframe')!.getAttribute('src')).toBe(
        'https://www.youtube-nocookie.com/embed/aBcDeFgHiJk',
      );
      expect(vimeo!.querySelector('iframe')!.getAttribute('src')).toBe(
        'https://player.vimeo.com/video/123456789?dnt=1',
      );
    },
  );

  it('take the title from link text and the caption from the link title', async () => {
    const { body } = await render(
      '[Night ferry to Orran Isle](https://vimeo.com/123456789 "Filmed by the Orran Isle Gazette")',
    );
    expect(body.querySelector('summary')!.textContent).toBe('Play video: Night ferry to Orran Isle (Vimeo)');
    expect(body.querySelector('iframe')!.getAttribute('title')).toBe(
      'Night ferry to Orran Isle (Vimeo video)',
    );
    expect(body.querySelector('figcaption')!.textContent).toContain('Filmed by the Orran Isle Gazette.');
  });

  it("take the caption of the editor's own <figure> around the code", async () => {
    const sample = EMBED_SAMPLES.find((candidate) => candidate.provider === 'youtube')!;
    const { body } = await render(
      `<figure>\n${sample.code}\n<figcaption>The lamp room, filmed by volunteers.</figcaption>\n</figure>`,
    );
    expect(body.querySelectorAll('figure').length).toBe(1);
    expect(body.querySelector('figcaption')!.textContent).toContain('The lamp room, filmed by volunteers.');
  });

  it('split a paragraph that has embed code among its text, since a figure cannot sit in a <p>', async () => {
    const { body } = await render(
      'Watch this: <iframe src="https://www.youtube.com/embed/aBcDeFgHiJk" title="The lamp"></iframe> and tell us.',
    );
    expect([...body.children].map((element) => element.localName)).toEqual(['p', 'figure', 'p']);
    expect(body.querySelector('p figure')).toBeNull();
    expect(body.textContent).toContain('Watch this:');
    expect(body.textContent).toContain('and tell us.');
  });

  it('tell the page which origins to allow in frame-src, and only those', async () => {
    expect(
      (await renderFile('https://youtu.be/aBcDeFgHiJk\n\nhttps://vimeo.com/123456789')).facts.frameOrigins,
    ).toEqual(['https://player.vimeo.com', 'https://www.youtube-nocookie.com']);
    expect(
      (await renderFile(EMBED_SAMPLES.find((sample) => sample.provider === 'x')!.code)).facts.frameOrigins,
    ).toEqual([]);
    expect((await renderFile('Just text.')).facts.frameOrigins).toEqual([]);
  });
});

describe('what is not an embed', () => {
  it('a URL inside a sentence, list or quote stays a link', async () => {
    const { body } = await render(
      'See https://youtu.be/aBcDeFgHiJk for more.\n\n- https://youtu.be/aBcDeFgHiJk\n\n> https://youtu.be/aBcDeFgHiJk',
    );
    expect(body.querySelector('figure')).toBeNull();
    expect(body.querySelectorAll('a[href="https://youtu.be/aBcDeFgHiJk"]').length).toBe(3);
  });

  it('a look-alike URL or id stays a link and never reaches an iframe', async () => {
    const { body } = await render(
      [
        'https://youtube.com.evil.example/watch?v=aBcDeFgHiJk',
        'https://www.youtube.com/watch?v=aBc"onload=x',
        'https://vimeo.com/12ab',
        'javascript:alert(1)//https://youtu.be/aBcDeFgHiJk',
      ].join('\n\n'),
    );
    expect(body.querySelector('figure')).toBeNull();
    expect(body.querySelector('iframe')).toBeNull();
  });

  it('embed code with hostile content keeps only its text', async () => {
    const { body, html } = await render(
      '<blockquote class="twitter-tweet"><p>Hello <img src=x onerror=alert(1)>' +
        '<script>alert(2)</script></p>&mdash; Someone <a href="javascript:alert(3)">x</a> ' +
        '<a href="https://twitter.com/someone/status/123">May 1, 2026</a></blockquote>',
    );
    expect(html).not.toMatch(/onerror|alert\(|javascript:|<img/);
    expect(body.querySelector('figure.embed blockquote')!.textContent).toContain('Hello');
  });
});

describe('sanitizer reports', () => {
  it('name the line in the file, what was removed and the fix', async () => {
    const { facts } = await renderFile(
      [
        'A video the council published shows the lamp:',
        '<iframe src="https://maps.example.com/embed?q=kelmouth" title="Map"></iframe>',
        '<script>alert(1)</script>',
        '<form action="https://forms.example"><input name="email"></form>',
        '<p onclick="alert(1)">Click</p>',
      ].join('\n\n'),
    );
    const said = facts.removed.map((removal) => `${removal.line}: ${removal.message} | ${removal.fix}`);
    expect(said).toEqual([
      expect.stringMatching(
        /^7: removed <iframe src="https:\/\/maps\.example\.com\/embed\?q=kelmouth"> \| .*paste its URL on its own line/,
      ),
      expect.stringMatching(/^9: removed <script> \| Articles cannot run scripts/),
      expect.stringMatching(
        /^11: removed <form action="https:\/\/forms\.example"> \| Articles cannot hold forms/,
      ),
      expect.stringMatching(/^13: removed onclick="alert\(1\)" from <p> \| Articles cannot run scripts/),
    ]);
  });

  it('say nothing for clean markdown, footnotes, task lists, code or embeds', async () => {
    const { facts } = await renderFile(
      [
        'Text with a footnote.[^1] And *emphasis*, `code` and [a link](https://example.org).',
        '- [x] done\n- [ ] to do',
        '```js\nconst a = 1;\n```',
        '<kbd>Ctrl</kbd> <abbr title="Harbour Trust">HT</abbr>',
        ...EMBED_SAMPLES.map((sample) => sample.code),
        '[^1]: The note.',
      ].join('\n\n'),
    );
    expect(facts.removed).toEqual([]);
  });
});
