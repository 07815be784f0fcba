/**
 * Declared sections (content/sections.yaml): checked like authors, with "did you mean", and the
 * file itself checked with line numbers; without the file, sections are not declared.
 */
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProjectContent } from '../../src/integrations/content-check.ts';
import { formatProblem } from '../../src/lib/frontmatter-check-format.ts';
import { declaredSections } from '../../src/lib/sections.ts';
import { AUTHOR, article, writeTree } from './fixtures.ts';

const SECTIONS =
  'sections:\n  - slug: news\n    name: News\n    description: What happened today.\n' +
  '  - slug: sport\n    name: Sport\n    description: Results and the stories behind them.\n';

let tree: ReturnType<typeof writeTree> | undefined;
afterEach(() => tree?.cleanup());

function check(files: Record<string, string>) {
  tree = writeTree({ 'content/authors/amara-okafor.yaml': AUTHOR, ...files });
  return checkProjectContent(pathToFileURL(`${tree.root}/`));
}

describe('declared sections', () => {
  it('reject a misspelt section, naming file, line, field and the section meant', () => {
    const { problems } = check({
      'content/sections.yaml': SECTIONS,
      'content/articles/a.md': article({ section: 'nwes' }),
    });
    expect(problems.map(formatProblem)).toEqual([
      'content/articles/a.md:4:1  section: unknown section "nwes"\n' +
        '    expected: a slug listed in content/sections.yaml\n    fix: did you mean "news"?',
    ]);
  });

  it('list the declared sections when nothing is close', () => {
    const { problems } = check({
      'content/sections.yaml': SECTIONS,
      'content/articles/a.md': article({ section: 'weather' }),
    });
    expect(problems[0]?.hint).toBe('use one of: news, sport, or add the section to content/sections.yaml');
  });

  it('accept a declared section', () => {
    expect(
      check({ 'content/sections.yaml': SECTIONS, 'content/articles/a.md': article({ section: 'sport' }) })
        .problems,
    ).toEqual([]);
  });

  it('check the sections file itself: misspelt fields, missing description, a slug listed twice', () => {
    const broken =
      'sections:\n  - slug: news\n    nmae: News\n    description: Today.\n  - slug: news\n    name: News again\n';
    const { problems } = check({ 'content/sections.yaml': broken, 'content/articles/a.md': article() });
    const lines = problems.map(formatProblem).join('\n');
    expect(lines).toContain('content/sections.yaml:3:5  sections[0].nmae: unknown field "nmae"');
    expect(lines).toContain('did you mean "name"?');
    expect(lines).toContain('content/sections.yaml:5:5  sections[1].description: required field is missing');
    expect(lines).toContain(
      'content/sections.yaml:5:5  sections[1].slug: the section "news" is listed twice (first as sections[0])',
    );
  });

  it('are not checked when the project has no sections file', () => {
    expect(check({ 'content/articles/a.md': article({ section: 'anything' }) }).problems).toEqual([]);
  });

  it('are read in menu order, with name and description', () => {
    check({ 'content/sections.yaml': SECTIONS });
    expect(declaredSections(tree!.root)).toEqual([
      { slug: 'news', name: 'News', description: 'What happened today.' },
      { slug: 'sport', name: 'Sport', description: 'Results and the stories behind them.' },
    ]);
  });
});
