/**
 * The real site's sections come from content/sections.yaml: the menu lists them in the declared
 * order (not alphabetical) by their declared names, and a section page shows its description.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { declaredSections } from '../../src/lib/sections.ts';
import { projectRoot } from '../helpers/build-site.ts';

const dist = inject('siteDist');
const page = (path: string) => parseHTML(readFileSync(join(dist, path), 'utf8')).document;
const declared = declaredSections(projectRoot)!;

describe('declared sections in the built site', () => {
  it('the menu lists the sections with articles in declared order, by declared name', () => {
    const menu = [...page('index.html').querySelectorAll('nav[aria-label="Sections"] a')].map(
      (link) => link.textContent!,
    );
    const names = declared.map(({ name }) => name);
    const sections = menu.slice(1);
    expect(menu[0]).toBe('Latest');
    expect(sections).toEqual(names.filter((name) => sections.includes(name)));
    // The seed content has news and entertainment: declared news first, which alphabetical order would not give.
    expect(menu.indexOf('News')).toBeLessThan(menu.indexOf('Entertainment'));
  });

  it('a section page shows its declared description, also as its meta description', () => {
    const news = declared.find(({ slug }) => slug === 'news')!;
    const document = page('sections/news/index.html');
    expect(document.querySelector('main p.section-description, p.section-description')?.textContent).toBe(
      news.description,
    );
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      news.description,
    );
  });
});
