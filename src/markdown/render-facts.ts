/**
 * What the markdown plugins learn about a body that its page needs besides the HTML: the origins
 * its embeds frame (for the page's CSP), what the sanitizer removed and what other plugins
 * changed or could not do (for the editor).
 *
 * Astro's renderer returns only the HTML, headings, image paths and the front matter object it
 * was given, so plugins note these facts on that object (file.data.astro.frontmatter, where
 * Astro's own docs have plugins put computed values) under one key no article can use: YAML
 * front matter is checked against the schema before anything renders.
 */
import type { VFile } from 'vfile';

export interface RenderFacts {
  /** Origins the body's video embeds load from when a reader opens them (src/markdown/rehype-embeds.ts). */
  frameOrigins: string[];
  /** What the sanitizer removed, where (src/markdown/rehype-sanitize-report.ts). */
  removed: Removal[];
  /** What other plugins changed or could not do, with a fix (a demoted h1, an unusable heading id), said as is. */
  notes: BodyNote[];
}

export interface BodyNote {
  /** Line and column in the article file (not the body). */
  line: number;
  column: number;
  /** What happened, e.g. `removed <iframe src="https://maps.example/x">` for a removal. */
  message: string;
  /** What to do instead. */
  fix: string;
}

/** What the sanitizer removed; content-check says "the sanitizer " before the message. */
export type Removal = BodyNote;

const KEY = 'wirepress:render-facts';

interface AstroData {
  astro?: { frontmatter?: Record<string, unknown> };
}

function factsIn(file: VFile): RenderFacts {
  const astro = ((file.data as AstroData).astro ??= {});
  const frontmatter = (astro.frontmatter ??= {});
  return (frontmatter[KEY] ??= { frameOrigins: [], removed: [], notes: [] }) as RenderFacts;
}

export function noteFrameOrigins(file: VFile, origins: string[]): void {
  if (origins.length)
    factsIn(file).frameOrigins = [...new Set([...factsIn(file).frameOrigins, ...origins])].sort();
}

export function noteRemovals(file: VFile, removals: Removal[]): void {
  if (removals.length) factsIn(file).removed.push(...removals);
}

export function noteBodyNotes(file: VFile, notes: BodyNote[]): void {
  if (notes.length) factsIn(file).notes.push(...notes);
}

/** The facts noted while rendering, read from the front matter the renderer returned. */
export function factsOf(frontmatter: Record<string, unknown>): RenderFacts {
  const facts = frontmatter[KEY] as RenderFacts | undefined;
  return {
    frameOrigins: facts?.frameOrigins ?? [],
    removed: facts?.removed ?? [],
    notes: facts?.notes ?? [],
  };
}
