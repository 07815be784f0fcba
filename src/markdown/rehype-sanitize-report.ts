/**
 * Says what the sanitizer removed, so nothing an editor wrote disappears without a word.
 *
 * Two plugins around rehype-sanitize (pipeline.ts): `rehypeBeforeSanitize` notes every element
 * and its attributes; `rehypeSanitizeReport` compares what is left (the sanitizer keeps
 * positions) and notes, with the line in the article file and a fix, each element removed
 * (outermost only: a removed `<form>`'s inputs are not listed again) and each attribute removed
 * from an element that stays. The notes reach the editor as content-check warnings
 * (src/integrations/content-check.ts). The allow-list is untouched: this only reports what it did.
 *
 * Not reported: GFM task-list checkboxes, which the allow-list drops by design (the item's text stays).
 */
import type { Element, Root } from 'hast';
import { find, html } from 'property-information';
import { walkTree } from '../lib/walk-tree.ts';
import type { VFile } from 'vfile';
import { pointInFile } from './article-location.ts';
import { noteRemovals, type Removal } from './render-facts.ts';

interface Seen {
  node: Element;
  parentKey: string | undefined;
}

const snapshots = new WeakMap<VFile, Map<string, Seen>>();

const keyOf = (node: Element) =>
  node.position
    ? `${node.position.start.offset ?? `${node.position.start.line}:${node.position.start.column}`}<${node.tagName}`
    : undefined;
const isTaskCheckbox = (node: Element) =>
  node.tagName === 'input' && node.properties.type === 'checkbox' && node.properties.disabled === true;
const attributeName = (property: string) => find(html, property).attribute;

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 3)}...` : text);

/** How an element is named in a warning: its tag, with the src, href or action that tells editors which one. */
function describe(node: Element): string {
  for (const name of ['src', 'href', 'action']) {
    const value = node.properties[name];
    if (typeof value === 'string') return `<${node.tagName} ${name}="${shorten(value, 80)}">`;
  }
  return `<${node.tagName}>`;
}

const USE_EMBED =
  'To show a video or a social post, paste its URL on its own line or the ' +
  'provider\'s embed code (docs/editors.md, "Embeds": YouTube, Vimeo, X, ' +
  'Instagram, TikTok, Bluesky, Mastodon); otherwise link to the page instead.';

function elementFix(node: Element): string {
  switch (node.tagName) {
    case 'iframe':
    case 'object':
    case 'embed':
    case 'frame':
      return USE_EMBED;
    case 'script':
    case 'noscript':
      return `Articles cannot run scripts. ${USE_EMBED}`;
    case 'style':
      return "Articles use the site's styles: delete it and use markdown (emphasis, headings, lists).";
    case 'form':
    case 'input':
    case 'select':
    case 'textarea':
    case 'button':
      return "Articles cannot hold forms: link to the form's page instead.";
    default:
      return (
        'This element is not allowed in articles (src/markdown/sanitize-schema.ts ' +
        'lists what is): delete it, or write it in markdown.'
      );
  }
}

function attributeFix(attribute: string): string {
  if (/^on/i.test(attribute)) return 'Articles cannot run scripts: delete the attribute.';
  if (attribute === 'style' || attribute === 'class')
    return "Articles use the site's styles: delete the attribute.";
  if (['href', 'src', 'cite'].includes(attribute))
    return 'Only http(s), mailto and tel links and local images are allowed: fix the URL or delete it.';
  return 'This attribute is not allowed in articles (src/markdown/sanitize-schema.ts lists what is): delete it.';
}

export function rehypeBeforeSanitize() {
  return (tree: Root, file: VFile) => {
    const seen = new Map<string, Seen>();
    const parents = new Map<Element, string>();
    walkTree(tree, 'element', (node, _index, parent) => {
      const key = keyOf(node);
      const parentKey = parent?.type === 'element' ? parents.get(parent) : undefined;
      if (key && !seen.has(key))
        seen.set(key, { node: { ...node, properties: { ...node.properties } }, parentKey });
      if (key) parents.set(node, key);
      else if (parentKey) parents.set(node, parentKey);
    });
    snapshots.set(file, seen);
  };
}

export function rehypeSanitizeReport() {
  return (tree: Root, file: VFile) => {
    const before = snapshots.get(file);
    snapshots.delete(file);
    if (!before) return;
    const after = new Map<string, Element>();
    walkTree(tree, 'element', (node) => {
      const key = keyOf(node);
      if (key) after.set(key, node);
    });
    const removedKeys = new Set<string>();
    const removals: Removal[] = [];
    const note = (node: Element, message: string, fix: string) => {
      const point = pointInFile(file, node.position?.start);
      removals.push({ line: point?.line ?? 1, column: point?.column ?? 1, message, fix });
    };
    for (const [key, { node, parentKey }] of before) {
      const kept = after.get(key);
      if (!kept) {
        removedKeys.add(key);
        if ((parentKey && removedKeys.has(parentKey)) || isTaskCheckbox(node)) continue;
        note(node, `removed ${describe(node)}`, elementFix(node));
        continue;
      }
      for (const property of Object.keys(node.properties)) {
        if (kept.properties[property] !== undefined) continue;
        const attribute = attributeName(property);
        const value = node.properties[property];
        const shown = typeof value === 'string' ? `="${shorten(value, 60)}"` : '';
        note(node, `removed ${attribute}${shown} from <${node.tagName}>`, attributeFix(attribute));
      }
    }
    noteRemovals(file, removals);
  };
}
