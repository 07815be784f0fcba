/**
 * Whether a built page asks to be indexed, read from its own <head>: the page templates already
 * decide robots and canonical for drafts, expired articles, syndicated copies and the 404 page,
 * so the sitemaps ask the page instead of deciding a second time.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

export interface HeadSignals {
  robots?: string;
  canonical?: string;
}

export function headSignals(html: string): HeadSignals {
  const end = html.search(/<\/head\s*>/i);
  const tree = fromHtml(end === -1 ? html : html.slice(0, end));
  const signals: HeadSignals = {};
  visit(tree, 'element', (element: Element) => {
    const { name, content, rel, href } = element.properties;
    if (element.tagName === 'meta' && typeof name === 'string' && name.toLowerCase() === 'robots' && typeof content === 'string') {
      signals.robots = content;
    }
    if (element.tagName === 'link' && Array.isArray(rel) && rel.some((token) => String(token).toLowerCase() === 'canonical') && typeof href === 'string') {
      signals.canonical = href;
    }
  });
  return signals;
}

/** Indexable unless robots says noindex/none or the canonical points at another URL. */
export function isIndexable(pageUrl: string, signals: HeadSignals): boolean {
  const robots = (signals.robots ?? '').toLowerCase().split(',').map((token) => token.trim());
  if (robots.includes('noindex') || robots.includes('none')) return false;
  return signals.canonical === undefined || new URL(signals.canonical, pageUrl).href === pageUrl;
}
