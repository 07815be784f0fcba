import { describe, expect, it } from 'vitest';
import { requireChromium } from './browser.ts';

describe('requireChromium', () => {
  it('fails loudly with the install command when Chromium is missing, instead of skipping', () => {
    expect(() => requireChromium('/nonexistent/chromium')).toThrow(
      'install chromium: apt-get install -y chromium',
    );
  });
});
