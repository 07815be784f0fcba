/**
 * Every internal href, src, srcset, canonical, og:image, JSON-LD, feed and sitemap URL in the built
 * site resolves to a file in dist/, and every #fragment to an element on its target page. The build
 * runs the same check with the same sources (src/integrations/link-check.ts); this gate also holds
 * if that integration is ever switched off.
 */
import { describe, expect, inject, it } from 'vitest';
import { readSiteConfig } from '../../src/lib/site-config.ts';
import { checkInternalLinks, describeBrokenLinks } from '../../scripts/verify/internal-links.ts';

describe('internal links of the built site', () => {
  it('all resolve to a file (and fragment) in dist/', () => {
    // The global build runs with this process's environment, so its site config is this one.
    const site = readSiteConfig(process.env);
    const broken = checkInternalLinks(inject('siteDist'), { origin: site.url, basePath: site.basePath });
    expect(broken, describeBrokenLinks(broken)).toEqual([]);
  });
});
