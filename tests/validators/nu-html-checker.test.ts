import { describe, expect, it } from 'vitest';
import { requireJava } from '../../scripts/verify/nu-html-checker.ts';

describe('requireJava', () => {
  it('fails loudly with the install command when Java is missing, instead of skipping', () => {
    expect(() => requireJava({ PATH: '/nonexistent' })).toThrow('apt-get install -y default-jre-headless');
  });
});
