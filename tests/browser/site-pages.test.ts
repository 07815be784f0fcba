/**
 * The browser gates (see page-checks.ts) on one page of every template of the real site, and
 * the 404 page as a static host serves it for a miss deep in the site.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findPageTemplates } from '../helpers/page-templates.ts';
import { describePageChecks } from './page-checks.ts';
import { openPage, startSession, type Session } from './support.ts';

let session: Session;
beforeAll(async () => {
  session = await startSession(inject('siteDist'));
});
afterAll(() => session?.close());

for (const template of findPageTemplates(inject('siteDist')).found)
  describePageChecks(template, () => session);

describe('a miss deep in the site', () => {
  it('answers 404 with the styled 404 page and no failed request', async () => {
    const { page, problems, close } = await openPage(session, '/no/such/article/', { expectedStatus: 404 });
    const heading = await page.locator('h1').textContent();
    const styled = await page.evaluate(() => getComputedStyle(document.body).margin === '0px');
    await close();
    expect(problems).toEqual([]);
    expect(heading).toBe('Page not found');
    expect(styled, 'the site stylesheet did not apply').toBe(true);
  });
});
