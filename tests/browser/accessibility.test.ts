/**
 * One page of every template against WCAG 2.2 A/AA as a reader with assistive technology or a
 * keyboard meets it: axe-core finds no violation in either colour scheme; the skip link is the
 * first Tab stop and moves focus to the main content; every visible link is reachable by Tab
 * and shows a visible focus indicator.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findPageTemplates } from '../helpers/page-templates.ts';
import { skipLinkProblems, tabOrderProblems } from './keyboard.ts';
import { describeViolations, openPage, runAxe, startSession, type Session } from './support.ts';

const { found } = findPageTemplates(inject('siteDist'));

let session: Session;
beforeAll(async () => {
  session = await startSession(inject('siteDist'));
});
afterAll(() => session?.close());

describe.each(found)('the $kind page ($path)', ({ path }) => {
  it.each(['light', 'dark'] as const)('has no WCAG 2.2 A/AA violation found by axe-core (%s scheme)', async (colorScheme) => {
    const { page, close } = await openPage(session, path, { bypassCSP: true, colorScheme });
    const violations = await runAxe(page);
    await close();
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('offers a skip link as the first Tab stop, and it moves focus to the main content', async () => {
    const { page, close } = await openPage(session, path);
    const problems = await skipLinkProblems(page);
    await close();
    expect(problems).toEqual([]);
  });

  it('reaches every visible link by Tab, each with a visible focus indicator', async () => {
    const { page, close } = await openPage(session, path);
    const { unreachable, invisibleFocus } = await tabOrderProblems(page);
    await close();
    expect(unreachable, 'links Tab never reaches').toEqual([]);
    expect(invisibleFocus, 'Tab stops without a visible focus indicator').toEqual([]);
  });
});
