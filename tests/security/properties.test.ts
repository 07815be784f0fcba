/**
 * Property-based tests of the real markdown pipeline (Astro's processor with our plugins, via
 * tests/markdown/astro-processor.ts): for generated documents mixing markdown, raw HTML elements
 * (nested, with hostile attributes) and obfuscated URLs, the output never contains an
 * executable context, and rendering never throws anything but the documented limit errors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { render } from '../markdown/astro-processor.ts';

const renderMarkdown = async (markdown: string, options?: { filePath?: string }) =>
  (await render(markdown, options)).html;
import { scanFragment } from './scan-dist.ts';

const TAGS = [
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'base',
  'meta',
  'link',
  'form',
  'input',
  'button',
  'svg',
  'math',
  'mtext',
  'mglyph',
  'foreignObject',
  'animate',
  'set',
  'use',
  'image',
  'noscript',
  'template',
  'textarea',
  'title',
  'xmp',
  'select',
  'table',
  'td',
  'a',
  'img',
  'video',
  'source',
  'picture',
  'details',
  'div',
  'p',
  'span',
  'figure',
  'blockquote',
  'q',
  'area',
  'map',
  'frameset',
  'marquee',
  'plaintext',
  'noembed',
];
const ATTRIBUTES = [
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'data',
  'cite',
  'background',
  'style',
  'onerror',
  'onload',
  'onclick',
  'ONMOUSEOVER',
  'onfocus',
  'ontoggle',
  'autofocus',
  'id',
  'name',
  'title',
  'alt',
  'attributeName',
  'values',
  'to',
  'srcdoc',
  'http-equiv',
  'content',
  'is',
  'open',
];
const SCHEMES = ['javascript', 'JaVaScRiPt', 'vbscript', 'data', 'livescript', 'https', 'http', 'mailto'];
const PAYLOADS = [
  'alert(1)',
  'text/html,<script>alert(1)</script>',
  '//example.org/',
  'top.__xss=1',
  'x.png',
];

/** Writes a character the way an attacker might: raw, decimal or hex entity, padded entity, or named. */
const obfuscatedChar = (char: string) =>
  fc.constantFrom(
    char,
    `&#${char.charCodeAt(0)};`,
    `&#x${char.charCodeAt(0).toString(16)};`,
    `&#000${char.charCodeAt(0)}`,
    char === ':' ? '&colon;' : char,
    char === 'a' ? 'a&#x09;' : char,
  );

const url = fc
  .tuple(
    fc.constantFrom(...SCHEMES),
    fc.constantFrom('', ' ', '\t', '\u0001', '&#14;'),
    fc.constantFrom(...PAYLOADS),
  )
  .chain(([scheme, prefix, payload]) =>
    fc.tuple(...[...`${scheme}:`].map(obfuscatedChar)).map((chars) => `${prefix}${chars.join('')}${payload}`),
  );

const attributeValue = fc.oneof(
  url,
  fc.constantFrom(
    'alert(1)',
    'x',
    'background:url(javascript:alert(1))',
    'expression(alert(1))',
    '"><img src=x onerror=alert(1)>',
    'page-main',
  ),
);

const attribute = fc
  .tuple(fc.constantFrom(...ATTRIBUTES), attributeValue, fc.constantFrom('"', "'", '', '`'))
  .map(([name, value, quote]) =>
    quote === '' ? `${name}=${value.replace(/\s/g, '')}` : `${name}=${quote}${value}${quote}`,
  );

const { element } = fc.letrec<{ element: string }>((tie) => ({
  element: fc
    .tuple(
      fc.constantFrom(...TAGS),
      fc.array(attribute, { maxLength: 3 }),
      fc.array(
        fc.oneof(
          { maxDepth: 3, depthIdentifier: 'element' },
          fc.constantFrom('text', '<!--', '-->', ']]>', '</style>', '</noscript>', '<![CDATA['),
          tie('element'),
        ),
        { maxLength: 3 },
      ),
      fc.boolean(),
      fc.constantFrom(' ', '/', '\n'),
    )
    .map(([tag, attributes, children, close, separator]) => {
      const open = `<${tag}${attributes.map((a) => `${separator}${a}`).join('')}>`;
      return `${open}${children.join('')}${close ? `</${tag}>` : ''}`;
    }),
}));

const markdown = fc.oneof(
  url.map((u) => `[link](${u})`),
  url.map((u) => `[link](<${u}>)`),
  url.map((u) => `![image](${u})`),
  url.map((u) => `<${u.replace(/\s/g, '')}>`),
  url.map((u) => `[ref][r]\n\n[r]: ${u.replace(/\s/g, '')}`),
  url.map((u) => `[title](https://example.org/ "${u}")`),
  fc.constantFrom(
    '> ',
    '- ',
    '1. ',
    '## ',
    '**',
    '_',
    '`',
    '```\n',
    '| a | b |\n|---|---|\n| ',
    '[^1]',
    '\n\n[^1]: ',
    '\\',
  ),
  fc.string({ maxLength: 12 }),
);

const document = fc
  .array(fc.oneof(element, markdown), { minLength: 1, maxLength: 10 })
  .chain((parts) =>
    fc.tuple(
      ...parts.map((part) => fc.constantFrom('', ' ', '\n', '\n\n').map((separator) => part + separator)),
    ),
  )
  .map((parts) => parts.join(''));

/** The validation errors the pipeline documents: each a VFile message naming the file and line. */
const DOCUMENTED_SOURCES = ['remark-limits', 'rehype-article-images'];

/** Renders, or returns undefined when the input was refused with a documented error. */
async function renderOrRefuse(input: string): Promise<string | undefined> {
  try {
    return await renderMarkdown(input, { filePath: '/site/content/articles/generated/index.md' });
  } catch (error) {
    expect(
      DOCUMENTED_SOURCES,
      `undocumented error for ${JSON.stringify(input.slice(0, 200))}: ${String(error)}`,
    ).toContain((error as { source?: string }).source);
    expect((error as Error).message).toMatch(/content\/articles\/generated\/index\.md:\d+(:\d+)?: /);
    return undefined;
  }
}

describe('the markdown pipeline, on generated hostile documents', () => {
  it('never emits an executable context', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(document, async (input) => {
        const html = await renderOrRefuse(input);
        if (html === undefined) return;
        expect(scanFragment(html), `input: ${JSON.stringify(input)}\noutput: ${html}`).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it(
    'throws nothing but the documented validation errors, which name file and line',
    { timeout: 120_000 },
    async () => {
      const repeated = fc
        .tuple(
          fc.constantFrom('>', '- ', '<div>', '*', '[', '[a][b]', '<b>', '1. ', '  '),
          fc.integer({ min: 1, max: 20_000 }),
        )
        .map(([unit, count]) => unit.repeat(count));
      await fc.assert(
        fc.asyncProperty(fc.oneof(document, repeated), async (input) => {
          await renderOrRefuse(input);
        }),
        { numRuns: 150 },
      );
    },
  );
});
