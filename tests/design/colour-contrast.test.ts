/**
 * WCAG 2.2 AA contrast of the colour pairs the stylesheet uses, in the light and the dark
 * scheme, computed from the custom properties in src/styles/global.css itself: text, controls,
 * and every token colour of highlighted code on the code block's background.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';

const css = readFileSync(join(projectRoot, 'src/styles/global.css'), 'utf8');

function properties(block: string): Record<string, string> {
  return Object.fromEntries(
    [...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map(([, name, value]) => [
      name!,
      value!.toLowerCase(),
    ]),
  );
}

const light = properties(css.match(/^:root\s*\{([^}]*)\}/m)![1]!);
const dark = {
  ...light,
  ...properties(css.match(/@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{([^}]*)\}/)![1]!),
};

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

/** [foreground, background, minimum]: body text 7:1, other text 4.5:1, focus rings and borders of controls 3:1. */
const PAIRS: [string, string, number][] = [
  ['fg', 'bg', 7], // body text: WCAG AAA's 7:1, as the design asks
  ['fg', 'bg', 4.5],
  ['muted', 'bg', 4.5],
  ['accent', 'bg', 4.5],
  ['fg', 'note-bg', 4.5],
  ['accent', 'note-bg', 4.5],
  ['bg', 'accent', 4.5], // button text
  ['accent', 'bg', 3], // focus ring
  ['muted', 'bg', 3], // input border
];

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s scheme', (_name, colours) => {
  it('defines every colour the pairs use', () => {
    for (const name of ['fg', 'bg', 'muted', 'accent', 'note-bg'])
      expect(colours[name], name).toMatch(/^#[0-9a-f]{6}$/);
  });

  it.each(PAIRS)('%s on %s reaches %s:1', (fg, bg, minimum) => {
    expect(contrast(colours[fg]!, colours[bg]!)).toBeGreaterThanOrEqual(minimum);
  });
});

/** The colours the code highlighting classes (`.hljs-…`) use, as custom property names, read from their rules. */
const tokenColours = [...css.matchAll(/([^{}]*\.hljs-[^{}]*)\{([^}]*)\}/g)].flatMap(([, , declarations]) =>
  [...declarations!.matchAll(/(?:^|;)\s*color:\s*([^;]+)/g)].map(([, value]) => value!.trim()),
);

describe('code blocks', () => {
  it('colour their tokens only with --code-… custom properties', () => {
    expect(tokenColours.length).toBeGreaterThan(5);
    for (const value of tokenColours) expect(value).toMatch(/^var\(--code-[a-z-]+\)$/);
  });

  describe.each([
    ['light', light],
    ['dark', dark],
  ])('in the %s scheme', (_name, colours) => {
    const tokens = Object.keys(colours).filter((name) => name.startsWith('code-') && name !== 'code-bg');

    it('define the text and every token colour the rules use', () => {
      for (const value of tokenColours) expect(colours[value.slice(6, -1)], value).toMatch(/^#[0-9a-f]{6}$/);
      expect(tokens).toContain('code-fg');
    });

    it.each(tokens)('have %s on code-bg reach 4.5:1', (token) => {
      expect(contrast(colours[token]!, colours['code-bg']!)).toBeGreaterThanOrEqual(4.5);
    });
  });
});

describe('contrast()', () => {
  it('matches the WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
