/**
 * The schema owns each field: its description and example live in `.meta()` in
 * src/content.config.ts, and the content check's messages take them from there, so a new field
 * documented there is known to the checker without touching another file.
 */
import { join } from 'node:path';
import { z } from 'astro/zod';
import type { SchemaContext } from 'astro/content/config';
import { afterAll, describe, expect, it } from 'vitest';
import { articleSchema, authorSchema, pageSchema, sectionsFileSchema } from '../../src/content.config.ts';
import { checkContent, type ValidatingSchema } from '../../src/lib/frontmatter-check.ts';
import {
  descriptionAt,
  exampleAt,
  fieldPaths,
  writtenExample,
  type SchemaLike,
} from '../../src/lib/frontmatter-check-schema.ts';
import { AUTHOR, article, writeTree } from './fixtures.ts';

const context = { image: () => z.string() } as unknown as SchemaContext;
const toPath = (field: string) =>
  field.split('.').flatMap((step) => (step.endsWith('[]') ? [step.slice(0, -2), 0] : [step]));

describe.each([
  ['article', articleSchema(context)],
  ['author', authorSchema(context)],
  ['page', pageSchema],
  ['sections file', sectionsFileSchema],
] as const)('the %s schema', (_name, schema) => {
  const fields = fieldPaths(schema as SchemaLike);

  it.each(fields)('describes %s and gives an example of it', (field) => {
    expect(descriptionAt(schema, toPath(field))?.length).toBeGreaterThan(5);
    expect(exampleAt(schema, toPath(field))).toBeDefined();
  });

  it('accepts a file written from its own examples', () => {
    const shape = (schema as unknown as { shape: Record<string, unknown> }).shape;
    const example = Object.fromEntries(Object.keys(shape).map((key) => [key, exampleAt(schema, [key])]));
    expect(schema.safeParse(example).error?.issues ?? []).toEqual([]);
  });
});

describe('writtenExample', () => {
  it('writes lists and groups of fields on one line, as YAML flow', () => {
    expect(writtenExample(['Coast', 'Heritage'])).toBe('[Coast, Heritage]');
    expect(writtenExample({ relationship: 'original' })).toBe('{ relationship: original }');
    expect(writtenExample(true)).toBe('true');
  });
});

describe('a field added to the schema with .meta()', () => {
  const kicker = z
    .string()
    .optional()
    .meta({ description: 'A word above the headline.', examples: ['Exclusive'] });
  const withKicker = articleSchema(context).extend({ kicker });
  const tree = writeTree({
    'content/authors/amara-okafor.yaml': AUTHOR,
    'content/articles/misspelt.md': article({ kickr: 'Exclusive' }),
    'content/articles/wrong-type.md': article({ kicker: '[Exclusive, Analysis]' }),
  });
  afterAll(tree.cleanup);
  const result = checkContent({
    root: tree.root,
    articlesDir: join(tree.root, 'content/articles'),
    authorsDir: join(tree.root, 'content/authors'),
    assetsDir: join(tree.root, 'content/assets'),
    articleSchema: withKicker as unknown as ValidatingSchema,
    authorSchema: authorSchema(context) as unknown as ValidatingSchema,
  });
  const problemOf = (file: string) =>
    result.problems.find((problem) => problem.file === `content/articles/${file}`);

  it('is suggested for a misspelt key', () => {
    expect(problemOf('misspelt.md')).toMatchObject({
      field: 'kickr',
      hint: 'did you mean "kicker"? Rename the key.',
    });
    expect(problemOf('misspelt.md')?.expected).toContain('kicker');
  });

  it('gives its own example when written wrong', () => {
    expect(problemOf('wrong-type.md')).toMatchObject({
      field: 'kicker',
      hint: 'write it like `kicker: Exclusive`',
    });
  });
});
