/**
 * The page templates the site is supposed to have, each found in a built dist/ by its URL.
 * Quality gates (browser tests, Lighthouse) run on one page of every template; a template the
 * site should have but dist/ lacks is reported by name, so a missing page fails loudly instead
 * of shrinking what the gates check.
 */
import { existsSync, globSync } from 'node:fs';
import { join } from 'node:path';

export const ARTICLE_WITH_IMAGES = 'harbour-light-returns';
export const SEED_ARTICLE = 'chrissy-teigen-breaks-down-in-tears-during-therapy-three';

export type TemplateKind =
  'home' | 'article' | 'seed-article' | 'section' | 'tag' | 'author' | 'search' | '404' | 'archive-page';

interface TemplateRule {
  kind: TemplateKind;
  /** A fixed file inside dist/, or a glob whose first match (sorted) stands for the template. */
  file?: string;
  glob?: string;
}

const RULES: TemplateRule[] = [
  { kind: 'home', file: 'index.html' },
  { kind: 'article', file: `articles/${ARTICLE_WITH_IMAGES}/index.html` },
  { kind: 'seed-article', file: `articles/${SEED_ARTICLE}/index.html` },
  { kind: 'section', glob: 'sections/*/index.html' },
  { kind: 'tag', glob: 'tags/*/index.html' },
  { kind: 'author', glob: 'authors/*/index.html' },
  { kind: 'search', file: 'search/index.html' },
  { kind: '404', file: '404.html' },
  { kind: 'archive-page', glob: 'page/*/index.html' },
];

export interface PageTemplate {
  kind: TemplateKind;
  /** URL path from the site root, e.g. /articles/harbour-light-returns/ */
  path: string;
}

/** dist/-relative file -> the URL path a static host serves it at. */
export function urlPathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

export function findPageTemplates(dist: string): { found: PageTemplate[]; missing: TemplateKind[] } {
  const found: PageTemplate[] = [];
  const missing: TemplateKind[] = [];
  for (const rule of RULES) {
    const file = rule.file
      ? existsSync(join(dist, rule.file))
        ? rule.file
        : undefined
      : globSync(rule.glob!, { cwd: dist }).sort()[0];
    if (file) found.push({ kind: rule.kind, path: urlPathOf(file) });
    else missing.push(rule.kind);
  }
  return { found, missing };
}
