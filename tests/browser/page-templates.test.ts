/**
 * Every page template the site is supposed to have is in the build. The other browser gates
 * check one page of each template found; this test makes a missing template fail by name. The
 * real site holds more articles than one listing page (PAGE_SIZE), so its home page has an
 * archive page (/page/1/), checked like every other template; if the content ever shrinks below
 * that, this test says so.
 */
import { describe, expect, inject, it } from 'vitest';
import { findPageTemplates } from '../helpers/page-templates.ts';

describe('the built site', () => {
  it('has a page of every template the quality gates check', () => {
    const { missing } = findPageTemplates(inject('siteDist'));
    expect(missing, `page templates missing from dist/: ${missing.join(', ')}`).toEqual([]);
  });
});
