/**
 * Links between articles are checked against the content before rendering: a missing article or
 * heading is reported at its body line with the closest slug or heading; good links, aliases,
 * files next to the article and links elsewhere pass.
 */
import { describe, expect, it } from 'vitest';
import { articleLinkProblems, type LinkedArticle } from '../../src/lib/article-links.ts';

const target: LinkedArticle = {
  id: 'harbour-vote',
  aliases: ['pier-vote'],
  body: 'Intro.\n\n## The vote\n\nText.\n\n## What happens next\n\nMore.\n',
};
const check = (body: string) => articleLinkProblems([target, { id: 'linker', aliases: [], body }])[1]!;

describe('links between articles', () => {
  it('pass when the article and heading exist (relative, site-absolute, alias, same page)', () => {
    const body = [
      '[the vote](../harbour-vote/#the-vote)',
      '[next](/articles/harbour-vote/#what-happens-next)',
      '[old address](../pier-vote/)',
      '[a photo](./photo.jpg)',
      '[elsewhere](https://example.org/articles/nope/)',
      '[top](#page-top)',
    ].join('\n\n');
    expect(check(body)).toEqual([]);
  });

  it('report a misspelt article slug at its line, with the closest slug', () => {
    expect(check('Text.\n\nSee [the vote](../harbour-vot/).\n')).toEqual([
      {
        line: 3,
        column: 5,
        message: 'the link "../harbour-vot/" points to /articles/harbour-vot/, but no article has that slug',
        hint: 'did you mean "../harbour-vote/"?',
      },
    ]);
  });

  it('read raw HTML <a href> too: a misspelt slug reported at its href, a good heading passes', () => {
    const body =
      'Text.\n\n<p><a href="../harbour-vot/">The vote</a>, <a href="../harbour-vote/#the-vote">it</a></p>';
    expect(check(body)).toEqual([
      {
        line: 3,
        column: 7,
        message: 'the link "../harbour-vot/" points to /articles/harbour-vot/, but no article has that slug',
        hint: 'did you mean "../harbour-vote/"?',
      },
    ]);
  });

  it('report a heading the target does not have, with the closest heading', () => {
    const [problem] = check('[the vote](../harbour-vote/#the-votes)\n');
    expect(problem).toMatchObject({ line: 1, column: 1, hint: 'did you mean "#the-vote"?' });
    expect(problem!.message).toBe(
      'the link "../harbour-vote/#the-votes" points to a heading ' +
        '"#the-votes" that /articles/harbour-vote/ does not have',
    );
  });

  it('check fragments on the same page against its own headings', () => {
    expect(check('## Background\n\nSee [above](#backgrund).\n')[0]?.hint).toBe('did you mean "#background"?');
  });

  it('leave fragments of articles with hand-written HTML headings to the post-build check', () => {
    const html: LinkedArticle = { id: 'html', aliases: [], body: '<h2 id="custom">Custom</h2>\n' };
    expect(
      articleLinkProblems([html, { id: 'linker', aliases: [], body: '[x](../html/#custom)\n' }])[1],
    ).toEqual([]);
  });
});

describe('text fragments', () => {
  it('are not read as ids: alone, or after a heading that exists', () => {
    expect(
      check(
        '[a](../harbour-vote/#:~:text=the%20vote) [b](#:~:text=Intro) [c](../harbour-vote/#the-vote:~:text=Text)\n',
      ),
    ).toEqual([]);
  });

  it('leave the id before them checked', () => {
    expect(check('[a](../harbour-vote/#the-votes:~:text=Text)\n')[0]).toMatchObject({
      hint: 'did you mean "#the-vote"?',
    });
  });
});

describe('predicted heading ids', () => {
  it('match the pipeline for a heading whose slug would clash with page chrome ids', () => {
    const chrome: LinkedArticle = { id: 'chrome', aliases: [], body: '## Page one\n\nText.\n' };
    const problems = articleLinkProblems([
      chrome,
      {
        id: 'linker',
        aliases: [],
        body: '[x](../chrome/#section-page-one) [y](../chrome/#section-page-on)\n',
      },
    ])[1]!;
    expect(problems.map((problem) => problem.hint)).toEqual(['did you mean "#section-page-one"?']);
  });
});

describe('explicit heading ids ({#id})', () => {
  const migrated: LinkedArticle = {
    id: 'migrated',
    aliases: [],
    body: '## The vote {#old-vote}\n\n## Update\n\n## Later {#update}\n\n## Bad {#page-x}\n',
  };
  const problemsOf = (body: string) =>
    articleLinkProblems([migrated, { id: 'linker', aliases: [], body }])[1]!;

  it('are predicted as the pipeline gives them, generated ids stepping aside', () => {
    expect(
      problemsOf(
        '[a](../migrated/#old-vote) [b](../migrated/#update) [c](../migrated/#update-1) [d](../migrated/#bad)\n',
      ),
    ).toEqual([]);
  });

  it('replace the generated id, which no longer exists', () => {
    expect(problemsOf('[a](../migrated/#the-vote)\n')).toEqual([
      expect.objectContaining({
        message:
          'the link "../migrated/#the-vote" points to a heading "#the-vote" that /articles/migrated/ does not have',
        hint: 'link to one of its headings: #old-vote, #update-1, #update, #bad',
      }),
    ]);
  });
});
