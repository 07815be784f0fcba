/**
 * Content that several test files read, built once per run (SHARED_BUILDS in
 * tests/helpers/global-build.ts, which writes it in the global setup's process).
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMBED_SAMPLES } from './embed-samples.ts';
import { projectRoot } from './build-site.ts';

/** The two forms an editor pastes an embed in, each in an article of its own. */
export const EMBED_FORMS = { code: 'embed code', url: 'URL' } as const;
export type EmbedForm = keyof typeof EMBED_FORMS;
export const embedSlug = (provider: string, form: EmbedForm) => `embed-${provider}-${form}`;

const UNKNOWN_IFRAME =
  '<iframe src="https://maps.example.com/embed?q=kelmouth" title="Map of Kelmouth"></iframe>';

/** A code block wider than a phone: tests/browser/code-blocks.test.ts. */
export const CODE_SAMPLE_SLUG = 'code-sample';
const CODE_SAMPLE_ARTICLE =
  `---
title: Counting the harbour lights with a script
pubDate: 2026-11-01T09:00:00+00:00
section: news
source:
  relationship: original
---

The script we used:

\`\`\`js
// Count every lamp that was lit between 1986 and 2026, in every harbour on the coast, by year and by keeper.
const lit = lamps.filter((lamp) => lamp.lit && lamp.year >= 1986).map((lamp) ` +
  `=> ({ year: lamp.year, keeper: lamp.keeper, harbour: "Kelmouth" }));
\`\`\`
`;

const embedArticle = (title: string, day: number, body: string) =>
  `---\ntitle: ${title}\npubDate: 2026-11-${String(day).padStart(2, '0')}T10:00:00+00:00\n` +
  `section: news\nsource:\n  relationship: original\n---\n\n` +
  `The Kelmouth harbour light was relit this week.\n\n${body}\n\nThe trust thanked its volunteers.\n`;

/**
 * The embeds site's content/, written to `contentDir`: the real authors, sections and standing
 * pages but not the sample articles (tests/integration/embeds.test.ts needs every embed article
 * among the newest FEED_LIMIT, and newer samples would push some out); every provider's embed as
 * embed code and as a URL, an iframe of an unknown provider, an article without embeds
 * (tests/integration/embeds.test.ts, tests/browser/embeds.test.ts), and a code sample
 * (tests/browser/code-blocks.test.ts).
 */
export function writeEmbedsContent(contentDir: string): void {
  const sampleArticles = join(projectRoot, 'content', 'articles', '');
  cpSync(join(projectRoot, 'content'), contentDir, {
    recursive: true,
    filter: (source) => !source.startsWith(sampleArticles),
  });
  const write = (slug: string, text: string) => {
    mkdirSync(join(contentDir, 'articles', slug), { recursive: true });
    writeFileSync(join(contentDir, 'articles', slug, 'index.md'), text);
  };
  EMBED_SAMPLES.forEach((sample, index) => {
    const day = 10 + index;
    write(
      embedSlug(sample.provider, 'code'),
      embedArticle(`Embed code from ${sample.provider}`, day, sample.code),
    );
    write(embedSlug(sample.provider, 'url'), embedArticle(`URL from ${sample.provider}`, day, sample.url));
  });
  write(
    'unknown-iframe',
    embedArticle(
      'A map that cannot be embedded',
      25,
      `A map the council published shows the route:\n\n${UNKNOWN_IFRAME}`,
    ),
  );
  write('no-embeds', embedArticle('No embeds here', 26, 'Just text.'));
  write(CODE_SAMPLE_SLUG, CODE_SAMPLE_ARTICLE);
}
