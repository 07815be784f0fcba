/**
 * Code blocks: highlighted at build time with hljs-* classes only (no inline style, no script), in
 * a focusable box; the classes are the highlighter's, never the editor's.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { articleFolder, render, renderArticleFile } from './astro-processor.ts';

const folder = articleFolder();
afterAll(() => folder.cleanup());

const JS = '```js\nconst answer = "forty"; // the lamp\nfunction light(year) { return 1986; }\n```';

describe('a code block with a language', () => {
  it('is highlighted with classes: keywords, strings, comments, numbers, names', async () => {
    const { body } = await render(JS);
    const code = body.querySelector('pre > code')!;
    expect(code.className).toBe('hljs language-js');
    const tokens = Object.fromEntries(
      [...code.querySelectorAll('span')].map((span) => [span.textContent, span.className]),
    );
    expect(tokens).toMatchObject({
      const: 'hljs-keyword',
      '"forty"': 'hljs-string',
      '// the lamp': 'hljs-comment',
      light: 'hljs-title function_',
      '1986': 'hljs-number',
    });
    expect(code.textContent).toBe(
      'const answer = "forty"; // the lamp\nfunction light(year) { return 1986; }\n',
    );
  });

  it('keeps its quotes and dashes straight (no smart punctuation in code)', async () => {
    expect((await render('```sh\necho "a" -- \'b\'\n```')).body.querySelector('code')!.textContent).toBe(
      'echo "a" -- \'b\'\n',
    );
  });

  it('uses no inline style and no script, and the block is focusable so keyboards can scroll it', async () => {
    const { html, body } = await render(`${JS}\n\n\`\`\`python\ndef f():\n    return "x"\n\`\`\``);
    expect(html).not.toMatch(/style=|<script/);
    expect([...body.querySelectorAll('pre')].map((pre) => pre.getAttribute('tabindex'))).toEqual(['0', '0']);
  });

  it('is highlighted when written as HTML with a language-* class too', async () => {
    const { body } = await render('<pre><code class="language-python">def f(): pass</code></pre>');
    expect(body.querySelector('code span.hljs-keyword')?.textContent).toBe('def');
  });
});

describe('a code block without a language it knows', () => {
  it.each([
    ['no language', '```\nconst x = 1;\n```'],
    ['an unknown language', '```klingon\nconst x = 1;\n```'],
  ])('is the same box, uncoloured: %s', async (_, markdown) => {
    const { body } = await render(markdown);
    expect(body.querySelector('pre')?.getAttribute('tabindex')).toBe('0');
    expect(body.querySelector('code')!.textContent).toBe('const x = 1;\n');
    expect(body.querySelectorAll('code span')).toHaveLength(0);
  });
});

describe('highlighting classes', () => {
  it('cannot be written by editors: the sanitizer removes them and says so', async () => {
    const { html, facts } = await renderArticleFile(
      folder.indexFile,
      'Text <span class="hljs-keyword">borrowed</span>.\n\n<pre><code class="language-js hljs-string">x</code></pre>',
    );
    expect(html).toContain('<span>borrowed</span>');
    expect(html).not.toContain('hljs-keyword');
    expect(html).not.toContain('hljs-string');
    expect(facts.removed.map((removal) => removal.message)).toEqual(['removed class from <span>']);
  });
});
