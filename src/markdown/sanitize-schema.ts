/**
 * The one allow-list for editors' HTML (markdown and raw HTML alike), for rehype-sanitize.
 *
 * Starts from hast-util-sanitize's GitHub schema (its elements and its per-element attributes)
 * and changes it deliberately:
 * - adds what articles need: figure/figcaption (photo captions), table captions, abbr/dfn,
 *   cite, mark, small, u, wbr, `<time datetime>`;
 * - removes `<input>` (task-list checkboxes: the list text stays, the box goes; an unlabelled
 *   form control in an article is an accessibility error) and `<picture>`/`<source>`, whose
 *   `srcset` URLs the GitHub schema does not check. No element may carry `srcset` or `style`.
 * - replaces GitHub's long list of global attributes (form and layout relics) with a short one:
 *   id, lang, dir, title. Microdata (itemscope/itemtype/itemprop) is dropped so that an article
 *   body cannot plant structured data that contradicts the page's own JSON-LD;
 * - narrows URL schemes: links may be http(s), mailto, tel, relative or fragments; images and
 *   citations http(s) or relative;
 * - removes dangerous and text-carrying containers *with their content* (script, style,
 *   template, …), instead of GitHub's default of unwrapping unknown elements, so CSS or markup
 *   meant for a browser never shows up as article text.
 * No class survives but a code element's `language-*` (GitHub's rule): code highlighting adds its
 * `hljs-*` classes after the sanitizer (src/markdown/rehype-code-blocks.ts), so editors cannot write them.
 * Editors' ids and names are prefixed `user-content-` so they can never clobber the page's own
 * ids (which start `page-`) or DOM globals; src/markdown/rehype-fragment-links.ts points `#x`
 * links at the prefixed ids.
 *
 * Changing it: add the smallest thing an article needs, add a hostile test for what the new
 * element or attribute could carry (tests/markdown/sanitize.test.ts), and say why here.
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

type Attributes = NonNullable<Schema['attributes']>[string];

const github = defaultSchema.attributes ?? {};
const aria: Attributes = ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy'];
const tableCell: Attributes = ['colSpan', 'rowSpan', 'headers', ['align', 'left', 'center', 'right']];

const removedTags = new Set(['input', 'picture', 'source']);

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((tag) => !removedTags.has(tag)),
    'abbr',
    'caption',
    'cite',
    'dfn',
    'figcaption',
    'figure',
    'mark',
    'small',
    'time',
    'u',
    'wbr',
  ],
  attributes: {
    '*': ['id', 'lang', 'title', ['dir', 'ltr', 'rtl', 'auto']],
    // GFM footnote markers (dataFootnoteRef, …) and the footnote back-link class.
    a: [...(github.a ?? []), 'name'],
    blockquote: ['cite'],
    code: github.code ?? [],
    del: ['cite'],
    dl: aria,
    h2: github.h2 ?? [],
    img: [...aria, 'alt', 'src'],
    ins: ['cite'],
    li: github.li ?? [],
    ol: [...(github.ol ?? []), 'start', 'reversed'],
    q: ['cite'],
    section: github.section ?? [],
    summary: aria,
    table: aria,
    td: tableCell,
    th: [...tableCell, 'abbr', ['scope', 'row', 'col', 'rowgroup', 'colgroup']],
    time: ['dateTime'],
    ul: github.ul ?? [],
  },
  required: {},
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    cite: ['http', 'https'],
    src: ['http', 'https'],
  },
  strip: [
    'script',
    'style',
    'template',
    'noscript',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'svg',
    'math',
    'textarea',
    'select',
    'title',
    'xmp',
    'noembed',
    'noframes',
    'plaintext',
  ],
  clobberPrefix: 'user-content-',
};
