/**
 * `npm run bench -- --highlight-cost`: what build-time code highlighting (rehype-highlight in
 * src/markdown/rehype-code-blocks.ts) costs. The same bodies are rendered through the site's own
 * processor (renderMarkdown) twice: with a language on every fence, which colours it, and without,
 * which leaves the block in its box uncoloured (detect is off). The difference, in CPU time of
 * this process, divided by the blocks rendered, is the cost of colouring one block.
 * Rounds alternate, so a busy machine slows both sides alike.
 */
import { cpuUsage } from 'node:process';
import { join } from 'node:path';
import { renderMarkdown } from '../../src/markdown/render-article.ts';
import { median } from './stats.ts';

/** Languages of the Rust blog trial's 1,068 fenced blocks, most common first (docs/migration.md). */
const SAMPLES: Record<string, string> = {
  rust: 'fn main() {\n    let v: Vec<u32> = (0..10).map(|x| x * 2).collect();\n    println!("{:?}", v);\n}',
  js: 'export function total(items) {\n  return items.reduce((sum, { price }) => sum + price, 0);\n}',
  sh: 'npm ci && npm run build\ncurl -fsSL https://example.org/install.sh | sh -s -- --yes',
  toml: '[package]\nname = "wirepress"\nversion = "0.1.0"\n\n[dependencies]\nserde = "1"',
};

function body(blocks: number, withLanguage: boolean): string {
  const languages = Object.keys(SAMPLES);
  const parts = ['A paragraph before the code, as articles have.'];
  for (let i = 0; i < blocks; i++) {
    const language = languages[i % languages.length]!;
    // Each block twice its sample, ~10 lines: a typical snippet in a post.
    const code = `${SAMPLES[language]}\n${SAMPLES[language]}`;
    parts.push(`\`\`\`${withLanguage ? language : ''}\n${code}\n\`\`\``, 'Text between blocks.');
  }
  return parts.join('\n\n');
}

async function cpuMsToRender(markdown: string, times: number): Promise<number> {
  const start = cpuUsage();
  for (let i = 0; i < times; i++) {
    await renderMarkdown(markdown, join(process.cwd(), `content/articles/bench-${i}/index.md`), {});
  }
  const used = cpuUsage(start);
  return (used.user + used.system) / 1000;
}

export async function highlightCost({ rounds = 5, articles = 40, blocksPerArticle = 10 } = {}) {
  const coloured = body(blocksPerArticle, true);
  const plain = body(blocksPerArticle, false);
  await cpuMsToRender(coloured, 3); // warm the processor and the JIT
  await cpuMsToRender(plain, 3);
  const withMs: number[] = [];
  const withoutMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    withMs.push(await cpuMsToRender(coloured, articles));
    withoutMs.push(await cpuMsToRender(plain, articles));
  }
  const blocks = articles * blocksPerArticle;
  const perBlock = (median(withMs) - median(withoutMs)) / blocks;
  console.log(
    `Highlighting, median of ${rounds} rounds of ${articles} articles x ${blocksPerArticle} blocks ` +
      `(~10 lines each): ${median(withMs).toFixed(0)} CPU-ms with a language, ` +
      `${median(withoutMs).toFixed(0)} without: ${perBlock.toFixed(3)} CPU-ms a block; ` +
      `the Rust blog's 1,068 blocks: ~${((perBlock * 1068) / 1000).toFixed(2)} CPU-s.`,
  );
}
