/**
 * docs/editors.md documents every front-matter field of the real schema (src/content.config.ts),
 * with an example and whether it is required, and documents no field the schema lacks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import type { SchemaContext } from 'astro/content/config';
import { describe, expect, it } from 'vitest';
import { articleSchema, authorSchema, sectionsFileSchema } from '../../src/content.config.ts';
import { fieldPaths, isOptionalAt, type SchemaLike } from '../../src/lib/frontmatter-check-schema.ts';
import { projectRoot } from '../helpers/build-site.ts';

const context = { image: () => z.string() } as unknown as SchemaContext;
const guide = readFileSync(join(projectRoot, 'docs/editors.md'), 'utf8');

/** Rows of the reference table under `heading`: field -> { required, example }. */
function referenceTable(heading: string): Map<string, { required: string; example: string }> {
  const section = guide.split(/^### /m).find((part) => part.startsWith(`${heading}\n`)) ?? '';
  const rows = new Map<string, { required: string; example: string }>();
  for (const line of section.split('\n')) {
    const cells = /^\| `([^`]+)` \|(.*)$/
      .exec(line)?.[2]
      ?.split(' | ')
      .map((cell) => cell.replace(/\|$/, '').trim());
    if (cells) rows.set(/^\| `([^`]+)`/.exec(line)![1]!, { required: cells[0]!, example: cells[2]! });
  }
  return rows;
}

const toPath = (field: string) =>
  field.split('.').flatMap((step) => (step.endsWith('[]') ? [step.slice(0, -2), 0] : [step]));

describe.each([
  ['Article fields', articleSchema(context) as unknown as SchemaLike],
  ['Author fields', authorSchema(context) as unknown as SchemaLike],
  ['Section fields', sectionsFileSchema as unknown as SchemaLike],
])('docs/editors.md, %s', (heading, schema) => {
  const table = referenceTable(heading);
  const fields = fieldPaths(schema);

  it('has a row for every schema field and none for fields the schema lacks', () => {
    expect(fields.length).toBeGreaterThan(3);
    expect([...table.keys()].sort()).toEqual([...fields].sort());
  });

  it.each(fields)('gives %s an example that writes the field', (field) => {
    const leaf = field.split('.').at(-1)!.replace('[]', '');
    expect(table.get(field)?.example).toMatch(new RegExp(`\`\\s*(- )?${leaf}:`));
  });

  it.each(fields)('says whether %s is required, as the schema does', (field) => {
    const required = !isOptionalAt(schema, toPath(field));
    expect(table.get(field)?.required.startsWith('yes'), table.get(field)?.required).toBe(required);
  });
});
