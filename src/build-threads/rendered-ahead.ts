/**
 * The hand-over of article bodies rendered on the second thread (bodies-ahead.ts) to the pages
 * that show them (src/data/article-body.ts). One owner offers bodies for the length of a build;
 * pages take them through `renderArticleOrTake`, which renders a body itself whenever there is
 * none to take, so a build without the thread renders exactly the same pages.
 */
import { renderArticle, type RenderedArticle } from '../markdown/render-article.ts';

/** A body the other thread rendered, with the exact source it rendered. */
export interface RenderedSource {
  source: string;
  rendered: RenderedArticle;
}

/** Where pages find bodies rendered ahead. */
export interface RenderedAhead {
  /** The other thread's render of the file at `path`, or undefined: render it yourself. */
  take(path: string): Promise<RenderedSource> | undefined;
}

/**
 * Kept on globalThis, under a registry symbol, because this module is loaded twice in one
 * `astro build`: once with astro.config.ts and its integrations (the offering side), and once
 * more in the pages' bundle, which Vite builds apart from the config, so a variable of this
 * module would not be the pages' variable (tried: the pages took none of the bodies). Nothing
 * outside this module reads the slot.
 */
const SLOT = Symbol.for('wirepress.rendered-ahead');
const shared = globalThis as { [SLOT]?: RenderedAhead };

/**
 * Offers bodies rendered ahead to the pages until the returned function withdraws them. A newer
 * offer replaces an older one, whose withdrawal then leaves the newer in place.
 */
export function offerRenderedAhead(ahead: RenderedAhead): () => void {
  shared[SLOT] = ahead;
  return () => {
    if (shared[SLOT] === ahead) delete shared[SLOT];
  };
}

/**
 * `renderArticle`, unless the second thread already rendered this very text. A render that failed
 * there is done again here, where the error names the article and stops the page.
 */
export async function renderArticleOrTake(path: string, source: string): Promise<RenderedArticle> {
  const early = await shared[SLOT]?.take(path)?.catch(() => undefined);
  return early?.source === source ? early.rendered : renderArticle(path, source);
}
