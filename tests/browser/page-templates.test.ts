/**
 * Every page template the site is supposed to have is in the build. The other browser gates
 * check one page of each template found; this test makes a missing template fail by name.
 * A paginated page 2 needs more articles than the real site has: paginated-page.test.ts builds
 * and checks one.
 */
import { describe, expect, inject, it } from 'vitest';
import { findPageTemplates } from '../helpers/page-templates.ts';

describe('the built site', () => {
  it('has a page of every template the quality gates check', () => {
    const missing = findPageTemplates(inject('siteDist')).missing.filter((kind) => kind !== 'page-2');
    expect(missing, `page templates missing from dist/: ${missing.join(', ')}`).toEqual([]);
  });
});
