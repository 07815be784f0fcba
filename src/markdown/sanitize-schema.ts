/**
 * The one allow-list for editors' HTML (markdown and raw HTML alike).
 *
 * Starts from hast-util-sanitize's GitHub schema and changes it deliberately:
 * - adds figure/figcaption (photo captions), cite, mark, and `<time datetime>`;
 * - drops form inputs (task-list checkboxes are the only use and articles do not need them);
 * - drops `<source srcset>`, whose URLs GitHub's schema does not check;
 * - narrows URL schemes: links may be http(s), mailto, tel, relative or fragments; images
 *   and citations http(s) or relative.
 *
 * Changing it: add the smallest thing an article needs, add a hostile test for what the new
 * element or attribute could carry (tests/markdown/sanitize.test.ts), and say why here.
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

const base = defaultSchema;
const baseAttributes = base.attributes ?? {};

/** Global attributes from the GitHub schema that articles have no use for (form and layout relics). */
const droppedGlobal = new Set([
  'accept', 'acceptCharset', 'accessKey', 'action', 'align', 'axis', 'border', 'cellPadding',
  'cellSpacing', 'char', 'charOff', 'charSet', 'checked', 'clear', 'color', 'cols', 'colSpan',
  'compact', 'coords', 'dateTime', 'dir', 'disabled', 'encType', 'frame', 'hSpace', 'hreflang',
  'isMap', 'label', 'maxLength', 'media', 'method', 'multiple', 'noHref', 'noShade', 'noWrap',
  'open', 'prompt', 'readOnly', 'rev', 'rows', 'rowSpan', 'rules', 'scope', 'selected', 'shape',
  'size', 'span', 'start', 'summary', 'tabIndex', 'type', 'useMap', 'vAlign', 'value', 'width', 'height',
]);

const globalAttributes = (baseAttributes['*'] ?? []).filter(
  (attribute) => !droppedGlobal.has(Array.isArray(attribute) ? attribute[0] : attribute),
);

const { input: _input, source: _source, ...keptAttributes } = baseAttributes;

export const sanitizeSchema: Schema = {
  ...base,
  tagNames: [
    ...(base.tagNames ?? []).filter((tag) => tag !== 'input' && tag !== 'source' && tag !== 'picture'),
    'figure',
    'figcaption',
    'cite',
    'mark',
    'time',
  ],
  attributes: {
    ...keptAttributes,
    '*': globalAttributes,
    ol: [...(keptAttributes.ol ?? []), 'start', 'reversed'],
    td: ['colSpan', 'rowSpan'],
    th: ['colSpan', 'rowSpan', 'scope'],
    time: ['dateTime'],
    img: [...(keptAttributes.img ?? []), 'width', 'height'],
  },
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    cite: ['http', 'https'],
    src: ['http', 'https'],
    longDesc: ['http', 'https'],
  },
  // Editors' ids and names are prefixed so they can never clobber the page's own ids or DOM globals.
  clobberPrefix: 'user-content-',
};
