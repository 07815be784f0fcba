/**
 * Articles the browser tests add to the real content, built once for all of them
 * (`realContentWithCodeAndVideo` in tests/helpers/global-build.ts): each test opens only its own
 * article's page.
 */

/** A code block wider than a phone: tests/browser/code-blocks.test.ts. */
export const CODE_SAMPLE_ARTICLE = {
  slug: 'code-sample',
  text:
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
`,
} as const;

/** A YouTube video as a URL on its own line: tests/browser/embeds.test.ts. */
export const VIDEO_ARTICLE = {
  slug: 'harbour-light-video',
  text: `---
title: The Kelmouth harbour light, filmed
pubDate: 2026-11-20T10:00:00+00:00
section: news
source:
  relationship: original
---

Volunteers filmed the first night of the relit lamp.

[The Kelmouth harbour light is lit again](https://youtu.be/aBcDeFgHiJk "Filmed by the Kelmouth Harbour Trust")

The trust thanked its volunteers.
`,
} as const;
