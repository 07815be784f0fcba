/**
 * The declared sections (content/sections.yaml), in menu order. The content check validates the
 * file against sectionsFileSchema (src/content.config.ts) before anything renders, so pages read
 * it as plain data. Without the file, sections are not declared and are named after their slugs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const SECTIONS_FILE = 'content/sections.yaml';

export interface DeclaredSection {
  slug: string;
  name: string;
  description: string;
}

/** The sections declared under `root`, or undefined when the project has no sections file. */
export function declaredSections(root: string): DeclaredSection[] | undefined {
  const file = join(root, SECTIONS_FILE);
  if (!existsSync(file)) return undefined;
  const data = parse(readFileSync(file, 'utf8'), { schema: 'core' }) as {
    sections?: DeclaredSection[];
  } | null;
  return (data?.sections ?? []).map(({ slug, name, description }) => ({
    slug,
    name: name.trim(),
    description: description.trim(),
  }));
}
